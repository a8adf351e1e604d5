// Dashboard scaling (issue 5): D1 rows read and time per `GET /v1/hotspots` and
// `GET /v1/programme/health` request at 1k, 10k and 100k flags, beside a naive GROUP BY over the raw
// flags; and rows written per flag.
//
// One persisted local D1, migrated and demo-seeded. The real worker (the same bundle the API section
// serves, rate limits raised) enrolls a lead and a pool of clinicians through POST /v1/auth/enroll.
// Flags are then written by bench/seed-worker/ through the product's own write path
// (`flagWriteStatements()` of worker/services/flag-write.ts: the flag row, as POST /v1/flags writes it,
// one D1 batch per group of flags, each group then counted by the rollup batch the minute's cron runs), growing the same database 1k → 10k → 100k. At each size:
//   - rows read: the seed worker runs what a request asks of D1 (auth lookups, then the route's own
//     db functions called as the route calls them) through a wrapper summing D1's `meta.rows_read`;
//     the naive baseline is one GROUP BY over `flags`, counted the same way;
//   - time: the median of 30 requests to the real worker over loopback (after 5 warm-up requests),
//     beside the median of 30 naive GROUP BYs through the seed worker over loopback.
// The two workers share the database through `--persist-to` and never run at the same time.
import { join } from 'node:path';
import { median, row, stopProcess } from '../lib.mjs';
import { benchDatabase, seedFlags } from '../workers.mjs';

export const order = 20;
export const title = 'Dashboard scaling (rows read and time per request at 1k / 10k / 100k flags)';

const SECTION = 'dashboard';
const SIZES = [1_000, 10_000, 100_000];
const REPORTERS = 40;
const REQUESTS = 30;
const WARMUP = 5;
const FLAGS_PER_CALL = 5_000;
/** Flags per D1 batch in the seed worker, each group then counted by one rollup batch (its default). */
const SEED_BATCH = 250;
const FLAT = 0.1;
const WRITTEN_GOAL = 6;
/** Issue 19: a flag's own request writes the flag and its indexes only. */
const REQUEST_GOAL = 4;

const ENDPOINTS = [
  { what: 'hotspots', name: 'GET /v1/hotspots', path: '/v1/hotspots' },
  { what: 'programme', name: 'GET /v1/programme/health', path: '/v1/programme/health' },
];

const label = (n) => `${n / 1000}k`;

async function post(url, body) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  const out = await res.json();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${out.error ?? JSON.stringify(out)}`);
  return out;
}

async function get(url, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 500)}`);
  return { ms, body };
}

/** `count` timed requests after `WARMUP` untimed ones; returns the last answer and the median ms. */
async function timed(url, headers, count = REQUESTS) {
  for (let i = 0; i < WARMUP; i++) await get(url, headers);
  const times = [];
  let last;
  for (let i = 0; i < count; i++) {
    last = await get(url, headers);
    times.push(last.ms);
  }
  return { median: median(times), last: last.body };
}

export async function run(ctx) {
  const { persist, serveApi, serveSeed, lead, users } = await benchDatabase(ctx, REPORTERS);
  let api;
  ctx.log(`enrolled a lead and ${users.length} clinicians through POST /v1/auth/enroll`);
  const pool = users.map((u) => ({ id: u.id }));
  const auth = { authorization: `Bearer ${lead.token}` };

  const written = { flags: 0, statements: 0, rowsWritten: 0, requestRows: 0, seconds: 0, batchRows: {} };
  const results = [];
  let onePerStatement = null;
  let oneChanges = null;
  let oneBatch = null;
  let oneBatchBy = null;
  for (const size of SIZES) {
    const seeder = await serveSeed();
    const t0 = performance.now();
    const r = await seedFlags(seeder.url, { from: written.flags, to: size, users: pool, perCall: FLAGS_PER_CALL });
    written.flags += r.inserted;
    written.statements += r.statements;
    written.rowsWritten += r.rowsWritten;
    written.requestRows += r.requestRows;
    for (const [name, n] of Object.entries(r.batchRows)) written.batchRows[name] = (written.batchRows[name] ?? 0) + n;
    written.seconds += (performance.now() - t0) / 1000;
    const { flags } = await (await fetch(`${seeder.url}/count`)).json();
    if (flags !== size) throw new Error(`expected ${size} flags in D1, found ${flags}`);

    const at = { size };
    for (const what of [...ENDPOINTS.map((e) => e.what), 'naive']) {
      const url = `${seeder.url}/measure?what=${what}&token=${lead.token}`;
      const t = await timed(url, {});
      const last = JSON.parse(t.last);
      at[what] = { rowsRead: last.rowsRead, statements: last.statements, reads: last.reads, seedMs: t.median };
    }
    await stopProcess(seeder.child);

    api = await serveApi();
    for (const ep of ENDPOINTS) at[ep.what].ms = (await timed(api.url + ep.path, auth)).median;
    await stopProcess(api.child);
    results.push(at);
    ctx.log(
      `${label(size).padStart(4)} flags (seeded in ${written.seconds.toFixed(1)} s so far): ` +
        ENDPOINTS.map((ep) => `${ep.name} ${at[ep.what].rowsRead} rows, ${at[ep.what].ms.toFixed(1)} ms`).join('; ') +
        `; naive GROUP BY ${at.naive.rowsRead} rows, ${at.naive.seedMs.toFixed(1)} ms`,
    );
  }

  // One more flag in a batch of its own, onto the seeded organisation: rows written by each statement.
  {
    const seeder = await serveSeed();
    ({
      perStatement: onePerStatement,
      changes: oneChanges,
      batchRows: oneBatch,
      batchBy: oneBatchBy,
    } = await post(`${seeder.url}/one-flag`, {
      index: written.flags,
      users: pool,
    }));
    await stopProcess(seeder.child);
  }

  const rows = [];
  for (const ep of ENDPOINTS) {
    for (const at of results) {
      const r = at[ep.what];
      rows.push(
        row(SECTION, `${ep.name} rows read, ${label(at.size)} flags`, {
          figure: r.rowsRead,
          unit: 'rows',
          baseline: at.naive.rowsRead,
          ratio: r.rowsRead / at.naive.rowsRead,
          note: `${r.statements} statements; baseline = the naive GROUP BY over flags`,
        }),
      );
    }
    const first = results[0][ep.what].rowsRead;
    const last = results.at(-1)[ep.what].rowsRead;
    const growth = last / first;
    rows.push(
      row(SECTION, `${ep.name} rows read, 100k ÷ 1k flags`, {
        figure: growth,
        unit: '×',
        baseline: results.at(-1).naive.rowsRead / results[0].naive.rowsRead,
        baselineUnit: '× (naive)',
        goal: `flat: 1 ± ${FLAT}`,
        pass: Math.abs(growth - 1) <= FLAT,
      }),
    );
    for (const at of results) {
      const r = at[ep.what];
      rows.push(
        row(SECTION, `${ep.name} median time, ${label(at.size)} flags`, {
          figure: Math.round(r.ms * 10) / 10,
          unit: 'ms',
          baseline: Math.round(at.naive.seedMs * 10) / 10,
          ratio: r.ms / at.naive.seedMs,
          note: `median of ${REQUESTS} requests to the real worker; baseline = median of ${REQUESTS} naive GROUP BYs`,
        }),
      );
    }
  }
  const perFlag = written.rowsWritten / written.flags;
  const perRequest = written.requestRows / written.flags;
  const one = onePerStatement.reduce((a, b) => a + b, 0);
  rows.push(
    row(SECTION, 'rows written by a flag’s own request (POST /v1/flags)', {
      figure: Math.round(perRequest * 100) / 100,
      unit: 'rows',
      goal: `≤ ${REQUEST_GOAL}`,
      pass: perRequest <= REQUEST_GOAL,
      note: `index entries counted; ${written.requestRows} rows for ${written.flags} flag inserts; one more flag alone: ${one} (${onePerStatement.join(' + ')})`,
    }),
    row(SECTION, 'rows written per flag with its rollups (mean over the seeding)', {
      figure: Math.round(perFlag * 100) / 100,
      unit: 'rows',
      goal: `≤ ${WRITTEN_GOAL}`,
      pass: perFlag <= WRITTEN_GOAL,
      note: `${written.rowsWritten} rows written for ${written.flags} flags (${written.statements} inserts), the rollup batch run after every ${SEED_BATCH} flags; a batch that takes one flag alone writes ${oneBatch} rows (each cell once per batch and the next epoch; an anonymous flag is also linked to its hotspot, 2 rows)`,
    }),
  );

  const readsTable = (what) => {
    const sizes = results.map((at) => at[what].reads);
    return sizes[0].map(
      (r, i) => `| ${r.sql.replaceAll('|', '\\|')} | ${sizes.map((s) => s[i]?.rowsRead ?? '').join(' | ')} |`,
    );
  };
  const perFlagOf = (n) => (n / written.flags).toFixed(3);
  const writtenTable = [
    '| statement | rows written over the seeding | per flag | a batch of one flag |',
    '|---|---:|---:|---:|',
    `| the flags' own inserts (request) | ${written.requestRows} | ${perFlagOf(written.requestRows)} | ${one} |`,
    ...Object.entries(written.batchRows).map(
      ([name, n]) => `| batch: ${name} | ${n} | ${perFlagOf(n)} | ${oneBatchBy?.[name] ?? 0} |`,
    ),
    `| all | ${written.rowsWritten} | ${perFlagOf(written.rowsWritten)} | ${one + oneBatch} |`,
  ];
  ctx.log(`rows written per flag by statement:\n  ${writtenTable.slice(2).join('\n  ')}`);
  const header = `| statement | ${SIZES.map(label).join(' | ')} |`;
  const rule = `|---|${SIZES.map(() => '---:').join('|')}|`;
  ctx.note(
    [
      'One local D1 (migrated, demo-seeded) grown 1k → 10k → 100k flags. Flags are written by ' +
        '`bench/seed-worker/` through `flagWriteStatements()` (worker/services/flag-write.ts), the insert ' +
        `POST /v1/flags runs, ${FLAGS_PER_CALL.toLocaleString('en-US')} flags per call in batches of ${SEED_BATCH} flags, ` +
        'each batch then counted by `applyPendingFlags` (the minute’s rollup cron); ' +
        `seeding 100k took ${written.seconds.toFixed(0)} s. Reporters: ${REPORTERS} clinicians enrolled through ` +
        'POST /v1/auth/enroll (15% of flags anonymous), 5 units. The organisation keeps one shape at every size — ' +
        '56 hotspot keys (4 systems × 6 screens × 2 categories, plus no-screen flags in 8 categories), Zipf-like ' +
        'popularity, the last 12 weeks, the first 672 flags visiting every (hotspot, week) cell once — so only the ' +
        'number of flags changes.',
      '',
      'Rows read = the sum of D1’s `meta.rows_read` over what one request runs: the auth lookups (token, user) and ' +
        'the route’s own db functions (`buildHotspotList`, `buildProgrammeHealth` with their default query), run by ' +
        'the seed worker through a wrapper on the D1 binding; the settings read is cached per isolate as in the ' +
        'worker. Naive = `SELECT host, path, category, COUNT(*), SUM(minutes_lost), COUNT(DISTINCT user_id) FROM flags ' +
        'GROUP BY 1, 2, 3 ORDER BY 4 DESC`. Times: median of ' +
        `${REQUESTS} requests after ${WARMUP} warm-up ones, over loopback: the real worker (\`wrangler dev\` on the ` +
        'bundle the API section serves, authenticated as the lead) for the endpoints, the seed worker for the naive ' +
        'GROUP BY (no auth: the baseline does less).',
      '',
      `Rows read per statement, ${ENDPOINTS[0].name}:`,
      '',
      header,
      rule,
      ...readsTable('hotspots'),
      '',
      `Rows read per statement, ${ENDPOINTS[1].name}:`,
      '',
      header,
      rule,
      ...readsTable('programme'),
      '',
      `Rows written by one flag's request (\`flagWriteStatements\`: the flag insert, its row and index entries — ` +
        `client_id, user or receipt, flags_by_hotspot): ${onePerStatement.join(', ')}; table rows changed ` +
        `(\`meta.changes\`): ${oneChanges.join(', ')}. D1 counts index entries as rows written. A rollup batch ` +
        `taking that flag alone then wrote ${oneBatch} rows (root totals, hotspot_weeks with its packed unit cells, ` +
        'a unit_reporters row for each reporter new to a cell, and the next epoch; a named flag whose hotspot exists ' +
        'names it at insert and is ' +
        'never linked, an anonymous one is linked as it counts, 2 rows); a batch of many flags writes each cell once.',
      '',
      "Rows written by statement (D1's `meta.rows_written`, index entries included), over the whole seeding " +
        `(${written.flags.toLocaleString('en-US')} flags, a rollup batch after every ${SEED_BATCH}):`,
      '',
      ...writtenTable,
    ].join('\n'),
  );
  return rows;
}
