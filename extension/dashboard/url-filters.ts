import type { z } from 'zod';
import { Category } from '../../shared/enums';
import { type HotspotListQuery, HotspotSort } from '../../shared/hotspots';

/**
 * The dashboard's filters: the hotspot list's own query (zod's output, so sort is always set) plus
 * the open hotspot and tab. They live in the page's URL so a view can be bookmarked and shared.
 */
export type Filters = Pick<
  z.output<typeof HotspotListQuery>,
  'from' | 'to' | 'unitId' | 'category' | 'host' | 'sort'
> & {
  /** The open hotspot, if any. */
  hotspot?: string;
  tab: 'hotspots' | 'programme' | 'units' | 'mentorships';
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{6,64}$/;
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/;

/** Reads filters from a query string, dropping anything malformed instead of failing. */
export function parseFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = q.get(key);
    return v !== null && ok(v) ? v : undefined;
  };
  const sort = HotspotSort.safeParse(q.get('sort'));
  const category = Category.safeParse(q.get('category'));
  return {
    from: pick('from', (v) => DAY.test(v)),
    to: pick('to', (v) => DAY.test(v)),
    unitId: pick('unitId', (v) => ID.test(v)),
    category: category.success ? category.data : undefined,
    host: pick('host', (v) => HOST.test(v)),
    sort: sort.success ? sort.data : 'cost',
    hotspot: pick('hotspot', (v) => ID.test(v)),
    tab: (['programme', 'units', 'mentorships'] as const).find((t) => t === q.get('tab')) ?? 'hotspots',
  };
}

export function filtersToSearch(f: Filters): string {
  const q = new URLSearchParams();
  for (const key of ['tab', 'from', 'to', 'unitId', 'category', 'host', 'sort', 'hotspot'] as const) {
    const v = f[key];
    if (v === undefined || (key === 'sort' && v === 'cost') || (key === 'tab' && v === 'hotspots')) continue;
    q.set(key, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
