import { describe, expect, it } from 'vitest';
import { api } from '../helpers';

/** The page's own element and script, read as the browser would (attributes unescaped). */
function parts(html: string) {
  const main = /<main id="go"([^>]*)>/.exec(html)?.[1] ?? '';
  const attr = (name: string) => {
    const raw = new RegExp(`${name}="([^"]*)"`).exec(main)?.[1];
    return raw
      ?.replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  };
  const script = /<script nonce="([^"]+)">/.exec(html);
  return { ids: attr('data-ids'), open: attr('data-open'), nonce: script?.[1] };
}

// Issue 16: a chat or e-mail link opens the item in the extension where the browser allows it. The
// page asks the configured extension ids (EXTENSION_IDS, vitest.config.ts) to open exactly that item;
// everywhere else its directions stand.
describe('GET /go/… asks Curbside to open the item', () => {
  it('asks the configured Chrome/Edge ids to open that question, with a script only its own nonce allows', async () => {
    const res = await api('/go/question/q_0123456789');
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = parts(html);
    expect(page.ids).toBe('abcdefghijklmnopabcdefghijklmnop,ponmlkjihgfedcbaponmlkjihgfedcba');
    expect(JSON.parse(page.open ?? 'null')).toEqual({ open: 'question', id: 'q_0123456789' });
    expect(page.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${page.nonce}'`);
    expect(html).toContain('runtime.sendMessage(id, message');
    // The directions are there from the start: they are what Firefox and every failure show.
    expect(html).toContain('Open Curbside from your browser’s toolbar');
    expect(html).toMatch(/<p id="opened" role="status" hidden>/);
  });

  it('uses a fresh nonce each time', async () => {
    const a = parts(await (await api('/go/inbox')).text()).nonce;
    const b = parts(await (await api('/go/inbox')).text()).nonce;
    expect(a).not.toBe(b);
  });

  it('asks for the inbox and the dashboard by name', async () => {
    expect(JSON.parse(parts(await (await api('/go/inbox')).text()).open ?? 'null')).toEqual({ open: 'inbox' });
    expect(JSON.parse(parts(await (await api('/go/dashboard')).text()).open ?? 'null')).toEqual({ open: 'dashboard' });
  });

  it('sends no request for an id that is not one, and the id never reaches the page', async () => {
    for (const bad of ['x', '%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'a'.repeat(65)]) {
      const res = await api(`/go/question/${bad}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(parts(html).open).toBeUndefined();
      expect(html).not.toContain('alert(1)');
      expect(html).toContain('An urgent question is waiting');
    }
  });
});

describe('the go page without configured ids', () => {
  it('only says where the item waits', async () => {
    const { extensionIds, goPage } = await import('../../../worker/lib/go-page');
    expect(extensionIds(undefined)).toEqual([]);
    expect(extensionIds(' ,ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP,qrstuvwxyzqrstuvwxyzqrstuvwxyzqr')).toEqual([]);
    const { html } = goPage('question', { open: 'question', id: 'q_0123456789' }, [], 'bm9uY2U=');
    expect(parts(html).ids).toBeUndefined();
    expect(parts(html).open).toBeUndefined();
    expect(html).not.toContain('q_0123456789');
  });
});
