import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushStored, MENU_ID, OUTBOX_ALARM, setupBackground } from '../../../extension/background/setup';
import { enqueue } from '../../../extension/lib/outbox';
import { takePrefill } from '../../../extension/lib/prefill';
import { outboxItem, prefillItem, sessionItem } from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER, unlockedFor } from '../helpers';

type Listener = (...args: never[]) => unknown;

function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => listeners.push(l),
    trigger: (...args: unknown[]) => Promise.all(listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}

/** fakeBrowser has no contextMenus and no action.openPopup: add just what the background uses. */
function setup(openPopup: () => Promise<void>) {
  const contextMenus = { create: vi.fn(), onClicked: fakeEvent() };
  const action = { ...fakeBrowser.action, openPopup: vi.fn(openPopup) };
  const flushNow = vi.fn(async () => null);
  const b = { runtime: fakeBrowser.runtime, alarms: fakeBrowser.alarms, contextMenus, action };
  setupBackground(b as unknown as Parameters<typeof setupBackground>[0], flushNow);
  return { contextMenus, action, flushNow };
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });

  it('adds the context-menu item on install', async () => {
    const { contextMenus } = setup(async () => {});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(contextMenus.create).toHaveBeenCalledWith({
      id: MENU_ID,
      title: 'Ask a mentor about this…',
      contexts: ['selection'],
    });
  });

  it('keeps the selection sealed for the signed-in user and opens the popup', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(USER.id);
    const { contextMenus, action } = setup(async () => {});
    await contextMenus.onClicked.trigger({ menuItemId: MENU_ID, selectionText: 'How do I reorder a PRN?' });
    expect(JSON.stringify(await prefillItem.getValue())).not.toContain('PRN');
    expect(action.openPopup).toHaveBeenCalled();
    expect(await takePrefill(USER.id)).toBe('How do I reorder a PRN?');
    expect(await prefillItem.getValue()).toBeNull();
  });

  it('keeps no selection when no one is signed in (the popup opens to sign in)', async () => {
    const { contextMenus, action } = setup(async () => {});
    await contextMenus.onClicked.trigger({ menuItemId: MENU_ID, selectionText: 'How do I reorder a PRN?' });
    expect(await prefillItem.getValue()).toBeNull();
    expect(action.openPopup).toHaveBeenCalled();
  });

  it('sets a word on the badge, never a fake count, when the popup cannot be opened', async () => {
    const { contextMenus } = setup(async () => {
      throw new Error('No active browser window');
    });
    await contextMenus.onClicked.trigger({ menuItemId: MENU_ID, selectionText: 'Question' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('ask');
  });

  it('creates the outbox alarm and flushes when it fires or when asked', async () => {
    const { flushNow } = setup(async () => {});
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeTruthy());
    await fakeBrowser.alarms.onAlarm.trigger({
      name: OUTBOX_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    expect(flushNow).toHaveBeenCalledTimes(1);
    await fakeBrowser.runtime.onMessage.trigger('flush', {}, () => {});
    expect(flushNow).toHaveBeenCalledTimes(2);
  });

  it('flushStored sends the signed-in user’s queue with the stored session', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(USER.id);
    const body = flagBody();
    await enqueue({ kind: 'flag', body, userId: USER.id });
    const fetchFn = vi.fn<typeof fetch>(async () => json(201, flagResponse(body)));
    const result = await flushStored(fetchFn, fakeBrowser);
    expect(result?.delivered).toEqual([body.clientId]);
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe('http://127.0.0.1:8787/v1/flags');
    expect(await outboxItem.getValue()).toEqual([]);
  });
});
