import { weekOf } from '../../shared/cost';
import type { Impact } from '../../shared/enums';
import { ANONYMOUS_REPORTER, reporterKey } from '../../shared/kanon';

/**
 * Rollups: what dashboards read instead of flags. Flags reach them only in batches (`applyStatements`,
 * run by the scheduled job through db/pending-rollups.ts), each cell written once per batch however many
 * flags it takes in. A withdrawal marks the flag row with its own id first and every decrement requires
 * that mark and a counted flag (`countedFlag`: one a batch has counted), so a replayed withdrawal
 * subtracts nothing and one of a flag still waiting subtracts nothing either.
 */

/** Flags without a screen share one hotspot per category, with no system. */
export function hotspotKey(host: string | null, path: string | null, category: string): string {
  return host && path ? `${host}|${path}|${category}` : `~|${category}`;
}

/** The SQL twin of `hotspotKey` for the flags row under alias `f`. */
export const keyOfFlag = (f: string) => `CASE WHEN ${f}.host IS NULL OR ${f}.path IS NULL THEN '~|' || ${f}.category
  ELSE ${f}.host || '|' || ${f}.path || '|' || ${f}.category END`;

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

/**
 * A counted flag (alias `f`): it names its hotspot and its epoch is before the current one (migration
 * 0024). A named flag names its hotspot from its insert when its key has one, but counts only once the
 * batch of its epoch has run; an anonymous one is linked by the batch that counts it.
 */
export const countedFlag = (f: string) =>
  `(${f}.hotspot_id IS NOT NULL AND ${f}.epoch < (SELECT epoch FROM rollup_epoch WHERE id = 1))`;

/**
 * The flags one batch counts: every flag of the current epoch that names its hotspot, and the unlinked
 * flags `waiting` picks from `flags f` (its values bound from ?1), each counted at the hotspot of its
 * key, which must exist when the batch runs.
 */
export interface FlagSelection {
  waiting: string;
  values: unknown[];
}

const batchColumns = `h.id AS hotspot_id, (f.created_at - 345600000) / 604800000 AS week,
    COALESCE(f.unit_id, '') AS unit_key,
    CASE WHEN f.user_id IS NULL THEN '${ANONYMOUS_REPORTER}' ELSE 'u:' || f.user_id END AS reporter_key,
    COALESCE(f.minutes_week, 0) AS minutes_week, f.impact`;

/**
 * The batch's flags as rollup rows, as a CTE named `b`. Week and reporter key are the SQL twins of
 * `weekOf` and `reporterKey`. The current epoch's flags are found hotspot by hotspot (CROSS JOIN keeps
 * that order): one seek of flags_by_hotspot each, so a batch reads hotspots and its own flags, never
 * the counted ones.
 */
const batchRows = (sel: FlagSelection) => `WITH b AS (
  SELECT ${batchColumns}
  FROM flags f JOIN hotspots h ON h.key = ${keyOfFlag('f')} WHERE (${sel.waiting}) AND f.withdrawn IS NULL
  UNION ALL
  SELECT ${batchColumns}
  FROM hotspots h CROSS JOIN flags f
  WHERE f.hotspot_id = h.id AND f.epoch = (SELECT epoch FROM rollup_epoch WHERE id = 1) AND f.withdrawn IS NULL)`;

/** How many flags the batch counts: run in its D1 batch before the statements that count them. */
export function batchSizeStatement(db: D1Database, sel: FlagSelection): D1PreparedStatement {
  return bindUsed(db, `${batchRows(sel)} SELECT COUNT(*) AS n FROM b`, sel.values);
}

/** Starts the next epoch: the last statement of a batch, after everything that reads the current one. */
export function nextEpochStatement(db: D1Database): D1PreparedStatement {
  return db.prepare('UPDATE rollup_epoch SET epoch = epoch + 1 WHERE id = 1');
}

const impactSums = ['none', 'delay', 'risk', 'harm'].map((i) => `SUM(b.impact = '${i}') AS i_${i}`).join(', ');
const impactAdds = ['none', 'delay', 'risk', 'harm'].map((i) => `impact_${i} = impact_${i} + c.i_${i}`).join(', ');
const impactExcluded = ['none', 'delay', 'risk', 'harm']
  .map((i) => `impact_${i} = impact_${i} + excluded.impact_${i}`)
  .join(', ');

/** The entries of a packed `units` array (migration 0023) as rows u (unit key), n (named), f (flags), m (minutes). */
const unitEntries = (json: string) =>
  `SELECT value ->> 0 AS u, value ->> 1 AS n, value ->> 2 AS f, value ->> 3 AS m FROM json_each(${json})`;

/** Packs rows u, n, f, m back into a `units` array (sorted by unit key), leaving out units with no flag left. */
const packUnits = (rows: string) =>
  `(SELECT json_group_array(json_array(u, n, f, m)) FROM (SELECT u, n, f, m FROM (${rows}) WHERE f > 0 ORDER BY u))`;

/**
 * The statements that make a batch of flags count, each rollup cell written once per batch. Run them
 * in one D1 batch after the statement that creates the hotspots their keys need and before the one
 * that links the flags (which takes them out of `sel`). The two that ask "is this reporter new here?"
 * read unit_reporters before the last statement adds the batch's reporters to it.
 */
export function applyStatements(db: D1Database, sel: FlagSelection): D1PreparedStatement[] {
  const b = batchRows(sel);
  const run = (sql: string) => bindUsed(db, `${b} ${sql}`, sel.values);
  return [
    // Totals at each root, a reporter counted only if new to every hotspot under that root.
    run(
      `UPDATE hotspots SET flag_count = flag_count + c.n, minutes_week = minutes_week + c.m, ${impactAdds},
         reporter_count = reporter_count + c.fresh
       FROM (SELECT l.root_id, COUNT(*) AS n, SUM(b.minutes_week) AS m, ${impactSums},
               COUNT(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM hotspots l2 JOIN unit_reporters r
                 ON r.hotspot_id = l2.id AND r.reporter_key = b.reporter_key WHERE l2.root_id = l.root_id)
                 THEN b.reporter_key END) AS fresh
             FROM b JOIN hotspots l ON l.id = b.hotspot_id GROUP BY l.root_id) AS c
       WHERE hotspots.id = c.root_id`,
    ),
    // A column's row once, its units packed (migration 0023); named counts only reporters new to the cell.
    run(
      `INSERT INTO hotspot_weeks (hotspot_id, week, flag_count, minutes_week, impact_none, impact_delay, impact_risk,
         impact_harm, units)
       SELECT c.hotspot_id, c.week, SUM(c.f), SUM(c.m), SUM(c.i_none), SUM(c.i_delay), SUM(c.i_risk), SUM(c.i_harm),
         json_group_array(json_array(c.u, c.n, c.f, c.m))
       FROM (SELECT b.hotspot_id, b.week, b.unit_key AS u,
               COUNT(DISTINCT CASE WHEN b.reporter_key <> '${ANONYMOUS_REPORTER}' AND NOT EXISTS (SELECT 1
                 FROM unit_reporters r WHERE r.hotspot_id = b.hotspot_id AND r.reporter_key = b.reporter_key
                   AND r.unit_key = b.unit_key AND r.week = b.week) THEN b.reporter_key END) AS n,
               COUNT(*) AS f, SUM(b.minutes_week) AS m, ${impactSums}
             FROM b GROUP BY b.hotspot_id, b.week, b.unit_key ORDER BY b.unit_key) AS c
       WHERE true GROUP BY c.hotspot_id, c.week
       ON CONFLICT (hotspot_id, week) DO UPDATE SET flag_count = flag_count + excluded.flag_count,
         minutes_week = minutes_week + excluded.minutes_week, ${impactExcluded},
         units = ${packUnits(
           `SELECT u, SUM(n) AS n, SUM(f) AS f, SUM(m) AS m FROM (${unitEntries('hotspot_weeks.units')}
            UNION ALL ${unitEntries('excluded.units')}) GROUP BY u`,
         )}`,
    ),
    // Membership only (migration 0025): a reporter already in a cell costs nothing.
    run(
      `INSERT INTO unit_reporters (hotspot_id, reporter_key, unit_key, week)
       SELECT DISTINCT b.hotspot_id, b.reporter_key, b.unit_key, b.week FROM b WHERE true
       ON CONFLICT (hotspot_id, reporter_key, unit_key, week) DO NOTHING`,
    ),
  ];
}

/** One unit's cell of a column (shared/kanon.ts) as packed in hotspot_weeks.units. */
export interface PackedCell {
  hotspotId: string;
  week: number;
  unitKey: string;
  named: number;
  flags: number;
  minutes: number;
}

/** A column's packed cells (hotspot_weeks.units, migration 0023): [unit_key, named, flags, minutes] each. */
export function unpackUnits(hotspotId: string, week: number, units: string): PackedCell[] {
  return (JSON.parse(units) as [string, number, number, number][]).map(([unitKey, named, flags, minutes]) => ({
    hotspotId,
    week,
    unitKey,
    named,
    flags,
    minutes,
  }));
}

/** Binds as many values as the statement's highest `?N` asks for (D1 refuses extra bindings). */
function bindUsed(db: D1Database, sql: string, values: unknown[]): D1PreparedStatement {
  const highest = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return db.prepare(sql).bind(...values.slice(0, highest));
}

export interface FlagLink {
  flagId: string;
  userId: string | null;
  reporterKey: string;
  unitKey: string;
  week: number;
  minutesWeek: number;
  impact: Impact;
  withdrawn: string | null;
}

interface LinkRow {
  id: string;
  user_id: string | null;
  unit_id: string | null;
  created_at: number;
  minutes_week: number | null;
  impact: Impact;
  withdrawn: string | null;
}

/** What a flag adds to the rollups, read back from its row (user, unit, time and impact never change). */
export async function findFlagLink(db: D1Database, flagId: string): Promise<FlagLink | null> {
  const row = await db
    .prepare('SELECT id, user_id, unit_id, created_at, minutes_week, impact, withdrawn FROM flags WHERE id = ?1')
    .bind(flagId)
    .first<LinkRow>();
  return row
    ? {
        flagId: row.id,
        userId: row.user_id,
        reporterKey: reporterKey(row.user_id),
        unitKey: row.unit_id ?? '',
        week: weekOf(row.created_at),
        minutesWeek: row.minutes_week ?? 0,
        impact: row.impact,
        withdrawn: row.withdrawn,
      }
    : null;
}

/**
 * Another counted flag of the same reporter is left in the flag's cell (hotspot `leaf`, unit ?6, week
 * ?7): what keeps the reporter's membership row. A named reporter's flags are found by user and time
 * (flags_by_user); anonymous flags, one reporter together, by the cell's hotspot and epoch 0, which
 * every anonymous flag keeps (migration 0024), so the seek passes over the hotspot's named flags.
 */
function reporterLeftInCell(link: FlagLink, leaf: string): string {
  const inCell = `o.hotspot_id = ${leaf} AND COALESCE(o.unit_id, '') = ?6
    AND o.created_at >= ?7 * 604800000 + 345600000 AND o.created_at < (?7 + 1) * 604800000 + 345600000
    AND o.withdrawn IS NULL AND ${countedFlag('o')}`;
  return link.userId === null
    ? `EXISTS (SELECT 1 FROM flags o WHERE o.user_id IS NULL AND o.epoch = 0 AND ${inCell})`
    : `EXISTS (SELECT 1 FROM flags o WHERE o.user_id = ?3 AND ${inCell})`;
}

/**
 * Takes a flag out of every rollup. The first statement marks the flag with `withdrawalId`; the rest
 * run only while that mark is there and the flag is counted (`countedFlag`), each reading the flag's
 * hotspot from its row as the batch runs: a second withdrawal is a no-op, and a flag withdrawn while
 * waiting is marked only (the batch then passes over it, or links it without counting it).
 */
export function withdrawStatements(db: D1Database, link: FlagLink, withdrawalId: string): D1PreparedStatement[] {
  const marked = `EXISTS (SELECT 1 FROM flags f WHERE f.id = ?1 AND f.withdrawn = ?2 AND ${countedFlag('f')})`;
  const leaf = '(SELECT hotspot_id FROM flags WHERE id = ?1)';
  const values = [
    link.flagId,
    withdrawalId,
    link.userId,
    link.reporterKey,
    link.impact,
    link.unitKey,
    link.week,
    link.minutesWeek,
  ];
  const b = (sql: string) => bindUsed(db, sql, values);
  const cell = `hotspot_id = ${leaf} AND unit_key = ?6 AND week = ?7`;
  return [
    b('UPDATE flags SET withdrawn = ?2 WHERE id = ?1 AND withdrawn IS NULL'),
    // The reporter leaves the cell first: the counts of reporters below ask whether they are still in it.
    b(
      `DELETE FROM unit_reporters WHERE ${cell} AND reporter_key = ?4 AND ${marked}
         AND NOT ${reporterLeftInCell(link, leaf)}`,
    ),
    b(
      `UPDATE hotspots SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8, ${impactCounts('-', '?5')},
         reporter_count = reporter_count - (${reporterNewToRoot('?4')})
       WHERE id = (SELECT root_id FROM hotspots WHERE id = ${leaf}) AND ${marked}`,
    ),
    b(
      `UPDATE hotspot_weeks SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8, ${impactCounts('-', '?5')},
         units = ${packUnits(
           `SELECT e.u, e.n - (e.u = ?6 AND ?4 <> '${ANONYMOUS_REPORTER}' AND NOT EXISTS (SELECT 1 FROM unit_reporters
               WHERE ${cell} AND reporter_key = ?4)) AS n,
             e.f - (e.u = ?6) AS f, e.m - CASE WHEN e.u = ?6 THEN ?8 ELSE 0 END AS m
           FROM (${unitEntries('hotspot_weeks.units')}) AS e`,
         )}
       WHERE hotspot_id = ${leaf} AND week = ?7 AND ${marked}`,
    ),
    b(`DELETE FROM hotspot_weeks WHERE hotspot_id = ${leaf} AND week = ?7 AND flag_count <= 0`),
  ];
}

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
