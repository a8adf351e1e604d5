import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export interface ExtensionBrowser {
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close: () => Promise<void>;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function devtoolsPort(profile: string, chrome: ChildProcess): Promise<string> {
  const file = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 300; i++) {
    if (chrome.exitCode !== null) throw new Error(`Chromium exited with ${chrome.exitCode}`);
    if (existsSync(file)) {
      const port = readFileSync(file, 'utf8').split('\n')[0];
      if (port) return port;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}

/**
 * Debian's Chromium with the unpacked build loaded, in a profile of its own (one per role).
 * Started by hand and joined over CDP, so the suite can also reach the real toolbar popup,
 * which Playwright does not attach to by itself.
 */
export async function launchWithExtension(extensionDir: string): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'curbside-profile-'));
  const chrome = spawn(
    CHROMIUM,
    [
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--window-size=1280,800',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${await devtoolsPort(profile, chrome)}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default browser context');
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  // Chromium loads managed policy shortly after start; a popup opened before that would not see it.
  for (let i = 0; i < 50; i++) {
    const policy = await serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { managed: { get: () => Promise<object> } } } }
      ).chrome.storage.managed
        .get()
        .catch(() => ({})),
    );
    if (Object.keys(policy).length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    browser,
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await browser.close().catch(() => {});
      const exited = new Promise((r) => (chrome.exitCode !== null ? r(null) : chrome.once('exit', r)));
      chrome.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      // Chromium's helper processes can still be writing into the profile for a moment: a temporary
      // folder left behind is not a failed test.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
      } catch (e) {
        console.warn(`e2e: could not remove ${profile}: ${(e as Error).message}`);
      }
    },
  };
}

type Chrome = {
  chrome: {
    tabs: { query: (q: object) => Promise<Array<{ id?: number; url?: string }>> };
    action: { openPopup: () => Promise<void> };
  };
};

async function tabIdOf(b: ExtensionBrowser, tab: Page): Promise<number> {
  const url = tab.url();
  // A tab's URL shows in chrome.tabs a moment after its navigation commits.
  let tabs: Array<{ id?: number; url?: string }> = [];
  for (let i = 0; i < 50; i++) {
    tabs = await b.serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.tabs.query({}));
    const id = tabs.find((t) => t.url === url)?.id;
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab for ${url} among ${JSON.stringify(tabs.map((t) => t.url))}`);
}

/**
 * The popup as a page Playwright can drive: popup.html in a tab of its own, told (e2e builds only)
 * which tab a user's click would have pointed at, so capture reads that tab's URL.
 */
export async function openPopupFor(b: ExtensionBrowser, tab: Page): Promise<Page> {
  const tabId = await tabIdOf(b, tab);
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/**
 * Opens the REAL toolbar popup over `tab` (as a click on the icon does), runs `script` in it and
 * returns its result. The e2e build holds a host permission for the fake EHR's origin alone,
 * standing in for the activeTab grant a real click gives.
 */
export async function inRealPopup<T>(b: ExtensionBrowser, tab: Page, script: string): Promise<T> {
  await tab.bringToFront();
  await b.serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.openPopup());
  const cdp = await b.browser.newBrowserCDPSession();
  try {
    let targetId: string | undefined;
    for (let i = 0; i < 50 && !targetId; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      targetId = targetInfos.find((t) => t.url.startsWith(`chrome-extension://${b.extensionId}/popup.html`))?.targetId;
      if (!targetId) await new Promise((r) => setTimeout(r, 100));
    }
    if (!targetId) throw new Error('the toolbar popup did not open');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    let nextId = 1;
    const pending = new Map<number, (v: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
    });
    const id = nextId++;
    const done = new Promise((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression: script, awaitPromise: true, returnByValue: true },
      }),
    });
    const result = (await done) as { result?: { value?: T }; exceptionDetails?: unknown };
    if (result.exceptionDetails)
      throw new Error(`script failed in the popup: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result?.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function captured(
  apiUrl: string,
): Promise<Array<{ method: string; url: string; body: string; headers: Record<string, unknown>; status?: number }>> {
  return (await fetch(`${apiUrl}/__e2e/captured`)).json() as never;
}
