// Worker weight: what `wrangler deploy` would upload, built with `--dry-run --outdir` (the production
// environment, as `npm run deploy` ships it), and its gzip size (zlib level 9), the figure Cloudflare's
// size limit is stated in. Source maps are not uploaded and not counted. A size needs no baseline.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row, runTool } from '../lib.mjs';
import { API_CONFIG } from '../workers.mjs';

export const order = 35;
export const title = 'Worker weight (wrangler deploy --dry-run, gzip -9)';

const SECTION = 'size';
const GOAL_KB = 150;
const KB = 1000; // kB of 1,000 bytes, the stricter reading of "150 KB"

/** The largest inputs of a bundle by bytes in the output, grouped by package (or top-level folder). */
function heaviest(metafile, top = 6) {
  const outputs = Object.entries(JSON.parse(readFileSync(metafile, 'utf8')).outputs ?? {});
  const out = outputs.find(([name]) => !name.endsWith('.map'))?.[1];
  const by = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(out?.inputs ?? {})) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = m
      ? m[1]
      : input
          .replace(/^(\.\.\/)+/, '')
          .split('/')
          .slice(0, 2)
          .join('/');
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** Bundles as `wrangler deploy` would; returns the uploaded modules' raw and gzip sizes. */
async function build(outdir, extra = []) {
  const args = ['deploy', '--dry-run', '--outdir', outdir, '-c', API_CONFIG, '--env', 'production'];
  await runTool('wrangler', [
    ...args,
    '--metafile',
    join(outdir, '..', `${extra.join('') || 'plain'}-meta.json`),
    ...extra,
  ]);
  const uploaded = files(outdir).filter((f) => !f.endsWith('.map') && !f.endsWith('README.md'));
  if (!uploaded.length) throw new Error(`wrangler wrote no bundle into ${outdir}`);
  const sizes = uploaded.map((f) => {
    const raw = readFileSync(f);
    return { file: relative(outdir, f), raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
  });
  return {
    sizes,
    gz: sizes.reduce((a, s) => a + s.gz, 0),
    raw: sizes.reduce((a, s) => a + s.raw, 0),
    meta: join(outdir, '..', `${extra.join('') || 'plain'}-meta.json`),
  };
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export async function run(ctx) {
  const plain = await build(join(ctx.tmp, 'bundle'));
  // Informational: the same bundle minified (wrangler.jsonc decides whether deploys minify).
  const minified = await build(join(ctx.tmp, 'bundle-min'), ['--minify']);
  const { sizes, gz, raw } = plain;
  const kb = (b) => Math.round((b / KB) * 10) / 10;
  ctx.log(
    `${sizes.length} module(s): ${(raw / KB).toFixed(0)} kB raw, ${kb(gz)} kB gz; minified ${kb(minified.gz)} kB gz`,
  );
  ctx.note(
    `\`wrangler deploy --dry-run --outdir … --env production\` on wrangler.jsonc; modules uploaded (source maps ` +
      `left out): ${sizes.map((s) => `${s.file} ${(s.raw / KB).toFixed(0)} kB raw, ${kb(s.gz)} kB gz`).join('; ')}. ` +
      `Heaviest inputs (bytes in the unminified output, esbuild metafile): ` +
      `${heaviest(plain.meta)
        .map(([k, b]) => `${k} ${(b / KB).toFixed(0)} kB`)
        .join(', ')}.`,
  );
  return [
    row(SECTION, 'worker bundle (deployed modules)', {
      figure: kb(gz),
      unit: 'kB gz',
      goal: `≤ ${GOAL_KB} kB gz`,
      pass: gz / KB <= GOAL_KB,
      note: `${(raw / KB).toFixed(0)} kB before compression`,
    }),
    row(SECTION, 'worker bundle, minified (wrangler --minify)', {
      figure: kb(minified.gz),
      unit: 'kB gz',
      note: 'informational: what `"minify": true` in wrangler.jsonc would ship',
    }),
  ];
}
