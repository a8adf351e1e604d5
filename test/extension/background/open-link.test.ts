import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isTrustedSender,
  linkMessageOf,
  onLinkMessage,
  registerLinkOpening,
} from '../../../extension/background/open-link';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';

type LinkBrowser = Parameters<typeof onLinkMessage>[2];
const API = 'https://curbside.example.org';
const GO = `${API}/go/question/q_0123456789`;
const session = (apiUrl = API): StoredSession => ({
  token: 't',
  apiUrl,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: 'u_mentor01', displayName: 'Morgan Mentor', roles: ['mentor'] } as StoredSession['user'],
});

async function openTabs() {
  return (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.startsWith('chrome-extension:'));
}

// Issue 16: a chat or e-mail link's /go/ page asks the extension to open the item. Only the signed-in
// API's own /go/ pages may ask, only in the one shape the page sends, and only Curbside's pages open.
describe('a /go/ page asks the service worker to open an item', () => {
  beforeEach(() => fakeBrowser.reset());
  const b = fakeBrowser as unknown as LinkBrowser;

  it('opens the question in the inbox page when the signed-in API’s /go/ page asks', async () => {
    await sessionItem.setValue(session());
    expect(await onLinkMessage({ open: 'question', id: 'q_0123456789' }, { url: GO, origin: API }, b)).toEqual({
      opened: true,
    });
    expect(await openTabs()).toEqual(['chrome-extension://test-extension-id/inbox.html#question=q_0123456789']);
  });

  it('opens the inbox and the dashboard by name', async () => {
    await sessionItem.setValue(session());
    await onLinkMessage({ open: 'inbox' }, { url: `${API}/go/inbox` }, b);
    await onLinkMessage({ open: 'dashboard' }, { url: `${API}/go/dashboard` }, b);
    expect(await openTabs()).toEqual([
      'chrome-extension://test-extension-id/inbox.html',
      'chrome-extension://test-extension-id/dashboard.html',
    ]);
  });

  it('refuses every other sender: another site, another port or scheme, another path, another extension, none', async () => {
    await sessionItem.setValue(session());
    const message = { open: 'question', id: 'q_0123456789' };
    for (const sender of [
      { url: 'https://evil.example.net/go/question/q_0123456789' },
      { url: 'https://curbside.example.org.evil.example.net/go/inbox' },
      { url: 'https://curbside.example.org:8443/go/inbox' },
      { url: 'http://curbside.example.org/go/inbox' },
      { url: `${API}/v1/anything` },
      { url: `${API}/gone/inbox` },
      { url: GO, origin: 'https://evil.example.net' },
      { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html', id: 'abcdefghijklmnopabcdefghijklmnop' },
      {},
    ]) {
      expect(await onLinkMessage(message, sender, b), JSON.stringify(sender)).toEqual({ opened: false });
    }
    expect(await openTabs()).toEqual([]);
  });

  it('refuses when signed out, or signed in to another API', async () => {
    const message = { open: 'inbox' };
    expect(await onLinkMessage(message, { url: `${API}/go/inbox` }, b)).toEqual({ opened: false });
    await sessionItem.setValue(session('https://other.example.org'));
    expect(await onLinkMessage(message, { url: `${API}/go/inbox` }, b)).toEqual({ opened: false });
    expect(await openTabs()).toEqual([]);
  });

  it('accepts only the page’s own message shapes', () => {
    expect(linkMessageOf({ open: 'question', id: 'q_0123456789' })).toEqual({ open: 'question', id: 'q_0123456789' });
    for (const bad of [
      null,
      'inbox',
      ['inbox'],
      { open: 'question' },
      { open: 'question', id: '../popup.html' },
      { open: 'question', id: 'q_0123456789', url: 'https://evil.example.net' },
      { open: 'inbox', id: 'q_0123456789' },
      { open: 'admin' },
      { open: 'popup.html#item=x' },
      { open: 'https://evil.example.net' },
    ])
      expect(linkMessageOf(bad), JSON.stringify(bad)).toBeNull();
    expect(isTrustedSender({ url: 'not a url' }, API)).toBe(false);
    expect(isTrustedSender({ url: `${API}/go/inbox` }, 'not a url')).toBe(false);
  });

  it('is what the service worker answers on runtime.onMessageExternal, keeping the channel open', async () => {
    await sessionItem.setValue(session());
    let listener:
      | Parameters<Parameters<typeof registerLinkOpening>[0]['runtime']['onMessageExternal']['addListener']>[0]
      | undefined;
    const api = {
      ...fakeBrowser,
      runtime: { ...fakeBrowser.runtime, onMessageExternal: { addListener: (l: typeof listener) => (listener = l) } },
    } as unknown as Parameters<typeof registerLinkOpening>[0];
    registerLinkOpening(api);
    const reply = await new Promise((resolve) => {
      expect(listener?.({ open: 'inbox' }, { url: `${API}/go/inbox` }, resolve)).toBe(true);
    });
    expect(reply).toEqual({ opened: true });
    const refused = await new Promise((resolve) =>
      listener?.({ open: 'inbox' }, { url: 'https://evil.example.net/go/inbox' }, resolve),
    );
    expect(refused).toEqual({ opened: false });
  });
});
