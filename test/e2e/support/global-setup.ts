import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { unpackedExtensionId } from './extension-id';
import { startFakeEhr } from './fake-ehr';
import { writeManagedPolicy } from './policy';
import { freePort } from './ports';
import { startRecordingProxy } from './proxy';

const ROOT = new URL('../../..', import.meta.url).pathname;
const BIN = join(ROOT, 'node_modules', '.bin');
const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  PATH: `${BIN}:${process.env.PATH ?? ''}`,
  WRANGLER_SEND_METRICS: 'false',
  ...extra,
});

function run(cmd: string, args: string[], extra: Record<string, string> = {}) {
  const res = spawnSync(join(BIN, cmd), args, { cwd: ROOT, env: env(extra), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
}

async function waitFor(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`worker did not start:\n${log()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    ehrUrl: string;
    extensionDir: string;
  }
}

export default async function setup(project: TestProject) {
  const [workerPort, apiPort, ehrPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const ehrOrigin = `http://127.0.0.1:${ehrPort}`;
  const persist = mkdtempSync(join(tmpdir(), 'curbside-e2e-d1-'));
  const outDir = join(ROOT, '.output', 'e2e');

  // A fresh local D1 for this run, migrated and demo-seeded the way `npm start` does it.
  run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
  run('node', [join(ROOT, 'scripts', 'seed.mjs'), '--persist-to', persist]);
  // The build's own default points nowhere: the API address the suite uses comes from IT policy.
  run('wxt', ['build'], {
    WXT_API_URL: 'http://127.0.0.1:9',
    WXT_E2E: 'true',
    CURBSIDE_OUT_DIR: outDir,
    CURBSIDE_E2E_HOST_PERMISSION: `${ehrOrigin}/*`,
  });

  let workerLog = '';
  const worker = spawn(
    join(BIN, 'wrangler'),
    [
      'dev',
      // The API and the Workers it is bound to: the identifier detector, the message sender, the ID token verifier.
      '-c',
      'wrangler.jsonc',
      '-c',
      'wrangler.detector.jsonc',
      '-c',
      'wrangler.sender.jsonc',
      '-c',
      'wrangler.verifier.jsonc',
      '--ip',
      '127.0.0.1',
      '--port',
      String(workerPort),
      '--persist-to',
      persist,
      '--show-interactive-dev-session=false',
      // /__scheduled runs the rollup batch that counts flags (worker/scheduled.ts).
      '--test-scheduled',
      // The extension a chat or e-mail link's /go/ page asks to open the item (worker/lib/go-page.ts).
      '--var',
      `EXTENSION_IDS:${unpackedExtensionId(join(outDir, 'chrome-mv3'))}`,
    ],
    { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  worker.stdout?.on('data', (d: Buffer) => {
    workerLog += d.toString();
  });
  worker.stderr?.on('data', (d: Buffer) => {
    workerLog += d.toString();
  });
  await waitFor(`http://127.0.0.1:${workerPort}/health`, worker, () => workerLog);
  const servers: Server[] = [await startRecordingProxy(apiPort, workerPort), await startFakeEhr(ehrPort)];

  project.provide('apiUrl', apiUrl);
  project.provide('ehrUrl', ehrOrigin);
  const extensionDir = join(outDir, 'chrome-mv3');
  const removePolicy = writeManagedPolicy(extensionDir, {
    apiUrl,
    allowUserApiUrl: false,
    organisationName: 'Demo General Hospital',
  });
  project.provide('extensionDir', extensionDir);

  return async () => {
    removePolicy();
    for (const s of servers) s.closeAllConnections?.();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    worker.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(persist, { recursive: true, force: true });
  };
}
