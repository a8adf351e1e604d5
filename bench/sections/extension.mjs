// Extension weight: `wxt build` (Chrome MV3), then the gzip size (zlib level 9) of what each entrypoint
// loads up front — its HTML's scripts and stylesheets plus their static imports, followed through the
// chunks — and of every chunk loaded later (lazy `import()`, never reached from an entry's first load).
// Sizes are counts noise cannot change, so they need no baseline.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row, runTool } from '../lib.mjs';

export const order = 30;
export const title = 'Extension weight (wxt build, gzip -9)';

const SECTION = 'extension';
const POPUP_GOAL_KB = 25;
const DETECTOR_GOAL_KB = 150;
// A string only the identifier detector holds (shared/phi.ts KIND_LABELS), to find its chunk by.
const DETECTOR_MARK = 'a date (e.g. date of birth)';
const KB = 1000; // sizes in kB of 1,000 bytes: the stricter reading of "25 KB"

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => Math.round((bytes / KB) * 100) / 100;

// Minified ESM: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`; only relative
// .js specifiers count, so words inside strings cannot match.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`\s]+?\.m?js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`\s]+?\.m?js)["'`]\s*\)/g;

/** Scripts and stylesheets an HTML page references directly (module preloads count: they load up front). */
function htmlAssets(htmlFile, outDir) {
  const html = readFileSync(htmlFile, 'utf8');
  const found = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) found.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel=["']([^"']+)["']/i.exec(tag)?.[1] ?? '';
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /\b(stylesheet|modulepreload)\b/i.test(rel)) found.push(href);
  }
  return found
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) => (src.startsWith('/') ? join(outDir, src) : resolve(dirname(htmlFile), src)));
}

/** Files loaded up front from `roots`: the roots and everything their JS imports statically. */
function firstLoad(roots) {
  const seen = new Set();
  const lazy = new Set();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) stack.push(resolve(dirname(file), m[1]));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(resolve(dirname(file), m[1]));
  }
  return { files: seen, lazy };
}

/**
 * The identifier detector's lazily loaded weight: the chunk holding it plus what that chunk imports
 * and the popup does not already load; and whether the popup's first render stays without it.
 */
function detectorRows(outDir, popupFiles) {
  const chunk = walk(outDir).find((f) => /\.m?js$/.test(f) && readFileSync(f, 'utf8').includes(DETECTOR_MARK));
  if (!chunk) return [row(SECTION, 'identifier detector chunk (lazy)', { figure: 'not found', pass: false })];
  const own = [...firstLoad([chunk]).files].filter((f) => !popupFiles.has(f) && /\.m?js$/.test(f));
  const size = own.reduce((a, f) => a + gz(f), 0);
  const lazy = !popupFiles.has(chunk);
  return [
    row(SECTION, 'identifier detector chunk (lazy)', {
      figure: kb(size),
      unit: 'kB gz',
      goal: `≤ ${DETECTOR_GOAL_KB} kB gz`,
      pass: size / KB <= DETECTOR_GOAL_KB,
      note: `${own.map((f) => relative(outDir, f)).join(' + ')}: rules, Unicode folding and the packed name lists`,
    }),
    row(SECTION, 'identifier detector outside the popup first render', {
      figure: lazy ? 'yes' : 'no',
      goal: 'yes',
      pass: lazy,
      note: 'extension/lib/phi.ts import()s shared/phi.ts when a form first needs it',
    }),
  ];
}

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function run(ctx) {
  // Built into the run's own folder (wxt.config.ts honours CURBSIDE_OUT_DIR), so a developer's
  // .output/ or an e2e build in this checkout is neither disturbed nor measured by mistake.
  const buildRoot = join(ctx.tmp, 'wxt');
  await runTool('wxt', ['build'], { env: { CURBSIDE_OUT_DIR: buildRoot }, logFile: join(ctx.tmp, 'wxt.log') });
  let outDir = join(buildRoot, 'chrome-mv3');
  if (!existsSync(outDir)) outDir = join(ctx.root, '.output', 'chrome-mv3');
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));

  // Entrypoints: every top-level HTML page (popup, side panel, dashboard, admin, options…), the
  // background service worker and any content scripts the manifest names.
  const entries = readdirSync(outDir)
    .filter((f) => f.endsWith('.html'))
    .sort((a, b) => (a === 'popup.html' ? -1 : b === 'popup.html' ? 1 : a.localeCompare(b)))
    .map((f) => ({ name: basename(f, '.html'), roots: htmlAssets(join(outDir, f), outDir) }));
  const worker = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (worker) entries.push({ name: 'background', roots: [join(outDir, worker)] });
  for (const [i, cs] of (manifest.content_scripts ?? []).entries()) {
    entries.push({
      name: `content script ${i + 1}`,
      roots: [...(cs.js ?? []), ...(cs.css ?? [])].map((f) => join(outDir, f)),
    });
  }

  const rows = [];
  const upFront = new Set();
  let popupFiles = new Set();
  const lazyFrom = new Map();
  const lines = [];
  for (const entry of entries) {
    const { files, lazy } = firstLoad(entry.roots);
    for (const f of files) upFront.add(f);
    for (const f of lazy) lazyFrom.set(f, [...(lazyFrom.get(f) ?? []), entry.name]);
    const list = [...files].filter((f) => /\.(m?js|css)$/.test(f));
    const js = list.filter((f) => extname(f) !== '.css').reduce((a, f) => a + gz(f), 0);
    const css = list.filter((f) => extname(f) === '.css').reduce((a, f) => a + gz(f), 0);
    const raw = list.reduce((a, f) => a + statSync(f).size, 0);
    lines.push(`- ${entry.name} loads up front: ${list.map((f) => relative(outDir, f)).join(', ')} (${raw} bytes raw)`);
    if (entry.name === 'popup') {
      popupFiles = files;
      rows.push(
        row(SECTION, 'popup first-render JS+CSS', {
          figure: kb(js + css),
          unit: 'kB gz',
          goal: `≤ ${POPUP_GOAL_KB} kB gz`,
          pass: (js + css) / KB <= POPUP_GOAL_KB,
        }),
      );
    }
    rows.push(row(SECTION, `${entry.name} JS (first load)`, { figure: kb(js), unit: 'kB gz' }));
    if (css || entry.name !== 'background')
      rows.push(row(SECTION, `${entry.name} CSS`, { figure: kb(css), unit: 'kB gz' }));
  }
  if (!entries.some((e) => e.name === 'popup')) {
    rows.unshift(row(SECTION, 'popup first-render JS+CSS', { figure: 'no popup.html', pass: false }));
  }

  rows.push(...detectorRows(outDir, popupFiles));

  const later = walk(outDir)
    .filter((f) => /\.(m?js|css)$/.test(f) && !upFront.has(f))
    .sort();
  let laterTotal = 0;
  for (const f of later) {
    const size = gz(f);
    laterTotal += size;
    const by = lazyFrom.get(f);
    rows.push(
      row(SECTION, `loaded later: ${relative(outDir, f).replace(/-[A-Za-z0-9_-]{8}(?=\.)/, '')}`, {
        figure: kb(size),
        unit: 'kB gz',
        note: by ? `import()ed by ${[...new Set(by)].join(', ')}` : 'reached only through lazily loaded chunks',
      }),
    );
  }
  rows.push(row(SECTION, 'loaded later: total', { figure: kb(laterTotal), unit: 'kB gz' }));

  ctx.note(
    [
      `Built with \`wxt build\` (chrome-mv3). Sizes are gzip level 9, in kB of 1,000 bytes. "First load" is the ` +
        'HTML page’s scripts, stylesheets and module preloads plus every chunk they import statically; ' +
        'everything else (lazy `import()` chunks and what only they import) is "loaded later". ' +
        `Entrypoints found: ${entries.map((e) => e.name).join(', ')}.`,
      '',
      ...lines,
    ].join('\n'),
  );
  ctx.log(`entrypoints: ${entries.map((e) => e.name).join(', ')}; ${later.length} chunks loaded later`);
  return rows;
}
