import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Rate Limiting bindings as miniflare simulates them (the same names as wrangler.jsonc, period 60 s). */
const ratelimits = (user: number, ip: number, code: number) => ({
  RATE_LIMIT_USER_WRITES: { namespace_id: '1001', simple: { limit: user, period: 60 as const } },
  RATE_LIMIT_IP_WRITES: { namespace_id: '1002', simple: { limit: ip, period: 60 as const } },
  RATE_LIMIT_CODE_USE: { namespace_id: '1003', simple: { limit: code, period: 60 as const } },
});
const RATE_LIMIT_TESTS = 'test/worker/rate-limit.test.ts';

export default defineConfig(async () => {
  const migrations = await readD1Migrations(root('./worker/migrations'));
  const workerProject = (
    name: string,
    limits: ReturnType<typeof ratelimits>,
    include: string[],
    exclude: string[],
  ) => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: root('./wrangler.jsonc') },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: 'test' },
          ratelimits: limits,
        },
      }),
    ],
    test: { name, include, exclude, setupFiles: ['test/worker/apply-migrations.ts'] },
  });
  return {
    test: {
      projects: [
        // Limits raised: the suite shares one address and makes thousands of writes a minute.
        workerProject(
          'worker',
          ratelimits(1_000_000, 1_000_000, 1_000_000),
          ['test/worker/**/*.test.ts', 'test/privacy/**/*.worker.test.ts'],
          [RATE_LIMIT_TESTS],
        ),
        // Low limits, so the rate-limit tests reach them with a few requests on the real simulated binding.
        workerProject('worker-limits', ratelimits(5, 12, 4), [RATE_LIMIT_TESTS], []),
        {
          plugins: [WxtVitest(), preact()],
          test: {
            name: 'extension',
            include: ['test/extension/**/*.test.{ts,tsx}', 'test/privacy/**/*.ext.test.{ts,tsx}'],
            environment: 'happy-dom',
          },
        },
        {
          test: {
            name: 'shared',
            include: ['test/shared/**/*.test.ts'],
            environment: 'node',
          },
        },
      ],
    },
  };
});
