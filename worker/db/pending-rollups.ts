import { weekOf, weekStart } from '../../shared/cost';
import type { Category } from '../../shared/enums';
import { applyStatements, hotspotKey } from './rollups';

/**
 * Flags that wait for their rollups (`flags.pending`, migration 0010) and the batch that applies them.
 * Today anonymous flags wait, for the hourly run; the batch is general, so any flag written with
 * pending = 1 is counted the same way, each rollup cell written once per batch.
 */

/** The SQL twin of `hotspotKey` for a flags row. */
const KEY_OF_FLAG = `CASE WHEN flags.host IS NULL OR flags.path IS NULL THEN '~|' || flags.category
  ELSE flags.host || '|' || flags.path || '|' || flags.category END`;

const DUE = 'pending = 1 AND withdrawn IS NULL AND created_at < ?1';

interface WaitingKey {
  host: string | null;
  path: string | null;
  category: Category;
  first: number;
}

/**
 * Counts every waiting flag sent before `cutoff`, in one D1 batch: hotspots the batch needs are
 * created (their time the start of their first flag's week, as for any hotspot), the flags take
 * their hotspot, every rollup takes the batch, and flags withdrawn while waiting are dropped. A
 * flag sent meanwhile waits for the next batch; a batch that fails leaves everything waiting.
 */
export async function applyPendingFlags(db: D1Database, cutoff: number, newId: () => string) {
  const { results: keys } = await db
    .prepare(
      `SELECT host, path, category, MIN(created_at) AS first FROM flags WHERE ${DUE} GROUP BY host, path, category`,
    )
    .bind(cutoff)
    .all<WaitingKey>();
  // One new hotspot per key the batch needs (the INSERT skips keys that have one).
  const hotspots = new Map<
    string,
    { id: string; key: string; host: string | null; path: string | null; category: Category; first: number }
  >();
  for (const k of keys) {
    const key = hotspotKey(k.host, k.path, k.category);
    const screen = k.host !== null && k.path !== null;
    const seen = hotspots.get(key);
    hotspots.set(key, {
      id: seen?.id ?? newId(),
      key,
      host: screen ? k.host : null,
      path: screen ? k.path : null,
      category: k.category,
      first: Math.min(k.first, seen?.first ?? k.first),
    });
  }
  const created = [...hotspots.values()].map(({ first, ...h }) => ({ ...h, createdAt: weekStart(weekOf(first)) }));
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO hotspots (id, key, host, path, category, root_id, created_at)
         SELECT json_extract(value, '$.id'), json_extract(value, '$.key'), json_extract(value, '$.host'),
           json_extract(value, '$.path'), json_extract(value, '$.category'), json_extract(value, '$.id'),
           json_extract(value, '$.createdAt')
         FROM json_each(?1) WHERE true ON CONFLICT(key) DO NOTHING`,
      )
      .bind(JSON.stringify(created)),
    db
      .prepare(
        `UPDATE flags SET pending = 2, hotspot_id = (SELECT id FROM hotspots WHERE key = ${KEY_OF_FLAG})
         WHERE ${DUE} AND EXISTS (SELECT 1 FROM hotspots WHERE key = ${KEY_OF_FLAG})`,
      )
      .bind(cutoff),
    ...applyStatements(db, { where: 'f.pending = 2', values: [] }),
    db.prepare('UPDATE flags SET pending = 0 WHERE pending = 2'),
    db.prepare('UPDATE flags SET pending = 0 WHERE pending = 1 AND withdrawn IS NOT NULL'),
  ]);
  return {
    applied: results[1]?.meta.changes ?? 0,
    dropped: results[results.length - 1]?.meta.changes ?? 0,
    // D1 bills rows written (index entries included); the bench adds the batch's to its flags' own.
    rowsWritten: results.reduce((sum, r) => sum + (r.meta.rows_written ?? 0), 0),
  };
}
