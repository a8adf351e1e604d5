import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import preact from '@preact/preset-vite';
import { buildSync } from 'esbuild';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Rate Limiting bindings as miniflare simulates them (the same names as wrangler.jsonc, period 60 s). */
const ratelimits = (l: {
  userWrites: number;
  ipWrites: number;
  codeUse: number;
  userReads: number;
  ipReads: number;
  userSearches: number;
}) => {
  const binding = (namespace_id: string, limit: number) => ({ namespace_id, simple: { limit, period: 60 as const } });
  return {
    RATE_LIMIT_USER_WRITES: binding('1001', l.userWrites),
    RATE_LIMIT_IP_WRITES: binding('1002', l.ipWrites),
    RATE_LIMIT_CODE_USE: binding('1003', l.codeUse),
    RATE_LIMIT_USER_READS: binding('1004', l.userReads),
    RATE_LIMIT_IP_READS: binding('1005', l.ipReads),
    RATE_LIMIT_USER_SEARCHES: binding('1006', l.userSearches),
  };
};
const HIGH = 1_000_000;
/** Tests that need low limits run only in `worker-limits`. */
/**
 * A test's harness timeout, not a timing goal (those live in `npm run bench`): on a loaded 2-core machine the
 * longest sweeps (every route × role, the corpus's planted-value scan) take several seconds.
 */
const TEST_TIMEOUT_MS = 30_000;
const RATE_LIMIT_TESTS = ['test/worker/middleware/rate-limit.test.ts', 'test/privacy/**/*.limits.worker.test.ts'];

/**
 * A Worker the API binds (wrangler.jsonc `services`), bundled as wrangler would for the worker projects'
 * auxiliary Workers, so the API reaches it over its service binding as deployed: the identifier detector
 * (worker/detector.ts, DETECTOR), the message sender (worker/sender.ts, SENDER, with wrangler.sender.jsonc's
 * aliases for mimetext) and the ID token verifier (worker/verifier.ts, VERIFIER).
 */
function buildBoundWorker(name: string, alias: Record<string, string> = {}): string {
  const outfile = root(`./.wrangler/test/${name}.js`);
  buildSync({
    entryPoints: [root(`./worker/${name}.ts`)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['cloudflare:*'],
    // What wrangler resolves packages by (neutral esbuild has no defaults): the sender's need them.
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    alias,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

const boundWorker = (name: string, scriptPath: string) => ({
  name,
  modules: true,
  scriptPath,
  compatibilityDate: '2026-11-01',
  compatibilityFlags: ['nodejs_compat'],
});

export default defineConfig(async () => {
  const migrations = await readD1Migrations(root('./worker/migrations'));
  const detectorScript = buildBoundWorker('detector');
  const verifierScript = buildBoundWorker('verifier');
  const senderScript = buildBoundWorker('sender', {
    '@babel/runtime-corejs3/helpers/esm/defineProperty': root(
      './node_modules/@babel/runtime/helpers/esm/defineProperty.js',
    ),
    '@babel/runtime-corejs3/core-js/instance/trim': root('./worker/lib/shims/trim.ts'),
  });
  const workerProject = (
    name: string,
    limits: ReturnType<typeof ratelimits>,
    include: string[],
    exclude: string[],
  ) => ({
    // The worker's zod as wrangler.jsonc bundles it (`alias`), so tests run what is deployed.
    resolve: { alias: [{ find: /^zod$/, replacement: root('./worker/lib/shims/zod.ts') }] },
    plugins: [
      cloudflareTest({
        wrangler: { configPath: root('./wrangler.jsonc') },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ENVIRONMENT: 'test',
            SSO_CLIENT_SECRET: 'curbside-dev-secret',
            // Two Chrome/Edge ids the /go/ pages ask to open an item, and one that is not an id (dropped).
            EXTENSION_IDS: 'abcdefghijklmnopabcdefghijklmnop, ponmlkjihgfedcbaponmlkjihgfedcba,not-an-id',
          },
          ratelimits: limits,
          // wrangler.jsonc binds DETECTOR, SENDER and VERIFIER to these Workers by name.
          workers: [
            boundWorker('curbside-detector', detectorScript),
            boundWorker('curbside-verifier', verifierScript),
            {
              ...boundWorker('curbside-sender', senderScript),
              // Cloudflare Email as miniflare runs it locally: it parses each message (postal-mime) and keeps it.
              email: { send_email: [{ name: 'EMAIL' }] },
            },
          ],
        },
      }),
    ],
    test: {
      name,
      include,
      exclude,
      setupFiles: ['test/worker/apply-migrations.ts'],
      // A real OpenID provider on a loopback port, for the SSO tests (test/worker/routes/sso*.test.ts).
      // Local Teams, Slack and Mailgun receivers for the digest tests (test/worker/routes/digests*.test.ts).
      globalSetup: ['test/worker/oidc-provider.global.mjs', 'test/worker/digest-receiver.global.mjs'],
      testTimeout: TEST_TIMEOUT_MS,
    },
  });
  return {
    test: {
      projects: [
        // Limits raised: the suite shares one address and makes thousands of writes a minute.
        workerProject(
          'worker',
          ratelimits({
            userWrites: HIGH,
            ipWrites: HIGH,
            codeUse: HIGH,
            userReads: HIGH,
            ipReads: HIGH,
            userSearches: HIGH,
          }),
          ['test/worker/**/*.test.ts', 'test/privacy/**/*.worker.test.ts'],
          RATE_LIMIT_TESTS,
        ),
        // Low limits, so the rate-limit tests reach them with a few requests on the real simulated binding.
        workerProject(
          'worker-limits',
          ratelimits({ userWrites: 5, ipWrites: 12, codeUse: 4, userReads: 40, ipReads: 100, userSearches: 20 }),
          RATE_LIMIT_TESTS,
          [],
        ),
        {
          plugins: [WxtVitest(), preact()],
          test: {
            name: 'extension',
            include: ['test/extension/**/*.test.{ts,tsx}', 'test/privacy/**/*.ext.test.{ts,tsx}'],
            environment: 'happy-dom',
            setupFiles: ['test/extension/setup.ts'],
            testTimeout: TEST_TIMEOUT_MS,
          },
        },
        // The lint rules (layers, cycles, SQL only in worker/db/) fail on planted violations.
        {
          test: {
            name: 'lint',
            include: ['test/lint/**/*.test.ts'],
            environment: 'node',
            testTimeout: TEST_TIMEOUT_MS,
          },
        },
        // The operator scripts (org:create, migrate:all) run as CLIs on a temporary folder, offline.
        {
          test: {
            name: 'scripts',
            include: ['test/scripts/**/*.test.ts'],
            environment: 'node',
            testTimeout: 300_000,
          },
        },
        {
          test: {
            name: 'shared',
            include: ['test/shared/**/*.test.ts', 'test/privacy/**/*.shared.test.ts'],
            environment: 'node',
            testTimeout: TEST_TIMEOUT_MS,
          },
        },
      ],
    },
  };
});
