// The finer cases of issue 13 §8 behind the day-long flows in secrets-at-rest.ext.test.tsx: who can
// open what, what happens while the key is not in memory, and what an earlier version left in the
// clear. All against WXT's fake browser storage, with a stand-in API that hands out keys per user.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDrafts, saveDraft } from '../../extension/lib/draft-store';
import type { FlagDraft } from '../../extension/lib/drafts';
import { forgetOwnLayers, readLayered, updateLayered } from '../../extension/lib/layers';
import { enqueue, flush, openItem } from '../../extension/lib/outbox';
import { ensureReceiptKey, readReceipts, seal } from '../../extension/lib/receipts';
import { storedSessionApi } from '../../extension/lib/session-api';
import { signOutStored } from '../../extension/lib/signout';
import {
  draftsItem,
  inboxDraftsItem,
  needsAttentionItem,
  needsSignInItem,
  outboxItem,
  receiptKeyItem,
  receiptsItem,
  type StoredSession,
  sealedReceiptsItem,
  sessionItem,
  userKeysItem,
} from '../../extension/lib/storage';
import { openerFor, sealFor } from '../../extension/lib/vault';
import type { FlagCreate } from '../../shared/flags';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER } from '../extension/helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const NEXT: StoredSession = { ...SESSION, token: 'tok_next', user: { ...USER, id: 'user_bbbbbb' } };

/** Keys by user, handed out by token (as the worker does); can go offline or refuse the token. */
function fakeApi() {
  const owners: Record<string, string> = { [SESSION.token]: USER.id, tok_sam_2: USER.id, [NEXT.token]: NEXT.user.id };
  const keys: Record<string, string> = { [USER.id]: 'a1'.repeat(32), [NEXT.user.id]: 'b2'.repeat(32) };
  const state = { online: true, expired: new Set<string>() };
  const flags: Array<{ body: FlagCreate; token: string }> = [];
  const fetchFn = vi.fn<typeof fetch>(async (url, init) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const path = new URL(String(url)).pathname;
    const token = (init?.headers as Record<string, string>)?.Authorization?.replace('Bearer ', '') ?? '';
    const owner = owners[token];
    if (!owner || state.expired.has(token)) return json(401, { error: { code: 'unauthorized', message: 'Sign in' } });
    if (path === '/v1/me/receipt-key') return json(200, { key: keys[owner] });
    if (path === '/v1/flags') {
      const body = JSON.parse(String(init?.body)) as FlagCreate;
      flags.push({ body, token });
      return json(201, flagResponse(body));
    }
    return json(200, { ok: true });
  });
  return { fetchFn, state, flags };
}

async function signIn(session: StoredSession, server: ReturnType<typeof fakeApi>) {
  await sessionItem.setValue(session);
  await ensureReceiptKey(storedSessionApi(session, server.fetchFn, fakeBrowser), session.user.id);
}

const disk = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});

describe('who can open what', () => {
  it('opens a user’s items only while their key is in memory, and never as another user', async () => {
    const server = fakeApi();
    await signIn(SESSION, server);
    const body = flagBody({ text: 'Sam’s pump flag' });
    const [queued] = [await enqueue({ kind: 'flag', body, userId: USER.id }, T0)];
    if (!queued) throw new Error('not queued');
    expect((await openItem(await openerFor(USER.id), queued))?.body).toEqual(body);

    // The private half on disk is itself sealed with the server's key: disk alone opens nothing.
    expect(await disk()).not.toContain('a1a1');
    expect(JSON.stringify(await userKeysItem.getValue())).not.toMatch(/MIG|BEGIN/);

    // Sam signs out offline: the item waits, and no one on this device can open it.
    server.state.online = false;
    await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser });
    expect(await receiptKeyItem.getValue()).toBeNull();
    expect(await openerFor(USER.id)).toBeNull();

    // The next person signs in: their key opens their own things, not Sam's, not even passed off as theirs.
    server.state.online = true;
    await signIn(NEXT, server);
    expect(await openerFor(USER.id)).toBeNull();
    const theirs = await openerFor(NEXT.user.id);
    expect(await openItem(theirs, queued)).toBeNull();
    expect(await openItem(theirs, { ...queued, userId: NEXT.user.id })).toBeNull();
    await flush({ api: storedSessionApi(NEXT, server.fetchFn, fakeBrowser), now: T0, userId: NEXT.user.id });
    expect(server.flags).toEqual([]);

    // Sam returns with a new token: the server hands back the same key, and the item goes, as Sam's.
    await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser });
    const again = { ...SESSION, token: 'tok_sam_2' };
    await signIn(again, server);
    await flush({ api: storedSessionApi(again, server.fetchFn, fakeBrowser), now: T0 + 3_600_000, userId: USER.id });
    expect(server.flags.map((f) => [f.body.text, f.token])).toEqual([['Sam’s pump flag', 'tok_sam_2']]);
  });

  it('seals while the key is not in memory (browser restarted, offline), and opens once it is back', async () => {
    const server = fakeApi();
    await signIn(SESSION, server);
    await fakeBrowser.storage.session.clear();
    server.state.online = false;
    const body = flagBody({ anonymous: true, receiptSecret: 'ab'.repeat(32), text: 'Written offline' });
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    expect(await disk()).not.toContain('Written offline');
    expect(await disk()).not.toContain('ab'.repeat(32));
    const result = await flush({
      api: storedSessionApi(SESSION, server.fetchFn, fakeBrowser),
      now: T0,
      userId: USER.id,
    });
    expect(result.failed).toHaveLength(1);
    expect(await outboxItem.getValue()).toHaveLength(1);

    server.state.online = true;
    await flush({ api: storedSessionApi(SESSION, server.fetchFn, fakeBrowser), now: T0 + 3_600_000, userId: USER.id });
    expect(server.flags.map((f) => f.body)).toEqual([body]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('waits for sign-in, keeping everything, when the token no longer fetches the key', async () => {
    const server = fakeApi();
    await signIn(SESSION, server);
    await enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, T0);
    await fakeBrowser.storage.session.clear();
    server.state.expired.add(SESSION.token);
    const result = await flush({
      api: storedSessionApi(SESSION, server.fetchFn, fakeBrowser),
      now: T0,
      userId: USER.id,
    });
    expect(result.needsSignIn).toBe(true);
    expect(await needsSignInItem.getValue()).toBe(true);
    expect(await outboxItem.getValue()).toHaveLength(1);
  });
});

const draft = (text: string) => ({ text, anonymous: false }) as FlagDraft;

describe('drafts while the key is not in memory', () => {
  it('never overwrites a draft it cannot open, and merges once the key is back', async () => {
    const server = fakeApi();
    await signIn(SESSION, server);
    await saveDraft('flag', draft('Before the restart'));
    const key = await receiptKeyItem.getValue();

    // Restarted, offline: the earlier draft is sealed out of reach; a new one is written beside it.
    await receiptKeyItem.setValue(null);
    forgetOwnLayers(); // a popup opened afresh
    expect(await loadDrafts()).toMatchObject({ locked: true, drafts: { view: null } });
    await saveDraft('ask', { text: 'Typed after the restart' } as never);
    await saveDraft('ask', { text: 'Typed after the restart, edited' } as never);
    expect(await disk()).not.toContain('restart');
    expect((await draftsItem.getValue()).layers).toHaveLength(2);

    // Online again: both are there.
    await receiptKeyItem.setValue(key);
    const { drafts, locked } = await loadDrafts();
    expect(locked).toBe(false);
    expect(drafts.flag?.text).toBe('Before the restart');
    expect(drafts.ask?.text).toBe('Typed after the restart, edited');
  });

  it('keeps the older of two conflicting drafts and brings it back when the newer is cleared', async () => {
    const server = fakeApi();
    await signIn(SESSION, server);
    const userId = USER.id;
    const older = await updateLayered('t', null, userId, () => ({ flag: 'older' }));
    const key = await receiptKeyItem.getValue();
    await receiptKeyItem.setValue(null);
    forgetOwnLayers();
    const both = await updateLayered('t', older, userId, () => ({ flag: 'newer' }));
    forgetOwnLayers();
    await receiptKeyItem.setValue(key);
    expect((await readLayered('t', both, userId)).entries).toEqual({ flag: 'newer' });
    const cleared = await updateLayered('t', both, userId, ({ flag: _gone, ...rest }) => rest);
    expect((await readLayered('t', cleared, userId)).entries).toEqual({ flag: 'older' });
  });

  it('are not written back after sign-out by a page still open', async () => {
    const server = fakeApi();
    await signIn(SESSION, server);
    await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser });
    await saveDraft('flag', draft('Typed in a popup left open'));
    expect(await draftsItem.getValue()).toEqual({ view: null });
  });
});

describe('what an earlier version left in the clear', () => {
  it('is sealed when the user’s key arrives, and still sent', async () => {
    const server = fakeApi();
    const plain = flagBody({ text: 'Queued by the old version', anonymous: true, receiptSecret: 'cd'.repeat(32) });
    const refused = flagBody({ text: 'Refused under the old version' });
    const item = (body: FlagCreate) => ({
      kind: 'flag',
      body,
      userId: USER.id,
      clientId: body.clientId,
      attempts: 0,
      nextAttemptAt: T0,
      createdAt: T0,
    });
    await outboxItem.setValue([item(plain)] as never);
    await needsAttentionItem.setValue([
      { item: item(refused), reason: 'Looks like a name', code: 'identifiers_found', at: T0 },
    ] as never);
    await draftsItem.setValue({ view: 'flag', flag: draft('Old draft'), talk: 'Old talk' } as never);
    await inboxDraftsItem.setValue({ q_000001: { answer: 'Old answer' } } as never);
    const oldReceipt = { clientId: 'c1', secret: 'ef'.repeat(32), createdAt: T0, textPreview: 'Old', userId: USER.id };
    await receiptsItem.setValue([oldReceipt]);
    await sessionItem.setValue(SESSION);

    await flush({ api: storedSessionApi(SESSION, server.fetchFn, fakeBrowser), now: T0, userId: USER.id });
    expect(server.flags.map((f) => f.body)).toEqual([plain]);
    const stored = await disk();
    for (const text of ['Old draft', 'Old talk', 'Old answer', 'old version', 'cd'.repeat(32), 'ef'.repeat(32)])
      expect(stored).not.toContain(text);
    expect((await loadDrafts()).drafts).toMatchObject({ view: 'flag', flag: { text: 'Old draft' }, talk: 'Old talk' });
    const open = await openerFor(USER.id);
    const [attention] = await needsAttentionItem.getValue();
    expect(attention && (await openItem(open, attention.item))?.body).toEqual(refused);
    const inbox = await inboxDraftsItem.getValue();
    expect((await readLayered('inbox', inbox, USER.id)).entries).toEqual({ 'q_000001:answer': 'Old answer' });
    expect(await readReceipts(USER.id)).toContainEqual(oldReceipt);
  });

  it('moves sealed receipts kept under the user id to a label only their key gives', async () => {
    const server = fakeApi();
    const receipt = { clientId: 'c2', secret: 'ef'.repeat(32), createdAt: T0, textPreview: 'x', userId: USER.id };
    await sealedReceiptsItem.setValue({ [USER.id]: await seal('a1'.repeat(32), USER.id, [receipt]) });
    await signIn(SESSION, server);
    expect(await readReceipts(USER.id)).toEqual([receipt]);
    expect(Object.keys(await sealedReceiptsItem.getValue())).not.toContain(USER.id);
  });

  it('is sealed for the user whose key had not reached the device yet, as soon as it does', async () => {
    const server = fakeApi();
    await sessionItem.setValue(SESSION);
    // No key ever fetched on this device (signed in by an older version, offline since).
    await enqueue({ kind: 'flag', body: flagBody({ text: 'Before any key' }), userId: USER.id }, T0);
    await ensureReceiptKey(storedSessionApi(SESSION, server.fetchFn, fakeBrowser), USER.id);
    expect(await disk()).not.toContain('Before any key');
    const [queued] = await outboxItem.getValue();
    const opened = queued && (await openItem(await openerFor(USER.id), queued));
    expect(opened?.kind === 'flag' ? opened.body.text : null).toBe('Before any key');
    expect(await sealFor(USER.id, 'x')).toHaveProperty('epk');
  });
});
