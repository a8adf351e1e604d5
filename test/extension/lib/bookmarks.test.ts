import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApi } from '../../../extension/lib/api';
import { createSessionApi } from '../../../extension/lib/session-api';
import { bookmarkItem } from '../../../extension/lib/storage';
import { endpoints } from '../../../shared/api';
import { flagBody, flagResponse, json, SESSION } from '../helpers';

/** A stand-in API that answers each call with the next bookmark of `answers` and records what it was sent. */
function fakeApi(answers: string[]) {
  const sent: (string | null)[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (url, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    sent.push(headers['X-D1-Bookmark'] ?? null);
    const bookmark = answers.shift();
    const extra: Record<string, string> = bookmark ? { 'X-D1-Bookmark': bookmark } : {};
    const path = new URL(String(url)).pathname;
    if (path === '/v1/flags') return json(201, flagResponse(JSON.parse(String(init?.body))), extra);
    if (path === '/v1/flags/mine') return json(200, { flags: [] }, extra);
    return json(200, { flags: [null] }, extra);
  });
  return { fetchFn, sent };
}

const api = (fetchFn: typeof fetch, apiUrl = SESSION.apiUrl) =>
  createSessionApi({ session: () => ({ ...SESSION, apiUrl }), fetchFn, version: () => '1.0.0' });

describe('the D1 bookmark travels with the session API', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the bookmark of the last write with the next read, from any surface', async () => {
    const server = fakeApi([
      '0000000a-00000001-00004ea0-11111111111111111111111111111111',
      '0000000a-00000002-00004ea0-22222222222222222222222222222222',
    ]);
    await api(server.fetchFn).call(endpoints.createFlag, { body: flagBody() });
    // Another surface (its own client, as the popup after the background sent the flag) reads next.
    await api(server.fetchFn).call(endpoints.myFlags, {});
    expect(server.sent).toEqual([null, '0000000a-00000001-00004ea0-11111111111111111111111111111111']);
    expect(await bookmarkItem.getValue()).toEqual({
      apiUrl: SESSION.apiUrl.replace(/\/+$/, ''),
      bookmark: '0000000a-00000002-00004ea0-22222222222222222222222222222222',
    });
  });

  it('reads the answer while the bookmark is kept, and settles only once it is kept', async () => {
    // Issue 19: a page's first list waited for two storage round trips before its body was even read.
    const events: string[] = [];
    let keep: () => void = () => {};
    const kept = new Promise<void>((resolve) => {
      keep = resolve;
    });
    const fetchFn = vi.fn<typeof fetch>(async () => {
      const res = json(200, { flags: [] }, { 'X-D1-Bookmark': '0000000a-00000001-00004ea0-1111' });
      const read = res.json.bind(res);
      res.json = () => {
        events.push('body read');
        return read();
      };
      return res;
    });
    const client = createApi({
      baseUrl: SESSION.apiUrl,
      getToken: () => SESSION.token,
      fetchFn,
      version: '1.0.0',
      bookmarks: {
        read: async () => null,
        write: async () => {
          events.push('keeping');
          await kept;
          events.push('kept');
        },
      },
    });
    let settled = false;
    const call = client.call(endpoints.myFlags, {}).then(() => {
      settled = true;
    });
    await vi.waitFor(() => expect(events).toEqual(['keeping', 'body read']));
    expect(settled).toBe(false);
    keep();
    await call;
    expect(events).toEqual(['keeping', 'body read', 'kept']);
  });

  it('keeps the newest bookmark when an older answer arrives late', async () => {
    const server = fakeApi([
      '0000000a-00000009-00004ea0-33333333333333333333333333333333',
      '0000000a-00000003-00004ea0-44444444444444444444444444444444',
    ]);
    const client = api(server.fetchFn);
    await client.call(endpoints.myFlags, {});
    await client.call(endpoints.myFlags, {});
    await client.call(endpoints.myFlags, {});
    expect(server.sent.at(-1)).toBe('0000000a-00000009-00004ea0-33333333333333333333333333333333');
  });

  it('never sends it to public endpoints, nor to another API address', async () => {
    const server = fakeApi([
      '0000000a-00000001-00004ea0-11111111111111111111111111111111',
      '0000000a-00000005-00004ea0-55555555555555555555555555555555',
    ]);
    await api(server.fetchFn).call(endpoints.myFlags, {});
    await api(server.fetchFn).call(endpoints.receiptStatus, { body: { secrets: ['ab'.repeat(32)] } });
    await api(server.fetchFn, 'https://other.example.org').call(endpoints.myFlags, {});
    expect(server.sent).toEqual([null, null, null]);
    // Nor is a public endpoint's answer kept.
    expect((await bookmarkItem.getValue())?.bookmark).toBe(
      '0000000a-00000001-00004ea0-11111111111111111111111111111111',
    );
  });
});
