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
    // A loaded 2-core machine answers slower than vitest's 1 s default for expect.poll.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
