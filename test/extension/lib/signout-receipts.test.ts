import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enqueue, flush } from '../../../extension/lib/outbox';
import { ensureReceiptKey, readReceipts, unseal } from '../../../extension/lib/receipts';
import { storedSessionApi } from '../../../extension/lib/session-api';
import { signOutStored } from '../../../extension/lib/signout';
import {
  type Receipt,
  receiptKeyItem,
  receiptsItem,
  type StoredSession,
  sealedReceiptsItem,
  sessionItem,
} from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER } from '../helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const SECRET = 'c'.repeat(64);
const NEXT: StoredSession = { ...SESSION, token: 'tok_next', user: { ...USER, id: 'user_bbbbbb' } };

/** Keys by user, handed out by token, as the worker does; records what was asked. */
function fakeApi() {
  const keys: Record<string, string> = { [USER.id]: 'a1'.repeat(32), [NEXT.user.id]: 'b2'.repeat(32) };
  const owners: Record<string, string> = {
    [SESSION.token]: USER.id,
    tok_sam_again: USER.id,
    [NEXT.token]: NEXT.user.id,
  };
  const state = { online: true };
  const bodies: string[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (url, init) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const path = new URL(String(url)).pathname;
    const token = (init?.headers as Record<string, string>)?.Authorization?.replace('Bearer ', '') ?? '';
    if (init?.body) bodies.push(String(init.body));
    const owner = owners[token];
    if (!owner) return json(401, { error: { code: 'unauthorized', message: 'Sign in' } });
    if (path === '/v1/me/receipt-key') return json(200, { key: keys[owner] });
    if (path === '/v1/flags') return json(201, flagResponse(JSON.parse(String(init?.body))));
    return json(200, { ok: true });
  });
  return { fetchFn, state, bodies };
}

async function storedText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('anonymous receipts on a shared workstation', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });

  async function sendAnonymous(server: ReturnType<typeof fakeApi>) {
    await sessionItem.setValue(SESSION);
    const body = flagBody({ anonymous: true, receiptSecret: SECRET, text: 'Pump library is out of date' });
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    const result = await flush({
      api: storedSessionApi(SESSION, server.fetchFn, fakeBrowser),
      now: T0,
      userId: USER.id,
    });
    expect(result.delivered).toEqual([body.clientId]);
    return body;
  }

  it('keeps receipts sealed on the device: no secret or preview in storage, and the key never sent anywhere', async () => {
    const server = fakeApi();
    const body = await sendAnonymous(server);
    const local = await storedText();
    expect(local).not.toContain(SECRET);
    expect(local).not.toContain('Pump library');
    expect((await readReceipts(USER.id))?.map((r) => [r.clientId, r.secret])).toEqual([[body.clientId, SECRET]]);
    // What went over the wire: the flag only (the receipt's ciphertext never leaves the browser).
    expect(server.bodies).toHaveLength(1);
    expect(server.bodies.join()).not.toContain('a1a1');
    expect(server.bodies.join()).not.toContain(
      JSON.stringify(Object.values(await sealedReceiptsItem.getValue())[0]?.data),
    );
  });

  it('cannot be read after sign-out, nor by the next user; is readable again when the same user signs back in', async () => {
    const server = fakeApi();
    const body = await sendAnonymous(server);
    await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser });

    expect(await receiptKeyItem.getValue()).toBeNull();
    expect(await readReceipts(USER.id)).toBeNull();
    expect(await storedText()).not.toContain(SECRET);

    // The next person signs in and gets their own key: Sam's box does not open with it.
    await sessionItem.setValue(NEXT);
    const nextKey = await ensureReceiptKey(storedSessionApi(NEXT, server.fetchFn, fakeBrowser), NEXT.user.id);
    expect(await readReceipts(NEXT.user.id)).toEqual([]);
    expect(await readReceipts(USER.id)).toBeNull();
    // Sam's is the only box (stored under a label only Sam's key gives, not Sam's id).
    const [samsBox, ...others] = Object.values(await sealedReceiptsItem.getValue());
    expect(others).toEqual([]);
    if (!samsBox) throw new Error('no sealed receipts');
    await expect(unseal(nextKey, USER.id, samsBox)).rejects.toThrow();
    await expect(unseal(nextKey, NEXT.user.id, samsBox)).rejects.toThrow();
    await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser });

    // Sam signs in again (a new token): the server hands back Sam's key, and the receipt opens.
    const again = { ...SESSION, token: 'tok_sam_again' };
    await sessionItem.setValue(again);
    await ensureReceiptKey(storedSessionApi(again, server.fetchFn, fakeBrowser), USER.id);
    expect((await readReceipts(USER.id))?.map((r) => [r.clientId, r.secret])).toEqual([[body.clientId, SECRET]]);
  });

  it('does not send an anonymous flag while its receipt key cannot be fetched, and loses nothing', async () => {
    const server = fakeApi();
    await sessionItem.setValue(SESSION);
    const body = flagBody({ anonymous: true, receiptSecret: SECRET });
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    server.state.online = false;
    const result = await flush({
      api: storedSessionApi(SESSION, server.fetchFn, fakeBrowser),
      now: T0,
      userId: USER.id,
    });
    expect(result.failed).toEqual([body.clientId]);
    expect(server.bodies).toEqual([]);
  });

  it('seals receipts an earlier version stored in plain text, and drops the plain copy', async () => {
    const server = fakeApi();
    const legacy: Receipt = {
      clientId: crypto.randomUUID(),
      secret: SECRET,
      createdAt: T0,
      textPreview: 'Old',
      userId: USER.id,
    };
    const someoneElse: Receipt = { ...legacy, clientId: crypto.randomUUID(), userId: NEXT.user.id };
    await receiptsItem.setValue([legacy, someoneElse]);
    await sessionItem.setValue(SESSION);
    await ensureReceiptKey(storedSessionApi(SESSION, server.fetchFn, fakeBrowser), USER.id);
    expect(await readReceipts(USER.id)).toEqual([legacy]);
    expect(await receiptsItem.getValue()).toEqual([someoneElse]);
  });
});
