import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { FlagList } from '../../../shared/flags';
import { api, BASE, enroll, flagBody } from '../helpers';

const BOOKMARK = 'X-D1-Bookmark';

/** A call with the bookmark of an earlier answer, as the extension's session API sends it. */
function withBookmark(bookmark: string | null, init: Parameters<typeof api>[1] = {}) {
  return { ...init, headers: { ...(init.headers ?? {}), ...(bookmark ? { [BOOKMARK]: bookmark } : {}) } };
}

describe('D1 sessions: reads may go to replicas, a client reads its own writes through its bookmark', () => {
  it('answers every request with the session’s bookmark, and a write moves it on', async () => {
    const s = await enroll();
    const before = await api('/v1/flags/mine', { token: s.token });
    const first = before.headers.get(BOOKMARK);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/);
    const sent = await api('/v1/flags', withBookmark(first, { token: s.token, body: flagBody() }));
    expect(sent.status).toBe(201);
    const written = sent.headers.get(BOOKMARK) ?? '';
    // The flag was written through the request's session: its bookmark is later than the one sent.
    expect(written > (first ?? '')).toBe(true);
  });

  it('shows the author their flag at once when the read carries the write’s bookmark', async () => {
    const s = await enroll();
    const body = flagBody({ text: 'Read my own write' });
    const sent = await api('/v1/flags', { token: s.token, body });
    const bookmark = sent.headers.get(BOOKMARK);
    expect(bookmark).not.toBeNull();
    const mine = await api('/v1/flags/mine', withBookmark(bookmark, { token: s.token }));
    expect(FlagList.parse(await mine.json()).flags.map((f) => f.clientId)).toContain(body.clientId);
    // The read's session starts at the write's bookmark, so it answers one no older.
    expect((mine.headers.get(BOOKMARK) ?? '') >= (bookmark ?? '')).toBe(true);
  });

  it('ignores a malformed bookmark instead of failing the request', async () => {
    const s = await enroll();
    for (const junk of ['', 'not a bookmark!', 'x'.repeat(500), '"; DROP TABLE flags; --', '0000000a-00000001']) {
      const res = await api('/v1/flags/mine', withBookmark(junk, { token: s.token }));
      expect(res.status, junk).toBe(200);
    }
  });

  it('lets the extension send and read the bookmark across origins', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await SELF.fetch(`${BASE}/v1/flags/mine`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': BOOKMARK },
    });
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain(BOOKMARK.toLowerCase());
    const health = await SELF.fetch(`${BASE}/health`, { headers: { Origin: origin } });
    expect(health.headers.get('Access-Control-Expose-Headers')?.toLowerCase()).toContain(BOOKMARK.toLowerCase());
  });
});
