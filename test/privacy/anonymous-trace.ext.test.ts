// Issue 13: an anonymous flag can never be traced back to a person, and that includes the
// workstation it was sent from. After two colleagues signed out of the same browser, one having sent
// an anonymous flag and the other a named one, nothing in browser.storage may say which of them
// sent the anonymous one: each user id appears in the same places for both.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enqueue, flush } from '../../extension/lib/outbox';
import { ensureReceiptKey } from '../../extension/lib/receipts';
import { storedSessionApi } from '../../extension/lib/session-api';
import { signOutStored } from '../../extension/lib/signout';
import { type StoredSession, sessionItem } from '../../extension/lib/storage';
import type { FlagCreate } from '../../shared/flags';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER } from '../extension/helpers';

const ANON: StoredSession = SESSION;
const NAMED: StoredSession = { ...SESSION, token: 'tok_named', user: { ...USER, id: 'user_nnnnnn' } };

function fakeApi() {
  const owners: Record<string, string> = { [ANON.token]: ANON.user.id, [NAMED.token]: NAMED.user.id };
  return vi.fn<typeof fetch>(async (url, init) => {
    const path = new URL(String(url)).pathname;
    const token = (init?.headers as Record<string, string>)?.Authorization?.replace('Bearer ', '') ?? '';
    const owner = owners[token] ?? '';
    if (path === '/v1/me/receipt-key') return json(200, { key: (owner === ANON.user.id ? 'a1' : 'b2').repeat(32) });
    if (path === '/v1/flags') return json(201, flagResponse(JSON.parse(String(init?.body)) as FlagCreate));
    return json(200, { ok: true });
  });
}

/** Every place (a path through the stored JSON: keys and values) where `needle` occurs. */
function placesOf(value: unknown, needle: string, path = ''): string[] {
  if (typeof value === 'string') return value.includes(needle) ? [`${path}=`] : [];
  if (Array.isArray(value)) return value.flatMap((v) => placesOf(v, needle, `${path}[]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => {
      const key = k.includes(needle) ? '<id>' : k;
      return [...(k.includes(needle) ? [`${path}.${key}`] : []), ...placesOf(v, needle, `${path}.${key}`)];
    });
  return [];
}

async function sendAndSignOut(session: StoredSession, fetchFn: typeof fetch, anonymous: boolean) {
  await sessionItem.setValue(session);
  const api = storedSessionApi(session, fetchFn, fakeBrowser);
  await ensureReceiptKey(api, session.user.id);
  const body = flagBody(anonymous ? { anonymous: true, receiptSecret: 'cd'.repeat(32) } : {});
  await enqueue({ kind: 'flag', body, userId: session.user.id });
  expect((await flush({ api, userId: session.user.id })).delivered).toEqual([body.clientId]);
  await signOutStored({ fetchFn, browser: fakeBrowser });
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});

describe('the workstation an anonymous flag was sent from', () => {
  it('does not keep, by user, anything only anonymous senders have', async () => {
    const fetchFn = fakeApi();
    await sendAndSignOut(ANON, fetchFn, true);
    await sendAndSignOut(NAMED, fetchFn, false);
    const all = {
      local: await fakeBrowser.storage.local.get(null),
      session: await fakeBrowser.storage.session.get(null),
      sync: await fakeBrowser.storage.sync.get(null),
    };
    expect(placesOf(all, ANON.user.id).sort()).toEqual(placesOf(all, NAMED.user.id).sort());
  });
});
