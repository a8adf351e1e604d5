/**
 * k-anonymity below organisation level.
 *
 * Every unit figure is built from one kind of cell: the flags one unit (or "no unit") filed into one
 * hotspot screen (the flag's home, which merges never change) in one Monday-to-Monday week. A figure
 * over several weeks, screens, categories or a merged hotspot is the sum of the cells it covers that
 * are shown, never of the others, so no two answers can be subtracted to reach a cell that is not
 * shown. Whatever is not shown is pooled into one "other units" figure with no unit.
 *
 * A cell is shown to a viewer only when
 *  - it has at least k distinct named reporters other than the viewer (anonymous flags add to its
 *    numbers but never count towards k: they may all be one person, or the viewer), and
 *  - what its column (the same screen and week, every unit) holds back is either nothing, or at least
 *    two cells with a named reporter other than the viewer that together have k of them — so the
 *    column's total minus its shown cells never isolates one unit (complementary suppression).
 */

/** The reporter key rollups use: a named reporter's user id, or one shared key for every anonymous flag. */
export const ANONYMOUS_REPORTER = 'anon';

export function reporterKey(userId: string | null): string {
  return userId === null ? ANONYMOUS_REPORTER : `u:${userId}`;
}

/** One unit's flags filed into one hotspot in one week. `unitKey` is '' for flags without a unit. */
export interface BaseCell {
  hotspotId: string;
  week: number;
  unitKey: string;
  /** Distinct named reporters. */
  named: number;
  /** Whether the viewer is one of them. */
  viewerIn: boolean;
  flags: number;
  minutes: number;
}

export const cellKey = (c: Pick<BaseCell, 'hotspotId' | 'week' | 'unitKey'>) => `${c.hotspotId}|${c.week}|${c.unitKey}`;

/** Named reporters other than the viewer: what k counts. */
export const namedOthers = (c: Pick<BaseCell, 'named' | 'viewerIn'>) => c.named - (c.viewerIn ? 1 : 0);

export function meetsK(reporters: number, k: number): boolean {
  return reporters >= k;
}

/** Whether what a column holds back is safe to leave as "the rest": nothing, or two people's cells with k between them. */
function safePool(pool: readonly BaseCell[], k: number): boolean {
  if (pool.length === 0) return true;
  const eligible = pool.filter((c) => namedOthers(c) > 0);
  return eligible.length >= 2 && eligible.reduce((n, c) => n + namedOthers(c), 0) >= k;
}

/** The cells of one column (one hotspot and week) that show, by the rule above. */
function showColumn<T extends BaseCell>(column: readonly T[], k: number): T[] {
  const shown = column.filter((c) => meetsK(namedOthers(c), k));
  const pool: BaseCell[] = column.filter((c) => !meetsK(namedOthers(c), k));
  // Hold back the smallest shown cells until the pool is safe (or everything is held back).
  shown.sort((a, b) => a.flags - b.flags || a.named - b.named || (a.unitKey < b.unitKey ? -1 : 1));
  while (shown.length > 0 && !safePool(pool, k)) pool.push(shown.shift() as T);
  return shown;
}

/** Splits cells into those shown to the viewer and those held back, column by column. */
export function splitCells<T extends BaseCell>(cells: readonly T[], k: number): { shown: T[]; held: T[] } {
  const columns = new Map<string, T[]>();
  for (const c of cells) {
    const key = `${c.hotspotId}|${c.week}`;
    const column = columns.get(key);
    if (column) column.push(c);
    else columns.set(key, [c]);
  }
  const shown = new Set<T>();
  for (const column of columns.values()) for (const c of showColumn(column, k)) shown.add(c);
  return { shown: cells.filter((c) => shown.has(c)), held: cells.filter((c) => !shown.has(c)) };
}
