import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'node_modules', '.bin');

/** Environment for wrangler/wxt: Node 22 from node_modules first, and no telemetry. */
export function toolEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${BIN}:${process.env.PATH ?? ''}`,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
    // Local workerd would fetch Request.cf from workers.cloudflare.com at start: offline that prints a
    // stack trace, and Curbside reads nothing from request.cf, so the placeholder is all it needs.
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
    ...extra,
  };
}

export function runSync(cmd, args, opts = {}) {
  const res = spawnSync(join(BIN, cmd), args, {
    cwd: ROOT,
    stdio: opts.quiet ? 'pipe' : 'inherit',
    env: toolEnv(opts.env),
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    if (opts.quiet) process.stderr.write(`${res.stdout ?? ''}${res.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status}`);
  }
  return res;
}

export function runBackground(cmd, args, opts = {}) {
  return spawn(join(BIN, cmd), args, {
    cwd: ROOT,
    stdio: opts.stdio ?? 'inherit',
    env: toolEnv(opts.env),
    detached: opts.detached ?? false,
  });
}

/** JSONC → JSON: drops comments and trailing commas, leaving strings alone. */
export function parseJsonc(text) {
  const noComments = text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, str) => str ?? '');
  return JSON.parse(noComments.replace(/,(\s*[}\]])/g, '$1'));
}
