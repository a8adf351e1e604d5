import { weekStart } from '../../shared/cost';
import type { Category, Frequency, Impact } from '../../shared/enums';
import type { Breakdown, HotspotItem, OtherUnits, UnitCell } from '../../shared/hotspots';
import { type BaseCell, cellKey, meetsK, reporterKey, splitCells } from '../../shared/kanon';
import {
  cellsInWindow,
  cellsOfReporter,
  cellsOfRoot,
  type ItemRow,
  listItems,
  namedReportersOfUnit,
  type StoredCell,
} from '../db/hotspots';
import { toIso } from '../lib/clock';

/**
 * Every figure below organisation level, built from unit cells by the one rule in shared/kanon.ts:
 * shown cells add up, held-back cells pool into "other units". The viewer is whoever asks: their own
 * named flags never help a cell, or a screen's texts, reach k.
 */

export type ViewerCell = StoredCell & BaseCell;

/** The cells of a week window, each marked with whether the viewer is among its named reporters. */
export async function windowCells(db: D1Database, fromWeek: number, toWeek: number, viewerId: string) {
  const [cells, mine] = await Promise.all([
    cellsInWindow(db, fromWeek, toWeek),
    cellsOfReporter(db, viewerId, fromWeek, toWeek),
  ]);
  return cells.map((c): ViewerCell => ({ ...c, viewerIn: mine.has(cellKey(c)) }));
}

interface Sum {
  flags: number;
  minutes: number;
}

/** Flags and minutes per group, in the order groups first appear. */
export function sumBy<T extends BaseCell>(cells: readonly T[], group: (c: T) => string): Map<string, Sum & { of: T }> {
  const out = new Map<string, Sum & { of: T }>();
  for (const c of cells) {
    const key = group(c);
    const sum = out.get(key) ?? { flags: 0, minutes: 0, of: c };
    sum.flags += c.flags;
    sum.minutes += c.minutes;
    out.set(key, sum);
  }
  return out;
}

const total = (cells: readonly BaseCell[]): OtherUnits => {
  const s = sumBy(cells, () => '').get('');
  return { flags: s?.flags ?? 0, minutesPerWeek: s?.minutes ?? 0 };
};

const unitCell = (unitKey: string, s: Sum): UnitCell => ({
  unitId: unitKey === '' ? null : unitKey,
  flags: s.flags,
  minutesPerWeek: s.minutes,
});

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Per unit, unit × category (of the screen a flag was filed into) and unit × week, each with its pool. */
export async function buildBreakdown(
  db: D1Database,
  window: { fromWeek: number; toWeek: number; range: Breakdown['range'] },
  category: Category | undefined,
  k: number,
  viewerId: string,
): Promise<Breakdown> {
  const cells = (await windowCells(db, window.fromWeek, window.toWeek, viewerId)).filter(
    (c) => category === undefined || c.category === category,
  );
  const { shown, held } = splitCells(cells, k);
  const rows = <R>(map: Map<string, Sum & { of: ViewerCell }>, make: (s: Sum & { of: ViewerCell }) => R) =>
    [...map.entries()]
      .map(([key, s]) => ({ key, row: make(s) }))
      .sort(byKey)
      .map((x) => x.row);
  const week = (w: number) => toIso(weekStart(w));
  return {
    k,
    range: window.range,
    units: rows(
      sumBy(shown, (c) => c.unitKey),
      (s) => unitCell(s.of.unitKey, s),
    ),
    otherUnits: total(held),
    unitCategories: rows(
      sumBy(shown, (c) => `${c.unitKey}|${c.category}`),
      (s) => ({ ...unitCell(s.of.unitKey, s), category: s.of.category }),
    ),
    otherByCategory: rows(
      sumBy(held, (c) => c.category),
      (s) => ({ flags: s.flags, minutesPerWeek: s.minutes, category: s.of.category }),
    ),
    unitWeeks: rows(
      sumBy(shown, (c) => `${c.unitKey}|${String(c.week).padStart(8, '0')}`),
      (s) => ({ ...unitCell(s.of.unitKey, s), week: week(s.of.week) }),
    ),
    otherByWeek: rows(
      sumBy(held, (c) => String(c.week).padStart(8, '0')),
      (s) => ({ flags: s.flags, minutesPerWeek: s.minutes, week: week(s.of.week) }),
    ),
  };
}

export interface UnitShare {
  flags: number;
  minutes: number;
  reporters: number;
}

/**
 * One unit's share of each root in a week window: the sum of its shown cells, the named people in
 * them, and the roots where the unit has cells but none shown.
 */
export async function unitShares(
  db: D1Database,
  unitId: string,
  window: { fromWeek: number; toWeek: number },
  k: number,
  viewerId: string,
) {
  const [cells, people] = await Promise.all([
    windowCells(db, window.fromWeek, window.toWeek, viewerId),
    namedReportersOfUnit(db, unitId, window.fromWeek, window.toWeek),
  ]);
  const { shown, held } = splitCells(cells, k);
  const mine = shown.filter((c) => c.unitKey === unitId);
  const shownKeys = new Set(mine.map(cellKey));
  const byRoot = new Map<string, UnitShare>();
  const rootOfLeaf = new Map(cells.map((c) => [c.hotspotId, c.rootId]));
  const names = new Map<string, Set<string>>();
  for (const p of people) {
    if (!shownKeys.has(p.key)) continue;
    const root = rootOfLeaf.get(p.hotspotId) ?? p.hotspotId;
    names.set(root, (names.get(root) ?? new Set()).add(p.reporterKey));
  }
  for (const [root, s] of sumBy(mine, (c) => c.rootId)) {
    byRoot.set(root, { flags: s.flags, minutes: s.minutes, reporters: names.get(root)?.size ?? 0 });
  }
  const heldRoots = new Set(held.filter((c) => c.unitKey === unitId && !byRoot.has(c.rootId)).map((c) => c.rootId));
  return { byRoot, heldRoots };
}

function toItem(row: ItemRow, shownKeys: ReadonlySet<string>, week: (ms: number) => number): HotspotItem {
  const anonymous = row.anonymous === 1;
  const unitKey = row.unit_id ?? '';
  const unitShown =
    !anonymous &&
    row.unit_id !== null &&
    shownKeys.has(cellKey({ hotspotId: row.hotspot_id, week: week(row.created_at), unitKey }));
  return {
    text: row.text,
    idea: row.idea,
    category: row.category,
    impact: row.impact as Impact,
    frequency: row.frequency as Frequency,
    minutesLost: row.minutes_lost,
    // Anonymous flags never show unit or time; a named one shows its unit only where its cell shows.
    unitId: unitShown ? row.unit_id : null,
    day: anonymous ? null : toIso(row.created_at).slice(0, 10),
    anonymous,
    contactName: anonymous ? null : row.contact_name,
  };
}

/**
 * A root's units and flags as the viewer may see them. Units: its cells over all time, by the rule.
 * Flags: only those filed into a screen (hotspot) that has k distinct named reporters other than the
 * viewer — each flag's own screen, so merging, undoing or re-categorising never changes what shows.
 */
export async function unitsAndItems(
  db: D1Database,
  rootId: string,
  k: number,
  viewerId: string,
  limit: number,
  week: (ms: number) => number,
) {
  const viewerKey = reporterKey(viewerId);
  const { cells: packed, reporters } = await cellsOfRoot(db, rootId);
  const mine = new Set(reporters.filter((r) => r.reporterKey === viewerKey).map(cellKey));
  const cells: BaseCell[] = packed.map((c) => ({ ...c, viewerIn: mine.has(cellKey(c)) }));
  const people = new Map<string, Set<string>>();
  for (const r of reporters) {
    if (r.reporterKey !== viewerKey) people.set(r.hotspotId, (people.get(r.hotspotId) ?? new Set()).add(r.reporterKey));
  }
  const { shown, held } = splitCells(cells, k);
  const units = [...sumBy(shown, (c) => c.unitKey).entries()]
    .map(([key, s]) => ({ key, row: unitCell(key, s) }))
    .sort(byKey)
    .map((x) => x.row);
  const visible = new Set([...people].filter(([, names]) => meetsK(names.size, k)).map(([leaf]) => leaf));
  const itemsHidden = packed.filter((c) => !visible.has(c.hotspotId)).reduce((n, c) => n + c.flags, 0);
  const shownKeys = new Set(shown.map(cellKey));
  const items = (await listItems(db, [...visible], limit)).map((row) => toItem(row, shownKeys, week));
  return { units, otherUnits: total(held), itemsVisible: visible.size > 0, itemsHidden, items };
}
