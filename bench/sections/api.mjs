// API overhead: the real worker on local workerd (wrangler dev) with a fresh migrated, demo-seeded D1,
// loaded over loopback with autocannon, beside a bare Hono worker (bench/baseline/) on the same runtime
// that runs each endpoint's own D1 statements (through the product's db functions, on a database
// migrated and seeded the same way) and nothing else. Each endpoint is compared with its own baseline
// route, in interleaved rounds (baselines, endpoints, then reversed, …): each round's ratio is taken
// against the baseline of the same round, and the median of those ratios is the figure, with their
// min–max beside it. An endpoint missing from /openapi.json gets a "not built yet" row.
//
// Where the time goes: the same bundle is also served with its Rate Limiting bindings left out (the
// middleware then lets every request through), as a third contender in the same rounds. Locally each
// limiter call is miniflare's simulation, a Durable Object that reads and writes its SQLite file per
// call; on Cloudflare the binding counts in memory on the machine the Worker runs on (synced in the
// background), so the gap between the two product rows is a cost production does not pay in full.
// Each round also reads the runtime's CPU time per answer (the workerd processes of each contender), and that
// of its busiest thread: workerd runs a process's isolates on one thread, and that thread bounds req/s.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc } from '../../scripts/lib.mjs';
import { ROOT, row, stopProcess } from '../lib.mjs';
import { CONNECTIONS, interleave, probe, roundRatios, spreadText, summarise } from '../load.mjs';
import { DEMO_CODE, enroll, prepareDatabase, rateLimitArgs, serveWorker, startWorker } from '../workers.mjs';

export const order = 10;
export const title = 'API overhead (real worker vs bare Hono + D1 on the same workerd, loopback, autocannon)';

const SECTION = 'api';
// Several short rounds rather than one long run each: a busy machine's drift lands inside rounds, on both sides.
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 5);
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 6);
const WARMUP_S = Number(process.env.BENCH_API_WARMUP_SECONDS ?? 3);
const GOALS = { write: 0.7, read: 0.85 };

const SCREEN = { host: 'ehr.example.org', path: '/chart/:id/medrec' };
const flagBody = () => ({
  clientId: randomUUID(),
  text: 'Med rec screen times out before I can save; the home med list is lost and I start again on every admission.',
  category: 'documentation_ehr',
  frequency: 'every_shift',
  minutesLost: 6,
  impact: 'delay',
  idea: 'Autosave the draft every 30 seconds',
  screen: SCREEN,
});
// What the product's KB search is sent: the sample /openapi.json gives (bodyFromOpenApi).
const KB_QUERY = 'reconcile home medications when the pharmacy list is stale';
/** The topic the bench's questions are asked in; the bench's mentor is routed to it. */
export const QUESTION_TOPIC = 'topic-ehr-doc';
const questionBody = () => ({
  clientId: randomUUID(),
  text: 'How do I reconcile home meds when the outside pharmacy list is stale and the patient is unsure?',
  topicId: QUESTION_TOPIC,
  disciplineWanted: 'any',
  urgency: 'this_week',
  screen: SCREEN,
});

/**
 * What each endpoint asks of D1, read from the route code (as of this file's last edit) (worker/routes, worker/db, the auth
 * middleware). Keep it in step when a route changes. Steady state: the settings row is cached per
 * isolate for 10 s and the token's sliding expiry is written at most once a day, so neither counts.
 */
const AUTH =
  'auth: one SELECT of tokens (PK) JOIN users with a group_concat subquery on user_roles, shared by one token’s requests for 2 s per isolate (worker/db/session-cache.ts), so under this load nearly every request finds it read';
export const ENDPOINTS = [
  {
    name: 'POST /v1/flags',
    method: 'POST',
    path: '/v1/flags',
    kind: 'write',
    role: 'clinician',
    body: flagBody,
    baseline: { method: 'POST', path: '/flags', body: flagBody },
    statements: `${AUTH}; one statement (worker/services/flag-write.ts): INSERT flags … ON CONFLICT(client_id) DO NOTHING RETURNING the stored flag with the state of the hotspot its key joins (subqueries; a retry returns nothing and reads the original back), the row and its index entries only (≤ 4 rows written); hotspots and counters come from the minute's rollup batch (worker/jobs/rollups.ts)`,
    otherWork:
      'one Rate Limiting call (per user), zod validation, identifier detector on text/idea, screen re-de-identified, SHA-256 of token and canonical body',
  },
  {
    name: 'POST /v1/questions',
    method: 'POST',
    path: '/v1/questions',
    kind: 'write',
    role: 'clinician',
    body: questionBody,
    baseline: { method: 'POST', path: '/questions', body: questionBody },
    statements: `${AUTH}; one batch: INSERT questions … SELECT … WHERE the topic is active ON CONFLICT(client_id) DO NOTHING, SELECT questions by client_id (read back) — 3 statements in 2 round trips, 1 write`,
    otherWork:
      'one Rate Limiting call (per user), zod validation, identifier detector on text, screen re-de-identified, SHA-256 of token and body',
  },
  {
    name: 'GET /v1/queue',
    method: 'GET',
    path: '/v1/queue',
    kind: 'read',
    role: 'mentor',
    baseline: { method: 'GET', path: '/queue' },
    statements: `${AUTH}; one SELECT walking the queue-order index (urgency, age) over open questions JOIN users (asker, claimer), the routing rule per row (the mentor’s weekly capacity counted inside it, not read before it), stopping at a page of 20 (the inbox’s page; "Show more" asks for more), then each listed question's messages (json_group_array subquery, for SLA pauses) (worker/db/queue.ts)`,
    otherWork:
      'one Rate Limiting call (reads per user; on loopback the address key is the user’s, so the address limit is not asked — in production it is, together), SLA state per item computed in the worker (shared SLA function)',
  },
  {
    name: 'GET /v1/hotspots',
    method: 'GET',
    path: '/v1/hotspots',
    kind: 'read',
    role: 'lead',
    baseline: { method: 'GET', path: '/hotspots' },
    statements: `${AUTH}; two SELECTs in one batch over the rollups, never the raw flags: hotspot roots (hotspots) and week cells (hotspot_weeks) for the window (worker/services/hotspot-views.ts); a unit or host filter adds one lookup`,
    otherWork:
      'one Rate Limiting call (reads per user; per address too in production, asked together), cost, trend and k-anonymity suppression computed in the worker',
  },
  {
    name: 'KB search (POST /v1/kb/search)',
    method: 'POST',
    path: '/v1/kb/search',
    kind: 'read',
    role: 'clinician',
    baseline: { method: 'POST', path: '/kb/search', body: () => ({ query: KB_QUERY }) },
    statements: `${AUTH}; one FTS5 SELECT: kb_fts MATCH ?1 JOIN kb_entries, ranked, with snippets (worker/db/kb.ts)`,
    otherWork:
      'one Rate Limiting call (searches per user; per address too in production, asked together), query turned into an FTS5 match expression; identifier check on the query',
  },
];

// ---------------------------------------------------------------------------------------------
// Requests for endpoints the bench knows no body for: a minimal valid value from /openapi.json.

function deref(schema, doc) {
  let s = schema;
  while (s?.$ref)
    s = s.$ref
      .split('/')
      .slice(1)
      .reduce((o, k) => o?.[k], doc);
  return s ?? {};
}

function sampleValue(schema, doc, key = '') {
  const s = deref(schema, doc);
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const options = s.anyOf ?? s.oneOf;
  if (options) return sampleValue(options[0], doc, key);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out = {};
      for (const k of s.required ?? []) out[k] = sampleValue(s.properties?.[k] ?? {}, doc, k);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleValue(s.items ?? {}, doc, key));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default: {
      if (s.format === 'uuid') return randomUUID();
      if (/topic/i.test(key)) return 'topic-ehr-doc';
      if (/unit/i.test(key)) return 'unit-4west';
      return 'reconcile home medications when the pharmacy list is stale'.slice(0, s.maxLength ?? 200);
    }
  }
}

function bodyFromOpenApi(op, doc) {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return schema ? () => sampleValue(schema, doc) : null;
}

function queryFromOpenApi(op, doc) {
  const params = (op.parameters ?? []).map((p) => deref(p, doc)).filter((p) => p.in === 'query' && p.required);
  if (!params.length) return '';
  return `?${new URLSearchParams(params.map((p) => [p.name, String(sampleValue(p.schema ?? {}, doc, p.name))]))}`;
}

const fixCpu = (ms) => (ms === undefined ? 'n/a' : Math.round(ms * 100) / 100);

/**
 * The API bundle the section's product contender serves (bench/workers.mjs bundles it under
 * ctx.tmp/api-bundle), served again from a copy of wrangler.jsonc without its `ratelimits` (and without
 * its named environments, so the bound Workers keep their plain names), on a fresh database migrated
 * and demo-seeded like the product's.
 */
async function serveUnlimited(ctx) {
  const bundleDir = join(ctx.tmp, 'api-bundle');
  const entry = join(
    bundleDir,
    readdirSync(bundleDir).find((f) => f.endsWith('.js')),
  );
  const {
    ratelimits: _limits,
    env: _env,
    alias: _alias,
    main: _main,
    ...rest
  } = parseJsonc(readFileSync(join(ROOT, 'wrangler.jsonc'), 'utf8'));
  const config = join(ctx.tmp, 'wrangler.no-limiter.json');
  writeFileSync(config, JSON.stringify(rest));
  const persist = join(ctx.tmp, 'no-limiter-d1');
  await prepareDatabase(persist, { seed: true });
  const worker = await serveWorker(entry, { config, persist, logFile: join(ctx.tmp, 'no-limiter.log') });
  ctx.log(`the same bundle without rate limiters up at ${worker.url}`);
  return worker;
}

// ---------------------------------------------------------------------------------------------

export async function run(ctx) {
  const rows = [];
  const limits = rateLimitArgs();
  if (limits.names.length) ctx.log(`raising rate limits for the run (${limits.how}): ${limits.names.join(', ')}`);

  const api = await startWorker(ctx, 'api', {
    config: join(ROOT, 'wrangler.jsonc'),
    seed: true,
    extraArgs: [...limits.env, ...limits.vars],
  });
  // The same bundle, served with no Rate Limiting bindings, on a database of its own set up the same way.
  const free = await serveUnlimited(ctx);
  const doc = await (await fetch(`${api.url}/openapi.json`)).json();
  const operation = (ep) => doc.paths?.[ep.path]?.[ep.method.toLowerCase()];
  const built = ENDPOINTS.filter((ep) => operation(ep));

  const { apiClient } = await import(join(ROOT, 'test', 'e2e', 'support', 'api.ts'));
  const enrollAll = async (url) => {
    const tokens = {};
    for (const role of Object.keys(DEMO_CODE)) tokens[role] = (await enroll(url, role)).token;
    // The mentor is routed to the topic the bench's questions are asked in, as a real one would be, so
    // GET /v1/queue lists a full page out of every question the write phase posted.
    await apiClient(url).mentorTopics({ token: tokens.mentor }, [questionBody().topicId]);
    return tokens;
  };
  const tokensOf = new Map([
    [api, await enrollAll(api.url)],
    [free, await enrollAll(free.url)],
  ]);
  const tokenFor = (ep, server = api) => {
    const tokens = tokensOf.get(server);
    const allowed = operation(ep)['x-roles'] ?? [];
    if (allowed.includes('public')) return null;
    const role = allowed.includes(ep.role) ? ep.role : allowed.find((r) => tokens[r]);
    return tokens[role];
  };

  // The baseline's database is migrated and demo-seeded like the product's; its mentor takes the same topic.
  const base = await startWorker(ctx, 'baseline', {
    config: join(ROOT, 'bench', 'baseline', 'wrangler.jsonc'),
    seed: true,
  });
  await fetch(`${base.url}/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ topicId: questionBody().topicId }),
  });
  const baselineKey = (ep) => `baseline: ${ep.name}`;
  const freeKey = (ep) => `no limiter: ${ep.name}`;
  const requestFor = (ep, server = api) => {
    const op = operation(ep);
    const token = tokenFor(ep, server);
    return {
      method: ep.method,
      path: ep.path + (ep.method === 'GET' ? queryFromOpenApi(op, doc) : ''),
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: ep.method === 'GET' ? undefined : (ep.body ?? bodyFromOpenApi(op, doc)),
    };
  };
  const baseline = new Map();
  const results = new Map();
  for (const kind of ['write', 'read']) {
    const eps = [];
    for (const ep of built.filter((e) => e.kind === kind)) {
      const failed = await probe(base.url, ep.baseline);
      if (failed) throw new Error(`the baseline of ${ep.name} fails on its own: ${failed}`);
      const probeFailed = await probe(api.url, requestFor(ep));
      if (probeFailed) results.set(ep, { probeFailed });
      else eps.push(ep);
    }
    if (!eps.length) continue;
    const rounds = await interleave({
      contenders: [
        ...eps.map((ep) => ({ key: baselineKey(ep), url: base.url, child: base.child, requests: ep.baseline })),
        ...eps.map((ep) => ({ key: ep.name, url: api.url, child: api.child, requests: requestFor(ep) })),
        ...eps.map((ep) => ({ key: freeKey(ep), url: free.url, child: free.child, requests: requestFor(ep, free) })),
      ],
      rounds: ROUNDS,
      seconds: DURATION_S,
      warmupSeconds: WARMUP_S,
      log: ctx.log,
    });
    for (const ep of eps) {
      const r = rounds.get(ep.name);
      const b = rounds.get(baselineKey(ep));
      const f = rounds.get(freeKey(ep));
      baseline.set(ep, summarise(b));
      results.set(ep, {
        ...summarise(r),
        free: { ...summarise(f), ratio: roundRatios(f, b) },
        ratio: roundRatios(r, b),
        p50Ratio: roundRatios(r, b, 'p50'),
        p99Ratio: roundRatios(r, b, 'p99'),
      });
    }
  }
  await stopProcess(base.child);
  await stopProcess(api.child);
  await stopProcess(free.child);

  for (const ep of ENDPOINTS) {
    const r = results.get(ep);
    if (!r) {
      rows.push(row(SECTION, ep.name, { figure: 'not built yet' }));
      continue;
    }
    if (r.probeFailed) {
      rows.push(row(SECTION, `${ep.name} req/s`, { figure: 'failed', pass: false, note: r.probeFailed }));
      continue;
    }
    const b = baseline.get(ep);
    const goal = GOALS[ep.kind];
    const againstBaseline = 'its statements bare';
    rows.push(
      row(SECTION, `${ep.name} req/s (median of ${ROUNDS} rounds)`, {
        figure: Math.round(r.rps),
        unit: 'req/s',
        baseline: Math.round(b.rps),
        ratio: r.ratio.median,
        goal: `≥ ${goal}× ${againstBaseline}`,
        pass: r.ratio.median >= goal,
        note: `ratio = median of per-round ratios (${r.ratio.all.map((x) => x.toFixed(2)).join(', ')}); req/s and baseline are the medians of the rounds`,
      }),
      row(SECTION, `${ep.name} req/s ratio, spread over rounds`, {
        figure: spreadText(r.ratio),
        note: 'smallest–largest per-round ratio; the goal is on the median above',
      }),
      row(SECTION, `${ep.name} runtime CPU per request (median of rounds)`, {
        figure: fixCpu(r.cpuMs),
        unit: 'ms',
        baseline: fixCpu(b.cpuMs),
        ratio: r.cpuMs && b.cpuMs ? b.cpuMs / r.cpuMs : undefined,
        note: 'workerd CPU time (user + system) ÷ answers, each contender’s own processes; ratio = baseline ÷ product, so it reads like req/s',
      }),
      row(SECTION, `${ep.name} busiest runtime thread per request (median of rounds)`, {
        figure: fixCpu(r.threadMs),
        unit: 'ms',
        baseline: fixCpu(b.threadMs),
        ratio: r.threadMs && b.threadMs ? b.threadMs / r.threadMs : undefined,
        note: `CPU of the one workerd thread that did the most over the round ÷ answers (without the limiter: ${fixCpu(r.free.threadMs)} ms). Locally the Worker, its detector, and the Durable Objects simulating D1 and the limiter share one thread, so when it nears a whole core it bounds req/s, whatever the rest of the machine does`,
      }),
      row(SECTION, `${ep.name} req/s, Rate Limiting bindings left out (median of ${ROUNDS} rounds)`, {
        figure: Math.round(r.free.rps),
        unit: 'req/s',
        baseline: Math.round(b.rps),
        ratio: r.free.ratio.median,
        note: `the same bundle with no limiter bound, in the same rounds (${spreadText(r.free.ratio)}); CPU ${fixCpu(r.free.cpuMs)} ms per request. Locally every limiter call is a Durable Object SQLite read and write (miniflare’s simulation); on Cloudflare the binding counts in memory where the Worker runs`,
      }),
      row(SECTION, `${ep.name} p50`, { figure: r.p50, unit: 'ms', baseline: b.p50, ratio: r.p50Ratio.median }),
      row(SECTION, `${ep.name} p99`, { figure: r.p99, unit: 'ms', baseline: b.p99, ratio: r.p99Ratio.median }),
      row(SECTION, `${ep.name} errors`, {
        figure: r.errors,
        baseline: b.errors,
        goal: '0',
        pass: r.errors === 0,
        note: r.errors ? r.detail : undefined,
      }),
    );
  }

  const describe = (label, r) =>
    r?.probeFailed ? `${label}: ${r.probeFailed}` : r ? `${label}: ${r.detail}` : `${label}: not measured`;
  ctx.note(
    [
      `Writes and reads each: every contender warmed up ${WARMUP_S} s, then ${ROUNDS} rounds of ${DURATION_S} s per ` +
        `contender at ${CONNECTIONS} connections (autocannon, keep-alive, over 127.0.0.1), the order within a round ` +
        'reversed every other round (baseline, endpoints…; …endpoints, baseline). The real worker is `wrangler dev` ' +
        'serving a pre-built bundle on local workerd with a fresh migrated and demo-seeded D1; writes send a fresh ' +
        'clientId per request. Ratio = the median over rounds of (endpoint req/s ÷ the same round’s baseline req/s); ' +
        'the spread row gives the smallest and largest round ratio. Errors = non-2xx answers + socket ' +
        `errors/timeouts, summed over rounds. Rate limits raised: ${limits.names.length ? limits.names.join(', ') : 'none exist yet'}.`,
      '',
      'Baseline (`bench/baseline/`): bare Hono on the same workerd and compatibility date, with its own D1 ' +
        'migrated and demo-seeded like the product’s; one route per endpoint runs that endpoint’s D1 statements ' +
        '(the product’s own db functions: the flag’s INSERT … RETURNING, the question’s batch, the queue page, the ' +
        'hotspot roots and week cells, the FTS5 search) as the demo users, and nothing else: no token, rate limit, ' +
        'validation, identifier check, body hash or response mapping. Its writes post the same bodies, so its queue ' +
        'reads a page out of as many questions as the product’s.',
      '',
      '| endpoint | D1 statements per request | other work |',
      '|---|---|---|',
      ...ENDPOINTS.map((ep) => `| ${ep.name} | ${ep.statements} | ${ep.otherWork ?? ''} |`),
      '',
      ...ENDPOINTS.filter((ep) => results.has(ep)).flatMap((ep) => [
        '',
        describe(`baseline of ${ep.name}`, baseline.get(ep)),
        '',
        describe(ep.name, results.get(ep)),
      ]),
    ].join('\n'),
  );
  return rows;
}
