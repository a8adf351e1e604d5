import { lastWeeks, risingScore, weekOf, weekStart } from '../../shared/cost';
import type {
  Hotspot,
  HotspotDetail,
  HotspotList,
  HotspotListQuery,
  ImpactMix,
  SystemHotspot,
} from '../../shared/hotspots';
import { meetsK, reporterKey } from '../../shared/kanon';
import type { Settings } from '../../shared/settings';
import { getCatalogItem } from '../db/catalog';
import {
  getHotspot,
  type HotspotEntity,
  hostHasHotspots,
  listMembers,
  listRootsStatement,
  namedOthersOfRoots,
  toRoots,
  toWeekCells,
  weekCells,
  weekCellsStatement,
} from '../db/hotspots';
import { cyclesOfRoots, toProgress } from '../db/pdsa';
import { resolutionOf } from '../db/training';
import { now, toIso } from '../lib/clock';
import { notFound } from '../lib/errors';
import { unitShares, unitsAndItems } from './kanon-views';
import { invalid } from './validation';

const TREND_WEEKS = 12;
const DAY_MS = 86_400_000;
/** Weeks before any flag can exist: "from the beginning". */
export const FIRST_WEEK = -1;

type ListQuery = Omit<HotspotListQuery, 'sort' | 'limit'> & {
  sort: NonNullable<HotspotListQuery['sort']>;
  limit: number;
};

/**
 * The week window a query asks for: dates snap to the whole Monday-to-Monday weeks that hold them, so
 * no two windows differ by less than a week. Null `from` means all of it up to `to`.
 */
export function weekWindow(from: string | undefined, to: string | undefined) {
  const toWeek = to ? weekOf(Date.parse(to) + DAY_MS - 1) : weekOf(now());
  const fromWeek = from ? weekOf(Date.parse(from)) : null;
  const ranged = from !== undefined || to !== undefined;
  const range = ranged ? { from: toIso(weekStart(fromWeek ?? FIRST_WEEK)), to: toIso(weekStart(toWeek + 1)) } : null;
  return { fromWeek, toWeek, ranged, range };
}

const addImpact = (a: ImpactMix, b: ImpactMix): ImpactMix => ({
  none: a.none + b.none,
  delay: a.delay + b.delay,
  risk: a.risk + b.risk,
  harm: a.harm + b.harm,
});
const NO_IMPACT: ImpactMix = { none: 0, delay: 0, risk: 0, harm: 0 };

function toApi(h: HotspotEntity, trend: number[], rising: number): Hotspot {
  return {
    id: h.id,
    screen: h.screen,
    category: h.category,
    title: h.title,
    status: h.status,
    response: h.response,
    respondedAt: h.respondedAt,
    flagCount: h.flagCount,
    reporterCount: h.reporterCount,
    minutesPerWeek: h.minutesPerWeek,
    impact: h.impact,
    trend,
    rising,
    mergedInto: h.mergedInto,
    createdAt: h.createdAt,
  };
}

export async function requireKnownFilters(db: D1Database, q: { unitId?: string; host?: string }) {
  if (q.unitId && !(await getCatalogItem(db, 'units', q.unitId))) throw invalid('unitId', 'Unknown unit');
  if (q.host) {
    if (!(await hostHasHotspots(db, q.host))) throw invalid('host', 'No flags have come from this system');
  }
}

/**
 * The ranked list. Reads only rollups: every root hotspot (optionally one category or host) and
 * the weekly cells of the window, plus one unit's reporter cells when filtering by unit.
 */
export async function buildHotspotList(
  db: D1Database,
  q: ListQuery,
  settings: Settings,
  viewerId: string,
): Promise<HotspotList> {
  const k = settings.kAnonymity;
  const { fromWeek, toWeek, ranged, range } = weekWindow(q.from, q.to);
  const trendWeeks = lastWeeks(weekStart(toWeek), TREND_WEEKS);
  const firstTrendWeek = trendWeeks[0] ?? toWeek;
  const readFrom = fromWeek === null ? (ranged ? FIRST_WEEK : firstTrendWeek) : Math.min(fromWeek, firstTrendWeek);
  // Both reads in one round trip.
  const [rootsRead, cellsRead] = await db.batch([
    listRootsStatement(db, { category: q.category, host: q.host }),
    weekCellsStatement(db, readFrom, toWeek),
  ]);
  const roots = toRoots(rootsRead);
  const cells = toWeekCells(cellsRead);

  const byRoot = new Map<string, { weeks: Map<number, number>; flags: number; minutes: number; impact: ImpactMix }>();
  for (const cell of cells) {
    const agg = byRoot.get(cell.rootId) ?? { weeks: new Map(), flags: 0, minutes: 0, impact: NO_IMPACT };
    agg.weeks.set(cell.week, (agg.weeks.get(cell.week) ?? 0) + cell.flags);
    if (cell.week >= (fromWeek ?? FIRST_WEEK)) {
      agg.flags += cell.flags;
      agg.minutes += cell.minutes;
      agg.impact = addImpact(agg.impact, cell.impact);
    }
    byRoot.set(cell.rootId, agg);
  }

  // With a unit filter: the unit's shown cells per root, and how many roots under the same filters
  // it has cells on but none shown — itself held back below k.
  let suppressed: number | null = null;
  let unitShare: Awaited<ReturnType<typeof unitShares>>['byRoot'] | null = null;
  if (q.unitId) {
    const shares = await unitShares(db, q.unitId, { fromWeek: fromWeek ?? FIRST_WEEK, toWeek }, k, viewerId);
    unitShare = shares.byRoot;
    const held = roots.filter((h) => shares.heldRoots.has(h.id)).length;
    suppressed = meetsK(held, k) ? held : null;
  }

  let list: Hotspot[] = [];
  for (const h of roots) {
    const agg = byRoot.get(h.id);
    const trend = trendWeeks.map((w) => agg?.weeks.get(w) ?? 0);
    const rising = agg ? risingScore(agg.weeks, toWeek) : 0;
    let view = h;
    if (ranged) {
      if (!agg || agg.flags === 0) continue;
      view = { ...view, flagCount: agg.flags, minutesPerWeek: agg.minutes, impact: agg.impact };
    }
    if (unitShare) {
      const share = unitShare.get(h.id);
      if (!share) continue;
      view = { ...view, flagCount: share.flags, reporterCount: share.reporters, minutesPerWeek: share.minutes };
    }
    list.push(toApi(view, trend, rising));
  }

  const key: Record<ListQuery['sort'], (h: Hotspot) => number> = {
    cost: (h) => h.minutesPerWeek,
    count: (h) => h.flagCount,
    newest: (h) => Date.parse(h.createdAt),
    rising: (h) => h.rising,
  };
  const by = key[q.sort];
  // Harm first for leads, then the chosen order.
  list.sort(
    (a, b) =>
      Number(b.impact.harm > 0) - Number(a.impact.harm > 0) ||
      by(b) - by(a) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  list = list.slice(0, q.limit);
  return { hotspots: list, k, suppressed, weeks: trendWeeks.map((w) => toIso(weekStart(w))), range };
}

/** The drill-down: numbers at the root, units and flags as the viewer may see them (kanon-views.ts). */
export async function buildHotspotDetail(
  db: D1Database,
  id: string,
  settings: Settings,
  viewerId: string,
): Promise<HotspotDetail> {
  const k = settings.kAnonymity;
  const h = await getHotspot(db, id);
  if (!h) throw notFound('Hotspot');
  const toWeek = weekOf(now());
  const trendWeeks = lastWeeks(weekStart(toWeek), TREND_WEEKS);
  const [cells, members, seen, cycles, resolved] = await Promise.all([
    weekCells(db, trendWeeks[0] ?? toWeek, toWeek, h.id),
    listMembers(db, h.id),
    unitsAndItems(db, h.id, k, viewerId, 200, weekOf),
    cyclesOfRoots(db, [h.id]),
    resolutionOf(db, h.id),
  ]);
  const weeks = new Map<number, number>();
  for (const c of cells) weeks.set(c.week, (weeks.get(c.week) ?? 0) + c.flags);
  return {
    ...toApi(
      h,
      trendWeeks.map((w) => weeks.get(w) ?? 0),
      risingScore(weeks, toWeek),
    ),
    members: members.map((m) => ({ id: m.id, screen: m.screen, category: m.category })),
    ...seen,
    cycles: cycles.get(h.id) ?? [],
    k,
    ...resolved,
  };
}

/**
 * What every clinician on the system sees of its hotspots. The number of people shows only where
 * named reporters other than the viewer (when one is given) reach k.
 */
export async function toSystemHotspots(
  db: D1Database,
  roots: HotspotEntity[],
  k: number,
  viewerId: string | null = null,
): Promise<SystemHotspot[]> {
  const ids = roots.map((r) => r.id);
  const [cycles, named] = await Promise.all([
    cyclesOfRoots(db, ids),
    namedOthersOfRoots(db, ids, viewerId === null ? null : reporterKey(viewerId)),
  ]);
  return roots.map((h) => ({
    id: h.id,
    path: h.screen?.path ?? null,
    category: h.category,
    title: h.title,
    status: h.status,
    response: h.response,
    respondedAt: h.respondedAt,
    reporterCount: meetsK(named.get(h.id) ?? 0, k) ? h.reporterCount : null,
    harm: h.impact.harm > 0,
    cycles: (cycles.get(h.id) ?? []).map(toProgress),
  }));
}
