import { browser } from 'wxt/browser';
import { errorMessage } from '../../lib/errors';
import type { Detector } from '../../lib/phi';
import type { ensureReceiptKey } from '../../lib/receipts';
import type { createSessionApi, SessionApi } from '../../lib/session-api';
import { createPopupSignals } from './signals';

type BrowserLike = Pick<typeof browser, 'runtime' | 'tabs' | 'action' | 'permissions' | 'storage'>;

export interface PopupDeps {
  browser?: BrowserLike;
  fetchFn?: typeof fetch;
  now?: () => number;
  loadDetector?: () => Promise<Detector | null>;
  /** The page's fragment: `#item=ID` opens My items at that item (lib/deep-link.ts). */
  hash?: () => string;
}

export type Core = ReturnType<typeof createCore>;

/** What the core needs from the services chunk (typed from lib/, so the core never imports the chunk). */
export interface CoreServices {
  createSessionApi: typeof createSessionApi;
  ensureReceiptKey: typeof ensureReceiptKey;
}

/** The popup's signals (signals.ts) and the few helpers every group of actions uses. */
export function createCore(deps: PopupDeps, services: () => Promise<CoreServices>) {
  const browserApi = deps.browser ?? browser;
  const now = deps.now ?? Date.now;

  const state = createPopupSignals();
  const { session, error, status } = state;

  function version() {
    return browserApi.runtime.getManifest().version;
  }

  // Built on first use: the API client comes with the services chunk, after the first render.
  let sessionApi: SessionApi | null = null;
  async function api() {
    const { createSessionApi } = await services();
    sessionApi ??= createSessionApi({ session: () => session.value, fetchFn: deps.fetchFn, version });
    return sessionApi.api();
  }

  /**
   * Brings the user's key into memory if it is not (first use since the browser started): what is
   * sealed for them opens. Offline it stays sealed, and waits.
   */
  async function unlock(): Promise<void> {
    const s = session.value;
    if (!s) return;
    try {
      const { ensureReceiptKey } = await services();
      await ensureReceiptKey(await api(), s.user.id);
    } catch {
      // Offline or signed out elsewhere: sealed things stay sealed until the next try.
    }
  }

  function announce(message: string) {
    error.value = '';
    status.value = message;
  }

  function fail(e: unknown) {
    error.value = errorMessage(e);
  }

  return { state, browserApi, now, deps, version, api, unlock, announce, fail };
}
