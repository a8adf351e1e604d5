import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { createPopupState, type PopupDeps } from '../../../extension/popup/state';
import { mockManifest, SESSION } from '../helpers';
import { fakeServer, renderPopup, stubDetector } from './fixtures';

function popupState(server: ReturnType<typeof fakeServer>) {
  return createPopupState({
    browser: {
      ...fakeBrowser,
      tabs: { query: vi.fn(async () => []) },
      permissions: { request: vi.fn(async () => true) },
    } as unknown as PopupDeps['browser'],
    fetchFn: server.fetchFn,
    loadDetector: async () => stubDetector,
  });
}

describe('the popup reopening where it was left', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
    await sessionItem.setValue(SESSION);
  });
  afterEach(cleanup);

  it('does not take the user back there once they have chosen something else', async () => {
    // Closed on My items.
    const first = await renderPopup(fakeServer());
    await first.state.open('items');
    cleanup();

    // Reopened: Home shows as soon as the popup is ready; the user presses Flag friction at once, before
    // the popup has finished checking for a notification to open (in Chromium that took seconds).
    const state = popupState(fakeServer());
    const stop = state.ready.subscribe((ready) => {
      if (ready) void state.open('flag');
    });
    await state.init();
    stop();
    await vi.waitFor(() => expect(state.flagDraft.value).not.toBeNull());
    expect(state.view.value).toBe('flag');
  });

  it('still reopens where it was left when the user has not moved', async () => {
    const first = await renderPopup(fakeServer());
    await first.state.open('items');
    cleanup();

    const state = popupState(fakeServer());
    await state.init();
    expect(state.view.value).toBe('items');
  });
});
