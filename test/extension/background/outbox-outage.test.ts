// The outbox through a long outage, driven the way the service worker drives it: the outbox alarm
// calls the background's flushStored() with the stored session, on a moved clock.
//
// Extension tests run in happy-dom, not workerd, so the API here is an in-test double: a failure layer
// (network errors, 503, 429 with Retry-After, responses lost after the server stored the item) in
// front of an in-memory server that keeps the worker's create-once rules — same clientId and body →
// 200 with the original, a different body → 422 idempotency_mismatch, unknown or expired token → 401,
// and token rotation past half-life. The worker's own rules are proven in workerd
// (test/worker/rights-writes.test.ts, rights-tokens.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FlagCreate } from '../../../shared/flags';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER, unlockedFor } from '../helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Failure = 'network' | 'lost_response' | { status: 503 } | { status: 429; retryAfter: number } | null;

const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
          .join(',')}}`
      : JSON.stringify(v);

/** The in-memory API: create-once by clientId, tokens that expire and rotate. */
function createServer(clock: () => number) {
  const tokens = new Map<string, { userId: string; createdAt: number; expiresAt: number }>();
  const flags = new Map<string, { hash: string; userId: string; response: unknown }>();
  let created = 0;
  let replayed = 0;
  let rotated = 0;
  const ttl = 90 * 24 * HOUR;

  function issue(userId: string, at = clock(), life = ttl) {
    const token = `tok_${crypto.randomUUID().replace(/-/g, '')}`;
    tokens.set(token, { userId, createdAt: at, expiresAt: at + life });
    return token;
  }

  async function handle(url: string, init: RequestInit | undefined): Promise<Response> {
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const token = auth.replace(/^Bearer /, '');
    const session = tokens.get(token);
    if (!session || session.expiresAt <= clock()) {
      return json(401, { error: { code: 'unauthorized', message: 'Your session has expired; sign in again' } });
    }
    const headers: Record<string, string> = {};
    if (clock() - session.createdAt >= ttl / 2) {
      // Past half its life: a new token rides back; the old one works five more minutes.
      const next = issue(session.userId);
      session.createdAt = Number.POSITIVE_INFINITY;
      session.expiresAt = Math.min(session.expiresAt, clock() + 5 * MINUTE);
      headers['X-Curbside-Token'] = next;
      headers['X-Curbside-Token-Expires'] = new Date(clock() + ttl).toISOString();
      rotated += 1;
    }
    if (url.endsWith('/v1/me/receipt-key')) return json(200, { key: 'cd'.repeat(32) }, headers);
    if (!url.endsWith('/v1/flags') || init?.method !== 'POST')
      return json(404, { error: { code: 'not_found', message: url } });
    const body = JSON.parse(String(init.body)) as FlagCreate;
    const hash = canonical(body);
    const stored = flags.get(body.clientId);
    if (stored) {
      if (stored.hash !== hash || stored.userId !== session.userId) {
        return json(422, { error: { code: 'idempotency_mismatch', message: 'Different item' } }, headers);
      }
      replayed += 1;
      return json(200, stored.response, headers);
    }
    const response = flagResponse(body, `flag_${String(flags.size).padStart(6, '0')}`);
    flags.set(body.clientId, { hash, userId: session.userId, response });
    created += 1;
    return json(201, response, headers);
  }

  return {
    issue,
    handle,
    flags,
    stats: () => ({ created, replayed, rotated }),
    expire: (token: string) => {
      const t = tokens.get(token);
      if (t) t.expiresAt = clock();
    },
  };
}

/** The failure layer: asks `plan` what happens to each request before the server sees it. */
function flakyFetch(server: ReturnType<typeof createServer>, plan: () => Failure) {
  let requests = 0;
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests += 1;
    const failure = plan();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure && failure !== 'lost_response' && failure.status === 503)
      return json(503, { error: { code: 'internal', message: 'Down for maintenance' } });
    if (failure && failure !== 'lost_response' && failure.status === 429)
      return json(
        429,
        { error: { code: 'rate_limited', message: 'Slow down' } },
        {
          'Retry-After': String(failure.retryAfter),
        },
      );
    const res = await server.handle(String(input), init);
    // The server stored it, but the answer never arrived: the retry must not make a second row.
    if (failure === 'lost_response') throw new TypeError('Connection reset');
    return res;
  }) as typeof fetch;
  return { fetchFn, requests: () => requests };
}

/** A fresh service worker: modules re-imported, so nothing survives but what is in storage. */
async function startServiceWorker() {
  vi.resetModules();
  const background = await import('../../../extension/background/setup');
  const storage = await import('../../../extension/lib/storage');
  const outbox = await import('../../../extension/lib/outbox');
  return { ...background, ...storage, ...outbox };
}

let now = T0;

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  now = T0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});

afterEach(() => vi.useRealTimers());

function tick(ms: number) {
  now += ms;
  vi.setSystemTime(now);
}

describe('outbox through an outage (background flush, fake browser, moved clock)', () => {
  it('delivers 1,000 items queued during a long outage exactly once, across a service worker restart', async () => {
    const server = createServer(() => now);
    let sw = await startServiceWorker();
    await sw.sessionItem.setValue({ ...SESSION, token: server.issue(USER.id) });
    // Signed in earlier: the user's key is in memory, as sign-in leaves it.
    await unlockedFor(USER.id);

    // Three hours down, then 20 minutes of 503, then 20 minutes of 429 asking for two minutes, then up
    // with one response in 25 lost after the server stored the item.
    const upAt = T0 + 3 * HOUR + 40 * MINUTE;
    let n = 0;
    const net = flakyFetch(server, () => {
      n += 1;
      if (now < T0 + 3 * HOUR) return 'network';
      if (now < T0 + 3 * HOUR + 20 * MINUTE) return { status: 503 };
      if (now < upAt) return { status: 429, retryAfter: 120 };
      return n % 25 === 0 ? 'lost_response' : null;
    });

    // The popup queues items and closes; the alarm fires every minute meanwhile.
    const queued: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const body = flagBody({ text: `Item ${i}: the order set hides the weight-based dose` });
      await sw.enqueue({ kind: 'flag', body, userId: USER.id }, now);
      queued.push(body.clientId);
      if (i % 50 === 49) {
        await sw.flushStored(net.fetchFn, fakeBrowser);
        tick(MINUTE);
      }
    }
    expect(await sw.outboxItem.getValue()).toHaveLength(1000);

    let restarted = false;
    for (let minute = 0; minute < 24 * 60 && (await sw.outboxItem.getValue()).length > 0; minute++) {
      await sw.flushStored(net.fetchFn, fakeBrowser);
      const pending = (await sw.outboxItem.getValue()).length;
      if (!restarted && now > upAt + MINUTE && pending > 0) {
        // The browser stops the service worker mid-delivery; a new one starts from storage alone.
        sw = await startServiceWorker();
        expect((await sw.outboxItem.getValue()).length).toBe(pending);
        restarted = true;
      }
      tick(MINUTE);
    }

    expect(restarted).toBe(true);
    expect(await sw.outboxItem.getValue()).toEqual([]);
    expect(await sw.needsAttentionItem.getValue()).toEqual([]);
    expect(server.flags.size).toBe(1000);
    expect([...server.flags.keys()].sort()).toEqual([...queued].sort());
    expect([...server.flags.values()].every((f) => f.userId === USER.id)).toBe(true);
    const { created, replayed } = server.stats();
    expect(created).toBe(1000);
    // Lost responses were retried and answered from the stored original, never stored twice.
    expect(replayed).toBeGreaterThan(0);
    expect(net.requests()).toBeGreaterThan(1000);
  }, 120_000);

  it('honours Retry-After: nothing is sent again before the server said so', async () => {
    const server = createServer(() => now);
    const sw = await startServiceWorker();
    await sw.sessionItem.setValue({ ...SESSION, token: server.issue(USER.id) });
    await unlockedFor(USER.id);
    const sentAt: number[] = [];
    const net = flakyFetch(server, () => {
      sentAt.push(now);
      return now < T0 + 10 * MINUTE ? { status: 429, retryAfter: 240 } : null;
    });
    await sw.enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, now);
    for (let i = 0; i < 30; i++) {
      await sw.flushStored(net.fetchFn, fakeBrowser);
      tick(MINUTE);
    }
    expect(server.flags.size).toBe(1);
    const gaps = sentAt.slice(1).map((t, i) => t - (sentAt[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(240_000);
  });

  it('waits through an expired token, asks for sign-in, and sends under the same user afterwards', async () => {
    const server = createServer(() => now);
    let sw = await startServiceWorker();
    const first = server.issue(USER.id);
    await sw.sessionItem.setValue({ ...SESSION, token: first });
    // Signed in earlier: the user's key is in memory, as sign-in leaves it.
    await unlockedFor(USER.id);
    const net = flakyFetch(server, () => null);
    server.expire(first);

    const bodies = Array.from({ length: 40 }, (_, i) => flagBody({ text: `Waiting item ${i}` }));
    for (const body of bodies) await sw.enqueue({ kind: 'flag', body, userId: USER.id }, now);
    for (let i = 0; i < 10; i++) {
      await sw.flushStored(net.fetchFn, fakeBrowser);
      tick(MINUTE);
    }
    expect(server.flags.size).toBe(0);
    expect(await sw.needsSignInItem.getValue()).toBe(true);
    expect(await sw.outboxItem.getValue()).toHaveLength(40);
    expect(await sw.needsAttentionItem.getValue()).toEqual([]);

    // Someone else signs in on this browser meanwhile: the first user's items are not theirs to send.
    await sw.sessionItem.setValue({
      ...SESSION,
      token: server.issue('user_bbbbbb'),
      user: { ...USER, id: 'user_bbbbbb', displayName: 'Other Person' },
    });
    await sw.flushStored(net.fetchFn, fakeBrowser);
    expect(server.flags.size).toBe(0);

    // The user signs in again (after a service worker restart): everything goes, under their id.
    sw = await startServiceWorker();
    await sw.sessionItem.setValue({ ...SESSION, token: server.issue(USER.id) });
    await sw.needsSignInItem.setValue(false);
    await sw.flushStored(net.fetchFn, fakeBrowser);
    expect(server.flags.size).toBe(40);
    expect([...server.flags.values()].every((f) => f.userId === USER.id)).toBe(true);
    expect(await sw.outboxItem.getValue()).toEqual([]);
  });

  it('keeps delivering when the token is rotated mid-flush, and stores the new token', async () => {
    const server = createServer(() => now);
    const sw = await startServiceWorker();
    // Issued 46 days ago: past half its 90-day life, so the first request rotates it.
    const old = server.issue(USER.id, now - 46 * 24 * HOUR);
    await sw.sessionItem.setValue({ ...SESSION, token: old });
    // Signed in earlier: the user's key is in memory, as sign-in leaves it.
    await unlockedFor(USER.id);
    let requests = 0;
    const net = flakyFetch(server, () => {
      requests += 1;
      // The flush is slow: by the 20th request the old token's five-minute grace is over.
      if (requests === 20) tick(10 * MINUTE);
      return null;
    });
    for (let i = 0; i < 50; i++) await sw.enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, now);
    await sw.flushStored(net.fetchFn, fakeBrowser);

    expect(server.flags.size).toBe(50);
    expect(server.stats().rotated).toBe(1);
    const stored = await sw.sessionItem.getValue();
    expect(stored?.token).not.toBe(old);
    expect(stored?.token).toMatch(/^tok_/);
    expect(await sw.needsSignInItem.getValue()).toBe(false);
  });
});
