import { defineConfig } from 'vitest/config';
import e2e from './vitest.config';

// `npm run screenshots`: the e2e stack (fresh D1 with the demo seed, worker, proxy, fake EHR,
// Chromium with the extension) driving test/e2e/screenshots.shot.ts instead of the tests.
export default defineConfig({
  test: {
    ...e2e.test,
    name: 'screenshots',
    include: ['test/e2e/screenshots.shot.ts'],
  },
});
