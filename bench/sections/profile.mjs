// Where an API request's time goes: the API section's endpoints, each loaded alone on the real worker
// (an unminified bundle, so the profile names the product's own functions), while a V8 CPU profile of the
// API isolate is taken through workerd's own inspector and each workerd thread's CPU is read from /proc.
//
// workerd runs every isolate of a process on one thread: the API, curbside-detector, and locally the
// Durable Objects that simulate D1 and the Rate Limiting bindings. That thread bounds req/s, so its CPU
// per request is the figure. The profile samples the API isolate by wall clock: time the thread spends in
// another isolate on the API's behalf (D1's object, the limiter's, the detector) lands on the native call
// that waits for it, so the split below keeps the API bundle's own JavaScript apart from the runtime's.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { busiestThreadMsSince, ROOT, row, stopProcess, workerdThreadsMs } from '../lib.mjs';
import { load } from '../load.mjs';
import { bundleWorker, DEMO_CODE, enroll, prepareDatabase, rateLimitArgs, serveWorker } from '../workers.mjs';
import { ENDPOINTS, QUESTION_TOPIC } from './api.mjs';

export const order = 11;
export const title = 'Where an API request’s time goes (V8 profile of the API isolate, workerd threads’ CPU)';

const SECTION = 'profile';
const SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 8);
const CONNECTIONS = 16;
const TOP = 8;

/** The loopback ports a process listens on, from /proc (its socket inodes matched in /proc/net/tcp). */
function listeningPorts(pid) {
  const inodes = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // The descriptor closed while listing.
    }
  }
  const ports = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode.
      if (f[3] === '0A' && inodes.has(f[9])) ports.push(Number.parseInt(f[1].split(':')[1], 16));
    }
  }
  return ports;
}

/** The inspector target of the API isolate: workerd's own inspector (the process wrangler starts with one). */
async function apiTarget(child) {
  // workerdThreadsMs without threads lists the workerd processes of `child`'s process group.
  for (const pid of workerdThreadsMs(child, false).keys()) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--inspector-addr')) continue;
    for (const port of listeningPorts(pid)) {
      try {
        const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
        const api = targets.find((t) => /^core:user:curbside-api/.test(t.id));
        if (api) return api.webSocketDebuggerUrl;
      } catch {
        // Not the inspector's port.
      }
    }
  }
  throw new Error('no workerd inspector lists the API isolate');
}

/** A minimal Chrome DevTools Protocol session over the WebSocket (Node 22's global). */
async function inspect(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', reject, { once: true });
  });
  let id = 0;
  const pending = new Map();
  ws.addEventListener('message', (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const n = ++id;
      pending.set(n, (msg) => (msg.error ? reject(new Error(`${method}: ${msg.error.message}`)) : resolve(msg.result)));
      ws.send(JSON.stringify({ id: n, method, params }));
    });
  return { send, close: () => ws.close() };
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * A profile's sampled time split four ways (the API bundle's JS; the Workers runtime's own JS — D1's
 * client, the limiter binding; native calls, which include waiting on other isolates of the thread; idle)
 * and the bundle's functions by self time, as shares of the profile.
 */
export function splitProfile(profile, bundleFile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // timeDeltas[i] is the time before sample i, so sample i stands for the time up to the next one.
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const parts = { bundle: 0, runtime: 0, native: 0, idle: 0, vm: 0 };
  const functions = new Map();
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') parts.idle += t;
    else if (SPECIAL.has(name)) parts.vm += t;
    else if (url.endsWith(bundleFile)) {
      parts.bundle += t;
      const key = `${name} (line ${lineNumber + 1})`;
      functions.set(key, (functions.get(key) ?? 0) + t);
    } else if (url) parts.runtime += t;
    else parts.native += t;
  }
  const share = (t) => t / total;
  return {
    parts: Object.fromEntries(Object.entries(parts).map(([k, t]) => [k, share(t)])),
    top: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, t]) => ({ name, share: share(t) })),
  };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

export async function run(ctx) {
  const rows = [];
  const limits = rateLimitArgs();
  const persist = join(ctx.tmp, 'profile-d1');
  await prepareDatabase(persist, { seed: true });
  const entry = await bundleWorker(join(ctx.tmp, 'profile-bundle'), { args: [...limits.env, '--no-minify'] });
  const bundleFile = entry.split('/').pop();
  const api = await serveWorker(entry, {
    persist,
    logFile: join(ctx.tmp, 'profile.log'),
    args: [...limits.env, ...limits.vars],
  });
  try {
    const tokens = {};
    for (const role of Object.keys(DEMO_CODE)) tokens[role] = (await enroll(api.url, role)).token;
    const { apiClient } = await import(join(ROOT, 'test', 'e2e', 'support', 'api.ts'));
    await apiClient(api.url).mentorTopics({ token: tokens.mentor }, [QUESTION_TOPIC]);
    const session = await inspect(await apiTarget(api.child));
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    const tables = [];
    for (const ep of ENDPOINTS) {
      const request = {
        method: ep.method,
        path: ep.path,
        headers: { authorization: `Bearer ${tokens[ep.role]}` },
        // KB search's body is the one its baseline sends (the API section takes it from /openapi.json).
        body: ep.body ?? ep.baseline.body,
      };
      await load(api.url, request, 2, CONNECTIONS);
      const before = workerdThreadsMs(api.child);
      await session.send('Profiler.start');
      const r = await load(api.url, request, SECONDS, CONNECTIONS);
      const { profile } = await session.send('Profiler.stop');
      const threadMs = busiestThreadMsSince(api.child, before) / Math.max(1, r.total);
      const { parts, top } = splitProfile(profile, bundleFile);
      ctx.log(`${ep.name}: ${r.rps.toFixed(0)} req/s, busiest thread ${threadMs.toFixed(2)} ms per request`);
      if (r.errors > 0) {
        rows.push(row(SECTION, `${ep.name}: profile`, { figure: 'failed', pass: false, note: r.detail }));
        continue;
      }
      rows.push(
        row(SECTION, `${ep.name}: busiest runtime thread per request`, {
          figure: Math.round(threadMs * 100) / 100,
          unit: 'ms',
          note: `${r.rps.toFixed(0)} req/s at ${CONNECTIONS} connections for ${SECONDS} s, no errors`,
        }),
        row(SECTION, `${ep.name}: API isolate's profile`, {
          figure: `bundle JS ${pct(parts.bundle)} · runtime JS ${pct(parts.runtime)} · native calls ${pct(parts.native)} · VM ${pct(parts.vm)} · idle ${pct(parts.idle)}`,
          note: 'shares of the sampled wall time; native calls include waiting on D1’s and the limiter’s objects and on the detector, which run on the same thread',
        }),
        row(SECTION, `${ep.name}: the bundle's busiest functions (self time)`, {
          figure: top
            .slice(0, 3)
            .map(
              (f) =>
                `${f.name.startsWith('(anonymous)') ? f.name : f.name.replace(/ \(line \d+\)$/, '')} ${pct(f.share)}`,
            )
            .join(', '),
        }),
      );
      tables.push(
        '',
        `**${ep.name}** — ${r.rps.toFixed(0)} req/s; busiest thread ${threadMs.toFixed(2)} ms per request`,
        '',
        '| function (unminified bundle) | self time |',
        '|---|---|',
        ...top.map((f) => `| ${f.name} | ${pct(f.share)} |`),
      );
    }
    session.close();
    ctx.note(
      [
        `Each endpoint of the API section alone, ${SECONDS} s at ${CONNECTIONS} connections after 2 s of warm-up, on an`,
        'unminified bundle of the API (`wrangler deploy --dry-run --no-minify`) served like the API section’s, with the',
        'raised limits. The profile is V8’s sampling profiler on the API isolate (every 200 µs, wall clock), taken',
        'through workerd’s own inspector (`core:user:curbside-api…`). Shares are of the sampled time.',
        ...tables,
      ].join('\n'),
    );
  } finally {
    await stopProcess(api.child);
  }
  return rows;
}
