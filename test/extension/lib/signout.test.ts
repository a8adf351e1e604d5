import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OUTBOX_ALARM, setupBackground } from '../../../extension/background/setup';
import { enqueue, flush } from '../../../extension/lib/outbox';
import { ensureReceiptKey } from '../../../extension/lib/receipts';
import { storedSessionApi } from '../../../extension/lib/session-api';
import { idleSignOutIfDue, signOutStored, takeIdleNotice, trackActivity } from '../../../extension/lib/signout';
import {
  draftsItem,
  idleNoticeItem,
  itemsCacheItem,
  lastActiveItem,
  needsAttentionItem,
  orgIdleMinutesItem,
  outboxItem,
  type StoredSession,
  sessionItem,
} from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER } from '../helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const MIN = 60_000;

const OTHER: StoredSession = {
  ...SESSION,
  token: 'tok_next',
  user: { ...USER, id: 'user_bbbbbb', displayName: 'Next Person' },
};

/** A stand-in API that records who sent what, and can go offline. */
function fakeApi() {
  const calls: { method: string; path: string; token: string | null; body: { clientId?: string } | null }[] = [];
  const state = { online: true, refuse: new Set<string>() };
  const fetchFn = vi.fn<typeof fetch>(async (url, init) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const path = new URL(String(url)).pathname;
    const method = init?.method ?? 'GET';
    const token = (init?.headers as Record<string, string>)?.Authorization?.replace('Bearer ', '') ?? null;
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    calls.push({ method, path, token, body });
    if (path === '/v1/flags' && body && state.refuse.has(body.clientId))
      return json(422, { error: { code: 'identifiers_found', message: 'Looks like a name' } });
    if (path === '/v1/flags') return json(201, flagResponse(body));
    if (path === '/v1/auth/logout') return json(200, { ok: true });
    if (path === '/v1/me/receipt-key') return json(200, { key: (token === OTHER.token ? 'b' : 'a').repeat(64) });
    return json(404, { error: { code: 'not_found', message: 'No such route' } });
  });
  const sent = (path = '/v1/flags') => calls.filter((c) => c.path === path);
  return { fetchFn, calls, state, sent };
}

/** As the popup signs in: the session stored, the user's key fetched (it seals what they write). */
async function signInAs(session: StoredSession, at: number, server: ReturnType<typeof fakeApi>) {
  await sessionItem.setValue(session);
  await lastActiveItem.setValue(at);
  await ensureReceiptKey(storedSessionApi(session, server.fetchFn, fakeBrowser), session.user.id);
}

describe('sign-out on a shared workstation', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });

  it('sends the user’s queued items with their own token before revoking it, then clears their data', async () => {
    const server = fakeApi();
    await signInAs(SESSION, T0, server);
    const a = flagBody();
    await enqueue({ kind: 'flag', body: a, userId: USER.id }, T0);
    // A retry scheduled for later still goes now: sign-out is the last chance with this token.
    await outboxItem.setValue((await outboxItem.getValue()).map((i) => ({ ...i, nextAttemptAt: T0 + 30 * MIN })));
    await draftsItem.setValue({ view: 'flag', flag: { text: 'half-typed' } } as never);
    await itemsCacheItem.setValue({ userId: USER.id } as never);
    const notice = { type: 'basic' as const, iconUrl: '', title: 'A flag you sent was updated', message: 'x' };
    await fakeBrowser.notifications.create('items|flag_anon01|status:flag_anon01:resolved', notice);

    const result = await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser });

    expect(result).toEqual({ waiting: 0, needsAttention: 0 });
    expect(server.calls.filter((c) => c.path !== '/v1/me/receipt-key').map((c) => [c.path, c.token])).toEqual([
      ['/v1/flags', SESSION.token],
      ['/v1/auth/logout', SESSION.token],
    ]);
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await sessionItem.getValue()).toBeNull();
    expect(await draftsItem.getValue()).toEqual({ view: null });
    expect(await itemsCacheItem.getValue()).toBeNull();
    // What was notified about their items leaves the screen with them.
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('moves a refused item to "needs attention" for that user only', async () => {
    const server = fakeApi();
    await signInAs(SESSION, T0, server);
    const bad = flagBody();
    server.state.refuse.add(bad.clientId);
    await enqueue({ kind: 'flag', body: bad, userId: USER.id }, T0);

    expect(await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser })).toEqual({
      waiting: 0,
      needsAttention: 1,
    });
    expect((await needsAttentionItem.getValue()).map((x) => x.item.userId)).toEqual([USER.id]);
  });

  it('offline: keeps the items for that user, never sends them under the next user’s token, sends them when the user returns', async () => {
    const server = fakeApi();
    await signInAs(SESSION, T0, server);
    const mine = flagBody({ text: 'Sam’s flag' });
    await enqueue({ kind: 'flag', body: mine, userId: USER.id }, T0);
    server.state.online = false;

    expect(await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser })).toEqual({
      waiting: 1,
      needsAttention: 0,
    });
    expect(await sessionItem.getValue()).toBeNull();
    expect((await outboxItem.getValue()).map((i) => [i.clientId, i.userId])).toEqual([[mine.clientId, USER.id]]);

    // The next person signs in, online, and their outbox runs: Sam's item stays put.
    server.state.online = true;
    await signInAs(OTHER, T0 + MIN, server);
    const theirs = flagBody({ text: 'Next person’s flag' });
    await enqueue({ kind: 'flag', body: theirs, userId: OTHER.user.id }, T0 + MIN);
    await flush({
      api: storedSessionApi(OTHER, server.fetchFn, fakeBrowser),
      now: T0 + 2 * MIN,
      userId: OTHER.user.id,
    });
    expect(server.sent().map((c) => [c.body?.clientId, c.token])).toEqual([[theirs.clientId, OTHER.token]]);
    expect((await outboxItem.getValue()).map((i) => i.clientId)).toEqual([mine.clientId]);
    await signOutStored({ fetchFn: server.fetchFn, now: T0 + 3 * MIN, browser: fakeBrowser });

    // Sam comes back: the item goes, with Sam's new token.
    const back = { ...SESSION, token: 'tok_sam_again' };
    await signInAs(back, T0 + 4 * MIN, server);
    await flush({ api: storedSessionApi(back, server.fetchFn, fakeBrowser), now: T0 + 4 * MIN, userId: USER.id });
    expect(server.sent().map((c) => [c.body?.clientId, c.token])).toEqual([
      [theirs.clientId, OTHER.token],
      [mine.clientId, 'tok_sam_again'],
    ]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('does nothing when no one is signed in', async () => {
    const server = fakeApi();
    expect(await signOutStored({ fetchFn: server.fetchFn, now: T0, browser: fakeBrowser })).toBeNull();
    expect(server.calls).toEqual([]);
  });
});

describe('idle sign-out from the background alarm', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });

  function startBackground(server: ReturnType<typeof fakeApi>, clock: { now: number }) {
    const flushNow = vi.fn(async () => null);
    const contextMenus = { create: vi.fn(), onClicked: { addListener: vi.fn() } };
    const b = { runtime: fakeBrowser.runtime, alarms: fakeBrowser.alarms, contextMenus, action: fakeBrowser.action };
    setupBackground(b as never, flushNow, () =>
      idleSignOutIfDue({ fetchFn: server.fetchFn, now: clock.now, browser: fakeBrowser, managed: undefined }),
    );
    return { tick: () => fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM } as never), flushNow };
  }

  it('signs out after the organisation’s idle minutes, sending queued items first', async () => {
    const server = fakeApi();
    const clock = { now: T0 };
    await orgIdleMinutesItem.setValue(15);
    await signInAs(SESSION, T0, server);
    const queued = flagBody();
    await enqueue({ kind: 'flag', body: queued, userId: USER.id }, T0);
    server.state.online = false; // offline for a while: the item waits
    const bg = startBackground(server, clock);

    clock.now = T0 + 14 * MIN;
    await bg.tick();
    expect(await sessionItem.getValue()).not.toBeNull();

    server.state.online = true;
    clock.now = T0 + 15 * MIN;
    await bg.tick();
    expect(await sessionItem.getValue()).toBeNull();
    expect(server.sent().map((c) => [c.body?.clientId, c.token])).toEqual([[queued.clientId, SESSION.token]]);
    expect(server.calls.at(-1)?.path).toBe('/v1/auth/logout');
    expect(await takeIdleNotice()).toBe(true);
    expect(await takeIdleNotice()).toBe(false);
  });

  it('keeps the session while the user is active, and never when idle sign-out is off', async () => {
    const server = fakeApi();
    const clock = { now: T0 };
    await orgIdleMinutesItem.setValue(10);
    await signInAs(SESSION, T0, server);
    const bg = startBackground(server, clock);
    const touch = trackActivity(document, () => clock.now);

    clock.now = T0 + 8 * MIN;
    await touch(); // typing in the popup
    clock.now = T0 + 17 * MIN;
    await bg.tick();
    expect(await sessionItem.getValue()).not.toBeNull();

    await orgIdleMinutesItem.setValue(0);
    clock.now = T0 + 600 * MIN;
    await bg.tick();
    expect(await sessionItem.getValue()).not.toBeNull();
    expect(await idleNoticeItem.getValue()).toBe(false);
  });

  it('uses the stricter of IT policy and organisation setting', async () => {
    const server = fakeApi();
    await orgIdleMinutesItem.setValue(60);
    await signInAs(SESSION, T0, server);
    const managed = { get: async () => ({ idleSignOutMinutes: 5 }) };
    expect(
      await idleSignOutIfDue({ fetchFn: server.fetchFn, now: T0 + 4 * MIN, browser: fakeBrowser, managed }),
    ).toBeNull();
    expect(
      await idleSignOutIfDue({ fetchFn: server.fetchFn, now: T0 + 5 * MIN, browser: fakeBrowser, managed }),
    ).toEqual({ waiting: 0, needsAttention: 0 });
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('does not let activity revive a session already past its limit', async () => {
    const server = fakeApi();
    const clock = { now: T0 };
    await orgIdleMinutesItem.setValue(10);
    await signInAs(SESSION, T0, server);
    const touch = trackActivity(document, () => clock.now);
    clock.now = T0 + 11 * MIN;
    await touch();
    expect(await lastActiveItem.getValue()).toBe(T0);
  });
});
