#!/usr/bin/env node
// SQL lives in worker/db/ (and the migrations) only: this fails `npm run lint` when a statement or a
// `.prepare(` call appears anywhere else in worker/, shared/ or extension/. Comments are skipped, so prose
// may name a statement; string literals and template strings are not. Usage: node scripts/lint-sql.mjs [root]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SCANNED = ['worker', 'shared', 'extension'];
const ALLOWED = [`worker${sep}db${sep}`, `worker${sep}migrations${sep}`];
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.wrangler']);

// Upper-case keywords in their statement shapes, so prose and HTTP verbs ('DELETE') do not count.
const SQL = [
  /\.prepare\s*\(/,
  /\bSELECT\b[^;]{0,400}?\bFROM\b/,
  /\bINSERT\s+(OR\s+\w+\s+)?INTO\b/,
  /\bUPDATE\s+\w+(\s+AS\s+\w+)?\s+SET\b/,
  /\bDELETE\s+FROM\b/,
];

/** Removes block and line comments (a `//` only at a line's start or after a space, so URLs stay). */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

function* sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name)) yield path;
  }
}

/** Every file outside worker/db/ that holds SQL, with the first line that does. */
export function sqlOutsideDb(root) {
  const found = [];
  for (const top of SCANNED) {
    for (const file of sourceFiles(join(root, top))) {
      const rel = relative(root, file);
      if (ALLOWED.some((allowed) => rel.startsWith(allowed))) continue;
      const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
      // A statement may break after its first keyword, so each line is read with the one after it.
      const index = lines.findIndex((line, i) => SQL.some((re) => re.test(`${line}\n${lines[i + 1] ?? ''}`)));
      if (index < 0) continue;
      const at = SQL.some((re) => re.test(lines[index] ?? '')) ? index : index + 1;
      found.push(`${rel}:${at + 1}: ${lines[at]?.trim()}`);
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = sqlOutsideDb(process.argv[2] ?? process.cwd());
  if (found.length > 0) {
    console.error(`SQL outside worker/db/ (move it into a db/ function):\n${found.join('\n')}`);
    process.exit(1);
  }
  console.log('lint-sql: SQL only in worker/db/ and worker/migrations/');
}
