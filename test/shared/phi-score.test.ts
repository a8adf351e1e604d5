// Runs the corpus scorer (shared/phi-sample/score.mjs, outside this repo) on the
// bundled detector, so the sample's recall, precision and false-alarm goals are
// checked the same way the held-out corpus is scored.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Beside the checkout (../shared), or two levels up for a git worktree under a folder of worktrees.
const sampleDir =
  [path.resolve(repoRoot, '../shared/phi-sample'), path.resolve(repoRoot, '../../shared/phi-sample')].find((d) =>
    existsSync(path.join(d, 'sample.jsonl')),
  ) ?? path.resolve(repoRoot, '../shared/phi-sample');
const scorer = path.join(sampleDir, 'score.mjs');
const corpus = path.join(sampleDir, 'sample.jsonl');

// Outside CI a checkout without the sample beside it skips; in CI a missing sample is a failure.
const haveSample = existsSync(scorer) && existsSync(corpus);
if (!haveSample && process.env.CI) throw new Error(`The identifier sample is missing at ${sampleDir}`);

describe.skipIf(!haveSample)('phi detector on the sample corpus', () => {
  it('meets the recall, precision and false-alarm goals', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phi-score-'));
    try {
      const outfile = path.join(dir, 'phi.mjs');
      await build({
        entryPoints: [path.join(repoRoot, 'shared/phi.ts')],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        outfile,
        logLevel: 'silent',
      });
      const output = execFileSync(process.execPath, [scorer, outfile, corpus], { encoding: 'utf8' });
      // The scorer's last line is always: recall=0.xxx precision=0.xxx fp_records=0.xxx
      const last = output.trim().split('\n').pop() ?? '';
      const m = /recall=([\d.]+) precision=([\d.]+) fp_records=([\d.]+)/.exec(last);
      expect(m, output).not.toBeNull();
      const [recall, precision, fpRecords] = (m as RegExpExecArray).slice(1).map(Number);
      expect(recall, output).toBeGreaterThanOrEqual(0.98);
      expect(precision, output).toBeGreaterThanOrEqual(0.9);
      expect(fpRecords, output).toBeLessThanOrEqual(0.05);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
