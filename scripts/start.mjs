#!/usr/bin/env node
// `npm start`: local D1 migrated and demo-seeded, the API on 127.0.0.1:8787, the extension built in
// watch mode against it. Nothing is deployed and no browser is launched.
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
    '--ip',
    '127.0.0.1',
    '--port',
    String(API_PORT),
    '--show-interactive-dev-session=false',
    // Exposes /__scheduled: wrangler dev runs no cron triggers of its own (see runRollupBatch below).
    '--test-scheduled',
  ]),
  runBackground('wxt', [], { env: { WXT_API_URL: API_URL } }),
];

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
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => code && code !== 0 && console.error(`curbside: a process exited with ${code}`));

/**
 * Production counts flags in a cron batch every minute (worker/scheduled.ts; anonymous flags once their
 * hour has ended); `wrangler dev` runs no crons, so the local API gets the same trigger every minute.
 */
function runRollupBatch() {
  const trigger = () => fetch(`${API_URL}/__scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(() => {});
  const MINUTE = 60_000;
  setTimeout(
    () => {
      trigger();
      setInterval(trigger, MINUTE);
    },
    MINUTE - (Date.now() % MINUTE),
  );
}

if (await waitForApi()) {
  runRollupBatch();
  console.log(`
┌─ Curbside is running ────────────────────────────────────────────────
│ API:        ${API_URL}  (OpenAPI: ${API_URL}/openapi.json)
│ Extension:  ${join(ROOT, '.output', 'chrome-mv3-dev')}  (rebuilt on every change)
│
│ Load it in Chrome or Edge: open chrome://extensions (edge://extensions),
│ turn on Developer mode, click "Load unpacked" and pick the folder above.
│ Then click the Curbside icon (or press Alt+Shift+C) and sign in with a demo code:
${DEMO_CODES.map(([code, roles]) => `│   ${code.padEnd(16)} enrolls a new ${roles.join(', ')}`).join('\n')}
│ Anonymous flags reach the dashboard at the top of each hour, as in production;
│ to count them now: curl ${API_URL}/__scheduled
│ Stop with Ctrl+C.
└──────────────────────────────────────────────────────────────────────`);
} else {
  console.error(`curbside: the API did not answer on ${API_URL}/health`);
}
