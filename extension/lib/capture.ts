import { browser } from 'wxt/browser';
import { type Screen, tryDeidentifyUrl } from '../../shared/context';

type Tabs = Pick<typeof browser.tabs, 'query'>;

async function activeTab(tabs: Tabs) {
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}

/**
 * The de-identified screen of the active tab. `tab.url` is only there after the user's click
 * (activeTab); the page itself is never read.
 */
export async function captureScreen(tabs: Tabs = browser.tabs): Promise<Screen | null> {
  const url = (await activeTab(tabs))?.url;
  return url ? tryDeidentifyUrl(url) : null;
}

/** Only on the user's request ("Add page title"); the title then goes through the identifier check. */
export async function capturePageTitle(tabs: Tabs = browser.tabs): Promise<string> {
  return ((await activeTab(tabs))?.title ?? '').trim().slice(0, 300);
}
