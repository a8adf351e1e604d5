import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
/** WXT needs Node 22; the repo pins it as a dev dependency. */
const NODE = join(ROOT, 'node_modules/.bin/node');

let tmp: string;

/** One real production build per target through WXT's JS API, into a temp dir. */
async function build(browser: 'chrome' | 'firefox', env: Record<string, string> = {}) {
  const outDir = join(tmp, `${browser}-${Object.keys(env).length}`);
  const script = `const { build } = await import('wxt'); await build({ browser: '${browser}', outDir: ${JSON.stringify(outDir)} });`;
  await run(NODE, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, ...env } });
  const dir = join(outDir, `${browser}-mv3`);
  return { dir, manifest: JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) };
}

let chrome: Awaited<ReturnType<typeof build>>;
let firefox: Awaited<ReturnType<typeof build>>;
let e2e: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'curbside-manifest-'));
  // One after the other: each build rewrites .wxt/.
  chrome = await build('chrome');
  firefox = await build('firefox');
  e2e = await build('chrome', {
    CURBSIDE_E2E_HOST_PERMISSION: 'http://127.0.0.1:4599/*',
    CURBSIDE_LINK_ORIGINS: 'https://curbside.example.org:8443, not an address,ftp://files.example.org',
  });
}, 180_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('manifest', () => {
  it('asks for exactly its permissions and no host access up front', () => {
    // notifications: new answers and urgent questions; identity: SSO sign-in; sidePanel: the mentor inbox (Chrome and Edge only).
    expect([...chrome.manifest.permissions].sort()).toEqual([
      'activeTab',
      'alarms',
      'contextMenus',
      'identity',
      'notifications',
      'sidePanel',
      'storage',
    ]);
    expect(chrome.manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(firefox.manifest.permissions).not.toContain('sidePanel');
    expect(chrome.manifest.optional_host_permissions).toEqual([
      'https://*/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
    expect(chrome.manifest.host_permissions).toBeUndefined();
  });

  it('ships its logo as the toolbar and store icons, on both browsers', async () => {
    for (const { manifest, dir } of [chrome, firefox]) {
      expect(manifest.icons).toEqual({
        '16': 'icon/16.png',
        '32': 'icon/32.png',
        '48': 'icon/48.png',
        '128': 'icon/128.png',
      });
      // A real PNG of the declared size (IHDR width at byte 16), not a placeholder.
      const png = await readFile(join(dir, 'icon/128.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(128);
    }
  });

  it('has no content scripts', () => {
    expect(chrome.manifest.content_scripts).toBeUndefined();
    expect(firefox.manifest.content_scripts).toBeUndefined();
  });

  it('opens the popup with a suggested shortcut', () => {
    expect(chrome.manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+C');
    expect(chrome.manifest.commands['open-flag']).toMatchObject({
      suggested_key: { default: 'Alt+Shift+F' },
      description: 'Flag friction',
    });
    expect(firefox.manifest.commands['open-flag'].suggested_key.default).toBe('Alt+Shift+F');
    expect(chrome.manifest.action).toMatchObject({ default_title: 'Curbside', default_popup: 'popup.html' });
  });

  it('declares the managed-policy schema on Chrome and ships it', async () => {
    expect(chrome.manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    const schema = JSON.parse(await readFile(join(chrome.dir, 'managed_schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([
      'allowUserApiUrl',
      'apiUrl',
      'idleSignOutMinutes',
      'organisationName',
      'ssoProviderId',
    ]);
  });

  it('gives Firefox an id and no Chrome-only keys', () => {
    expect(firefox.manifest.browser_specific_settings.gecko.id).toBe('curbside@curbside.example');
    expect(firefox.manifest.storage).toBeUndefined();
    expect(firefox.manifest.manifest_version).toBe(3);
  });

  it('lets only the API’s own /go/ pages message the extension (Chrome and Edge; no permission warning)', () => {
    // A chat or e-mail link's page asks the extension to open the item (background/open-link.ts).
    expect(chrome.manifest.externally_connectable).toEqual({ matches: ['http://127.0.0.1/go/*'] });
    expect(chrome.manifest.externally_connectable.ids).toBeUndefined();
    // Other API origins IT points the extension at by policy; anything that is not a web origin is dropped.
    expect(e2e.manifest.externally_connectable).toEqual({
      matches: ['http://127.0.0.1/go/*', 'https://curbside.example.org/go/*'],
    });
    expect(firefox.manifest.externally_connectable).toBeUndefined();
  });

  it('adds a host permission only for end-to-end builds', () => {
    expect(e2e.manifest.host_permissions).toEqual(['http://127.0.0.1:4599/*']);
    expect(e2e.manifest.permissions).toEqual(chrome.manifest.permissions);
  });

  it('keeps the popup’s first render (HTML entry script, its static imports and CSS) within 25 KB gzip', async () => {
    const html = await readFile(join(chrome.dir, 'popup.html'), 'utf8');
    const files = new Set<string>();
    const queue = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (files.has(file)) continue;
      files.add(file);
      if (!file.endsWith('.js')) continue;
      const code = await readFile(join(chrome.dir, file), 'utf8');
      // Static imports only: dynamic import() chunks load after the first render.
      for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w{},*\s$]+from\s*)?["']\.\/([^"']+)["']/g))
        queue.push(join(file, '..', m[1] as string));
    }
    let total = 0;
    for (const file of files) total += gzipSync(await readFile(join(chrome.dir, file))).length;
    expect(files.size).toBeGreaterThanOrEqual(2);
    expect(total).toBeLessThanOrEqual(25 * 1024);
  });
});
