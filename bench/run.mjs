#!/usr/bin/env node
// `npm run bench`: measures Curbside against baselines measured in the same run, prints one table
// and writes bench/results.json and bench/results.md.
//
//   npm run bench                      every section
//   npm run bench -- --only api,detector
//
// Each section is one module bench/sections/<name>.mjs exporting `order` (its place in the run),
// `title` and `async function run(ctx) → rows[]`; adding a section is adding that one file.
// A section that throws becomes an "error" row; the others still run. Every child process
// (wrangler, workerd, wxt) is killed on exit, failure or Ctrl+C. The bench never runs in `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { killAllNow, ROOT, row, stopAll } from './lib.mjs';
import { renderMarkdown, renderTable } from './report.mjs';

const BENCH = join(ROOT, 'bench');
const SECTIONS = join(BENCH, 'sections');

function parseArgs(argv) {
  const only = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only.push(...(argv[++i] ?? '').split(','));
    else if (a.startsWith('--only=')) only.push(...a.slice('--only='.length).split(','));
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench [-- --only api,extension,detector,...]');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return { only: only.map((s) => s.trim()).filter(Boolean) };
}

function machine() {
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {}
  return {
    nproc,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

async function loadSections(only) {
  const files = readdirSync(SECTIONS)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const known = files.map((f) => basename(f, '.mjs'));
  const unknown = only.filter((o) => !known.includes(o));
  if (unknown.length) {
    console.error(`bench: no section ${unknown.join(', ')} (have: ${known.join(', ')})`);
    process.exit(2);
  }
  const sections = [];
  for (const file of files) {
    const name = basename(file, '.mjs');
    if (only.length && !only.includes(name)) continue;
    const mod = await import(pathToFileURL(join(SECTIONS, file)).href);
    if (typeof mod.run !== 'function') throw new Error(`bench/sections/${file} exports no run(ctx)`);
    sections.push({ name, title: mod.title ?? name, order: mod.order ?? 100, run: mod.run });
  }
  return sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

// Children die with the runner, however it ends.
let stopping = false;
async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(`\nbench: ${reason}; stopping child processes…`);
  await stopAll();
  process.exit(code);
}
process.on('exit', killAllNow);
process.on('SIGINT', () => shutdown(130, 'interrupted'));
process.on('SIGTERM', () => shutdown(143, 'terminated'));
process.on('SIGHUP', () => shutdown(129, 'hung up'));
process.on('uncaughtException', (err) => {
  console.error(err);
  shutdown(1, 'uncaught exception');
});
process.on('unhandledRejection', (err) => {
  console.error(err);
  shutdown(1, 'unhandled rejection');
});

async function main() {
  const { only } = parseArgs(process.argv.slice(2));
  const sections = await loadSections(only);
  const started = Date.now();
  const tmpRoot = join(BENCH, '.tmp');
  mkdirSync(tmpRoot, { recursive: true });
  const tmp = mkdtempSync(join(tmpRoot, 'run-'));
  const info = machine();
  console.log(
    `curbside bench: ${sections.map((s) => s.name).join(', ')} on ${info.nproc} cores, ${info.memoryGiB} GiB, node ${info.node}`,
  );

  const rows = [];
  const notes = [];
  const timings = [];
  for (const section of sections) {
    const t0 = Date.now();
    console.log(`\n▶ ${section.title}`);
    const sectionTmp = join(tmp, section.name);
    mkdirSync(sectionTmp, { recursive: true });
    const ctx = {
      root: ROOT,
      tmp: sectionTmp,
      log: (msg) => console.log(`  ${msg}`),
      note: (text) => notes.push({ section: section.name, text }),
    };
    try {
      rows.push(...(await section.run(ctx)));
    } catch (err) {
      console.error(`  ✗ ${section.name} failed: ${err?.stack ?? err}`);
      rows.push(
        row(section.name, 'section failed', { figure: 'error', pass: false, note: String(err?.message ?? err) }),
      );
    } finally {
      await stopAll();
    }
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    timings.push({ section: section.name, seconds });
    console.log(`  (${seconds} s)`);
  }

  const durationS = Math.round((Date.now() - started) / 1000);
  const result = { machine: info, durationS, sections: timings, rows, notes };
  console.log(`\n${renderTable(rows)}`);
  const missed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${rows.filter((r) => r.pass === true).length} goals met, ${missed} missed; ${durationS} s in all.`);

  // A partial run (--only) writes to bench/.tmp/ (git-ignored) so it never overwrites a full run's results.
  const outDir = only.length ? tmpRoot : BENCH;
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(outDir, 'results.md'), renderMarkdown(result));
  console.log(`wrote ${join(outDir, 'results.json').slice(ROOT.length + 1)} and results.md beside it`);
  rmSync(tmp, { recursive: true, force: true });
  const crashed = rows.some((r) => r.figure === 'error');
  await shutdown(crashed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  shutdown(1, 'failed');
});
