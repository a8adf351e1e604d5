import { browser } from 'wxt/browser';
import { type Screen, screenAllowlist, tryDeidentifyUrl } from '../../shared/context';
import type { System } from '../../shared/systems';
import { systemsItem } from './storage';

type Tabs = Pick<typeof browser.tabs, 'query' | 'get'>;

/**
 * End-to-end builds only: Playwright cannot drive the toolbar popup, so the suite opens popup.html
 * in a tab and names the tab a user's click would have pointed at. Other builds ignore the query.
 */
function e2eTabId(): number | undefined {
  if (import.meta.env.WXT_E2E !== 'true') return undefined;
  const id = Number(new URLSearchParams(globalThis.location?.search ?? '').get('tabId'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

async function activeTab(tabs: Tabs) {
  try {
    const e2eTab = e2eTabId();
    if (e2eTab !== undefined) return await tabs.get(e2eTab);
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}

/**
 * The de-identified screen of the active tab. `tab.url` is only there after the user's click
 * (activeTab); the page itself is never read. Words the admins used in that system's screens
 * are kept, from the catalog the extension caches (`loadSystems`), as the server allows them.
 */
export async function captureScreen(tabs: Tabs = browser.tabs, systems?: readonly System[]): Promise<Screen | null> {
  const url = (await activeTab(tabs))?.url;
  const host = url ? tryDeidentifyUrl(url)?.host : undefined;
  if (!url || !host) return null;
  const catalog = systems ?? (await systemsItem.getValue())?.systems ?? [];
  return tryDeidentifyUrl(url, screenAllowlist(catalog, host));
}

/** Only on the user's request ("Add page title"); the title then goes through the identifier check. */
export async function capturePageTitle(tabs: Tabs = browser.tabs): Promise<string> {
  return ((await activeTab(tabs))?.title ?? '').trim().slice(0, 300);
}
