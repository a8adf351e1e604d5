// API overhead: the real worker on local workerd (wrangler dev) with a fresh migrated, demo-seeded D1,
// loaded over loopback with autocannon, beside a bare Hono worker (bench/baseline/) on the same runtime
// doing one plain D1 statement per request. Writes are compared with the baseline's INSERT, reads with
// its indexed SELECT. An endpoint missing from /openapi.json gets a "not built yet" row.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, row, stopProcess } from '../lib.mjs';
import { bundleWorker, DEMO_CODE, enroll, prepareDatabase, rateLimitArgs, serveWorker } from '../workers.mjs';

export const order = 10;
export const title = 'API overhead (real worker vs bare Hono + D1 on the same workerd, loopback, autocannon)';

const SECTION = 'api';
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 20);
const WARMUP_S = Number(process.env.BENCH_API_WARMUP_SECONDS ?? 3);
const CONNECTIONS = 32;
const GOALS = { write: 0.5, read: 0.7 };

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
const questionBody = () => ({
  clientId: randomUUID(),
  text: 'How do I reconcile home meds when the outside pharmacy list is stale and the patient is unsure?',
  topicId: 'topic-ehr-doc',
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
const ENDPOINTS = [
  {
    name: 'POST /v1/flags',
    method: 'POST',
    path: '/v1/flags',
    kind: 'write',
    role: 'clinician',
    body: flagBody,
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
    statements: `${AUTH}; one SELECT walking the queue-order index (urgency, age) over open questions JOIN users (asker, claimer), the routing rule per row, stopping at a page of 20 (the inbox’s page; "Show more" asks for more), then each listed question's messages (json_group_array subquery, for SLA pauses) (worker/db/queue.ts)`,
    otherWork:
      'one Rate Limiting call (reads per user; on loopback the address key is the user’s, so the address limit is not asked — in production it is, together), SLA state per item computed in the worker (shared SLA function)',
  },
  {
    name: 'GET /v1/hotspots',
    method: 'GET',
    path: '/v1/hotspots',
    kind: 'read',
    role: 'lead',
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
    statements: `${AUTH}; one FTS5 SELECT: kb_fts MATCH ?1 JOIN kb_entries, ranked, with snippets (worker/db/kb.ts)`,
    otherWork:
      'one Rate Limiting call (searches per user; per address too in production, asked together), query turned into an FTS5 match expression; identifier check on the query',
  },
];

// ---------------------------------------------------------------------------------------------
// Servers

/** A fresh local D1 (demo-seeded when asked), the worker bundled once and served on a free port. */
async function startWorker(ctx, name, { config, seed = false, extraArgs = [] }) {
  const persist = join(ctx.tmp, `${name}-d1`);
  await prepareDatabase(persist, { config, seed });
  const entry = await bundleWorker(join(ctx.tmp, `${name}-bundle`), { config });
  const worker = await serveWorker(entry, { config, persist, logFile: join(ctx.tmp, `${name}.log`), args: extraArgs });
  ctx.log(`${name} worker up at ${worker.url}`);
  return worker;
}

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

// ---------------------------------------------------------------------------------------------
// Load

function autocannonRun(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** `seconds` of load on one request shape; a fresh body per request when `body` is given. */
function loadOnce(url, { method, path, headers = {}, body }, seconds) {
  const request = { method, path, headers: { ...headers } };
  if (body) {
    request.headers['content-type'] = 'application/json';
    request.setupRequest = (req) => ({ ...req, body: JSON.stringify(body()) });
  }
  return autocannonRun({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [request],
  });
}

async function measure(ctx, label, url, request) {
  // One probe first: a request that fails on its own would only measure error handling.
  const probe = await fetch(url + request.path, {
    method: request.method,
    headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
    body: request.body ? JSON.stringify(request.body()) : undefined,
  });
  if (!probe.ok) {
    return { probeFailed: `probe answered ${probe.status}: ${(await probe.text()).slice(0, 300)}` };
  }
  await loadOnce(url, request, WARMUP_S);
  const r = await loadOnce(url, request, DURATION_S);
  const errors = r.non2xx + r.errors;
  const codes = Object.entries(r.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
  const out = {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors,
    total: r.requests.total,
    detail: `${r.requests.total} requests in ${r.duration.toFixed(1)} s; status ${codes || 'none'}; socket errors ${r.errors} (timeouts ${r.timeouts})`,
  };
  ctx.log(
    `${label.padEnd(34)} ${out.rps.toFixed(0).padStart(6)} req/s  p50 ${out.p50} ms  p99 ${out.p99} ms  errors ${errors}`,
  );
  return out;
}

/** The mean of two runs of the same baseline; errors add up. */
function combine(a, b) {
  if (a.probeFailed || b.probeFailed) return a.probeFailed ? a : b;
  const mean = (k) => (a[k] + b[k]) / 2;
  return {
    rps: mean('rps'),
    p50: mean('p50'),
    p99: mean('p99'),
    errors: a.errors + b.errors,
    detail: `mean of two runs, before (${a.rps.toFixed(0)} req/s; ${a.detail}) and after (${b.rps.toFixed(0)} req/s; ${b.detail})`,
  };
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
  const doc = await (await fetch(`${api.url}/openapi.json`)).json();
  const operation = (ep) => doc.paths?.[ep.path]?.[ep.method.toLowerCase()];
  const built = ENDPOINTS.filter((ep) => operation(ep));

  const tokens = {};
  for (const role of Object.keys(DEMO_CODE)) tokens[role] = (await enroll(api.url, role)).token;
  // The mentor is routed to the topic the bench's questions are asked in, as a real one would be, so
  // GET /v1/queue lists a full page out of every question the write phase posted.
  const { apiClient } = await import(join(ROOT, 'test', 'e2e', 'support', 'api.ts'));
  await apiClient(api.url).mentorTopics({ token: tokens.mentor }, [questionBody().topicId]);
  const tokenFor = (ep) => {
    const allowed = operation(ep)['x-roles'] ?? [];
    if (allowed.includes('public')) return null;
    const role = allowed.includes(ep.role) ? ep.role : allowed.find((r) => tokens[r]);
    return tokens[role];
  };

  const base = await startWorker(ctx, 'baseline', { config: join(ROOT, 'bench', 'baseline', 'wrangler.jsonc') });
  // Each baseline is measured before and after the endpoints it is compared with, and the two runs
  // averaged, so drift on a shared machine during the run weighs on both sides alike.
  const baselineRequest = {
    write: { label: 'baseline: 1 INSERT', method: 'POST', path: '/write', body: flagBody },
    read: { label: 'baseline: 1 indexed SELECT', method: 'GET', path: '/read?grp=g07' },
  };
  const baseline = {};
  const results = new Map();
  for (const kind of ['write', 'read']) {
    const eps = built.filter((e) => e.kind === kind);
    if (!eps.length) continue;
    const { label, ...request } = baselineRequest[kind];
    const before = await measure(ctx, `${label} (before)`, base.url, request);
    for (const ep of eps) results.set(ep, await measureEndpoint(ep));
    const after = await measure(ctx, `${label} (after)`, base.url, request);
    baseline[kind] = combine(before, after);
  }
  await stopProcess(base.child);
  await stopProcess(api.child);

  async function measureEndpoint(ep) {
    const op = operation(ep);
    const token = tokenFor(ep);
    return measure(ctx, ep.name, api.url, {
      method: ep.method,
      path: ep.path + (ep.method === 'GET' ? queryFromOpenApi(op, doc) : ''),
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: ep.method === 'GET' ? undefined : (ep.body ?? bodyFromOpenApi(op, doc)),
    });
  }

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
    const b = baseline[ep.kind];
    const goal = GOALS[ep.kind];
    const ratio = b && !b.probeFailed ? r.rps / b.rps : null;
    const againstBaseline = ep.kind === 'write' ? 'INSERT' : 'SELECT';
    rows.push(
      row(SECTION, `${ep.name} req/s`, {
        figure: Math.round(r.rps),
        unit: 'req/s',
        baseline: b?.rps !== undefined ? Math.round(b.rps) : null,
        ratio,
        goal: `≥ ${goal}× ${againstBaseline}`,
        pass: ratio === null ? false : ratio >= goal,
      }),
      row(SECTION, `${ep.name} p50`, {
        figure: r.p50,
        unit: 'ms',
        baseline: b?.p50 ?? null,
        ratio: b ? r.p50 / b.p50 : null,
      }),
      row(SECTION, `${ep.name} p99`, {
        figure: r.p99,
        unit: 'ms',
        baseline: b?.p99 ?? null,
        ratio: b ? r.p99 / b.p99 : null,
      }),
      row(SECTION, `${ep.name} errors`, {
        figure: r.errors,
        baseline: b?.errors ?? null,
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
      `Each endpoint: ${WARMUP_S} s warm-up, then ${DURATION_S} s at ${CONNECTIONS} connections (autocannon, keep-alive, ` +
        'over 127.0.0.1) against `wrangler dev` serving a pre-built bundle on local workerd with a fresh migrated and ' +
        'demo-seeded D1; writes send a fresh clientId per request. Errors = non-2xx answers + socket errors/timeouts. ' +
        `Rate limits raised: ${limits.names.length ? limits.names.join(', ') : 'none exist yet'}.`,
      '',
      'Baseline (`bench/baseline/`): bare Hono on the same workerd and compatibility date, its own D1, measured ' +
        'before and after the endpoints it is compared with (the mean of both is the baseline); the write ' +
        'baseline parses the same JSON body and runs one `INSERT INTO items`; the read baseline runs one ' +
        '`SELECT … FROM items WHERE grp = ?1 ORDER BY created_at DESC LIMIT 20` on an index (20 rows back).',
      '',
      '| endpoint | D1 statements per request | other work |',
      '|---|---|---|',
      ...ENDPOINTS.map((ep) => `| ${ep.name} | ${ep.statements} | ${ep.otherWork ?? ''} |`),
      '',
      describe('write baseline', baseline.write),
      '',
      describe('read baseline', baseline.read),
      ...ENDPOINTS.filter((ep) => results.has(ep)).flatMap((ep) => ['', describe(ep.name, results.get(ep))]),
    ].join('\n'),
  );
  return rows;
}
