import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(async () => {
  const migrations = await readD1Migrations(root('./worker/migrations'));
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: root('./wrangler.jsonc') },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: 'test' },
              },
            }),
          ],
          test: {
            name: 'worker',
            include: ['test/worker/**/*.test.ts'],
            setupFiles: ['test/worker/apply-migrations.ts'],
          },
        },
        {
          plugins: [WxtVitest(), preact()],
          test: {
            name: 'extension',
            include: ['test/extension/**/*.test.{ts,tsx}'],
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
