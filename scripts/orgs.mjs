// Organisations: one Worker and one D1 database each, described by orgs/<name>/wrangler.jsonc (made by
// `npm run org:create`). Shared by org-create.mjs, migrate-all.mjs and release.mjs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseJsonc, ROOT, runSync } from './lib.mjs';

export const ORGS_DIR = join(ROOT, 'orgs');
export const ORG_NAME = /^[a-z][a-z0-9-]{1,40}[a-z0-9]$/;

/** Every organisation under `dir`: its name and config file, in name order. */
export function listOrgs(dir = ORGS_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'wrangler.jsonc')))
    .sort()
    .map((name) => ({ name, config: join(dir, name, 'wrangler.jsonc') }));
}

/** A stand-in database id for a local-only organisation: a UUID-shaped hash of its name, never a real one. */
export function localDatabaseId(name) {
  const h = createHash('sha256').update(`curbside-local:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The organisation's Wrangler config: the root wrangler.jsonc's production environment lifted to the top
 * level (so `wrangler deploy -c` needs no --env), its own Worker name, database and rate-limit namespaces.
 * Paths are relative to the config file, as Wrangler reads them.
 */
export function orgConfig({ name, databaseId, index, configDir }) {
  const root = parseJsonc(readFileSync(join(ROOT, 'wrangler.jsonc'), 'utf8'));
  const prod = root.env?.production ?? {};
  const rel = (p) => relative(configDir, join(ROOT, p)) || '.';
  return {
    $schema: rel('node_modules/wrangler/config-schema.json'),
    name: `curbside-api-${name}`,
    main: rel(root.main ?? 'worker/index.ts'),
    compatibility_date: root.compatibility_date,
    compatibility_flags: root.compatibility_flags,
    ...(root.observability ? { observability: root.observability } : {}),
    ...(root.minify !== undefined ? { minify: root.minify } : {}),
    ...(root.keep_names !== undefined ? { keep_names: root.keep_names } : {}),
    // The bundle's aliases (wrangler.jsonc), their paths from this folder.
    ...(root.alias
      ? { alias: Object.fromEntries(Object.entries(root.alias).map(([k, v]) => [k, v.startsWith('.') ? rel(v) : v])) }
      : {}),
    // Every organisation's API calls the one identifier detector, sender and verifier (`npm run deploy` deploys them).
    ...((prod.services ?? root.services) ? { services: prod.services ?? root.services } : {}),
    vars: { ...(prod.vars ?? root.vars ?? {}) },
    // Rate-limit counters live in account-wide namespaces: each organisation gets its own block of ids,
    // so one hospital's traffic never spends another's limits.
    ratelimits: (prod.ratelimits ?? root.ratelimits ?? []).map((r, i) => ({
      ...r,
      namespace_id: String(10_000 + index * 100 + i + 1),
    })),
    ...((prod.triggers ?? root.triggers) ? { triggers: prod.triggers ?? root.triggers } : {}),
    d1_databases: [
      {
        binding: 'DB',
        database_name: `curbside-${name}`,
        database_id: databaseId,
        migrations_dir: rel('worker/migrations'),
      },
    ],
  };
}

/** `wrangler d1 migrations apply` on one organisation's database: remote, or local under `persistTo`. */
export function migrateOrg(org, { local = false, persistTo } = {}) {
  const where = local ? ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])] : ['--remote'];
  runSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '-c', org.config, ...where], {
    // Non-interactive: Wrangler applies without asking when it is not on a terminal.
    env: { CI: 'true' },
  });
}
