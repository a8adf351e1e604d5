#!/usr/bin/env node
// `npm start`: local D1 migrated and demo-seeded, the API on 127.0.0.1:8787, the extension built against
// it and rebuilt when its sources change. Nothing is deployed and no browser is launched.
// The extension is a plain build, not WXT's dev server: a dev build loads its pages from that server and
// goes blank once `npm start` stops (`npm run dev:ext` gives developers the hot-reloading one).
import { watch } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBackground, runSync } from './lib.mjs';
import { DEMO_CODES } from './seed-codes.mjs';

const API_PORT = Number(process.env.CURBSIDE_API_PORT ?? 8787);
const API_URL = `http://127.0.0.1:${API_PORT}`;

console.log('curbside: applying D1 migrations to the local database…');
runSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], { quiet: true });
runSync('node', [join(ROOT, 'scripts', 'seed.mjs')]);

const children = [
  runBackground('wrangler', [
    'dev',
    // The API and, bound to it, the identifier detector's, the message sender's and the ID token
    // verifier's Workers (wrangler.detector.jsonc, .sender, .verifier), in one workerd.
    '-c',
    'wrangler.jsonc',
    '-c',
    'wrangler.detector.jsonc',
    '-c',
    'wrangler.sender.jsonc',
    '-c',
    'wrangler.verifier.jsonc',
    '--ip',
    '127.0.0.1',
    '--port',
    String(API_PORT),
    '--show-interactive-dev-session=false',
    // Exposes /__scheduled: wrangler dev runs no cron triggers of its own (see runCronBatches below).
    '--test-scheduled',
  ]),
];

const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
let building = null;
let builder = null;
let again = false;
/** One build at a time; changes during a build queue exactly one more. */
function buildExtension(first = false) {
  if (building) {
    again = true;
    return building;
  }
  building = new Promise((resolve) => {
    const child = runBackground('wxt', ['build'], { env: { WXT_API_URL: API_URL }, stdio: 'pipe' });
    builder = child;
    let log = '';
    child.stdout.on('data', (d) => {
      log += d;
    });
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.on('exit', (code) => {
      if (code !== 0) process.stderr.write(`${log}\ncurbside: the extension build failed (above)\n`);
      else if (!first) console.log('curbside: extension rebuilt; press the reload arrow on chrome://extensions');
      building = null;
      resolve(code === 0);
      if (again) {
        again = false;
        buildExtension();
      }
    });
  });
  return building;
}

function watchSources() {
  let timer;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildExtension(), 300);
  };
  for (const dir of ['extension', 'shared']) watch(join(ROOT, dir), { recursive: true }, onChange);
  watch(join(ROOT, 'wxt.config.ts'), onChange);
}

console.log('curbside: building the extension…');
const built = buildExtension(true);

async function waitForApi() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${API_URL}/health`);
      if (res.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const stop = () => {
  for (const child of [...children, builder]) child?.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => code && code !== 0 && console.error(`curbside: a process exited with ${code}`));

/**
 * Production runs cron batches (worker/scheduled.ts): flags are counted every minute (anonymous ones once
 * their hour has ended), and questions nobody claimed in time move to the fallback route every quarter hour. `wrangler dev` runs no crons, so
 * the local API gets the same triggers at the same times.
 */
function runCronBatches() {
  const every = (cron, period) => {
    const trigger = () => fetch(`${API_URL}/__scheduled?cron=${encodeURIComponent(cron)}`).catch(() => {});
    setTimeout(
      () => {
        trigger();
        setInterval(trigger, period);
      },
      period - (Date.now() % period),
    );
  };
  every('* * * * *', 60_000);
  every('0 * * * *', 3_600_000);
  every('*/15 * * * *', 900_000);
}

if (!(await built)) {
  console.error('curbside: stopping, the extension did not build');
  stop();
} else if (await waitForApi()) {
  runCronBatches();
  watchSources();
  console.log(`
┌─ Curbside is running ────────────────────────────────────────────────
│ API:        ${API_URL}  (OpenAPI: ${API_URL}/openapi.json)
│ Extension:  ${EXTENSION_DIR}  (rebuilt when its sources change)
│
│ Load it in Chrome or Edge: open chrome://extensions (edge://extensions),
│ turn on Developer mode, click "Load unpacked" and pick the folder above.
│ Then click the Curbside icon (or press Alt+Shift+C) and sign in with a demo code:
${DEMO_CODES.map(([code, roles]) => `│   ${code.padEnd(16)} enrolls a new ${roles.join(', ')}`).join('\n')}
│ Flags reach the dashboard within a minute, anonymous ones after their hour, as in
│ production; to count anonymous ones now: curl ${API_URL}/__scheduled
│ Stop with Ctrl+C.
└──────────────────────────────────────────────────────────────────────`);
} else {
  console.error(`curbside: the API did not answer on ${API_URL}/health`);
}
