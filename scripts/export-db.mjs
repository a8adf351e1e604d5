#!/usr/bin/env node
// Exports Curbside's D1 database to a .sql file for keeping beyond D1 Time Travel's 30 days.
//
// `wrangler d1 export` refuses a database holding virtual tables, and the knowledge base search is an
// FTS5 virtual table (kb_fts). So this exports table by table: every ordinary table's rows, without
// the FTS table and its shadow tables (kb_fts_data, _idx, _content, _docsize, _config) and without the
// schema. The schema comes back from the migrations, and the file ends by rebuilding the FTS index
// from kb_entries, the table it is made from. See docs/operations.md for the restore steps.
//
//   node scripts/export-db.mjs --remote --env production [--out backups/curbside-2026-11-26.sql]
//   node scripts/export-db.mjs --local
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** How kb_fts is filled (worker/db/kb.ts publishStatements): answers joined by a blank line. */
const REBUILD_FTS = `
DELETE FROM kb_fts;
INSERT INTO kb_fts (kb_id, question, answers)
  SELECT e.id, e.question, (SELECT group_concat(value, char(10) || char(10)) FROM json_each(e.answers))
  FROM kb_entries e;
`;

function parseArgs(argv) {
  const args = { remote: false, local: false, env: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--remote') args.remote = true;
    else if (a === '--local') args.local = true;
    else if (a === '--env') args.env = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else throw new Error(`Unknown argument ${a}`);
  }
  if (args.remote === args.local) throw new Error('Say --remote or --local');
  args.out ??= join(
    'backups',
    `curbside-${args.env ?? (args.remote ? 'remote' : 'local')}-${new Date().toISOString().slice(0, 10)}.sql`,
  );
  return args;
}

function wrangler(args) {
  const res = spawnSync(join(BIN, 'wrangler'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` },
  });
  if (res.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${res.stderr || res.stdout}`);
  return res.stdout;
}

/** Ordinary tables only: not virtual tables, not their shadow tables, not internal or migration tables. */
export function tablesToExport(schema) {
  const virtual = schema.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  return schema
    .filter((t) => t.sql && !virtual.includes(t.name))
    .filter((t) => !virtual.some((v) => t.name.startsWith(`${v}_`)))
    .filter((t) => !/^(sqlite_|_cf_|d1_migrations$)/.test(t.name))
    .map((t) => t.name);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const where = [args.remote ? '--remote' : '--local', ...(args.env ? ['--env', args.env] : [])];
  const listed = JSON.parse(
    wrangler([
      'd1',
      'execute',
      'DB',
      ...where,
      '--json',
      '--command',
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY rowid",
    ]),
  );
  const tables = tablesToExport(listed[0]?.results ?? []);
  if (tables.length === 0) throw new Error('No tables found: are the migrations applied?');
  const out = resolve(ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  wrangler([
    'd1',
    'export',
    'DB',
    ...where,
    '--no-schema',
    '--skip-confirmation',
    ...tables.flatMap((t) => ['--table', t]),
    '--output',
    out,
  ]);
  appendFileSync(out, `\n-- Rebuild the knowledge-base search index (FTS5), which is not exported.${REBUILD_FTS}`);
  console.log(`Exported ${tables.length} tables to ${out} (FTS rebuilt on import). See docs/operations.md.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
