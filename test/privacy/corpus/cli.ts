#!/usr/bin/env node
// Writes one split as JSONL for ../shared/phi-sample/score.mjs:
//   node test/privacy/corpus/cli.ts tune /tmp/tune.jsonl
//   node /work/shared/phi-sample/score.mjs DETECTOR.mjs /tmp/tune.jsonl
// With no file, writes to standard output. --stats prints spans per kind instead.

import { writeFileSync } from 'node:fs';
import { corpus, KINDS, type Split, toJsonl } from './index.ts';

const [splitArg, file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const stats = process.argv.includes('--stats');
if (splitArg !== 'tune' && splitArg !== 'heldout') {
  console.error('usage: node test/privacy/corpus/cli.ts tune|heldout [FILE.jsonl] [--stats]');
  process.exit(2);
}
const records = corpus(splitArg as Split);
if (stats) {
  const counts = new Map(KINDS.map((k) => [k, 0]));
  for (const r of records) for (const s of r.spans) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const clean = records.filter((r) => r.spans.length === 0).length;
  console.log(
    `${splitArg}: ${records.length} notes, ${clean} without identifiers (${((100 * clean) / records.length).toFixed(1)}%)`,
  );
  for (const [k, n] of counts) console.log(`  ${k.padEnd(12)} ${n}`);
} else if (file) {
  writeFileSync(file, toJsonl(records));
  console.error(`wrote ${records.length} notes to ${file}`);
} else {
  process.stdout.write(toJsonl(records));
}
