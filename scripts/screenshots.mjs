#!/usr/bin/env node
// `npm run screenshots`: starts the e2e stack (fresh local D1 with the demo seed, the worker on
// loopback, Debian's Chromium with the built extension), adds a little demo data through the API
// and writes PNGs of the popup, mentor inbox, lead dashboard and admin page to docs/screenshots/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, toolEnv } from './lib.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`screenshots: no Chromium at ${chromium}. Install Debian's chromium or set CHROMIUM_PATH.`);
  process.exit(1);
}
const res = spawnSync(join(BIN, 'vitest'), ['run', '--config', 'test/e2e/screenshots.config.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: toolEnv(),
});
if (res.status === 0) console.log(`screenshots: written to ${join(ROOT, 'docs', 'screenshots')}`);
process.exit(res.status ?? 1);
