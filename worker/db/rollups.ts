import { weekOf } from '../../shared/cost';
import type { Category, Impact } from '../../shared/enums';
import { reporterKey } from '../../shared/kanon';

/**
 * Rollups kept on write. A flag's statements run in the same batch as its insert and each is
 * conditional on that insert having happened in this batch (the flag's id is fresh per attempt),
 * so a replayed retry adds nothing. A withdrawal marks the flag row with its own id first and
 * every decrement requires that mark, so a replayed withdrawal subtracts nothing.
 */

export interface FlagRollup {
  flagId: string;
  /** Null for anonymous flags: they all share one reporter key. */
  userId: string | null;
  unitId: string | null;
  host: string | null;
  path: string | null;
  category: Category;
  impact: Impact;
  week: number;
  minutesWeek: number;
  /** The fresh id the flag insert named if no hotspot had its key yet (`hotspotLink`). */
  newHotspotId: string;
  at: number;
}

/** Flags without a screen share one hotspot per category, with no system. */
export function hotspotKey(host: string | null, path: string | null, category: string): string {
  return host && path ? `${host}|${path}|${category}` : `~|${category}`;
}

/**
 * What the flag insert stores of its hotspot: the one with this key, or `newHotspotId`, which
 * the flag's next statement then creates. D1 runs batches one at a time, so no other write can
 * create the key in between.
 */
export function hotspotLink(f: Pick<FlagRollup, 'host' | 'path' | 'category' | 'newHotspotId' | 'minutesWeek'>) {
  return { key: hotspotKey(f.host, f.path, f.category), newHotspotId: f.newHotspotId, minutesWeek: f.minutesWeek };
}

/** Adds (`+`) or takes off (`-`) one flag of impact `p` in the four impact columns. */
const impactCounts = (op: '+' | '-', p: string) =>
  ['none', 'delay', 'risk', 'harm'].map((i) => `impact_${i} = impact_${i} ${op} (${p} = '${i}')`).join(', ');

/** Reporter key `p` has no row on any hotspot under this root (`hotspots.id`). */
const reporterNewToRoot = (p: string) => `NOT EXISTS (SELECT 1 FROM hotspots l JOIN unit_reporters r
  ON r.hotspot_id = l.id AND r.reporter_key = ${p} WHERE l.root_id = hotspots.id)`;

/**
 * A root (alias `r`) "led to a change": resolved, or a PDSA cycle on any hotspot under it adopted
 * or adapted its idea. Programme health counts flags on such roots.
 */
export function rootChanged(r: string): string {
  return `(${r}.status = 'resolved' OR EXISTS (SELECT 1 FROM pdsa_cycles c JOIN hotspots c_l ON c_l.id = c.hotspot_id
    WHERE c_l.root_id = ${r}.id AND c.decision IN ('adopt', 'adapt')))`;
}

/** The counted flag ?1 with its hotspot `l` and that hotspot's root `r`. */
const COUNTED_FLAG = `flags f JOIN hotspots l ON l.id = f.hotspot_id JOIN hotspots r ON r.id = l.root_id
  WHERE f.id = ?1 AND f.withdrawn IS NULL`;

/**
 * The statements that make a just-inserted flag count: run them right after the flag insert,
 * which stored the flag's hotspot id and minutes per week (`hotspotLink`).
 */
export function flagRollupStatements(db: D1Database, f: FlagRollup): D1PreparedStatement[] {
  const key = hotspotKey(f.host, f.path, f.category);
  const reporter = reporterKey(f.userId);
  const unit = f.unitId ?? '';
  return [
    // Only when the flag named the fresh id, i.e. no hotspot had its key.
    db
      .prepare(
        `INSERT INTO hotspots (id, key, host, path, category, root_id, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?1, ?6 WHERE EXISTS (SELECT 1 FROM flags WHERE id = ?7 AND hotspot_id = ?1)
         ON CONFLICT(key) DO NOTHING`,
      )
      .bind(
        f.newHotspotId,
        key,
        f.host && f.path ? f.host : null,
        f.host && f.path ? f.path : null,
        f.category,
        f.at,
        f.flagId,
      ),
    // Totals at the root, the reporter counted only if new to every hotspot under that root (before
    // this flag's own unit_reporters cell, written below).
    db
      .prepare(
        `UPDATE hotspots SET flag_count = flag_count + 1, minutes_week = minutes_week + ?2,
           ${impactCounts('+', '?4')}, reporter_count = reporter_count + (${reporterNewToRoot('?3')})
         WHERE id = (SELECT l.root_id FROM ${COUNTED_FLAG})`,
      )
      .bind(f.flagId, f.minutesWeek, reporter, f.impact),
    db
      .prepare(
        `INSERT INTO hotspot_weeks (hotspot_id, week, flag_count, minutes_week, impact_none, impact_delay, impact_risk,
           impact_harm)
         SELECT hotspot_id, ?2, 1, minutes_week, impact = 'none', impact = 'delay', impact = 'risk', impact = 'harm'
         FROM flags WHERE id = ?1 AND withdrawn IS NULL
         ON CONFLICT (hotspot_id, week) DO UPDATE SET flag_count = flag_count + 1,
           minutes_week = minutes_week + excluded.minutes_week, impact_none = impact_none + excluded.impact_none,
           impact_delay = impact_delay + excluded.impact_delay, impact_risk = impact_risk + excluded.impact_risk,
           impact_harm = impact_harm + excluded.impact_harm`,
      )
      .bind(f.flagId, f.week),
    db
      .prepare(
        `INSERT INTO unit_reporters (hotspot_id, unit_key, week, reporter_key, flag_count, minutes_week)
         SELECT hotspot_id, ?2, ?3, ?4, 1, minutes_week FROM flags WHERE id = ?1 AND withdrawn IS NULL
         ON CONFLICT (hotspot_id, reporter_key, unit_key, week) DO UPDATE SET flag_count = flag_count + 1,
           minutes_week = minutes_week + excluded.minutes_week`,
      )
      .bind(f.flagId, unit, f.week, reporter),
    // The unit-level cell, counting the flag as responded / changed by its root's state now.
    db
      .prepare(
        `INSERT INTO unit_week_reporters (week, unit_key, reporter_key, flag_count, responded, changed)
         SELECT ?3, ?2, ?4, 1, r.response IS NOT NULL, ${rootChanged('r')} FROM ${COUNTED_FLAG}
         ON CONFLICT (week, unit_key, reporter_key) DO UPDATE SET flag_count = flag_count + 1,
           responded = responded + excluded.responded, changed = changed + excluded.changed`,
      )
      .bind(f.flagId, unit, f.week, reporter),
  ];
}

/** Binds as many values as the statement's highest `?N` asks for (D1 refuses extra bindings). */
function bindUsed(db: D1Database, sql: string, values: unknown[]): D1PreparedStatement {
  const highest = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return db.prepare(sql).bind(...values.slice(0, highest));
}

export interface FlagLink {
  flagId: string;
  hotspotId: string;
  reporterKey: string;
  unitKey: string;
  week: number;
  minutesWeek: number;
  impact: Impact;
  withdrawn: string | null;
}

interface LinkRow {
  id: string;
  hotspot_id: string | null;
  user_id: string | null;
  unit_id: string | null;
  created_at: number;
  minutes_week: number | null;
  impact: Impact;
  withdrawn: string | null;
}

/** What a flag added to the rollups, read back from its row (user, unit, time and impact never change). */
export async function findFlagLink(db: D1Database, flagId: string): Promise<FlagLink | null> {
  const row = await db
    .prepare(
      'SELECT id, hotspot_id, user_id, unit_id, created_at, minutes_week, impact, withdrawn FROM flags WHERE id = ?1',
    )
    .bind(flagId)
    .first<LinkRow>();
  return row?.hotspot_id
    ? {
        flagId: row.id,
        hotspotId: row.hotspot_id,
        reporterKey: reporterKey(row.user_id),
        unitKey: row.unit_id ?? '',
        week: weekOf(row.created_at),
        minutesWeek: row.minutes_week ?? 0,
        impact: row.impact,
        withdrawn: row.withdrawn,
      }
    : null;
}

/** The root state of hotspot ?3, for the unit-level cell a withdrawal leaves. */
const ROOT_OF_LEAF = 'FROM hotspots l JOIN hotspots r ON r.id = l.root_id WHERE l.id = ?3';

/**
 * Takes a flag out of every rollup. The first statement marks the flag with `withdrawalId`;
 * the rest run only while that mark is there, so a second withdrawal of the same flag is a no-op.
 */
export function withdrawStatements(db: D1Database, link: FlagLink, withdrawalId: string): D1PreparedStatement[] {
  const marked = 'EXISTS (SELECT 1 FROM flags WHERE id = ?1 AND withdrawn = ?2)';
  const values = [
    link.flagId,
    withdrawalId,
    link.hotspotId,
    link.reporterKey,
    link.impact,
    link.unitKey,
    link.week,
    link.minutesWeek,
  ];
  const b = (sql: string) => bindUsed(db, sql, values);
  return [
    b('UPDATE flags SET withdrawn = ?2 WHERE id = ?1 AND withdrawn IS NULL'),
    // The reporter's cell first: the root's reporter count below asks whether any cell is left.
    b(
      `UPDATE unit_reporters SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8
       WHERE hotspot_id = ?3 AND unit_key = ?6 AND week = ?7 AND reporter_key = ?4 AND ${marked}`,
    ),
    b(
      'DELETE FROM unit_reporters WHERE hotspot_id = ?3 AND unit_key = ?6 AND week = ?7 AND reporter_key = ?4 AND flag_count <= 0',
    ),
    b(
      `UPDATE hotspots SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8, ${impactCounts('-', '?5')},
         reporter_count = reporter_count - (${reporterNewToRoot('?4')})
       WHERE id = (SELECT root_id FROM hotspots WHERE id = ?3) AND ${marked}`,
    ),
    b(
      `UPDATE hotspot_weeks SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8, ${impactCounts('-', '?5')}
       WHERE hotspot_id = ?3 AND week = ?7 AND ${marked}`,
    ),
    b('DELETE FROM hotspot_weeks WHERE hotspot_id = ?3 AND week = ?7 AND flag_count <= 0'),
    b(
      `UPDATE unit_week_reporters SET flag_count = flag_count - 1,
         responded = responded - (SELECT r.response IS NOT NULL ${ROOT_OF_LEAF}),
         changed = changed - (SELECT ${rootChanged('r')} ${ROOT_OF_LEAF})
       WHERE week = ?7 AND unit_key = ?6 AND reporter_key = ?4 AND ${marked}`,
    ),
    b('DELETE FROM unit_week_reporters WHERE week = ?7 AND unit_key = ?6 AND reporter_key = ?4 AND flag_count <= 0'),
  ];
}

/**
 * Moves the roots of the hotspots `?1` selects out of (`sign` -1) or back into (+1) the
 * responded / changed counts of unit_week_reporters, by their state when it runs. A write that
 * changes a root's response, status, PDSA decisions or members runs -1 before it and +1 after it
 * in one batch, so the counts follow the new state (and a refused change nets to nothing).
 */
function loopShift(db: D1Database, sign: 1 | -1, leaves: string, value: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE unit_week_reporters AS t SET responded = t.responded + ?2 * c.responded, changed = t.changed + ?2 * c.changed
       FROM (SELECT u.week, u.unit_key, u.reporter_key,
               SUM(CASE WHEN r.response IS NOT NULL THEN u.flag_count ELSE 0 END) AS responded,
               SUM(CASE WHEN ${rootChanged('r')} THEN u.flag_count ELSE 0 END) AS changed
             FROM hotspots r JOIN hotspots l ON l.root_id = r.id JOIN unit_reporters u ON u.hotspot_id = l.id
             WHERE r.id IN (SELECT root_id FROM hotspots WHERE id IN (${leaves}))
             GROUP BY u.week, u.unit_key, u.reporter_key) AS c
       WHERE t.week = c.week AND t.unit_key = c.unit_key AND t.reporter_key = c.reporter_key
         AND (c.responded <> 0 OR c.changed <> 0)`,
    )
    .bind(value, sign);
}

/** `loopShift` for the roots the given hotspots count at. */
export const loopShiftOfHotspots = (db: D1Database, sign: 1 | -1, hotspotIds: string[]) =>
  loopShift(db, sign, 'SELECT value FROM json_each(?1)', JSON.stringify(hotspotIds));

/** `loopShift` for the root a PDSA cycle's hotspot counts at. */
export const loopShiftOfCycle = (db: D1Database, sign: 1 | -1, cycleId: string) =>
  loopShift(db, sign, 'SELECT hotspot_id FROM pdsa_cycles WHERE id = ?1', cycleId);

const sumUnderRoot = (column: string) =>
  `COALESCE((SELECT SUM(w.${column}) FROM hotspots l JOIN hotspot_weeks w ON w.hotspot_id = l.id
    WHERE l.root_id = hotspots.id), 0)`;

/**
 * Recomputes root totals from the per-hotspot rollups (not from raw flags): after a merge or an
 * undo, reading weeks and reporter sets of the hotspots under each root. Idempotent.
 */
export function recomputeRootsStatement(db: D1Database, ids: string[]): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE hotspots SET flag_count = ${sumUnderRoot('flag_count')}, minutes_week = ${sumUnderRoot('minutes_week')},
         impact_none = ${sumUnderRoot('impact_none')}, impact_delay = ${sumUnderRoot('impact_delay')},
         impact_risk = ${sumUnderRoot('impact_risk')}, impact_harm = ${sumUnderRoot('impact_harm')},
         reporter_count = (SELECT COUNT(DISTINCT r.reporter_key) FROM hotspots l
           JOIN unit_reporters r ON r.hotspot_id = l.id WHERE l.root_id = hotspots.id)
       WHERE id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids));
}
