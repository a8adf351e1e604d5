import type { browser } from 'wxt/browser';
import { type StoredSession, sessionItem } from '../lib/storage';
import { openTarget } from './open-item';

type LinkBrowser = Pick<typeof browser, 'action' | 'tabs' | 'runtime'>;

/**
 * A link in a chat message or an e-mail opens the item in the extension. The link goes to the API's
 * `/go/…` page (chat apps and mail open only web links); on Chrome and Edge that page asks the
 * extension, by `chrome.runtime.sendMessage`, to open the item. The manifest lets only the API's own
 * origin send (`externally_connectable`, wxt.config.ts); here the sender is checked again against the
 * API the signed-in session belongs to, and the message against the one shape the page sends. A page
 * can ask only to open one of Curbside's own pages: it reads nothing and learns only whether it opened.
 */
export type LinkMessage = { open: 'question'; id: string } | { open: 'inbox' } | { open: 'dashboard' };

/** shared/ids.ts's Id, without zod (the service worker's first start stays small). */
const ID = /^[A-Za-z0-9_-]{6,64}$/;

export function linkMessageOf(message: unknown): LinkMessage | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(',');
  if (m.open === 'question')
    return keys === 'id,open' && typeof m.id === 'string' && ID.test(m.id) ? { open: 'question', id: m.id } : null;
  if ((m.open === 'inbox' || m.open === 'dashboard') && keys === 'open') return { open: m.open };
  return null;
}

/** The sender is the `/go/` page of the API this device is signed in to, and nothing else. */
export function isTrustedSender(sender: { url?: string; origin?: string; id?: string }, apiUrl: string): boolean {
  if (!sender.url) return false;
  let page: URL;
  let api: URL;
  try {
    page = new URL(sender.url);
    api = new URL(apiUrl);
  } catch {
    return false;
  }
  if (sender.origin !== undefined && sender.origin !== page.origin) return false;
  return page.origin === api.origin && page.pathname.startsWith('/go/');
}

const PAGES = { inbox: '/inbox.html', dashboard: '/dashboard.html' } as const;

/** Opens what the link names; answers whether it did (the page then says so, or keeps its directions). */
export async function onLinkMessage(
  message: unknown,
  sender: { url?: string; origin?: string; id?: string },
  browserApi: LinkBrowser,
  session: Promise<StoredSession | null> = sessionItem.getValue(),
): Promise<{ opened: boolean }> {
  const link = linkMessageOf(message);
  const signedIn = await session;
  if (!link || !signedIn || !isTrustedSender(sender, signedIn.apiUrl)) return { opened: false };
  if (link.open === 'question') await openTarget({ surface: 'inbox', id: link.id }, browserApi);
  else {
    const runtime = browserApi.runtime as unknown as { getURL(path: string): string };
    await browserApi.tabs.create({ url: runtime.getURL(PAGES[link.open]) });
  }
  return { opened: true };
}

type ExternalBrowser = LinkBrowser & {
  runtime: {
    onMessageExternal: {
      addListener(
        listener: (
          message: unknown,
          sender: { url?: string; origin?: string; id?: string },
          reply: (r: unknown) => void,
        ) => boolean,
      ): void;
    };
  };
};

/** Registered on every start of the service worker (entrypoints/background.ts), beside setupBackground. */
export function registerLinkOpening(browserApi: ExternalBrowser): void {
  browserApi.runtime.onMessageExternal.addListener((message, sender, reply) => {
    // The page waits for the answer: true keeps the channel open until it is sent.
    void onLinkMessage(message, sender, browserApi).then(reply, () => reply({ opened: false }));
    return true;
  });
}
