// Worker weight: what `wrangler deploy` would upload for each Worker, built with `--dry-run --outdir` (the
// production environment, as `npm run deploy` ships it, minified as the configs say), and its gzip size
// (zlib level 9), the figure Cloudflare's size limit is stated in. Source maps are not uploaded and not
// counted. Four Workers: curbside-api, which every request starts, and those it calls over service
// bindings (each loaded once per isolate): curbside-detector, the identifier detector, for writes that
// carry free text; curbside-sender, which builds and posts digests and alerts; curbside-verifier, which
// checks single sign-on's ID tokens (jose).
// Where the bytes go: the same bundle unminified, cut at esbuild's per-module comments and gzipped per
// package or top-level folder (groups compress apart, so their sum is a little above the whole).
// A size needs no baseline.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row, runTool } from '../lib.mjs';
import { API_CONFIG, DETECTOR_CONFIG, SENDER_CONFIG, VERIFIER_CONFIG } from '../workers.mjs';

export const order = 35;
export const title = 'Worker weight (wrangler deploy --dry-run, gzip -9)';

const SECTION = 'size';
const GOAL_KB = 150;
const KB = 1000; // kB of 1,000 bytes, the stricter reading of "150 KB"
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (b) => Math.round((b / KB) * 10) / 10;

/** The group a bundled module is counted under: its package, the identifier detector, or its folder. */
function groupOf(path) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (/shared\/phi/.test(path)) return 'shared/phi* (identifier detector)';
  return path
    .replace(/^(\.\.\/)+/, '')
    .split('/')
    .slice(0, 2)
    .join('/');
}

/** gzip bytes per group of an unminified bundle, heaviest first. */
export function weightByGroup(bundle) {
  const by = new Map();
  // esbuild heads every module's code with a `// path/of/module.ts` line.
  for (const part of bundle.split(/\n(?=\/\/ (?:node_modules|worker|shared|\.\.)\/?[^\n]*\n)/)) {
    const path = /^\/\/ (\S+)/.exec(part)?.[1];
    const key = path ? groupOf(path) : '(wrangler glue)';
    by.set(key, `${by.get(key) ?? ''}${part}\n`);
  }
  return [...by.entries()].map(([k, text]) => [k, gz(text)]).sort((a, b) => b[1] - a[1]);
}

/** Bundles as `wrangler deploy` would; returns the uploaded modules' raw and gzip sizes. */
async function build(outdir, extra = [], config = API_CONFIG) {
  await runTool('wrangler', ['deploy', '--dry-run', '--outdir', outdir, '-c', config, '--env', 'production', ...extra]);
  const uploaded = files(outdir).filter((f) => !f.endsWith('.map') && !f.endsWith('README.md'));
  if (!uploaded.length) throw new Error(`wrangler wrote no bundle into ${outdir}`);
  const sizes = uploaded.map((f) => {
    const raw = readFileSync(f);
    return { file: relative(outdir, f), raw: raw.length, gz: gz(raw), text: raw.toString('utf8') };
  });
  return { sizes, gz: sizes.reduce((a, s) => a + s.gz, 0), raw: sizes.reduce((a, s) => a + s.raw, 0) };
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export async function run(ctx) {
  const deployed = await build(join(ctx.tmp, 'bundle'));
  const detector = await build(join(ctx.tmp, 'bundle-detector'), [], DETECTOR_CONFIG);
  const sender = await build(join(ctx.tmp, 'bundle-sender'), [], SENDER_CONFIG);
  const verifier = await build(join(ctx.tmp, 'bundle-verifier'), [], VERIFIER_CONFIG);
  const unminified = await build(join(ctx.tmp, 'bundle-plain'), ['--no-minify']);
  const groups = weightByGroup(unminified.sizes.map((s) => s.text).join('\n'));
  const { sizes, gz: total, raw } = deployed;
  ctx.log(`curbside-api: ${sizes.length} module(s), ${(raw / KB).toFixed(0)} kB raw, ${kb(total)} kB gz`);
  ctx.log(`curbside-detector: ${(detector.raw / KB).toFixed(0)} kB raw, ${kb(detector.gz)} kB gz`);
  ctx.log(`curbside-sender: ${(sender.raw / KB).toFixed(0)} kB raw, ${kb(sender.gz)} kB gz`);
  ctx.log(`curbside-verifier: ${(verifier.raw / KB).toFixed(0)} kB raw, ${kb(verifier.gz)} kB gz`);
  ctx.log(
    `heaviest (gz, unminified): ${groups
      .slice(0, 8)
      .map(([k, b]) => `${k} ${kb(b)}`)
      .join(', ')}`,
  );
  ctx.note(
    `\`wrangler deploy --dry-run --outdir … --env production\` on wrangler.jsonc (curbside-api, which every ` +
      `request starts), wrangler.detector.jsonc (curbside-detector, which the API calls over RPC to check free ` +
      `text; ${kb(detector.gz)} kB gz, almost all of it the name lists) and wrangler.sender.jsonc (curbside-sender, ` +
      `which builds and posts digests and alerts: Adaptive Cards, Block Kit, MIME; ${kb(sender.gz)} kB gz) and ` +
      `wrangler.verifier.jsonc (curbside-verifier, which checks sign-ins' ID tokens with jose; ${kb(verifier.gz)} kB gz); ` +
      `curbside-api's modules (source maps left out): ` +
      `${sizes.map((s) => `${s.file} ${(s.raw / KB).toFixed(0)} kB raw, ${kb(s.gz)} kB gz`).join('; ')}. ` +
      `Where the bytes go (each group gzipped alone from the unminified bundle, ${kb(unminified.gz)} kB gz whole): ` +
      `${groups
        .slice(0, 12)
        .map(([k, b]) => `${k} ${kb(b)} kB`)
        .join(', ')}.`,
  );
  const rows = [
    row(SECTION, 'curbside-api bundle (deployed, minified)', {
      figure: kb(total),
      unit: 'kB gz',
      goal: `≤ ${GOAL_KB} kB gz`,
      pass: total / KB <= GOAL_KB,
      note: `${(raw / KB).toFixed(0)} kB before compression; what every request loads`,
    }),
    row(SECTION, 'curbside-detector bundle (deployed, minified)', {
      figure: kb(detector.gz),
      unit: 'kB gz',
      goal: `≤ ${GOAL_KB} kB gz`,
      pass: detector.gz / KB <= GOAL_KB,
      note: `${(detector.raw / KB).toFixed(0)} kB before compression; called by writes that carry free text`,
    }),
    row(SECTION, 'curbside-sender bundle (deployed, minified)', {
      figure: kb(sender.gz),
      unit: 'kB gz',
      goal: `≤ ${GOAL_KB} kB gz`,
      pass: sender.gz / KB <= GOAL_KB,
      note: `${(sender.raw / KB).toFixed(0)} kB before compression; called when a digest or alert is sent`,
    }),
    row(SECTION, 'curbside-verifier bundle (deployed, minified)', {
      figure: kb(verifier.gz),
      unit: 'kB gz',
      goal: `≤ ${GOAL_KB} kB gz`,
      pass: verifier.gz / KB <= GOAL_KB,
      note: `${(verifier.raw / KB).toFixed(0)} kB before compression; called when someone signs in with SSO or Access`,
    }),
    row(SECTION, 'curbside-api + curbside-detector (a free-text write touches both)', {
      figure: kb(total + detector.gz),
      unit: 'kB gz',
      note: 'informational: each Worker loads apart, once per isolate',
    }),
    row(SECTION, 'curbside-api bundle, unminified (wrangler --no-minify)', {
      figure: kb(unminified.gz),
      unit: 'kB gz',
      note: 'informational: what `"minify": false` would ship',
    }),
  ];
  for (const [k, b] of groups.slice(0, 6)) {
    rows.push(row(SECTION, `  of which ${k} (unminified)`, { figure: kb(b), unit: 'kB gz', note: 'informational' }));
  }
  return rows;
}
