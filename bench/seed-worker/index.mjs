// The dashboard benchmark's helper worker (bench/sections/dashboard.mjs). It runs on the same local
// D1 as the real worker (same database id and migrations, same --persist-to; never at the same time):
//
//   POST /seed {offset, n, users}   writes synthetic flags through the product's own write path,
//                                   `flagWriteStatements()` (the flag insert POST /v1/flags runs),
//                                   many flags per D1 batch, each group then counted by the rollup
//                                   batch the minute's cron runs (`applyPendingFlags`)
//   GET  /measure?what=…&token=…    runs what one dashboard request asks of D1 — the auth lookups and
//                                   the route's own db functions, called as the route calls them —
//                                   through a D1 wrapper that sums D1's `meta.rows_read`; `naive` is
//                                   one GROUP BY over the raw flags instead
//
// Plain JS (bundled by wrangler like the worker) because the root tsconfig checks bench/** with DOM
// types, where the worker's D1 types do not exist.
import { endpoints } from '../../shared/api.ts';
import { WEEK_MS, weekOf, weekStart } from '../../shared/cost.ts';
import { Category, Frequency } from '../../shared/enums.ts';
import { applyPendingFlags } from '../../worker/db/pending-rollups.ts';
import { getSettings } from '../../worker/db/settings.ts';
import { findToken } from '../../worker/db/tokens.ts';
import { getUser } from '../../worker/db/users.ts';
import { floorToHour, HOUR } from '../../worker/lib/clock.ts';
import { sha256Hex } from '../../worker/lib/crypto.ts';
import { flagWriteStatements } from '../../worker/services/flag-write.ts';
import { buildHotspotList, requireKnownFilters } from '../../worker/services/hotspot-views.ts';
import { buildProgrammeHealth } from '../../worker/services/programme.ts';

// ---------------------------------------------------------------------------------------------
// The synthetic organisation. Its shape is fixed — 56 hotspot keys (4 systems × 6 screens × 2
// categories, plus flags without a screen in each of 8 categories), the reporters the bench enrolled,
// 5 units, 12 weeks — and only the number of flags grows, so rows read can be compared across sizes.
// Flag i is a pure function of i, so the 1k set is a prefix of the 10k set, and that of the 100k set.

const HOSTS = ['ehr.example.org', 'pacs.example.org', 'lab.example.org', 'pharmacy.example.org'];
const PATHS = ['/chart/:id/medrec', '/orders/new', '/notes/:id', '/results/:id', '/mar/:id', '/handoff'];
// The shared enums, in their order: the synthetic organisation stays the same across runs.
const CATEGORIES = Category.options;
const UNITS = ['unit-4west', 'unit-micu', 'unit-ed', 'unit-pharm', 'unit-rehab'];
const FREQUENCIES = Frequency.options;
const WEEKS = 12;
const TEXTS = [
  'The med rec screen times out before I can save and the home list is lost',
  'Order set hides the weight-based dose behind two extra clicks',
  'Handoff note template drops the pending results section',
  'Scanner at the med room will not pair with the workstation after a restart',
  'Result acknowledgement needs three screens for one lab value',
  'Discharge checklist asks for the same education twice',
];

const KEYS = [
  ...HOSTS.flatMap((host, h) =>
    PATHS.flatMap((path, p) =>
      [0, 1].map((c) => ({ host, path, category: CATEGORIES[(h * 3 + p + c * 4) % CATEGORIES.length] })),
    ),
  ),
  ...CATEGORIES.map((category) => ({ host: null, path: null, category })),
];
// Skewed like real friction: a few screens draw most flags (Zipf-like weights, exponent 0.8).
const WEIGHTS = KEYS.map((_, rank) => 1 / (rank + 1) ** 0.8);
const TOTAL_WEIGHT = WEIGHTS.reduce((a, w) => a + w, 0);

/** mulberry32: a small seeded PRNG, seeded per flag so every flag is reproducible on its own. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(r) {
  let x = r * TOTAL_WEIGHT;
  for (let i = 0; i < KEYS.length; i++) {
    x -= WEIGHTS[i];
    if (x <= 0) return i;
  }
  return KEYS.length - 1;
}

const hex = (r) => Math.floor(r() * 2 ** 32).toString(16);

/**
 * Flag `i` of the synthetic organisation, as `createFlagOnce` would build it. The first
 * 56 × 12 flags visit every (hotspot, week) cell once, so the set is equally dense at every size.
 */
function syntheticFlag(i, users, at) {
  const r = prng(i * 2654435761 + 1);
  const cover = i < KEYS.length * WEEKS;
  const key = KEYS[cover ? i % KEYS.length : pickWeighted(r())];
  const weeksAgo = cover ? Math.floor(i / KEYS.length) : Math.floor(r() * WEEKS);
  const from = weekStart(weekOf(at) - weeksAgo);
  const createdAt = Math.min(from + Math.floor(r() * WEEK_MS), at - 60_000);
  const anonymous = r() < 0.15;
  const user = users[Math.floor(r() * users.length)];
  const impactRoll = r();
  const impact = impactRoll < 0.4 ? 'none' : impactRoll < 0.85 ? 'delay' : impactRoll < 0.98 ? 'risk' : 'harm';
  return {
    id: `flag_bench_${i.toString(36).padStart(6, '0')}_${hex(r)}`,
    clientId: crypto.randomUUID(),
    bodyHash: `bench${hex(r)}${hex(r)}`,
    userId: anonymous ? null : user.id,
    anonymous,
    // An anonymous flag's receipt: the hash of a secret only the sender's browser keeps.
    receiptHash: anonymous ? Array.from({ length: 8 }, () => hex(r).padStart(8, '0')).join('') : null,
    contactOk: !anonymous && r() < 0.3,
    text: `${TEXTS[i % TEXTS.length]} (synthetic flag ${i})`,
    category: key.category,
    frequency: FREQUENCIES[Math.floor(r() * FREQUENCIES.length)],
    minutesLost: 1 + Math.floor(r() * 30),
    impact,
    idea: r() < 0.3 ? 'Keep a draft and restore it after the timeout' : null,
    unitId: anonymous ? (r() < 0.5 ? null : user.unitId) : user.unitId,
    host: key.host,
    path: key.path,
    pageTitle: null,
    createdAt: anonymous ? floorToHour(createdAt) : createdAt,
  };
}

/**
 * Flags offset … offset+n−1, written through `flagWriteStatements`, `perBatch` flags per D1 batch (each flag's
 * request writes its row alone), each group then counted by the rollup batch (`applyPendingFlags`, as the
 * minute's cron runs it; anonymous flags as if their hour had ended), so the rollups' writes are counted
 * with the flags' own, amortised over `perBatch` flags a batch.
 */
async function seed(db, { offset, n, users, perBatch = 250 }) {
  const { frequencyMultipliers } = await getSettings(db);
  const at = Date.now();
  const homed = users.map((u, j) => ({ id: u.id, unitId: UNITS[j % UNITS.length] }));
  let rowsWritten = 0;
  let requestRows = 0;
  let statements = 0;
  let inserted = 0;
  let counted = 0;
  /** Rows written by each statement of the rollup batches, added up over the call. */
  const batchRows = {};
  for (let start = offset; start < offset + n; start += perBatch) {
    const batch = [];
    for (let i = start; i < Math.min(offset + n, start + perBatch); i++)
      batch.push(...flagWriteStatements(db, syntheticFlag(i, homed, at), frequencyMultipliers));
    const results = await db.batch(batch);
    statements += results.length;
    for (const res of results) requestRows += res.meta.rows_written ?? 0;
    // One statement per flag: its insert.
    for (const res of results) inserted += res.meta.changes ?? 0;
    const rollup = await applyPendingFlags(db, floorToHour(at) + HOUR, () => crypto.randomUUID());
    rowsWritten += rollup.rowsWritten;
    counted += rollup.applied;
    for (const [name, rows] of Object.entries(rollup.writtenBy ?? {})) batchRows[name] = (batchRows[name] ?? 0) + rows;
  }
  rowsWritten += requestRows;
  return { flags: n, inserted, statements, rowsWritten, requestRows, counted, batchRows };
}

/**
 * One more flag on its own batch (a steady-state write): rows written by each statement of its request,
 * then by a rollup batch that takes it alone (the worst case: a quiet minute with one flag).
 */
async function oneFlag(db, { index, users }) {
  const { frequencyMultipliers } = await getSettings(db);
  const homed = users.map((u, j) => ({ id: u.id, unitId: UNITS[j % UNITS.length] }));
  const at = Date.now();
  const results = await db.batch(flagWriteStatements(db, syntheticFlag(index, homed, at), frequencyMultipliers));
  const rollup = await applyPendingFlags(db, floorToHour(at) + HOUR, () => crypto.randomUUID());
  return {
    perStatement: results.map((r) => r.meta.rows_written ?? 0),
    changes: results.map((r) => r.meta.changes ?? 0),
    batchRows: rollup.rowsWritten,
    batchBy: rollup.writtenBy,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows read: a D1 wrapper that adds up `meta.rows_read` of every statement run through it.

function countingDb(db) {
  const tally = { rowsRead: 0, statements: 0, reads: [] };
  const originals = new WeakMap();
  const sqlOf = new WeakMap();
  const add = (sql, meta) => {
    tally.statements += 1;
    tally.rowsRead += meta?.rows_read ?? 0;
    tally.reads.push({ sql: sql.replace(/\s+/g, ' ').trim().slice(0, 90), rowsRead: meta?.rows_read ?? 0 });
  };
  const wrap = (statement, sql) => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values) => wrap(target.bind(...values), sql);
        if (prop === 'all' || prop === 'run')
          return async () => {
            const res = await target[prop]();
            add(sql, res.meta);
            return res;
          };
        // first() runs the whole statement and keeps row one; all() runs the same SQL and reports meta.
        if (prop === 'first')
          return async (column) => {
            const res = await target.all();
            add(sql, res.meta);
            const row = res.results[0] ?? null;
            return column === undefined ? row : (row?.[column] ?? null);
          };
        if (prop === 'raw') throw new Error('bench: raw() is not counted; add it to the wrapper');
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    sqlOf.set(proxy, sql);
    return proxy;
  };
  const wrapped = {
    prepare: (sql) => wrap(db.prepare(sql), sql),
    batch: async (statements) => {
      const results = await db.batch(statements.map((s) => originals.get(s) ?? s));
      for (const [i, res] of results.entries()) add(sqlOf.get(statements[i]) ?? '(unwrapped statement)', res.meta);
      return results;
    },
  };
  return { db: wrapped, tally };
}

// One wrapper per isolate, as the real worker has one binding: getSettings caches per database
// object for 10 s, so the settings read shows up only as often as it does in the worker.
let counting;

const NAIVE_SQL = `SELECT host, path, category, COUNT(*) AS flags, SUM(minutes_lost) AS minutes,
  COUNT(DISTINCT user_id) AS reporters FROM flags GROUP BY 1, 2, 3 ORDER BY 4 DESC`;

async function measure(env, what, token) {
  counting ??= countingDb(env.DB);
  const { db, tally } = counting;
  tally.rowsRead = 0;
  tally.statements = 0;
  tally.reads = [];
  if (what === 'naive') {
    const { results } = await db.prepare(NAIVE_SQL).all();
    return { ...tally, groups: results.length };
  }
  // What the auth middleware reads on every request (steady state: no sliding-expiry write).
  const found = await findToken(db, await sha256Hex(token));
  if (!found) throw new Error('bench: unknown token');
  await getUser(db, found.user_id);
  if (what === 'hotspots') {
    // As worker/routes/hotspots.ts does for GET /v1/hotspots with no filters.
    const query = endpoints.listHotspots.query.parse({});
    await requireKnownFilters(db, query);
    const list = await buildHotspotList(db, query, await getSettings(db), found.user_id);
    return { ...tally, hotspots: list.hotspots.length };
  }
  if (what === 'programme') {
    // As worker/routes/programme.ts does for GET /v1/programme/health with no range.
    const health = await buildProgrammeHealth(
      db,
      endpoints.programmeHealth.query.parse({}),
      await getSettings(db),
      found.user_id,
    );
    return { ...tally, flags: health.loop.flags };
  }
  throw new Error(`bench: nothing to measure called ${what}`);
}

const json = (body, status = 200) => Response.json(body, { status });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    try {
      if (url.pathname === '/health') return json({ ok: true });
      if (url.pathname === '/seed' && request.method === 'POST') return json(await seed(env.DB, await request.json()));
      if (url.pathname === '/one-flag' && request.method === 'POST')
        return json(await oneFlag(env.DB, await request.json()));
      if (url.pathname === '/measure')
        return json(await measure(env, url.searchParams.get('what'), url.searchParams.get('token')));
      if (url.pathname === '/count') {
        const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM flags').first();
        return json({ flags: row.n });
      }
      return json({ error: 'not found' }, 404);
    } catch (err) {
      return json({ error: String(err?.stack ?? err) }, 500);
    }
  },
};
