import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { Role } from '../../../shared/enums';
import { mockManifest, SESSION, USER } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

async function signedInAs(...roles: Role[]) {
  await sessionItem.setValue({ ...SESSION, user: { ...USER, roles } });
  await renderPopup(fakeServer());
  await screen.findByRole('button', { name: 'Sign out' });
}

/** The links arrive just after the first render (a lazy part); an empty set needs the part loaded. */
async function linksLoaded() {
  await import('../../../extension/popup/WorkspaceLinks');
  await new Promise((r) => setTimeout(r, 50));
}

async function extensionTabs() {
  return (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.startsWith('chrome-extension:'));
}

// The popup's state loads its API client lazily; loaded up front, no import is still in flight when the
// file's environment is torn down (vitest reports that as an unhandled error).
beforeAll(async () => {
  await import('../../../extension/popup/state/services');
});

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await fakeBrowser.windows.create({ focused: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the popup header leads to each workspace in one click', () => {
  it('shows a clinician neither the inbox nor the dashboard', async () => {
    await signedInAs('clinician');
    await linksLoaded();
    expect(screen.queryByRole('button', { name: 'Inbox' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dashboard' })).toBeNull();
  });

  it('opens the mentor inbox in the side panel of this window (Chrome, Edge)', async () => {
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined);
    const { id } = await fakeBrowser.windows.getCurrent();
    const getCurrent = vi.spyOn(fakeBrowser.windows, 'getCurrent');
    await signedInAs('clinician', 'mentor');
    const inbox = await screen.findByRole('button', { name: 'Inbox' });
    expect(screen.queryByRole('button', { name: 'Dashboard' })).toBeNull();
    // The window is looked up before the click: the side panel opens only during the click itself.
    await vi.waitFor(() => expect(getCurrent).toHaveBeenCalled());
    await getCurrent.mock.results[0]?.value;
    fireEvent.click(inbox);
    expect(open).toHaveBeenCalledWith({ windowId: id });
    expect(await extensionTabs()).toEqual([]);
  });

  it('opens the inbox as a page where there is no side panel (Firefox)', async () => {
    vi.spyOn(fakeBrowser.sidePanel, 'open').mockImplementation(() => {
      throw new TypeError('browser.sidePanel is undefined');
    });
    await signedInAs('peer_supporter');
    fireEvent.click(await screen.findByRole('button', { name: 'Inbox' }));
    await waitFor(async () =>
      expect(await extensionTabs()).toEqual(['chrome-extension://test-extension-id/inbox.html']),
    );
  });

  it('opens the dashboard for a lead', async () => {
    await signedInAs('lead');
    const dashboard = await screen.findByRole('button', { name: 'Dashboard' });
    expect(screen.queryByRole('button', { name: 'Inbox' })).toBeNull();
    fireEvent.click(dashboard);
    await waitFor(async () =>
      expect(await extensionTabs()).toEqual(['chrome-extension://test-extension-id/dashboard.html']),
    );
  });
});
