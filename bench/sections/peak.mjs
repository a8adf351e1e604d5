// A morning peak (issue 19): the busiest hour of a 50,000-clinician system as a mix of requests in the
// proportions stated below, sent at full speed to the real worker on local workerd and, in turns, the
// same mix to the bare baseline worker (reads → its indexed SELECT, writes → its INSERT), in interleaved
// rounds. Figures: errors (goal 0), and throughput and p99 as ratios to the baseline of the same round.
// Beside them, the request rate the modelled hour needs, so the headroom of one local workerd is seen.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, row, stopProcess } from '../lib.mjs';
import { CONNECTIONS, interleave, probe, roundRatios, spreadText, summarise } from '../load.mjs';
import { enroll, rateLimitArgs, startWorker } from '../workers.mjs';

export const order = 15;
export const title = 'Morning peak (the busiest hour of a 50k-clinician system, mixed load, vs the bare worker)';

const SECTION = 'peak';
const ROUNDS = Number(process.env.BENCH_PEAK_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_PEAK_SECONDS ?? 10);
const WARMUP_S = Number(process.env.BENCH_API_WARMUP_SECONDS ?? 3);

// ---------------------------------------------------------------------------------------------
// The modelled hour. Each figure is an assumption, stated where it is used.
const CLINICIANS = 50_000;
const SIGNED_IN_AT_PEAK = 0.3; // day shift at a workstation with the browser open, 8–9 a.m.
const MENTOR_SHARE = 0.05; // mentors and peer supporters among staff
const LEAD_SHARE = 0.01; // unit leads and quality staff who read the dashboard
const BADGE_POLLS_PER_HOUR = 60; // extension/background/badge.ts polls once a minute by default
const POPUP_OPENS_PER_HOUR = 0.5; // per signed-in clinician in the busiest hour
const FLAGS_PER_YEAR = 1_000_000; // issue 19
const WORKDAYS = 250;
const PEAK_HOUR_SHARE = 0.12; // of a workday's flags, sent in its busiest hour
const QUESTIONS_PER_FLAG = 0.2;
const INBOX_OPENS_PER_MENTOR_HOUR = 2;
const DASHBOARD_VIEWS_PER_LEAD_HOUR = 0.4;

const signedIn = CLINICIANS * SIGNED_IN_AT_PEAK;
const mentorsIn = signedIn * MENTOR_SHARE;
const leadsIn = CLINICIANS * LEAD_SHARE * SIGNED_IN_AT_PEAK;
const flagsInHour = (FLAGS_PER_YEAR / WORKDAYS) * PEAK_HOUR_SHARE;
const popupOpens = (signedIn - mentorsIn) * POPUP_OPENS_PER_HOUR;
const HOST = 'ehr.example.org';

/** Requests in the hour, by what sends them. `role` picks the signed-in user; `kind` the baseline statement. */
const MIX = [
  {
    what: 'badge check (clinician): GET /v1/questions/mine',
    method: 'GET',
    path: '/v1/questions/mine',
    role: 'clinician',
    perHour: (signedIn - mentorsIn) * BADGE_POLLS_PER_HOUR,
  },
  {
    what: 'badge check (mentor): GET /v1/queue/summary',
    method: 'GET',
    path: '/v1/queue/summary',
    role: 'mentor',
    perHour: mentorsIn * BADGE_POLLS_PER_HOUR,
  },
  // A popup open asks for these once each (settings are cached by the extension between opens).
  {
    what: 'popup open: GET /v1/flags/mine',
    method: 'GET',
    path: '/v1/flags/mine',
    role: 'clinician',
    perHour: popupOpens,
  },
  {
    what: 'popup open: GET /v1/questions/mine',
    method: 'GET',
    path: '/v1/questions/mine',
    role: 'clinician',
    perHour: popupOpens,
  },
  {
    what: 'popup open: GET /v1/hotspots/by-system',
    method: 'GET',
    path: `/v1/hotspots/by-system?host=${HOST}`,
    role: 'clinician',
    perHour: popupOpens,
  },
  {
    what: 'popup open: GET /v1/kb/screen-tips',
    method: 'GET',
    path: `/v1/kb/screen-tips?host=${HOST}`,
    role: 'clinician',
    perHour: popupOpens,
  },
  { what: 'flag: POST /v1/flags', method: 'POST', path: '/v1/flags', role: 'clinician', perHour: flagsInHour },
  {
    what: 'question: POST /v1/questions',
    method: 'POST',
    path: '/v1/questions',
    role: 'clinician',
    perHour: flagsInHour * QUESTIONS_PER_FLAG,
  },
  {
    what: 'inbox: GET /v1/queue',
    method: 'GET',
    path: '/v1/queue',
    role: 'mentor',
    perHour: mentorsIn * INBOX_OPENS_PER_MENTOR_HOUR,
  },
  {
    what: 'dashboard: GET /v1/hotspots',
    method: 'GET',
    path: '/v1/hotspots',
    role: 'lead',
    perHour: leadsIn * DASHBOARD_VIEWS_PER_LEAD_HOUR,
  },
  {
    what: 'dashboard: GET /v1/programme/health',
    method: 'GET',
    path: '/v1/programme/health',
    role: 'lead',
    perHour: leadsIn * DASHBOARD_VIEWS_PER_LEAD_HOUR,
  },
];
const PER_HOUR = MIX.reduce((a, m) => a + m.perHour, 0);
const NEEDED_RPS = PER_HOUR / 3600;

const SCREEN = { host: HOST, path: '/chart/:id/medrec' };
const BODY = {
  'POST /v1/flags': () => ({
    clientId: randomUUID(),
    text: 'Med rec screen times out before I can save; the home med list is lost and I start again.',
    category: 'documentation_ehr',
    frequency: 'every_shift',
    minutesLost: 6,
    impact: 'delay',
    screen: SCREEN,
  }),
  'POST /v1/questions': () => ({
    clientId: randomUUID(),
    text: 'How do I reconcile home meds when the outside pharmacy list is stale?',
    topicId: 'topic-ehr-doc',
    disciplineWanted: 'any',
    urgency: 'this_week',
    screen: SCREEN,
  }),
};

// The people: several of each role, so per-token caches in the worker see what many users would.
const PEOPLE = { clinician: 24, mentor: 4, lead: 2 };

/** mulberry32: the same sequence of picks for the product and the baseline. */
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

/** One autocannon request whose setupRequest draws the next request of the mix by its weight. */
function mixedRequest(mix, toRequest) {
  const total = mix.reduce((a, m) => a + m.perHour, 0);
  const random = prng(19);
  const pick = () => {
    let x = random() * total;
    for (const m of mix) {
      x -= m.perHour;
      if (x <= 0) return m;
    }
    return mix.at(-1);
  };
  return {
    method: 'GET',
    path: '/',
    setup: (req) => {
      const { method, path, headers, body } = toRequest(pick());
      return { ...req, method, path, headers: { ...req.headers, ...headers }, body };
    },
  };
}

export async function run(ctx) {
  const limits = rateLimitArgs();
  const api = await startWorker(ctx, 'api', { seed: true, extraArgs: [...limits.env, ...limits.vars] });
  const doc = await (await fetch(`${api.url}/openapi.json`)).json();
  const built = MIX.filter((m) => doc.paths?.[m.path.split('?')[0]]?.[m.method.toLowerCase()]);
  const missing = MIX.filter((m) => !built.includes(m));

  const people = {};
  for (const [role, n] of Object.entries(PEOPLE)) {
    people[role] = [];
    for (let i = 0; i < n; i++) people[role].push((await enroll(api.url, role, `Peak ${role} ${i}`)).token);
  }
  // Mentors routed to the topic the mix asks in, as real ones would be.
  const { apiClient } = await import(join(ROOT, 'test', 'e2e', 'support', 'api.ts'));
  for (const token of people.mentor) await apiClient(api.url).mentorTopics({ token }, ['topic-ehr-doc']);

  const base = await startWorker(ctx, 'baseline', { config: join(ROOT, 'bench', 'baseline', 'wrangler.jsonc') });
  const turn = {};
  const product = (m) => {
    const tokens = people[m.role];
    turn[m.role] = ((turn[m.role] ?? -1) + 1) % tokens.length;
    const body = BODY[`${m.method} ${m.path}`];
    return {
      method: m.method,
      path: m.path,
      headers: {
        authorization: `Bearer ${tokens[turn[m.role]]}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body()) : undefined,
    };
  };
  const bare = (m) =>
    m.method === 'GET'
      ? { method: 'GET', path: '/read?grp=g07', headers: {} }
      : {
          method: 'POST',
          path: '/write',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(BODY[`${m.method} ${m.path}`]()),
        };

  // Every request shape answers on its own before the load (a failing one would only measure errors).
  for (const m of built) {
    const r = product(m);
    const failed = await probe(api.url, { ...r, headers: r.headers, body: r.body ? () => JSON.parse(r.body) : null });
    if (failed) throw new Error(`${m.what}: ${failed}`);
  }

  const asAutocannon = (mixed) => ({ method: mixed.method, path: mixed.path, setupRequest: mixed.setup });
  const rounds = await interleave({
    contenders: [
      { key: 'baseline', url: base.url, requests: asAutocannon(mixedRequest(built, bare)) },
      { key: 'peak mix', url: api.url, requests: asAutocannon(mixedRequest(built, product)) },
    ],
    rounds: ROUNDS,
    seconds: DURATION_S,
    warmupSeconds: WARMUP_S,
    log: ctx.log,
  });
  await stopProcess(base.child);
  await stopProcess(api.child);

  const b = rounds.get('baseline');
  const p = rounds.get('peak mix');
  const bs = summarise(b);
  const ps = summarise(p);
  const rps = roundRatios(p, b);
  const p99 = roundRatios(p, b, 'p99');
  const rows = [
    row(SECTION, 'errors (non-2xx + socket errors)', {
      figure: ps.errors,
      baseline: bs.errors,
      goal: '0',
      pass: ps.errors === 0,
      note: ps.errors ? ps.detail : `${ps.total} requests in ${ROUNDS} rounds`,
    }),
    row(SECTION, `throughput (median of ${ROUNDS} rounds)`, {
      figure: Math.round(ps.rps),
      unit: 'req/s',
      baseline: Math.round(bs.rps),
      ratio: rps.median,
      note: `per-round ratios ${spreadText(rps)}`,
    }),
    row(SECTION, 'p99 latency', {
      figure: ps.p99,
      unit: 'ms',
      baseline: bs.p99,
      ratio: p99.median,
      note: `per-round ratios ${spreadText(p99)}; at ${CONNECTIONS} connections, full speed`,
    }),
    row(SECTION, 'the modelled hour needs', {
      figure: Math.round(NEEDED_RPS),
      unit: 'req/s',
      note: `${Math.round(PER_HOUR).toLocaleString('en-US')} requests in the hour; one local workerd on this machine served ${(ps.rps / NEEDED_RPS).toFixed(2)}× that (Workers run many isolates; this is one)`,
    }),
  ];
  const share = (m) => `${((m.perHour / PER_HOUR) * 100).toFixed(m.perHour / PER_HOUR < 0.01 ? 2 : 1)}%`;
  ctx.note(
    [
      `The busiest hour of a ${CLINICIANS.toLocaleString('en-US')}-clinician system: ${Math.round(signedIn).toLocaleString('en-US')} signed in ` +
        `(${SIGNED_IN_AT_PEAK * 100}%), of them ${Math.round(mentorsIn)} mentors (${MENTOR_SHARE * 100}%); ${Math.round(leadsIn)} leads ` +
        `signed in; badges polled every minute (the extension's default); ${POPUP_OPENS_PER_HOUR} popup opens per clinician; ` +
        `${FLAGS_PER_YEAR.toLocaleString('en-US')} flags a year over ${WORKDAYS} workdays, ${PEAK_HOUR_SHARE * 100}% of a day's in this hour; ` +
        `${QUESTIONS_PER_FLAG} questions per flag; ${INBOX_OPENS_PER_MENTOR_HOUR} inbox opens per mentor; ` +
        `${DASHBOARD_VIEWS_PER_LEAD_HOUR} dashboard views per lead. ${Math.round(PER_HOUR).toLocaleString('en-US')} requests, ` +
        `${NEEDED_RPS.toFixed(0)} req/s on average.`,
      '',
      '| request | per hour | share of the mix |',
      '|---|---:|---:|',
      ...MIX.map(
        (m) =>
          `| ${m.what}${built.includes(m) ? '' : ' (not built yet: left out)'} | ${Math.round(m.perHour).toLocaleString('en-US')} | ${share(m)} |`,
      ),
      '',
      `Load: each request drawn by its share (a seeded sequence, the same for both sides) by ${CONNECTIONS} connections at ` +
        `full speed, ${ROUNDS} rounds of ${DURATION_S} s each side, interleaved (order reversed every other round), after ` +
        `${WARMUP_S} s of warm-up each. Users: ${Object.entries(PEOPLE)
          .map(([r, n]) => `${n} ${r}s`)
          .join(', ')}, enrolled through the real endpoint, taken in turn. The real worker serves a fresh migrated, ` +
        'demo-seeded D1 with rate limits raised; the baseline (bench/baseline/) answers each read with its indexed ' +
        'SELECT and each write with its INSERT. Ratios are per round, product ÷ baseline; the median is shown.',
      ...(missing.length ? ['', `Not built yet, left out of the mix: ${missing.map((m) => m.what).join('; ')}.`] : []),
      '',
      `Baseline rounds: ${bs.detail}`,
      '',
      `Peak-mix rounds: ${ps.detail}`,
    ].join('\n'),
  );
  return rows;
}
