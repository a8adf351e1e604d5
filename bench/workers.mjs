// Local workers for the benchmark sections: a migrated (and demo-seeded) persisted D1, a bundle built
// once (so edits others make in this checkout during a run cannot reload a worker mid-measurement),
// served with `wrangler dev --no-bundle` on a free loopback port.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseJsonc } from '../scripts/lib.mjs';
import { freePort, ROOT, runTool, startProcess, stopProcess, waitForHttp } from './lib.mjs';

export const API_CONFIG = join(ROOT, 'wrangler.jsonc');
/** The identifier detector's Worker, which the API reaches over its DETECTOR service binding. */
export const DETECTOR_CONFIG = join(ROOT, 'wrangler.detector.jsonc');
/** The message sender's Worker, which the API reaches over its SENDER service binding. */
export const SENDER_CONFIG = join(ROOT, 'wrangler.sender.jsonc');
/** The ID token verifier's Worker, which the API reaches over its VERIFIER service binding. */
export const VERIFIER_CONFIG = join(ROOT, 'wrangler.verifier.jsonc');
/** The Workers an API config may bind by service name, and their configs. */
const BOUND_WORKERS = [
  { service: 'curbside-detector', config: DETECTOR_CONFIG },
  { service: 'curbside-sender', config: SENDER_CONFIG },
  { service: 'curbside-verifier', config: VERIFIER_CONFIG },
];

/**
 * The `-c` arguments that serve, beside a bundle, the Workers its config binds (detector, sender, verifier):
 * each bundled once beside it and given a config whose `main` is that bundle (`--no-bundle` applies to
 * every config). A config from before a Worker existed does not bind it, and gets none.
 */
async function boundWorkerArgs(config, entry) {
  const text = readFileSync(config, 'utf8');
  const args = [];
  for (const bound of BOUND_WORKERS) {
    if (!new RegExp(`"service"\\s*:\\s*"${bound.service}`).test(text)) continue;
    const suffix = bound.service.replace(/^curbside-/, '');
    const dir = join(dirname(dirname(entry)), `${basename(dirname(entry))}-${suffix}`);
    const boundConfig = join(dir, `wrangler.${suffix}.json`);
    // Once per API bundle: a section that restarts its worker serves the same bound Workers again.
    if (!existsSync(boundConfig)) {
      const main = await bundleWorker(dir, { config: bound.config });
      // Already bundled: its aliases have been applied.
      const { alias: _alias, ...rest } = parseJsonc(readFileSync(bound.config, 'utf8'));
      writeFileSync(boundConfig, JSON.stringify({ ...rest, main }));
    }
    args.push('-c', boundConfig);
  }
  return args;
}

/**
 * Rate limits, raised for the run so the bench measures the API and not the limiter. They are
 * Rate Limiting bindings (wrangler.jsonc `ratelimits`, worker/middleware/rate-limit.ts); its `bench`
 * environment carries the same bindings with limits of 1,000,000 a minute, so the bench serves with
 * `--env bench`. Older configs named limits as `RATE_LIMIT_*` vars: those are raised with `--var`.
 */
export const RATE_LIMIT_RAISED_TO = '1000000';
export function rateLimitArgs(config = API_CONFIG) {
  const text = readFileSync(config, 'utf8');
  const names = [...new Set([...text.matchAll(/"(RATE_LIMIT_[A-Z0-9_]+)"/g)].map((m) => m[1]))];
  const benchEnv = /"bench"\s*:\s*\{/.test(text);
  if (benchEnv) return { names, env: ['--env', 'bench'], vars: [], how: `the \`bench\` environment of wrangler.jsonc` };
  const vars = [...new Set([...text.matchAll(/"(RATE_LIMIT_[A-Z0-9_]+)"\s*:/g)].map((m) => m[1]))];
  return {
    names,
    env: [],
    vars: vars.flatMap((n) => ['--var', `${n}:${RATE_LIMIT_RAISED_TO}`]),
    how: vars.length ? `--var … ${RATE_LIMIT_RAISED_TO}` : 'none exist',
  };
}

/** A fresh local D1 in `persist`, migrated, and seeded with the demo organisation when asked. */
export async function prepareDatabase(persist, { config = API_CONFIG, seed = false } = {}) {
  await runTool('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist, '-c', config]);
  if (seed) await runTool('node', [join(ROOT, 'scripts', 'seed.mjs'), '--persist-to', persist]);
}

/** Bundles a worker once with `wrangler deploy --dry-run`; returns the bundle's entry file. */
export async function bundleWorker(outdir, { config = API_CONFIG, args = [] } = {}) {
  await runTool('wrangler', ['deploy', '--dry-run', '--outdir', outdir, '-c', config, ...args]);
  // The bundle is named after the entry (index.js, worker.js…).
  const entry = readdirSync(outdir).find((f) => f.endsWith('.js'));
  if (!entry) throw new Error(`wrangler wrote no bundle into ${outdir}`);
  return join(outdir, entry);
}

/**
 * Serves a bundle on local workerd with the persisted D1 in `persist`; resolves once /health answers.
 * A port found free may be taken before wrangler binds it (workerd binds loopback ports of its own, picked
 * by the OS from the same range), so a start that finds its port in use tries again on another, twice.
 */
export async function serveWorker(entry, opts) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serveOnce(entry, opts);
    } catch (e) {
      const taken = /Address already in use/.test(String(e?.message));
      if (!taken || opts.port !== undefined || attempt >= 3) throw e;
    }
  }
}

async function serveOnce(entry, { config = API_CONFIG, persist, logFile, args = [], port: wanted }) {
  // A fixed port lets a worker restarted on the same D1 keep the address an extension was built with.
  // The bound Workers are bundled before the ports are picked: a port found free is only reserved once wrangler binds it.
  const bound = await boundWorkerArgs(config, entry);
  const [port, inspector] = [wanted ?? (await freePort()), await freePort()];
  const child = startProcess(
    'wrangler',
    [
      'dev',
      entry,
      '--no-bundle',
      '-c',
      config,
      ...bound,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--persist-to',
      persist,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
      ...args,
    ],
    { logFile },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, child);
  return { url, child };
}

export const DEMO_CODE = { clinician: 'DEMO-CLINICIAN', mentor: 'DEMO-MENTOR', lead: 'DEMO-LEAD', admin: 'DEMO-ADMIN' };

/** Enrolls a new user through the real endpoint with a demo code; returns the session (token, user). */
export async function enroll(url, role, displayName = `Bench ${role}`) {
  const res = await fetch(`${url}/v1/auth/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: DEMO_CODE[role], displayName }),
  });
  if (!res.ok) throw new Error(`enrolling a ${role} with ${DEMO_CODE[role]} failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The dashboard bench's helper worker (bench/seed-worker/): writes synthetic flags through the product's write path. */
export const SEED_CONFIG = join(ROOT, 'bench', 'seed-worker', 'wrangler.jsonc');

/**
 * Grows the flags in the seed worker's D1 from `from` to `to` (flag i is a pure function of i),
 * `perCall` flags per request; returns what D1 reported for the writes.
 */
export async function seedFlags(seederUrl, { from, to, users, perCall = 5_000, perBatch, onProgress }) {
  const totals = { inserted: 0, statements: 0, rowsWritten: 0, requestRows: 0, batchRows: {} };
  for (let offset = from; offset < to; offset += perCall) {
    const n = Math.min(perCall, to - offset);
    const res = await fetch(`${seederUrl}/seed`, {
      method: 'POST',
      body: JSON.stringify({ offset, n, users, perBatch }),
    });
    const r = await res.json();
    if (!res.ok) throw new Error(`seeding answered ${res.status}: ${r.error ?? JSON.stringify(r)}`);
    if (r.inserted !== n) throw new Error(`seeding inserted ${r.inserted} of ${n} flags`);
    totals.inserted += n;
    totals.statements += r.statements;
    totals.rowsWritten += r.rowsWritten;
    totals.requestRows += r.requestRows;
    for (const [name, rows] of Object.entries(r.batchRows ?? {}))
      totals.batchRows[name] = (totals.batchRows[name] ?? 0) + rows;
    onProgress?.(offset + n);
  }
  return totals;
}

/** A fresh local D1 (demo-seeded when asked), the worker bundled once and served on a free port. */
export async function startWorker(ctx, name, { config = API_CONFIG, seed = false, extraArgs = [] }) {
  const persist = join(ctx.tmp, `${name}-d1`);
  await prepareDatabase(persist, { config, seed });
  const entry = await bundleWorker(join(ctx.tmp, `${name}-bundle`), { config });
  const worker = await serveWorker(entry, { config, persist, logFile: join(ctx.tmp, `${name}.log`), args: extraArgs });
  ctx.log(`${name} worker up at ${worker.url}`);
  return worker;
}

/**
 * The scaling sections' start: a fresh local D1 (migrated, demo-seeded) under ctx.tmp, the API and the
 * seeder bundled to serve over it, and a lead plus `reporters` clinicians enrolled through the real
 * endpoint. The API is stopped again, so each section starts the seeder or the API as it needs them.
 */
export async function benchDatabase(ctx, reporters) {
  const persist = join(ctx.tmp, 'd1');
  const limits = rateLimitArgs();
  await prepareDatabase(persist, { seed: true });
  const apiEntry = await bundleWorker(join(ctx.tmp, 'api-bundle'), { args: limits.env });
  const seedEntry = await bundleWorker(join(ctx.tmp, 'seed-bundle'), { config: SEED_CONFIG });
  const serveApi = () =>
    serveWorker(apiEntry, { persist, logFile: join(ctx.tmp, 'api.log'), args: [...limits.env, ...limits.vars] });
  const serveSeed = () => serveWorker(seedEntry, { config: SEED_CONFIG, persist, logFile: join(ctx.tmp, 'seed.log') });
  const api = await serveApi();
  const lead = await enroll(api.url, 'lead', 'Bench lead');
  const users = [];
  for (let i = 0; i < reporters; i++) users.push((await enroll(api.url, 'clinician', `Bench clinician ${i}`)).user);
  await stopProcess(api.child);
  return { persist, serveApi, serveSeed, lead, users };
}
