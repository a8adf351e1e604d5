// A million flags (issue 19): one local D1 grown 1k → 10k → 100k → 1M flags through the product's own
// write statements, and at each size: D1 rows read per dashboard request (flat is the goal), median
// time beside the naive GROUP BY, database bytes per flag, and the five-year size of a 50k-clinician
// organisation projected from them. The largest size is BENCH_SCALE_MAX (default 1,000,000).
//
// The database, the people and the seeding are those of the dashboard section (bench/seed-worker/:
// `flagWriteStatements()`, the insert POST /v1/flags runs, many flags per D1 batch, each batch then
// counted by the minute's rollup batch), only bigger. Bytes are read from the local D1's SQLite file with the workers
// stopped: PRAGMA page_count × page_size (free pages left out) and the file's size on disk.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median, row, stopProcess } from '../lib.mjs';
import { benchDatabase, seedFlags } from '../workers.mjs';

export const order = 25;
export const title = 'A million flags (rows read, time and bytes per flag at 1k → 1M flags; five-year projection)';

const SECTION = 'scale';
const MAX = Number(String(process.env.BENCH_SCALE_MAX ?? 1_000_000).replaceAll(/[_,]/g, ''));
const SIZES = [...new Set([1_000, 10_000, 100_000, 1_000_000].filter((n) => n < MAX).concat(MAX))];
const REPORTERS = 40;
const REQUESTS = 20;
const WARMUP = 3;
// Big calls and big batches: the seeding's cost is per statement, and fewer round trips let 1M finish.
const FLAGS_PER_CALL = 20_000;
const FLAGS_PER_BATCH = 1_000;
const FLAT = 0.1;
// The organisation the projection is for (issue 19): 50,000 clinicians sending about a million flags a
// year, kept five years; D1's database limit is 10 GB, the goal half of it.
const CLINICIANS = 50_000;
const FLAGS_PER_YEAR = 1_000_000;
const YEARS = 5;
const SIZE_GOAL_GB = 5;
const GB = 1e9;

const ENDPOINTS = [
  { what: 'hotspots', name: 'GET /v1/hotspots', path: '/v1/hotspots' },
  { what: 'programme', name: 'GET /v1/programme/health', path: '/v1/programme/health' },
];

const label = (n) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n > 0 ? `${n / 1000}k` : '0');

async function get(url, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 500)}`);
  return { ms, body };
}

/** `REQUESTS` timed requests after `WARMUP` untimed ones: the last answer and the median ms. */
async function timed(url, headers) {
  for (let i = 0; i < WARMUP; i++) await get(url, headers);
  const times = [];
  let last;
  for (let i = 0; i < REQUESTS; i++) {
    last = await get(url, headers);
    times.push(last.ms);
  }
  return { median: median(times), last: last.body };
}

/** The local D1's SQLite file under `persist` (miniflare keeps one file per database object). */
function sqliteFile(persist) {
  const dir = join(persist, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite') : [];
  if (files.length !== 1) throw new Error(`expected one .sqlite file in ${dir}, found ${files.join(', ') || 'none'}`);
  return join(dir, files[0]);
}

/** Bytes the database holds: used pages × page size (free pages left out), and the file on disk. */
async function databaseBytes(persist) {
  const file = sqliteFile(persist);
  // node:sqlite is experimental in Node 22 and says so on first use; the warning is noise here.
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const pragma = (name) => Object.values(db.prepare(`PRAGMA ${name}`).get())[0];
    const pageSize = pragma('page_size');
    const pages = pragma('page_count');
    const free = pragma('freelist_count');
    const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    return { used: (pages - free) * pageSize, pages, free, pageSize, onDisk: statSync(file).size + wal };
  } finally {
    db.close();
  }
}

export async function run(ctx) {
  if (!Number.isFinite(MAX) || MAX < 1_000) throw new Error(`BENCH_SCALE_MAX must be ≥ 1000 (got ${MAX})`);
  const { persist, serveApi, serveSeed, lead, users } = await benchDatabase(ctx, REPORTERS);
  let api;
  const pool = users.map((u) => ({ id: u.id }));
  const auth = { authorization: `Bearer ${lead.token}` };
  const empty = await databaseBytes(persist);
  ctx.log(
    `sizes ${SIZES.map(label).join(' → ')}; ${users.length} clinicians enrolled; empty organisation ${(empty.used / 1e6).toFixed(2)} MB`,
  );

  const written = { flags: 0, rowsWritten: 0 };
  const results = [];
  for (const size of SIZES) {
    const seeder = await serveSeed();
    const t0 = performance.now();
    let lastLog = t0;
    const r = await seedFlags(seeder.url, {
      from: written.flags,
      to: size,
      users: pool,
      perCall: FLAGS_PER_CALL,
      perBatch: FLAGS_PER_BATCH,
      onProgress: (done) => {
        if (performance.now() - lastLog < 30_000) return;
        lastLog = performance.now();
        const rate = (done - written.flags) / ((lastLog - t0) / 1000);
        ctx.log(`  … ${label(done)} flags, ${rate.toFixed(0)} flags/s, ${((size - done) / rate).toFixed(0)} s to go`);
      },
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    const grown = size - written.flags;
    written.flags = size;
    written.rowsWritten += r.rowsWritten;
    const { flags } = await (await fetch(`${seeder.url}/count`)).json();
    if (flags !== size) throw new Error(`expected ${size} flags in D1, found ${flags}`);

    const at = { size, seedSeconds, grown, rowsWritten: r.rowsWritten };
    for (const what of [...ENDPOINTS.map((e) => e.what), 'naive']) {
      const t = await timed(`${seeder.url}/measure?what=${what}&token=${lead.token}`, {});
      const last = JSON.parse(t.last);
      at[what] = { rowsRead: last.rowsRead, statements: last.statements, seedMs: t.median };
    }
    await stopProcess(seeder.child);
    at.bytes = await databaseBytes(persist);

    api = await serveApi();
    for (const ep of ENDPOINTS) at[ep.what].ms = (await timed(api.url + ep.path, auth)).median;
    await stopProcess(api.child);
    results.push(at);
    ctx.log(
      `${label(size).padStart(4)} flags: +${label(grown)} seeded in ${seedSeconds.toFixed(1)} s ` +
        `(${(grown / seedSeconds).toFixed(0)} flags/s); ` +
        ENDPOINTS.map((ep) => `${ep.name} ${at[ep.what].rowsRead} rows, ${at[ep.what].ms.toFixed(1)} ms`).join('; ') +
        `; naive ${at.naive.rowsRead} rows, ${at.naive.seedMs.toFixed(1)} ms; ${(at.bytes.used / 1e6).toFixed(1)} MB`,
    );
  }

  const rows = [];
  for (const ep of ENDPOINTS) {
    for (const at of results) {
      rows.push(
        row(SECTION, `${ep.name} rows read, ${label(at.size)} flags`, {
          figure: at[ep.what].rowsRead,
          unit: 'rows',
          baseline: at.naive.rowsRead,
          ratio: at[ep.what].rowsRead / at.naive.rowsRead,
          note: `${at[ep.what].statements} statements; baseline = the naive GROUP BY over flags`,
        }),
      );
    }
    const [first, last] = [results[0], results.at(-1)];
    const growth = last[ep.what].rowsRead / first[ep.what].rowsRead;
    rows.push(
      row(SECTION, `${ep.name} rows read, ${label(last.size)} ÷ ${label(first.size)} flags`, {
        figure: growth,
        unit: '×',
        baseline: last.naive.rowsRead / first.naive.rowsRead,
        baselineUnit: '× (naive)',
        goal: `flat: 1 ± ${FLAT}`,
        pass: Math.abs(growth - 1) <= FLAT,
      }),
    );
    for (const at of results) {
      rows.push(
        row(SECTION, `${ep.name} median time, ${label(at.size)} flags`, {
          figure: Math.round(at[ep.what].ms * 10) / 10,
          unit: 'ms',
          baseline: Math.round(at.naive.seedMs * 10) / 10,
          ratio: at[ep.what].ms / at.naive.seedMs,
          note: `median of ${REQUESTS} requests to the real worker; baseline = median of ${REQUESTS} naive GROUP BYs`,
        }),
      );
    }
  }

  // Bytes per flag: what the last growth step added per flag added (the marginal cost the projection
  // needs), and the whole database over its flags at the largest size (fixed overhead included).
  const last = results.at(-1);
  const prev = results.length > 1 ? results.at(-2) : { size: 0, bytes: empty };
  const marginal = (last.bytes.used - prev.bytes.used) / (last.size - prev.size);
  const perFlagAll = last.bytes.used / last.size;
  const fixed = Math.max(0, last.bytes.used - marginal * last.size);
  const fiveYears = fixed + marginal * FLAGS_PER_YEAR * YEARS;
  for (const at of results) {
    rows.push(
      row(SECTION, `database size, ${label(at.size)} flags`, {
        figure: Math.round((at.bytes.used / 1e6) * 10) / 10,
        unit: 'MB',
        note: `${at.bytes.pages - at.bytes.free} pages of ${at.bytes.pageSize} B in use (${at.bytes.free} free); file on disk ${(at.bytes.onDisk / 1e6).toFixed(1)} MB`,
      }),
    );
  }
  rows.push(
    row(SECTION, `database bytes per flag (${label(prev.size)} → ${label(last.size)})`, {
      figure: Math.round(marginal),
      unit: 'B',
      note: `bytes added ÷ flags added; the whole database ÷ its flags at ${label(last.size)}: ${Math.round(perFlagAll)} B`,
    }),
    row(SECTION, `five years at ${CLINICIANS.toLocaleString('en-US')} clinicians (projected)`, {
      figure: Math.round((fiveYears / GB) * 100) / 100,
      unit: 'GB',
      goal: `< ${SIZE_GOAL_GB} GB`,
      pass: fiveYears / GB < SIZE_GOAL_GB,
      note: `${(FLAGS_PER_YEAR * YEARS).toLocaleString('en-US')} flags × ${Math.round(marginal)} B + ${(fixed / 1e6).toFixed(1)} MB fixed`,
    }),
  );
  const seeded = results.reduce((a, at) => a + at.grown, 0);
  const seconds = results.reduce((a, at) => a + at.seedSeconds, 0);
  rows.push(
    row(SECTION, 'rows written per flag (mean over the seeding)', {
      figure: Math.round((written.rowsWritten / written.flags) * 100) / 100,
      unit: 'rows',
      note: 'D1 meta.rows_written (index entries included) over all flags seeded, the rollup batches included; the dashboard section holds the goal',
    }),
  );
  for (const at of results) {
    rows.push(
      row(SECTION, `seeding ${label(at.size - at.grown)} → ${label(at.size)} flags`, {
        figure: Math.round(at.seedSeconds * 10) / 10,
        unit: 's',
        note: `${Math.round(at.grown / at.seedSeconds)} flags/s; ${(at.rowsWritten / at.grown).toFixed(2)} rows written per flag (D1 meta.rows_written, index entries included)`,
      }),
    );
  }

  ctx.note(
    [
      `One local D1 (migrated, demo-seeded) grown ${SIZES.map(label).join(' → ')} flags (BENCH_SCALE_MAX=${MAX}). ` +
        'Flags are written by `bench/seed-worker/` through `flagWriteStatements()` (worker/services/flag-write.ts), ' +
        `the statements POST /v1/flags runs, ${FLAGS_PER_CALL.toLocaleString('en-US')} flags per call in D1 batches of ` +
        `${FLAGS_PER_BATCH.toLocaleString('en-US')} flags, each then counted by the rollup batch (applyPendingFlags). ` +
        `Seeding ${label(seeded)} flags took ${seconds.toFixed(0)} s in all. The synthetic organisation is the ` +
        `dashboard section’s (${REPORTERS} reporters, 56 hotspot keys, 12 weeks, 15% anonymous; flag text ≈ 80 characters).`,
      '',
      `Rows read and times as in the dashboard section: D1’s \`meta.rows_read\` summed over what one request runs ` +
        `(auth lookups and the route’s db functions), and the median of ${REQUESTS} requests after ${WARMUP} warm-up ` +
        'ones to the real worker, beside the naive GROUP BY over `flags`.',
      '',
      'Bytes: the local D1 SQLite file with the workers stopped, (PRAGMA page_count − freelist_count) × page_size; ' +
        'bytes per flag = bytes added ÷ flags added between the two largest sizes (tables and indexes; fixed ' +
        `overhead such as the demo organisation and its people left out). Five years = ${FLAGS_PER_YEAR.toLocaleString('en-US')} ` +
        `flags a year (issue 19’s estimate for ${CLINICIANS.toLocaleString('en-US')} clinicians) × ${YEARS} × bytes per flag + ` +
        'the fixed part. It over-counts text (retention clears old free text) and under-counts rollup cells for ' +
        '260 weeks instead of 12 (56 hotspots × a few cells a week: kilobytes, not gigabytes).',
    ].join('\n'),
  );
  return rows;
}
