// Outbox (issue 7): 1,000 items queued through a simulated outage → rows created and duplicates
// (goal 1,000 and 0).
//
// The real worker (fresh migrated, demo-seeded local D1; rate limits raised) enrolls a clinician.
// bench/outbox/outbox.bench-run.ts (run by vitest so the extension's modules load with WXT's fake
// browser) queues 1,000 items (named flags, anonymous flags with receipts, questions) with the real
// outbox and delivers them with the background's flushStored() over real fetch, through a proxy on
// loopback that drops connections, answers 503 and 429, and loses one answer in 25 after the worker
// stored the item. The clock is moved one simulated minute per flush; a service-worker restart
// happens mid-delivery. Afterwards the worker is stopped and D1 is counted with `wrangler d1 execute`.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, row, runTool, stopProcess, toolEnv } from '../lib.mjs';
import { API_CONFIG, bundleWorker, enroll, prepareDatabase, rateLimitArgs, serveWorker } from '../workers.mjs';

export const order = 60;
export const title = 'Outbox (1,000 items through a simulated outage, real outbox → proxy → real worker)';

const SECTION = 'outbox';
const ITEMS = 1000;

/**
 * Runs one query on the stopped worker's local D1 and returns its rows. Output goes to a file:
 * wrangler exits before a large answer drains through a pipe, and the tracked runner keeps only a tail.
 */
function query(ctx, persist, sql) {
  const file = join(ctx.tmp, 'query.json');
  const fd = openSync(file, 'w');
  try {
    execFileSync(
      join(BIN, 'wrangler'),
      ['d1', 'execute', 'DB', '--local', '--persist-to', persist, '-c', API_CONFIG, '--json', '--command', sql],
      // --json answers at wrangler's 'log' level, which the tools' default WRANGLER_LOG=warn silences.
      { cwd: ROOT, env: toolEnv({ WRANGLER_LOG: 'log' }), stdio: ['ignore', fd, 'pipe'], timeout: 120_000 },
    );
  } finally {
    closeSync(fd);
  }
  const out = readFileSync(file, 'utf8');
  // Warnings may come first ("▲ [WARNING] …"): the JSON starts at the first line that is just "[".
  const start = out.search(/^\[\s*$/m);
  if (start < 0) throw new Error(`wrangler d1 execute printed no JSON:\n${out.slice(-2000)}`);
  return JSON.parse(out.slice(start))[0].results;
}

export async function run(ctx) {
  const persist = join(ctx.tmp, 'd1');
  const limits = rateLimitArgs();
  await prepareDatabase(persist, { seed: true });
  const entry = await bundleWorker(join(ctx.tmp, 'api-bundle'), { args: limits.env });
  const api = await serveWorker(entry, {
    persist,
    logFile: join(ctx.tmp, 'api.log'),
    args: [...limits.env, ...limits.vars],
  });
  const session = await enroll(api.url, 'clinician', 'Bench outbox clinician');
  ctx.log(`worker up at ${api.url}; rate limits raised via ${limits.how}`);

  const out = join(ctx.tmp, 'outbox.json');
  await runTool('vitest', ['run', '--config', join(ROOT, 'bench', 'outbox', 'vitest.config.ts')], {
    env: {
      BENCH_OUTBOX_API: api.url,
      BENCH_OUTBOX_SESSION: JSON.stringify(session),
      BENCH_OUTBOX_OUT: out,
    },
    logFile: join(ctx.tmp, 'vitest.log'),
  });
  await stopProcess(api.child);
  const f = JSON.parse(readFileSync(out, 'utf8'));

  const like = "LIKE '%(outbox bench item %)'";
  const stored = [
    ...query(ctx, persist, `SELECT client_id, text, user_id, anonymous FROM flags WHERE text ${like}`).map((r) => ({
      ...r,
      kind: 'flag',
    })),
    ...query(ctx, persist, `SELECT client_id, text, user_id, 0 AS anonymous FROM questions WHERE text ${like}`).map(
      (r) => ({
        ...r,
        kind: 'question',
      }),
    ),
  ];
  const marker = (text) => /\((outbox bench item \d+)\)$/.exec(text)?.[1];
  const queuedIds = new Set(f.queued.map((q) => q.clientId));
  const byMarker = new Map();
  for (const r of stored) byMarker.set(marker(r.text), (byMarker.get(marker(r.text)) ?? 0) + 1);
  const rows = stored.length;
  const duplicates = rows - byMarker.size + (stored.length - new Set(stored.map((r) => r.client_id)).size);
  const matched = stored.filter((r) => queuedIds.has(r.client_id)).length;
  const missing = f.queued.filter((q) => !stored.some((r) => r.client_id === q.clientId)).length;
  const anonymous = stored.filter((r) => r.anonymous === 1);
  const anonymousWithUser = anonymous.filter((r) => r.user_id !== null).length;
  const p = f.proxy;

  ctx.log(
    `${rows} rows for ${ITEMS} items (${duplicates} duplicates, ${missing} missing); ` +
      `${p.requests} requests through the proxy: ${p.dropped} dropped, ${p.gateway503} × 503, ${p.rateLimited} × 429, ` +
      `${p.forwarded} forwarded (${p.lostResponses} answers lost); ${f.realSeconds.toFixed(1)} s`,
  );
  const result = [
    row(SECTION, '1,000 items through a simulated outage → rows created', {
      figure: rows,
      unit: 'rows',
      baseline: ITEMS,
      baselineUnit: 'items',
      ratio: rows / ITEMS,
      goal: '1,000',
      pass: rows === ITEMS && matched === ITEMS,
      note: `${matched} rows carry a queued clientId; ${missing} queued items have no row`,
    }),
    row(SECTION, 'duplicates', {
      figure: duplicates,
      goal: '0',
      pass: duplicates === 0,
      note: `${p.lostResponses} answers were lost after the worker stored the item; their retries were answered from the stored original`,
    }),
    row(SECTION, 'left in the outbox / needs attention', {
      figure: `${f.left} / ${f.needsAttention.length}`,
      goal: '0 / 0',
      pass: f.left === 0 && f.needsAttention.length === 0 && !f.needsSignIn,
      note: f.needsAttention.length
        ? `needs attention: ${[...new Set(f.needsAttention.map((a) => `${a.code}: ${a.reason}`))].join('; ')}`
        : undefined,
    }),
    row(SECTION, 'simulated time from first item to all delivered', {
      figure: f.deliveredAfterMinutes,
      unit: 'min',
      baseline: f.outageMinutes,
      baselineUnit: 'min outage',
      ratio: f.deliveredAfterMinutes === null ? null : f.deliveredAfterMinutes / f.outageMinutes,
    }),
  ];
  ctx.note(
    [
      `${ITEMS} items (${f.queued.filter((q) => q.kind === 'flag').length} flags, 1 in 9 of them anonymous with a ` +
        `receipt; ${f.queued.filter((q) => q.kind === 'question').length} questions) queued with the real outbox ` +
        '(extension/lib/outbox.ts, WXT fake browser storage), 50 a simulated minute, and delivered by the ' +
        "background's `flushStored()` once a simulated minute over real fetch to the real worker (`wrangler dev` on " +
        `a fresh migrated D1, rate limits raised via ${limits.how}) through a failure-injecting proxy on loopback: ` +
        `the first 3 h every connection dropped unanswered, then 20 min of a gateway's 503, then 20 min of 429 with ` +
        'Retry-After 120, then up with one answer in 25 to a write lost after the worker stored the item. The ' +
        `service worker was restarted mid-delivery with ${f.restartedWith ?? 'no'} items still queued. A lost answer ` +
        'looks like a network error, which ends that minute’s round (the outbox treats it as offline), so each one ' +
        'costs a simulated minute.',
      '',
      `Proxy: ${p.requests} requests — ${p.dropped} dropped, ${p.gateway503} × 503, ${p.rateLimited} × 429, ` +
        `${p.forwarded} forwarded (worker answered ${Object.entries(p.upstream)
          .map(([s, n]) => `${s} × ${n}`)
          .join(', ')}), ${p.lostResponses} answers lost. ` +
        `Rows counted afterwards in D1 (\`wrangler d1 execute --local\`): ${rows} (flags ` +
        `${stored.filter((r) => r.kind === 'flag').length}, questions ${stored.filter((r) => r.kind === 'question').length}); ` +
        `duplicates = rows beyond one per item (by item number and by clientId). Anonymous flags stored: ` +
        `${anonymous.length}, ${anonymousWithUser} of them with a user link; ` +
        `receipts kept in the browser: ${f.receipts}. Real time: ${f.realSeconds.toFixed(1)} s.`,
    ].join('\n'),
  );
  return result;
}
