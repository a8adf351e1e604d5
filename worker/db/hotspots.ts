import type { Category } from '../../shared/enums';
import type { FlagStatus } from '../../shared/flags';
import type { ImpactMix } from '../../shared/hotspots';
import { toIso } from '../lib/clock';
import { loopShiftOfHotspots, recomputeRootsStatement } from './rollups';

export interface HotspotRow {
  id: string;
  host: string | null;
  path: string | null;
  category: Category;
  title: string | null;
  merged_into: string | null;
  root_id: string;
  status: FlagStatus;
  response: string | null;
  responded_at: number | null;
  created_at: number;
  flag_count: number;
  reporter_count: number;
  minutes_week: number;
  impact_none: number;
  impact_delay: number;
  impact_risk: number;
  impact_harm: number;
}

export interface HotspotEntity {
  id: string;
  screen: { host: string; path: string } | null;
  category: Category;
  title: string | null;
  mergedInto: string | null;
  rootId: string;
  status: FlagStatus;
  response: string | null;
  respondedAt: string | null;
  createdAt: string;
  createdAtMs: number;
  flagCount: number;
  reporterCount: number;
  minutesPerWeek: number;
  impact: ImpactMix;
}

const COLUMNS = `id, host, path, category, title, merged_into, root_id, status, response, responded_at, created_at,
  flag_count, reporter_count, minutes_week, impact_none, impact_delay, impact_risk, impact_harm`;

export function toHotspot(row: HotspotRow): HotspotEntity {
  return {
    id: row.id,
    screen: row.host && row.path ? { host: row.host, path: row.path } : null,
    category: row.category,
    title: row.title,
    mergedInto: row.merged_into,
    rootId: row.root_id,
    status: row.status,
    response: row.response,
    respondedAt: row.responded_at === null ? null : toIso(row.responded_at),
    createdAt: toIso(row.created_at),
    createdAtMs: row.created_at,
    flagCount: row.flag_count,
    reporterCount: row.reporter_count,
    minutesPerWeek: row.minutes_week,
    impact: { none: row.impact_none, delay: row.impact_delay, risk: row.impact_risk, harm: row.impact_harm },
  };
}

export async function getHotspot(db: D1Database, id: string): Promise<HotspotEntity | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM hotspots WHERE id = ?1`).bind(id).first<HotspotRow>();
  return row ? toHotspot(row) : null;
}

/** Roots with counted flags (or a public response), optionally one category and one host. */
export function listRootsStatement(
  db: D1Database,
  filter: { category?: Category; host?: string; withResponses?: boolean },
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM hotspots
       WHERE merged_into IS NULL AND (flag_count > 0 OR (?3 = 1 AND response IS NOT NULL))
         AND (?1 IS NULL OR category = ?1) AND (?2 IS NULL OR host = ?2)`,
    )
    .bind(filter.category ?? null, filter.host ?? null, filter.withResponses ? 1 : 0);
}

export const toRoots = (result: D1Result | undefined): HotspotEntity[] =>
  ((result?.results ?? []) as HotspotRow[]).map(toHotspot);

export async function listRoots(
  db: D1Database,
  filter: { category?: Category; host?: string; withResponses?: boolean },
): Promise<HotspotEntity[]> {
  return toRoots(await listRootsStatement(db, filter).all());
}

export interface WeekCell {
  rootId: string;
  week: number;
  flags: number;
  minutes: number;
  impact: ImpactMix;
}

interface WeekCellRow {
  root_id: string;
  week: number;
  flag_count: number;
  minutes_week: number;
  impact_none: number;
  impact_delay: number;
  impact_risk: number;
  impact_harm: number;
}

/** Weekly rollups of every hotspot in a week window, by the root they count at. */
export function weekCellsStatement(
  db: D1Database,
  fromWeek: number,
  toWeek: number,
  rootId: string | null = null,
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT l.root_id, w.week, w.flag_count, w.minutes_week, w.impact_none, w.impact_delay, w.impact_risk, w.impact_harm
       FROM hotspot_weeks w JOIN hotspots l ON l.id = w.hotspot_id
       WHERE w.week BETWEEN ?1 AND ?2 AND (?3 IS NULL OR l.root_id = ?3)`,
    )
    .bind(fromWeek, toWeek, rootId);
}

export const toWeekCells = (result: D1Result | undefined): WeekCell[] =>
  ((result?.results ?? []) as WeekCellRow[]).map((r) => ({
    rootId: r.root_id,
    week: r.week,
    flags: r.flag_count,
    minutes: r.minutes_week,
    impact: { none: r.impact_none, delay: r.impact_delay, risk: r.impact_risk, harm: r.impact_harm },
  }));

export async function weekCells(
  db: D1Database,
  fromWeek: number,
  toWeek: number,
  rootId: string | null = null,
): Promise<WeekCell[]> {
  return toWeekCells(await weekCellsStatement(db, fromWeek, toWeek, rootId).all());
}

export interface UnitTotals {
  key: string;
  reporters: number;
  flags: number;
  minutes: number;
}

/** One unit's share of each root, in a week window: distinct reporters ('anon' counts once). */
export async function unitTotalsByRoot(
  db: D1Database,
  unitId: string,
  fromWeek: number,
  toWeek: number,
): Promise<UnitTotals[]> {
  const { results } = await db
    .prepare(
      `SELECT l.root_id AS key, COUNT(DISTINCT u.reporter_key) AS reporters, SUM(u.flag_count) AS flags,
         SUM(u.minutes_week) AS minutes
       FROM unit_reporters u JOIN hotspots l ON l.id = u.hotspot_id
       WHERE u.unit_key = ?1 AND u.week BETWEEN ?2 AND ?3 GROUP BY l.root_id`,
    )
    .bind(unitId, fromWeek, toWeek)
    .all<UnitTotals>();
  return results;
}

/** A root's units: distinct reporters, flags and minutes per unit ('' for no unit). */
export async function unitTotalsOfRoot(db: D1Database, rootId: string): Promise<UnitTotals[]> {
  const { results } = await db
    .prepare(
      `SELECT u.unit_key AS key, COUNT(DISTINCT u.reporter_key) AS reporters, SUM(u.flag_count) AS flags,
         SUM(u.minutes_week) AS minutes
       FROM hotspots l JOIN unit_reporters u ON u.hotspot_id = l.id
       WHERE l.root_id = ?1 GROUP BY u.unit_key`,
    )
    .bind(rootId)
    .all<UnitTotals>();
  return results;
}

export interface BreakdownRow {
  unitKey: string;
  category: Category | null;
  week: number | null;
  reporters: number;
  flags: number;
  minutes: number;
}

/**
 * Below-organisation cells over a week window: per unit, unit × category (the flag's own
 * category, which is its hotspot's before any merge) and unit × week.
 */
export async function breakdownCells(
  db: D1Database,
  fromWeek: number,
  toWeek: number,
  category: Category | undefined,
): Promise<{ units: BreakdownRow[]; unitCategories: BreakdownRow[]; unitWeeks: BreakdownRow[] }> {
  const base = `FROM unit_reporters u JOIN hotspots l ON l.id = u.hotspot_id
    WHERE u.week BETWEEN ?1 AND ?2 AND (?3 IS NULL OR l.category = ?3)`;
  const cols = `COUNT(DISTINCT u.reporter_key) AS reporters, SUM(u.flag_count) AS flags, SUM(u.minutes_week) AS minutes`;
  const bind = (sql: string) => db.prepare(sql).bind(fromWeek, toWeek, category ?? null);
  type Row = {
    unit_key: string;
    category?: Category;
    week?: number;
    reporters: number;
    flags: number;
    minutes: number;
  };
  const [units, cats, weeks] = await db.batch<Row>([
    bind(`SELECT u.unit_key, ${cols} ${base} GROUP BY u.unit_key`),
    bind(`SELECT u.unit_key, l.category, ${cols} ${base} GROUP BY u.unit_key, l.category`),
    bind(`SELECT u.unit_key, u.week, ${cols} ${base} GROUP BY u.unit_key, u.week`),
  ]);
  const map = (rows: Row[] | undefined): BreakdownRow[] =>
    (rows ?? []).map((r) => ({
      unitKey: r.unit_key,
      category: r.category ?? null,
      week: r.week ?? null,
      reporters: r.reporters,
      flags: r.flags,
      minutes: r.minutes,
    }));
  return { units: map(units?.results), unitCategories: map(cats?.results), unitWeeks: map(weeks?.results) };
}

export async function listMembers(db: D1Database, rootId: string): Promise<HotspotEntity[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM hotspots WHERE root_id = ?1 AND id <> ?1 ORDER BY created_at`)
    .bind(rootId)
    .all<HotspotRow>();
  return results.map(toHotspot);
}

export interface ItemRow {
  text: string;
  idea: string | null;
  category: Category;
  impact: string;
  frequency: string;
  minutes_lost: number;
  unit_id: string | null;
  created_at: number;
  anonymous: number;
  contact_name: string | null;
}

/**
 * Counted flags under a root, for the drill-down. Named flags newest first, then anonymous ones
 * in random-id order, so the order says nothing about when an anonymous flag came.
 */
export async function listItems(db: D1Database, rootId: string, limit: number): Promise<ItemRow[]> {
  const { results } = await db
    .prepare(
      `SELECT f.text, f.idea, f.category, f.impact, f.frequency, f.minutes_lost, f.unit_id, f.created_at, f.anonymous,
         CASE WHEN f.contact_ok = 1 AND f.anonymous = 0 THEN u.display_name END AS contact_name
       FROM hotspots l JOIN flags f ON f.hotspot_id = l.id AND f.withdrawn IS NULL LEFT JOIN users u ON u.id = f.user_id
       WHERE l.root_id = ?1
       ORDER BY f.anonymous, CASE WHEN f.anonymous = 0 THEN f.created_at END DESC, f.id LIMIT ?2`,
    )
    .bind(rootId, limit)
    .all<ItemRow>();
  return results;
}

/**
 * Recent counted flag texts on one system's screens with the root they count at, for "similar
 * flags": the `limit` newest of each hotspot on the host, then the `limit` newest of those, so the
 * rows read are bounded by the host's hotspots, not its flags.
 */
export async function recentTextsOnHost(db: D1Database, host: string, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT f.text, l.root_id FROM hotspots l, flags f
       WHERE l.host = ?1 AND f.id IN (SELECT x.id FROM flags x WHERE x.hotspot_id = l.id AND x.withdrawn IS NULL
         ORDER BY x.created_at DESC LIMIT ?2)
       ORDER BY f.created_at DESC LIMIT ?2`,
    )
    .bind(host, limit)
    .all<{ text: string; root_id: string }>();
  return results;
}

export async function getRoots(db: D1Database, ids: string[]): Promise<HotspotEntity[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM hotspots WHERE id IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(ids))
    .all<HotspotRow>();
  return results.map(toHotspot);
}

/**
 * Merges `id` into `target` (already resolved to its root). One conditional UPDATE decides:
 * `id` must be unmerged, `target` a root and not `id`. Returns whether it merged.
 */
export async function mergeHotspot(db: D1Database, id: string, target: string): Promise<boolean> {
  const [, merged] = await db.batch([
    loopShiftOfHotspots(db, -1, [id, target]),
    db
      .prepare(
        `UPDATE hotspots SET merged_into = ?2 WHERE id = ?1 AND merged_into IS NULL AND ?1 <> ?2
           AND EXISTS (SELECT 1 FROM hotspots WHERE id = ?2 AND merged_into IS NULL)`,
      )
      .bind(id, target),
    db
      .prepare(
        'UPDATE hotspots SET root_id = ?2 WHERE root_id = ?1 AND (SELECT merged_into FROM hotspots WHERE id = ?1) = ?2',
      )
      .bind(id, target),
    recomputeRootsStatement(db, [id, target]),
    loopShiftOfHotspots(db, 1, [id, target]),
  ]);
  return (merged?.meta.changes ?? 0) === 1;
}

/**
 * Undoes a merge: `id` and every hotspot merged into it (directly or through others) count at
 * `id` again. Returns whether it was merged.
 */
export async function unmergeHotspot(db: D1Database, id: string, formerRoot: string): Promise<boolean> {
  const [, , undone] = await db.batch([
    loopShiftOfHotspots(db, -1, [id, formerRoot]),
    db
      .prepare(
        `WITH RECURSIVE sub(id) AS (
           SELECT id FROM hotspots WHERE merged_into = ?1
           UNION SELECT h.id FROM hotspots h JOIN sub ON h.merged_into = sub.id)
         UPDATE hotspots SET root_id = ?1
         WHERE id IN (SELECT id FROM sub) AND (SELECT merged_into FROM hotspots WHERE id = ?1) IS NOT NULL`,
      )
      .bind(id),
    db
      .prepare('UPDATE hotspots SET merged_into = NULL, root_id = id WHERE id = ?1 AND merged_into IS NOT NULL')
      .bind(id),
    recomputeRootsStatement(db, [id, formerRoot]),
    loopShiftOfHotspots(db, 1, [id, formerRoot]),
  ]);
  return (undone?.meta.changes ?? 0) === 1;
}

/** Runs an UPDATE … RETURNING on root `id` between the loop shifts its state change needs. */
async function withLoopShift(db: D1Database, id: string, update: D1PreparedStatement): Promise<HotspotRow | null> {
  const [, updated] = await db.batch<HotspotRow>([
    loopShiftOfHotspots(db, -1, [id]),
    update,
    loopShiftOfHotspots(db, 1, [id]),
  ]);
  return updated?.results[0] ?? null;
}

/**
 * Moves a root's status one step: the UPDATE carries the allowed-from set, so a skipped step or
 * a lost race changes nothing. Returns the row, or null when the rule refused.
 */
export async function setStatus(
  db: D1Database,
  id: string,
  to: FlagStatus,
  from: FlagStatus[],
  at: number,
): Promise<HotspotEntity | null> {
  const row = await withLoopShift(
    db,
    id,
    db
      .prepare(
        `UPDATE hotspots SET status = ?2, status_at = ?3
         WHERE id = ?1 AND merged_into IS NULL AND status IN (SELECT value FROM json_each(?4))
         RETURNING ${COLUMNS}`,
      )
      .bind(id, to, at, JSON.stringify(from)),
  );
  return row ? toHotspot(row) : null;
}

export async function setResponse(
  db: D1Database,
  id: string,
  patch: { response?: string | null; title?: string | null },
  by: string,
  at: number,
): Promise<HotspotEntity | null> {
  const row = await withLoopShift(
    db,
    id,
    db
      .prepare(
        `UPDATE hotspots SET
         response = CASE WHEN ?2 = 1 THEN ?3 ELSE response END,
         responded_at = CASE WHEN ?2 = 1 THEN (CASE WHEN ?3 IS NULL THEN NULL ELSE ?6 END) ELSE responded_at END,
         responded_by = CASE WHEN ?2 = 1 THEN ?7 ELSE responded_by END,
         title = CASE WHEN ?4 = 1 THEN ?5 ELSE title END
       WHERE id = ?1 AND merged_into IS NULL RETURNING ${COLUMNS}`,
      )
      .bind(
        id,
        patch.response === undefined ? 0 : 1,
        patch.response ?? null,
        patch.title === undefined ? 0 : 1,
        patch.title ?? null,
        at,
        by,
      ),
  );
  return row ? toHotspot(row) : null;
}
