// Runs bench/outbox/outbox.bench-run.ts for the outbox benchmark (bench/sections/outbox.mjs), never
// `npm test`: the extension's real modules with WXT's fake browser, in Node so fetch is real.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    name: 'outbox-bench',
    include: ['bench/outbox/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 600_000,
  },
});
