import { weekOf, weekStart } from '../../shared/cost';
import type { Category } from '../../shared/enums';
import { applyStatements, batchSizeStatement, hotspotKey, keyOfFlag, nextEpochStatement } from './rollups';

/**
 * Flags that wait for their rollups and the batch that counts them. A flag's request writes its row
 * alone; the scheduled batch adds it to every rollup, each cell written once per batch however many
 * flags it takes. A named flag whose key has a hotspot names it from its insert, with the current epoch
 * (migration 0024): the batch counts that epoch's flags and starts the next, so such a flag costs the
 * batch no write of its own. Anonymous flags, and named ones whose key has no hotspot yet, wait unlinked
 * (`hotspot_id IS NULL`) and are linked as they count. A named flag is due at the next run; an anonymous
 * one only once the hour it was sent in has ended (`cutoff`), so it reaches counters together with every
 * other anonymous flag of its hour.
 */

/**
 * An unlinked flag due at `?1`, for the flags row under alias `f`. `hotspot_id IS NULL` is the leading
 * column of flags_by_hotspot, so a run reads only the waiting rows (NULLs sort first), never the counted ones.
 */
const due = (f: string) => `${f}.hotspot_id IS NULL AND (${f}.anonymous = 0 OR ${f}.created_at < ?1)`;

/** Links due flags whose key has a hotspot; `withdrawn` picks the ones to count or the ones to drop. */
const linkStatement = (db: D1Database, cutoff: number, withdrawn: boolean) =>
  db
    .prepare(
      `UPDATE flags SET hotspot_id = h.id FROM hotspots h
       WHERE h.key = ${keyOfFlag('flags')} AND ${due('flags')} AND flags.withdrawn IS ${withdrawn ? 'NOT ' : ''}NULL`,
    )
    .bind(cutoff);

/** The statements of a batch, in order: `applyStatements` supplies the three rollups. */
export const BATCH_STATEMENTS = [
  'hotspots created',
  'batch size',
  'root totals',
  'hotspot_weeks',
  'unit_reporters',
  'link counted',
  'link withdrawn',
  'next epoch',
] as const;

interface WaitingKey {
  host: string | null;
  path: string | null;
  category: Category;
  first: number;
}

/**
 * Counts every flag due at `cutoff`, in one D1 batch: hotspots the batch needs are created (their time
 * the start of their first flag's week, as for any hotspot), every rollup takes the batch, the unlinked
 * flags are linked to their hotspot (which takes them out of the waiting set) and the next epoch starts
 * (which takes the current epoch's flags out). Unlinked flags withdrawn while waiting are linked without
 * counting, once their key has a hotspot (a key whose every flag was withdrawn gets none: those few rows
 * wait until a flag on it counts). A flag sent meanwhile waits for the next batch; a batch that fails
 * leaves everything waiting. With nothing due, a run is one read of the waiting rows and one seek per hotspot.
 */
export async function applyPendingFlags(db: D1Database, cutoff: number, newId: () => string) {
  const [waiting, current] = await db.batch<WaitingKey & { n?: number }>([
    db
      .prepare(
        `SELECT host, path, category, MIN(created_at) AS first FROM flags WHERE ${due('flags')} AND withdrawn IS NULL
         GROUP BY host, path, category`,
      )
      .bind(cutoff),
    db.prepare(
      `SELECT EXISTS (SELECT 1 FROM hotspots h CROSS JOIN flags f WHERE f.hotspot_id = h.id
         AND f.epoch = (SELECT epoch FROM rollup_epoch WHERE id = 1)) AS n`,
    ),
  ]);
  const keys = (waiting?.results ?? []) as WaitingKey[];
  const readFirst = (waiting?.meta.rows_read ?? 0) + (current?.meta.rows_read ?? 0);
  if (keys.length === 0 && !current?.results[0]?.n)
    return { applied: 0, dropped: 0, rowsWritten: 0, writtenBy: null, rowsRead: readFirst };
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
  const sel = { waiting: due('f'), values: [cutoff] };
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
    batchSizeStatement(db, sel),
    ...applyStatements(db, sel),
    linkStatement(db, cutoff, false),
    linkStatement(db, cutoff, true),
    nextEpochStatement(db),
  ]);
  const size = results[1]?.results[0] as { n?: number } | undefined;
  // D1 bills rows written (index entries included); the bench adds the batch's to its flags' own, and
  // shows where they go by statement.
  const writtenBy = Object.fromEntries(
    BATCH_STATEMENTS.map((name, i) => [name, results[i]?.meta.rows_written ?? 0]),
  ) as Record<(typeof BATCH_STATEMENTS)[number], number>;
  return {
    applied: size?.n ?? 0,
    dropped: results.at(-2)?.meta.changes ?? 0,
    rowsWritten: results.reduce((sum, r) => sum + (r.meta.rows_written ?? 0), 0),
    writtenBy,
    rowsRead: results.reduce((sum, r) => sum + (r.meta.rows_read ?? 0), readFirst),
  };
}
