#!/usr/bin/env node
// Runs the browser journey with Node 22 from node_modules (see package.json's `node` devDependency).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, toolEnv } from '../../scripts/lib.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `e2e: no Chromium at ${chromium}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
const res = spawnSync(join(BIN, 'vitest'), ['run', '--config', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: toolEnv(),
});
process.exit(res.status ?? 1);
