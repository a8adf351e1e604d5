import type { browser } from 'wxt/browser';
import { requestOpenItem, type Target, targetOf, targetPath } from '../lib/deep-link';
import { openItemItem } from '../lib/storage';

type OpenBrowser = Pick<typeof browser, 'action' | 'tabs' | 'runtime'> & Partial<Pick<typeof browser, 'notifications'>>;

/**
 * Opens what a notification is about. My items live in the popup: Chrome and Edge open it at the item;
 * where a popup cannot be opened without a click on the toolbar (Firefox, or no focused window) the
 * same page opens in a tab at `popup.html#item=ID`. A question for mentors opens the inbox page at
 * `inbox.html#question=ID`, which every browser has (Chrome's side panel needs a click to open).
 */
export async function openTarget(target: Target, browserApi: OpenBrowser): Promise<void> {
  if (target.surface === 'items') {
    await requestOpenItem(target.id);
    try {
      await browserApi.action.openPopup();
      return;
    } catch {
      // The tab below says where to go by its address; the request must not also catch the next popup.
      await openItemItem.setValue(null);
    }
  }
  // WXT types getURL for the public folder's files; pages with a fragment are not among them.
  const runtime = browserApi.runtime as unknown as { getURL(path: string): string };
  await browserApi.tabs.create({ url: runtime.getURL(targetPath(target)) });
}

/** A click on one of Curbside's notifications: it goes away, and its item opens. */
export async function onNotificationClicked(notificationId: string, browserApi: OpenBrowser): Promise<void> {
  const target = targetOf(notificationId);
  await browserApi.notifications?.clear(notificationId);
  if (target) await openTarget(target, browserApi);
}
