import type { Page } from 'playwright-core';
import type { ApiUser } from './api';
import type { ExtensionBrowser } from './browser';

type Chrome = {
  chrome: {
    storage: { local: { get: (key: string) => Promise<Record<string, unknown>> } };
    alarms: { create: (name: string, info: { when: number; periodInMinutes: number }) => Promise<void> };
    action: { getBadgeText: (details: object) => Promise<string> };
    notifications: { getAll: () => Promise<Record<string, boolean>> };
  };
};

/** What the extension keeps in `chrome.storage.local` under `key` (WXT's `local:<key>` items). */
export async function stored<T>(b: ExtensionBrowser, key: string): Promise<T | undefined> {
  const value = await b.serviceWorker.evaluate(
    async (k) => (await (globalThis as unknown as Chrome).chrome.storage.local.get(k))[k],
    key,
  );
  return value as T | undefined;
}

/** The session the popup stored at sign-in, for the off-screen parts of a step. */
export async function sessionOf(b: ExtensionBrowser): Promise<ApiUser> {
  const session = await stored<ApiUser>(b, 'session');
  if (!session) throw new Error('not signed in');
  return session;
}

/**
 * Brings an alarm's time to now (or to `when`): the service worker then runs exactly what it runs
 * when the period elapses. Unpacked extensions may set alarms this close.
 */
export async function fireAlarm(b: ExtensionBrowser, name: string, when = Date.now() + 100): Promise<void> {
  await b.serviceWorker.evaluate(
    ([n, w]) => (globalThis as unknown as Chrome).chrome.alarms.create(n, { when: w, periodInMinutes: 1 }),
    [name, when] as const,
  );
}

export async function badgeText(b: ExtensionBrowser): Promise<string> {
  return b.serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({}));
}

/**
 * The ids of the notifications the service worker has raised and not cleared. Each names what a click
 * opens (extension/lib/deep-link.ts): `surface|id|key`. A click itself cannot be made from outside.
 */
export async function notificationIds(b: ExtensionBrowser): Promise<string[]> {
  return Object.keys(
    await b.serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.notifications.getAll()),
  );
}

/** An extension page (inbox, dashboard, admin) in a tab of its own, as the toolbar or side panel opens it. */
export async function openExtensionPage(b: ExtensionBrowser, path: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  return page;
}
