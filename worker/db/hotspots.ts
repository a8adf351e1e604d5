import type { Category } from '../../shared/enums';
import type { FlagStatus } from '../../shared/flags';
import type { ImpactMix } from '../../shared/hotspots';
import { ANONYMOUS_REPORTER, cellKey } from '../../shared/kanon';
import { toIso } from '../lib/clock';
import { countedFlag, type PackedCell, recomputeRootsStatement, unpackUnits } from './rollups';

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

/** A unit cell (shared/kanon.ts) as stored, with the root, category and system of its hotspot. */
export interface StoredCell extends PackedCell {
  rootId: string;
  category: Category;
  host: string | null;
}

interface ColumnRow {
  week: number;
  hotspot_id: string;
  units: string;
  root_id: string;
  category: Category;
  host: string | null;
}

/**
 * Every unit cell in a week window: one range of hotspot_weeks, whose rows hold their column's cells
 * packed (migration 0023), so it reads hotspots × weeks rows however many units fill them.
 */
export async function cellsInWindow(db: D1Database, fromWeek: number, toWeek: number): Promise<StoredCell[]> {
  const { results } = await db
    .prepare(
      `SELECT w.week, w.hotspot_id, w.units, l.root_id, l.category, l.host
       FROM hotspot_weeks w JOIN hotspots l ON l.id = w.hotspot_id WHERE w.week BETWEEN ?1 AND ?2`,
    )
    .bind(fromWeek, toWeek)
    .all<ColumnRow>();
  return results.flatMap((r) =>
    unpackUnits(r.hotspot_id, r.week, r.units).map((c) => ({
      ...c,
      rootId: r.root_id,
      category: r.category,
      host: r.host,
    })),
  );
}

/**
 * The cells (`cellKey`) of a week window where this user has a counted named flag: what "other than the
 * viewer" takes out. Only the window's flags are read (flags_by_user), however long the user has flagged.
 */
export async function cellsOfReporter(
  db: D1Database,
  userId: string,
  fromWeek: number,
  toWeek: number,
): Promise<Set<string>> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT hotspot_id, (created_at - 345600000) / 604800000 AS week, COALESCE(unit_id, '') AS unit_key
       FROM flags WHERE user_id = ?1 AND created_at >= ?2 * 604800000 + 345600000
         AND created_at < (?3 + 1) * 604800000 + 345600000 AND withdrawn IS NULL AND ${countedFlag('flags')}`,
    )
    .bind(userId, fromWeek, toWeek)
    .all<{ hotspot_id: string; week: number; unit_key: string }>();
  return new Set(results.map((r) => cellKey({ hotspotId: r.hotspot_id, week: r.week, unitKey: r.unit_key })));
}

/** A named reporter's membership of one cell (migration 0025: who is in it, not how much). */
export interface ReporterRow {
  hotspotId: string;
  week: number;
  unitKey: string;
  reporterKey: string;
}

/**
 * A root's cells over all time and the named reporters in them, in one round trip: the cells packed
 * in the columns of the hotspots under it (hotspots × weeks rows), the people from unit_reporters.
 */
export async function cellsOfRoot(
  db: D1Database,
  rootId: string,
): Promise<{ cells: PackedCell[]; reporters: ReporterRow[] }> {
  const [columns, people] = await db.batch([
    db
      .prepare(
        `SELECT w.hotspot_id, w.week, w.units FROM hotspots l JOIN hotspot_weeks w ON w.hotspot_id = l.id
         WHERE l.root_id = ?1`,
      )
      .bind(rootId),
    db
      .prepare(
        `SELECT u.hotspot_id, u.week, u.unit_key, u.reporter_key
         FROM hotspots l JOIN unit_reporters u ON u.hotspot_id = l.id
         WHERE l.root_id = ?1 AND u.reporter_key <> '${ANONYMOUS_REPORTER}'`,
      )
      .bind(rootId),
  ]);
  const cells = ((columns?.results ?? []) as { hotspot_id: string; week: number; units: string }[]).flatMap((r) =>
    unpackUnits(r.hotspot_id, r.week, r.units),
  );
  const reporters = (
    (people?.results ?? []) as { hotspot_id: string; week: number; unit_key: string; reporter_key: string }[]
  ).map((r) => ({ hotspotId: r.hotspot_id, week: r.week, unitKey: r.unit_key, reporterKey: r.reporter_key }));
  return { cells, reporters };
}

/** Named reporters of one unit in a week window, by cell: who a unit-filtered list counts as people. */
export async function namedReportersOfUnit(db: D1Database, unitKey: string, fromWeek: number, toWeek: number) {
  const { results } = await db
    .prepare(
      `SELECT hotspot_id, week, reporter_key FROM unit_reporters
       WHERE unit_key = ?1 AND week BETWEEN ?2 AND ?3 AND reporter_key <> '${ANONYMOUS_REPORTER}'`,
    )
    .bind(unitKey, fromWeek, toWeek)
    .all<{ hotspot_id: string; week: number; reporter_key: string }>();
  return results.map((r) => ({
    key: cellKey({ hotspotId: r.hotspot_id, week: r.week, unitKey }),
    hotspotId: r.hotspot_id,
    reporterKey: r.reporter_key,
  }));
}

/** Per root, distinct named reporters other than `viewerKey` on any hotspot under it. */
export async function namedOthersOfRoots(
  db: D1Database,
  rootIds: string[],
  viewerKey: string | null,
): Promise<Map<string, number>> {
  if (rootIds.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT l.root_id, COUNT(DISTINCT u.reporter_key) AS named
       FROM hotspots l JOIN unit_reporters u ON u.hotspot_id = l.id
       WHERE l.root_id IN (SELECT value FROM json_each(?1)) AND u.reporter_key <> '${ANONYMOUS_REPORTER}'
         AND u.reporter_key <> COALESCE(?2, '')
       GROUP BY l.root_id`,
    )
    .bind(JSON.stringify(rootIds), viewerKey)
    .all<{ root_id: string; named: number }>();
  return new Map(results.map((r) => [r.root_id, r.named]));
}

export async function listMembers(db: D1Database, rootId: string): Promise<HotspotEntity[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM hotspots WHERE root_id = ?1 AND id <> ?1 ORDER BY created_at`)
    .bind(rootId)
    .all<HotspotRow>();
  return results.map(toHotspot);
}

export interface ItemRow {
  hotspot_id: string;
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
 * Counted flags filed into the given hotspots, for the drill-down. Named flags newest first, then
 * anonymous ones in random-id order, so the order says nothing about when an anonymous flag came.
 */
export async function listItems(db: D1Database, hotspotIds: string[], limit: number): Promise<ItemRow[]> {
  if (hotspotIds.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT f.hotspot_id, f.text, f.idea, f.category, f.impact, f.frequency, f.minutes_lost, f.unit_id, f.created_at,
         f.anonymous, CASE WHEN f.contact_ok = 1 AND f.anonymous = 0 THEN u.display_name END AS contact_name
       FROM flags f LEFT JOIN users u ON u.id = f.user_id
       WHERE f.hotspot_id IN (SELECT value FROM json_each(?1)) AND f.withdrawn IS NULL AND ${countedFlag('f')}
       ORDER BY f.anonymous, CASE WHEN f.anonymous = 0 THEN f.created_at END DESC, f.id LIMIT ?2`,
    )
    .bind(JSON.stringify(hotspotIds), limit)
    .all<ItemRow>();
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
  const [merged] = await db.batch([
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
  ]);
  return (merged?.meta.changes ?? 0) === 1;
}

/**
 * Undoes a merge: `id` and every hotspot merged into it (directly or through others) count at
 * `id` again. Returns whether it was merged.
 */
export async function unmergeHotspot(db: D1Database, id: string, formerRoot: string): Promise<boolean> {
  const [, undone] = await db.batch([
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
  ]);
  return (undone?.meta.changes ?? 0) === 1;
}

/** Runs an UPDATE … RETURNING on one root. */
async function updateReturning(update: D1PreparedStatement): Promise<HotspotRow | null> {
  return (await update.all<HotspotRow>()).results[0] ?? null;
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
  const row = await updateReturning(
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
  const row = await updateReturning(
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

/** Whether any flag (and so any hotspot) has come from this system's host. */
export async function hostHasHotspots(db: D1Database, host: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS x FROM hotspots WHERE host = ?1 LIMIT 1').bind(host).first()) !== null;
}
