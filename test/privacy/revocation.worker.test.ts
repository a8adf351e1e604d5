import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedSession, SESSION_CACHE_MS } from '../../worker/db/session-cache';
import { revokeToken } from '../../worker/db/tokens';
import { findSession } from '../../worker/db/users';
import { DAY, resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, expectError, sha256Hex } from '../worker/helpers';

// Issue 13 §9. The test module and the worker behind SELF share one module graph (and so one session
// cache and one clock), as one isolate would.
afterEach(() => resetClock());

const TTL = 90 * DAY;
const me = (token: string) => api('/v1/me', { token });

/** A token past half its life, used once: the response hands back its rotated twin. */
async function rotatedPair(): Promise<{ old: string; fresh: string }> {
  const start = Date.now();
  setClock(() => start);
  const s = await enroll();
  setClock(() => start + TTL / 2 + DAY);
  const res = await me(s.token);
  expect(res.status).toBe(200);
  const fresh = res.headers.get('X-Curbside-Token') ?? '';
  expect(fresh).toMatch(/^[0-9a-f]{64}$/);
  // Both halves work inside the rotation grace.
  expect((await me(s.token)).status).toBe(200);
  expect((await me(fresh)).status).toBe(200);
  return { old: s.token, fresh };
}

describe('logout revokes the rotation pair', () => {
  it('logging out with the new token kills the old one still in its grace', async () => {
    const { old, fresh } = await rotatedPair();
    expect((await api('/v1/auth/logout', { method: 'POST', token: fresh })).status).toBe(200);
    await expectError(await me(fresh), 401, 'unauthorized');
    await expectError(await me(old), 401, 'unauthorized');
  });

  it('logging out with the old token (in flight from before the rotation) kills the new one', async () => {
    const { old, fresh } = await rotatedPair();
    expect((await api('/v1/auth/logout', { method: 'POST', token: old })).status).toBe(200);
    await expectError(await me(old), 401, 'unauthorized');
    await expectError(await me(fresh), 401, 'unauthorized');
  });

  it('logout leaves the same user’s other devices signed in', async () => {
    const { fresh } = await rotatedPair();
    const [row] = (
      await env.DB.prepare('SELECT user_id FROM tokens WHERE hash = ?1')
        .bind(await sha256Hex(fresh))
        .all<{ user_id: string }>()
    ).results;
    const device = await api('/v1/me/device-codes', { token: fresh, body: {} });
    const { code } = (await device.json()) as { code: string };
    const other = await api('/v1/auth/enroll', { body: { code } });
    const otherToken = ((await other.json()) as { token: string; user: { id: string } }).token;
    expect((await api('/v1/auth/logout', { method: 'POST', token: fresh })).status).toBe(200);
    const res = await me(otherToken);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(row?.user_id);
  });

  it('logout-all kills both halves too', async () => {
    const { old, fresh } = await rotatedPair();
    expect((await api('/v1/auth/logout-all', { method: 'POST', token: old })).status).toBe(200);
    await expectError(await me(old), 401, 'unauthorized');
    await expectError(await me(fresh), 401, 'unauthorized');
  });
});

describe('a request racing the revoking write cannot re-cache the old session', () => {
  it('a session read that ran before the commit but is cached after the first clear is gone once logout returns', async () => {
    const s = await enroll();
    const hash = await sha256Hex(s.token);
    // A concurrent request's read: it reached D1 before the revoking write committed…
    const stale = findSession(env.DB, hash);
    const revoking = revokeToken(env.DB, hash, Date.now());
    // …and lands in the cache after the writer cleared it the first time.
    cachedSession(env.DB, hash, () => stale);
    expect((await stale)?.revoked_at).toBeNull();
    await revoking;
    const session = await cachedSession(env.DB, hash, findSession);
    expect(session?.revoked_at).not.toBeNull();
    await expectError(await me(s.token), 401, 'unauthorized');
  });

  it('the same race on a write batched by a route (deactivation) is cleared when that request ends', async () => {
    const { sessionWrites } = await import('../../worker/db/session-cache');
    const { revokeUserTokensStatement } = await import('../../worker/db/tokens');
    const s = await enroll();
    const hash = await sha256Hex(s.token);
    await sessionWrites(async () => {
      const stale = findSession(env.DB, hash);
      // A route builds the statement (the builder clears the cache), a concurrent read re-caches, then the batch commits.
      const statement = revokeUserTokensStatement(env.DB, s.user.id, Date.now());
      cachedSession(env.DB, hash, () => stale);
      await env.DB.batch([statement]);
    });
    expect((await cachedSession(env.DB, hash, findSession))?.revoked_at).not.toBeNull();
  });
});

describe('the worst-case revocation window', () => {
  it('on the isolate that logs out: none — the next request with either half is refused', async () => {
    const { old, fresh } = await rotatedPair();
    // Both halves were just read, so both sit in the session cache.
    expect((await me(old)).status).toBe(200);
    expect((await me(fresh)).status).toBe(200);
    expect((await api('/v1/auth/logout', { method: 'POST', token: fresh })).status).toBe(200);
    await expectError(await me(old), 401, 'unauthorized');
    await expectError(await me(fresh), 401, 'unauthorized');
  });

  it(`on any other isolate: at most SESSION_CACHE_MS (${SESSION_CACHE_MS} ms) after the write commits`, async () => {
    const s = await enroll();
    expect((await me(s.token)).status).toBe(200);
    // Revoked straight in D1, as another isolate's logout would: this isolate is not told.
    const committedAt = Date.now();
    await env.DB.prepare('UPDATE tokens SET revoked_at = ?2 WHERE hash = ?1')
      .bind(await sha256Hex(s.token), committedAt)
      .run();
    // The window is real: a session read within it is still served from the cache…
    expect((await me(s.token)).status).toBe(200);
    // …and ends SESSION_CACHE_MS after that read at the latest.
    let refusedAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - committedAt < SESSION_CACHE_MS + 1_000) {
      if ((await me(s.token)).status === 401) {
        refusedAfter = Date.now() - committedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Slack for the polling step and a request on a loaded machine, not for the window itself.
    expect(refusedAfter).toBeLessThanOrEqual(SESSION_CACHE_MS + 300);
  });
});
