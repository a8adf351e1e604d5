// Helpers the benchmark sections share: child processes that are always cleaned up, free ports,
// waiting for a server, and row builders. Nothing here runs in `npm test`.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BIN, ROOT, toolEnv } from '../scripts/lib.mjs';

export { BIN, ROOT, toolEnv };

/** Every child still running; the runner kills them all on exit, failure or Ctrl+C. */
const children = new Set();

/**
 * Starts a tool from node_modules/.bin in its own process group (so its own children, e.g. workerd
 * under wrangler, are killed with it), logging to `logFile`.
 */
export function startProcess(cmd, args, { env = {}, logFile, cwd = ROOT } = {}) {
  const log = logFile ? createWriteStream(logFile) : null;
  const child = spawn(join(BIN, cmd), args, {
    cwd,
    env: toolEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.output = '';
  const keep = (d) => {
    child.output = (child.output + d.toString()).slice(-20_000);
    log?.write(d);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.add(child);
  child.on('exit', () => {
    children.delete(child);
    log?.end();
  });
  return child;
}

/** Runs a tool to completion (tracked like any child); rejects with its output when it fails. */
export function runTool(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = startProcess(cmd, args, opts);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(child.output);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n${child.output.slice(-4000)}`));
    });
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}

/** SIGTERM the child's whole group, then SIGKILL whatever is left after `graceMs`. */
export async function stopProcess(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
  }
  // workerd may outlive wrangler's exit; the group kill catches it either way.
  killGroup(child, 'SIGKILL');
  children.delete(child);
}

export async function stopAll() {
  await Promise.all([...children].map((c) => stopProcess(c)));
}

/** Synchronous last resort for process 'exit': no awaiting possible there. */
export function killAllNow() {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
}

/** A free loopback port, found by letting the OS pick one. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls `url` until it answers 2xx; fails early when `child` exits, and after `timeoutMs`. */
export async function waitForHttp(url, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the server for ${url} exited early:\n${child.output.slice(-4000)}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${child?.output.slice(-4000) ?? ''}`);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One result row. `figure`/`baseline` are numbers (or a short string such as "not built yet");
 * `ratio` is figure ÷ baseline; `goal` says what passes; `pass` is true, false or null (no goal).
 */
export function row(section, name, fields = {}) {
  return {
    section,
    name,
    figure: fields.figure ?? null,
    unit: fields.unit ?? '',
    baseline: fields.baseline ?? null,
    baselineUnit: fields.baselineUnit ?? fields.unit ?? '',
    ratio: fields.ratio ?? null,
    goal: fields.goal ?? '',
    pass: fields.pass ?? null,
    ...(fields.note ? { note: fields.note } : {}),
  };
}

/** The row a stub section returns until its feature lands. */
export function pendingRow(section, name, issue) {
  return row(section, name, { figure: `pending: ${issue}` });
}

export const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * CPU time (user + system, ms) used so far by the workerd processes in `child`'s process group (a
 * `wrangler dev` started by startProcess): what a request costs the runtime, whatever else the
 * machine is doing, where req/s also counts waiting for a busy core. Linux /proc; 0 elsewhere.
 */
export function workerdCpuMs(child) {
  let total = 0;
  for (const ms of workerdThreadsMs(child, false).values()) total += ms;
  return total;
}

/**
 * CPU time (ms) of each workerd process under `child` (by process group), or of each of their threads
 * when `threads`: keyed "pid" or "pid/tid". A runtime's throughput is bounded by its busiest thread —
 * workerd runs every isolate of a process (the Worker, its bound Workers, and locally the Durable
 * Objects that simulate D1 and the Rate Limiting bindings) on one thread — so the bench reports both.
 */
export function workerdThreadsMs(child, threads = true) {
  const out = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  // fields[2] is the process group; [11] and [12] are utime and stime in ticks.
  const parse = (stat) => ({
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    fields: stat.slice(stat.lastIndexOf(')') + 2).split(' '),
  });
  const ms = (fields) => (Number(fields[11]) + Number(fields[12])) * tick;
  for (const pid of entries) {
    try {
      const { name, fields } = parse(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (!name.startsWith('workerd') || Number(fields[2]) !== child.pid) continue;
      if (!threads) {
        out.set(pid, ms(fields));
        continue;
      }
      for (const tid of readdirSync(`/proc/${pid}/task`))
        out.set(`${pid}/${tid}`, ms(parse(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')).fields));
    } catch {
      // The process or thread ended between listing and reading.
    }
  }
  return out;
}

/** CPU (ms) the busiest workerd thread under `child` spent since `before` (a `workerdThreadsMs` snapshot). */
export function busiestThreadMsSince(child, before) {
  const spent = [...workerdThreadsMs(child)].map(([k, ms]) => ms - (before.get(k) ?? 0));
  return Math.max(0, ...spent);
}
