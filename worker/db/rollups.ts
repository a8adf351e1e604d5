import type { Category, Impact } from '../../shared/enums';
import { reporterKey } from '../../shared/kanon';

/**
 * Rollups kept on write. A flag's statements run in the same batch as its insert and each is
 * conditional on that insert having happened in this batch (the flag's id is fresh per attempt),
 * so a replayed retry adds nothing. A withdrawal marks the flag's link with its own id first and
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
  /** A fresh id, used only if this flag starts a new hotspot. */
  newHotspotId: string;
  at: number;
}

/** Flags without a screen share one hotspot per category, with no system. */
export function hotspotKey(host: string | null, path: string | null, category: string): string {
  return host && path ? `${host}|${path}|${category}` : `~|${category}`;
}

const IMPACT_SET = `impact_none = impact_none + (?5 = 'none'), impact_delay = impact_delay + (?5 = 'delay'),
  impact_risk = impact_risk + (?5 = 'risk'), impact_harm = impact_harm + (?5 = 'harm')`;
const IMPACT_UNSET = `impact_none = impact_none - (?5 = 'none'), impact_delay = impact_delay - (?5 = 'delay'),
  impact_risk = impact_risk - (?5 = 'risk'), impact_harm = impact_harm - (?5 = 'harm')`;

/** A reporter key with no row on any hotspot under this root (`hotspots.id`). */
const REPORTER_NEW_TO_ROOT = `NOT EXISTS (SELECT 1 FROM hotspots l JOIN hotspot_reporters r
  ON r.hotspot_id = l.id AND r.reporter_key = ?4 WHERE l.root_id = hotspots.id)`;

/** The statements that make a just-inserted flag count: run them right after the flag insert. */
export function flagRollupStatements(db: D1Database, f: FlagRollup): D1PreparedStatement[] {
  const key = hotspotKey(f.host, f.path, f.category);
  const reporter = reporterKey(f.userId);
  const unit = f.unitId ?? '';
  const inserted = 'EXISTS (SELECT 1 FROM flag_hotspots WHERE flag_id = ?1 AND withdrawn IS NULL)';
  return [
    db
      .prepare(
        `INSERT INTO hotspots (id, key, host, path, category, root_id, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?1, ?6 WHERE EXISTS (SELECT 1 FROM flags WHERE id = ?7)
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
    db
      .prepare(
        `INSERT INTO flag_hotspots (flag_id, hotspot_id, reporter_key, unit_key, week, minutes_week, impact)
         SELECT ?1, h.id, ?3, ?4, ?5, ?6, ?7 FROM hotspots h
         WHERE h.key = ?2 AND EXISTS (SELECT 1 FROM flags WHERE id = ?1)`,
      )
      .bind(f.flagId, key, reporter, unit, f.week, f.minutesWeek, f.impact),
    // Totals at the root, the reporter counted only if new to every hotspot under that root.
    db
      .prepare(
        `UPDATE hotspots SET flag_count = flag_count + 1, minutes_week = minutes_week + ?3, ${IMPACT_SET},
           reporter_count = reporter_count + (${REPORTER_NEW_TO_ROOT})
         WHERE id = (SELECT root_id FROM hotspots WHERE key = ?2) AND ${inserted}`,
      )
      .bind(f.flagId, key, f.minutesWeek, reporter, f.impact),
    db
      .prepare(
        `INSERT INTO hotspot_reporters (hotspot_id, reporter_key, flag_count)
         SELECT hotspot_id, reporter_key, 1 FROM flag_hotspots WHERE flag_id = ?1 AND withdrawn IS NULL
         ON CONFLICT (hotspot_id, reporter_key) DO UPDATE SET flag_count = flag_count + 1`,
      )
      .bind(f.flagId),
    db
      .prepare(
        `INSERT INTO hotspot_weeks (hotspot_id, week, flag_count, minutes_week, impact_none, impact_delay, impact_risk,
           impact_harm)
         SELECT hotspot_id, week, 1, minutes_week, impact = 'none', impact = 'delay', impact = 'risk', impact = 'harm'
         FROM flag_hotspots WHERE flag_id = ?1 AND withdrawn IS NULL
         ON CONFLICT (hotspot_id, week) DO UPDATE SET flag_count = flag_count + 1,
           minutes_week = minutes_week + excluded.minutes_week, impact_none = impact_none + excluded.impact_none,
           impact_delay = impact_delay + excluded.impact_delay, impact_risk = impact_risk + excluded.impact_risk,
           impact_harm = impact_harm + excluded.impact_harm`,
      )
      .bind(f.flagId),
    db
      .prepare(
        `INSERT INTO unit_reporters (hotspot_id, unit_key, week, reporter_key, flag_count, minutes_week)
         SELECT hotspot_id, unit_key, week, reporter_key, 1, minutes_week
         FROM flag_hotspots WHERE flag_id = ?1 AND withdrawn IS NULL
         ON CONFLICT (hotspot_id, unit_key, week, reporter_key) DO UPDATE SET flag_count = flag_count + 1,
           minutes_week = minutes_week + excluded.minutes_week`,
      )
      .bind(f.flagId),
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
  flag_id: string;
  hotspot_id: string;
  reporter_key: string;
  unit_key: string;
  week: number;
  minutes_week: number;
  impact: Impact;
  withdrawn: string | null;
}

export async function findFlagLink(db: D1Database, flagId: string): Promise<FlagLink | null> {
  const row = await db.prepare('SELECT * FROM flag_hotspots WHERE flag_id = ?1').bind(flagId).first<LinkRow>();
  return row
    ? {
        flagId: row.flag_id,
        hotspotId: row.hotspot_id,
        reporterKey: row.reporter_key,
        unitKey: row.unit_key,
        week: row.week,
        minutesWeek: row.minutes_week,
        impact: row.impact,
        withdrawn: row.withdrawn,
      }
    : null;
}

/**
 * Takes a flag out of every rollup. The first statement marks the link with `withdrawalId`;
 * the rest run only while that mark is there, so a second withdrawal of the same flag is a no-op.
 */
export function withdrawStatements(db: D1Database, link: FlagLink, withdrawalId: string): D1PreparedStatement[] {
  const marked = 'EXISTS (SELECT 1 FROM flag_hotspots WHERE flag_id = ?1 AND withdrawn = ?2)';
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
    b('UPDATE flag_hotspots SET withdrawn = ?2 WHERE flag_id = ?1 AND withdrawn IS NULL'),
    b(
      `UPDATE hotspot_reporters SET flag_count = flag_count - 1 WHERE hotspot_id = ?3 AND reporter_key = ?4 AND ${marked}`,
    ),
    b('DELETE FROM hotspot_reporters WHERE hotspot_id = ?3 AND reporter_key = ?4 AND flag_count <= 0'),
    b(
      `UPDATE hotspots SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8, ${IMPACT_UNSET},
         reporter_count = reporter_count - (${REPORTER_NEW_TO_ROOT})
       WHERE id = (SELECT root_id FROM hotspots WHERE id = ?3) AND ${marked}`,
    ),
    b(
      `UPDATE hotspot_weeks SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8, ${IMPACT_UNSET}
       WHERE hotspot_id = ?3 AND week = ?7 AND ${marked}`,
    ),
    b('DELETE FROM hotspot_weeks WHERE hotspot_id = ?3 AND week = ?7 AND flag_count <= 0'),
    b(
      `UPDATE unit_reporters SET flag_count = flag_count - 1, minutes_week = minutes_week - ?8
       WHERE hotspot_id = ?3 AND unit_key = ?6 AND week = ?7 AND reporter_key = ?4 AND ${marked}`,
    ),
    b(
      'DELETE FROM unit_reporters WHERE hotspot_id = ?3 AND unit_key = ?6 AND week = ?7 AND reporter_key = ?4 AND flag_count <= 0',
    ),
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
           JOIN hotspot_reporters r ON r.hotspot_id = l.id WHERE l.root_id = hotspots.id)
       WHERE id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids));
}
