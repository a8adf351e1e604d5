import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { createSessionApi } from './session-api';
import { type StoredSession, sessionItem } from './storage';

export interface PageSessionDeps {
  browser?: Pick<typeof browser, 'runtime'>;
  fetchFn?: typeof fetch;
}

/**
 * A full page's hold on the popup's sign-in (dashboard, admin): the stored session as a signal, kept in step
 * with storage, and one API caller on it.
 */
export function createPageSession(deps: PageSessionDeps = {}) {
  const browserApi = deps.browser ?? browser;
  const session = signal<StoredSession | null>(null);
  const { call } = createSessionApi({
    session: () => session.value,
    fetchFn: deps.fetchFn,
    version: () => browserApi.runtime.getManifest().version,
  });

  async function load() {
    session.value = await sessionItem.getValue();
    // Signing out in the popup (or an idle sign-out) closes this page's access at once.
    sessionItem.watch((stored) => {
      session.value = stored;
    });
  }

  return { session, call, load };
}
