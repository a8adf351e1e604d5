import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run org:create -- NAME --local` and `npm run migrate:all -- --local`, run as the CLIs they are
// (real wrangler, real local D1) on a temporary folder; the migrated database is then opened and read.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE = process.execPath;
const MIGRATIONS = readdirSync(join(ROOT, 'worker', 'migrations'))
  .filter((f) => f.endsWith('.sql'))
  .sort();

interface Sqlite {
  prepare(sql: string): { all(): Record<string, unknown>[] };
  close(): void;
}
// node:sqlite through require: Vite's resolver does not know the module yet.
const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as {
  DatabaseSync: new (file: string, opts: { readOnly: boolean }) => Sqlite;
};

function run(script: string, args: string[]) {
  return execFileSync(NODE, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      WRANGLER_SEND_METRICS: 'false',
    },
    stdio: 'pipe',
  });
}

/** Migrations recorded, and tables present, in an organisation's local D1 under `persist`. */
function inspect(persist: string) {
  const dir = join(persist, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  // One file per database, named by a hash; miniflare keeps its own metadata.sqlite beside it.
  const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  expect(files).toHaveLength(1);
  const db = new DatabaseSync(join(dir, files[0] ?? ''), { readOnly: true });
  try {
    const applied = db.prepare('SELECT name FROM d1_migrations ORDER BY id').all();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    return { applied: applied.map((r) => String(r.name)), tables: tables.map((r) => String(r.name)) };
  } finally {
    db.close();
  }
}

describe('org:create --local and migrate:all --local', () => {
  let tmp: string;
  let orgs: string;
  let state: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'curbside-orgs-'));
    orgs = join(tmp, 'orgs');
    state = join(tmp, 'state');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('creates the organisation’s config and a database with every migration applied', () => {
    run('org-create.mjs', ['acme', '--local', '--dir', orgs, '--persist-to', state]);
    const config = readFileSync(join(orgs, 'acme', 'wrangler.jsonc'), 'utf8');
    expect(config).toContain('"name": "curbside-api-acme"');
    expect(config).toContain('"database_name": "curbside-acme"');
    const { applied, tables } = inspect(join(state, 'acme'));
    expect(applied).toEqual(MIGRATIONS);
    expect(tables).toEqual(expect.arrayContaining(['flags', 'users', 'questions']));
  });

  it('refuses a name that is not a plain lowercase slug, and an organisation created twice', () => {
    expect(() => run('org-create.mjs', ['Acme Health', '--local', '--dir', orgs])).toThrow(/not a usable name/);
    expect(() => run('org-create.mjs', ['acme', '--local', '--dir', orgs])).toThrow(/exists already/);
  });

  it('migrate:all brings every organisation’s database up to date, a new one included', () => {
    // An organisation whose database has never been migrated: acme's config under another name.
    const beta = readFileSync(join(orgs, 'acme', 'wrangler.jsonc'), 'utf8').replaceAll('acme', 'beta');
    mkdirSync(join(orgs, 'beta'), { recursive: true });
    writeFileSync(join(orgs, 'beta', 'wrangler.jsonc'), beta);
    const out = run('migrate-all.mjs', ['--local', '--dir', orgs, '--persist-to', state]);
    expect(out).toContain('Migrated 2 organisation(s): acme, beta.');
    expect(inspect(join(state, 'beta')).applied).toEqual(MIGRATIONS);
    expect(inspect(join(state, 'acme')).applied).toEqual(MIGRATIONS);
  });
});
