import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onNotificationClicked } from '../../../extension/background/open-item';
import { setupBackground } from '../../../extension/background/setup';
import { notificationId, takeOpenItemRequest } from '../../../extension/lib/deep-link';
import { openItemItem } from '../../../extension/lib/storage';

type OpenBrowser = Parameters<typeof onNotificationClicked>[1];

/** The service worker's browser; openPopup refuses where a popup needs a click (Firefox). */
function worker(popupOpens: boolean) {
  const openPopup = vi.fn(async () => {
    if (!popupOpens) throw new Error('openPopup requires a user gesture');
  });
  const b = { ...fakeBrowser, action: { ...fakeBrowser.action, openPopup } };
  return { b: b as unknown as OpenBrowser, openPopup };
}

async function openTabs() {
  return (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.startsWith('chrome-extension:'));
}

describe('a click on a notification opens its item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens an answer’s thread in the popup, at that question (Chrome, Edge)', async () => {
    const { b, openPopup } = worker(true);
    await onNotificationClicked(notificationId('answer:a_000001', { surface: 'items', id: 'q_000001' }), b);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(await takeOpenItemRequest()).toBe('q_000001');
    expect(await openTabs()).toEqual([]);
  });

  it('opens My items in a tab at the flag where a popup cannot be opened (Firefox), leaving no request behind', async () => {
    const { b } = worker(false);
    await onNotificationClicked(
      notificationId('status:flag_anon01:resolved', { surface: 'items', id: 'flag_anon01' }),
      b,
    );
    expect(await openTabs()).toEqual(['chrome-extension://test-extension-id/popup.html#item=flag_anon01']);
    expect(await openItemItem.getValue()).toBeNull();
  });

  it('opens an urgent question in the mentor inbox page', async () => {
    const { b, openPopup } = worker(true);
    await onNotificationClicked(notificationId('urgent:q_urgent1', { surface: 'inbox', id: 'q_urgent1' }), b);
    expect(openPopup).not.toHaveBeenCalled();
    expect(await openTabs()).toEqual(['chrome-extension://test-extension-id/inbox.html#question=q_urgent1']);
  });

  it('closes the notification, and ignores ids it did not make', async () => {
    const { b, openPopup } = worker(true);
    await fakeBrowser.notifications.create('someone-else', { type: 'basic', iconUrl: '', title: 't', message: 'm' });
    await onNotificationClicked('someone-else', b);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(openPopup).not.toHaveBeenCalled();
    expect(await openTabs()).toEqual([]);
  });

  it('is what the service worker does on notifications.onClicked', async () => {
    const { b } = worker(false);
    // fakeBrowser implements neither context menus nor keyboard commands.
    const contextMenus = { create: vi.fn(), onClicked: { addListener: vi.fn() } };
    const commands = { onCommand: { addListener: vi.fn() } };
    setupBackground(
      { ...b, contextMenus, commands } as unknown as Parameters<typeof setupBackground>[0],
      async () => null,
      async () => null,
      async () => null,
    );
    await fakeBrowser.notifications.onClicked.trigger(
      notificationId('escalated:q_talk01', { surface: 'inbox', id: 'q_talk01' }),
    );
    await vi.waitFor(async () =>
      expect(await openTabs()).toEqual(['chrome-extension://test-extension-id/inbox.html#question=q_talk01']),
    );
  });
});
