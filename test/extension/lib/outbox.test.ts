import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApi } from '../../../extension/lib/api';
import { backoffMs, enqueue, flush, openAttentionFor } from '../../../extension/lib/outbox';
import { readReceipts } from '../../../extension/lib/receipts';
import { needsAttentionItem, needsSignInItem, outboxItem } from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, USER, unlockedFor, withReceiptKey } from '../helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');

/** The user's receipt key is answered as the worker answers it; `fetchFn` sees everything else. */
function apiWith(fetchFn: typeof fetch) {
  return createApi({
    baseUrl: 'http://api.test',
    getToken: () => 'tok',
    fetchFn: withReceiptKey(fetchFn),
    version: '0.1.0',
  });
}

/** A server that answers from a script of responses, then 201 with the created flag. */
function scriptedServer(script: Array<() => Response>) {
  const bodies: Array<{ clientId: string }> = [];
  const fetchFn = vi.fn<typeof fetch>(async (_url, init) => {
    const body = JSON.parse(String(init?.body));
    bodies.push(body);
    const next = script.shift();
    return next ? next() : json(201, flagResponse(body));
  });
  return { fetchFn, bodies };
}

describe('outbox', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await unlockedFor(USER.id);
  });

  it('keeps retrying through offline, 503 and 429 (honouring Retry-After) and delivers once with the same clientId', async () => {
    const body = flagBody();
    const server = scriptedServer([
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(503, { error: { code: 'internal', message: 'Down' } }),
      () => json(429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'Retry-After': '300' }),
    ]);
    const api = apiWith(server.fetchFn);
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);

    const sent: string[] = [];
    const attemptTimes: number[] = [];
    // Flush every 10 s for an hour (the clock moves, nothing sleeps): only due items go out.
    for (let now = T0; now < T0 + 3_600_000; now += 10_000) {
      const calls = server.fetchFn.mock.calls.length;
      sent.push(...(await flush({ api, now, userId: USER.id })).delivered);
      if (server.fetchFn.mock.calls.length > calls) attemptTimes.push(now - T0);
    }

    expect(sent).toEqual([body.clientId]);
    expect(server.fetchFn).toHaveBeenCalledTimes(4);
    expect(new Set(server.bodies.map((b) => b.clientId))).toEqual(new Set([body.clientId]));
    expect(await outboxItem.getValue()).toEqual([]);
    // Backoff 30 s after the network error, 60 s after the 503, then the server's Retry-After of 300 s.
    expect(attemptTimes).toEqual([0, 30_000, 90_000, 390_000]);
  });

  it('schedules the next attempt from the backoff and the Retry-After header', async () => {
    const api = apiWith(async () =>
      json(429, { error: { code: 'rate_limited', message: 'Slow' } }, { 'Retry-After': '90' }),
    );
    await enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, T0);
    await flush({ api, now: T0, userId: USER.id });
    const [item] = await outboxItem.getValue();
    expect(item).toMatchObject({ attempts: 1, nextAttemptAt: T0 + 90_000, lastError: 'Slow' });

    const down = apiWith(async () => {
      throw new TypeError('offline');
    });
    await flush({ api: down, now: T0 + 90_000, userId: USER.id });
    expect((await outboxItem.getValue())[0]).toMatchObject({ attempts: 2, nextAttemptAt: T0 + 90_000 + backoffMs(2) });
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(20)).toBe(30 * 60_000);
  });

  it('moves a 422 to needs attention with the spans the server found', async () => {
    const details = { field: 'text', spans: [{ start: 0, end: 10, kind: 'name' }] };
    const api = apiWith(async () =>
      json(422, { error: { code: 'identifiers_found', message: 'The text looks like it names someone', details } }),
    );
    const body = flagBody();
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    const result = await flush({ api, now: T0, userId: USER.id });
    expect(result.needsAttention).toEqual([body.clientId]);
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await needsAttentionItem.getValue()).toHaveLength(1);
    // Stored sealed (the reason may quote the text); opened with the user's key.
    expect(await openAttentionFor(USER.id)).toEqual({
      [body.clientId]: {
        item: expect.objectContaining({ clientId: body.clientId, body }),
        reason: 'The text looks like it names someone',
        code: 'identifiers_found',
        details,
        at: T0,
      },
    });
  });

  it('keeps items on 401 and asks for sign-in', async () => {
    const api = apiWith(async () => json(401, { error: { code: 'unauthorized', message: 'Session expired' } }));
    await enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, T0);
    await enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, T0 + 1);
    const result = await flush({ api, now: T0 + 1, userId: USER.id });
    expect(result.needsSignIn).toBe(true);
    expect(await needsSignInItem.getValue()).toBe(true);
    expect(await outboxItem.getValue()).toHaveLength(2);
  });

  it('sends only the signed-in user’s items', async () => {
    const fetchFn = vi.fn<typeof fetch>(async (_u, init) => json(201, flagResponse(JSON.parse(String(init?.body)))));
    const mine = flagBody();
    const theirs = flagBody();
    await enqueue({ kind: 'flag', body: theirs, userId: 'user_bbbbbb' }, T0);
    await enqueue({ kind: 'flag', body: mine, userId: USER.id }, T0);
    const result = await flush({ api: apiWith(fetchFn), now: T0, userId: USER.id });
    expect(result.delivered).toEqual([mine.clientId]);
    expect((await outboxItem.getValue()).map((i) => i.clientId)).toEqual([theirs.clientId]);
  });

  it('records a receipt for an anonymous flag once it is delivered', async () => {
    const fetchFn = vi.fn<typeof fetch>(async (_u, init) => json(201, flagResponse(JSON.parse(String(init?.body)))));
    const secret = 'ab'.repeat(32);
    const body = flagBody({ anonymous: true, receiptSecret: secret });
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    await flush({ api: apiWith(fetchFn), now: T0, userId: USER.id });
    // Sealed with the user's key (lib/receipts.ts); read back through it.
    expect(await readReceipts(USER.id)).toEqual([
      { clientId: body.clientId, secret, createdAt: T0, textPreview: body.text, userId: USER.id },
    ]);
  });

  it('counts a 2xx it cannot parse as delivered: the server stored it, a resend would not help', async () => {
    const api = apiWith(async () => json(201, { unexpected: true }));
    const body = flagBody();
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    expect((await flush({ api, now: T0, userId: USER.id })).delivered).toEqual([body.clientId]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('does nothing when nobody is signed in', async () => {
    const fetchFn = vi.fn<typeof fetch>();
    await enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, T0);
    expect((await flush({ api: apiWith(fetchFn), now: T0 })).delivered).toEqual([]);
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
