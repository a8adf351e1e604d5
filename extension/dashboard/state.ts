import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import { Category } from '../../shared/enums';
import { HotspotSort } from '../../shared/hotspots';
import type { System } from '../../shared/systems';
import { createSessionApi } from '../lib/session-api';
import { type StoredSession, sessionItem } from '../lib/storage';

type BrowserLike = Pick<typeof browser, 'runtime'>;

/** The dashboard's filters; they live in the page's URL so a view can be bookmarked and shared. */
export interface Filters {
  from?: string;
  to?: string;
  unitId?: string;
  category?: Category;
  host?: string;
  sort: HotspotSort;
  /** The open hotspot, if any. */
  hotspot?: string;
  tab: 'hotspots' | 'programme';
}

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
    tab: q.get('tab') === 'programme' ? 'programme' : 'hotspots',
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

export interface DashboardDeps {
  browser?: BrowserLike;
  fetchFn?: typeof fetch;
  location?: Pick<Location, 'search'>;
  history?: Pick<History, 'replaceState'>;
}

/** The lead dashboard's state: the popup's stored session, one API caller, filters in the URL. */
export function createDashboardState(deps: DashboardDeps = {}) {
  const b = deps.browser ?? browser;
  const loc = deps.location ?? globalThis.location;
  const hist = deps.history ?? globalThis.history;
  const ready = signal(false);
  const session = signal<StoredSession | null>(null);
  const status = signal('');
  const filters = signal<Filters>(parseFilters(loc?.search ?? ''));
  /** The admins' systems and screens, so hotspots read "Epic › Med Rec" rather than a path. */
  const systems = signal<System[]>([]);
  const isLead = computed(() => {
    const roles = session.value?.user.roles ?? [];
    return roles.includes('lead') || roles.includes('admin');
  });
  const { call } = createSessionApi({
    session: () => session.value,
    fetchFn: deps.fetchFn,
    version: () => b.runtime.getManifest().version,
  });

  async function init() {
    session.value = await sessionItem.getValue();
    sessionItem.watch((s) => {
      session.value = s;
    });
    ready.value = true;
    if (session.value) {
      void call(endpoints.systems, {})
        .then((r) => {
          systems.value = r.systems;
        })
        .catch(() => {});
    }
  }

  function setFilters(patch: Partial<Filters>) {
    const next = { ...filters.value, ...patch };
    for (const key of Object.keys(next) as (keyof Filters)[]) if (next[key] === '') delete next[key];
    filters.value = next;
    hist?.replaceState(null, '', filtersToSearch(next) || '?');
  }

  return {
    ready,
    session,
    status,
    filters,
    systems,
    isLead,
    init,
    setFilters,
    call,
    announce: (m: string) => (status.value = m),
  };
}

export type DashboardState = ReturnType<typeof createDashboardState>;

export const DashboardContext = createContext<DashboardState | null>(null);

export function useDashboard(): DashboardState {
  const state = useContext(DashboardContext);
  if (!state) throw new Error('useDashboard outside <DashboardContext.Provider>');
  return state;
}

/** Saves a CSV the API produced, without leaving the page. */
export function saveCsv(name: string, text: string, doc: Document = document) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
