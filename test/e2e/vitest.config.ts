import { defineConfig } from 'vitest/config';

// The browser journey: one worker on loopback with a fresh local D1, a recording proxy in front of
// it, a fake EHR page, and Debian's Chromium with the built extension. Started and stopped here.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
