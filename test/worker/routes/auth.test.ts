import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { Me, Ok } from '../../../shared/auth';
import { CodeCreated } from '../../../shared/codes';
import { SESSION_CACHE_MS } from '../../../worker/db/session-cache';
import { DAY, resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, enrollAdmin, enrollWith, expectError, rows, sha256Hex } from '../helpers';

// The test module and the worker behind SELF share one module graph in this plugin, so setClock()
// here moves the worker's clock too.
afterEach(() => resetClock());

async function me(token: string): Promise<Response> {
  return api('/v1/me', { token });
}

/** A second token for the same user, through an admin's sign-in code. */
async function secondDevice(userId: string): Promise<string> {
  const admin = await enrollAdmin();
  const res = await api('/v1/admin/codes', { token: admin.token, body: { kind: 'signin', userId } });
  const { code } = CodeCreated.parse(await res.json());
  return (await enrollWith(code)).token;
}

describe('tokens', () => {
  it('lets a fresh token read /v1/me', async () => {
    const session = await enroll(['clinician'], 'Nurse Token');
    const res = await me(session.token);
    expect(res.status).toBe(200);
    const body = Me.parse(await res.json());
    expect(body.user).toEqual(session.user);
  });

  it('refuses a token after it expires', async () => {
    const start = Date.now();
    setClock(() => start);
    const session = await enroll();
    const expiresAt = Date.parse(session.expiresAt);
    expect(expiresAt).toBe(start + 90 * DAY);

    setClock(() => expiresAt + 1);
    const body = await expectError(await me(session.token), 401, 'unauthorized');
    expect(body.error.message).toMatch(/expired/);
  });

  it('slides expiry forward when a token is used, at most once a day', async () => {
    const start = Date.now();
    setClock(() => start);
    const session = await enroll();
    const hash = await sha256Hex(session.token);
    const storedExpiry = async () =>
      (await rows<{ expires_at: number }>('SELECT expires_at FROM tokens WHERE hash = ?1', hash))[0]?.expires_at;

    setClock(() => start + DAY / 2);
    expect((await me(session.token)).status).toBe(200);
    expect(await storedExpiry()).toBe(start + 90 * DAY);

    setClock(() => start + 2 * DAY);
    const res = await me(session.token);
    expect(Me.parse(await res.json()).expiresAt).toBe(new Date(start + 92 * DAY).toISOString());
    expect(await storedExpiry()).toBe(start + 92 * DAY);

    // Past the original expiry, still valid because use extended it.
    setClock(() => start + 91 * DAY);
    expect((await me(session.token)).status).toBe(200);
  });

  it('refuses a malformed or unknown bearer token', async () => {
    await expectError(await api('/v1/me', { headers: { authorization: 'Bearer short' } }), 401, 'unauthorized');
    await expectError(await api('/v1/me', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
    await expectError(await me('f'.repeat(64)), 401, 'unauthorized');
  });

  it('stores only the SHA-256 of a token', async () => {
    const session = await enroll();
    const stored = await rows('SELECT * FROM tokens WHERE user_id = ?1', session.user.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.hash).toBe(await sha256Hex(session.token));
    expect(JSON.stringify(stored)).not.toContain(session.token);
  });
});

describe('logout', () => {
  it('revokes only the token it was called with', async () => {
    const first = await enroll();
    const second = await secondDevice(first.user.id);

    const res = await api('/v1/auth/logout', { method: 'POST', token: first.token });
    expect(res.status).toBe(200);
    Ok.parse(await res.json());

    await expectError(await me(first.token), 401, 'unauthorized');
    expect((await me(second)).status).toBe(200);
  });

  it('logout-all revokes every token of the user and no one else’s', async () => {
    const first = await enroll();
    const second = await secondDevice(first.user.id);
    const bystander = await enroll();

    const res = await api('/v1/auth/logout-all', { method: 'POST', token: second });
    expect(res.status).toBe(200);
    Ok.parse(await res.json());

    await expectError(await me(first.token), 401, 'unauthorized');
    await expectError(await me(second), 401, 'unauthorized');
    expect((await me(bystander.token)).status).toBe(200);
    const live = await rows('SELECT hash FROM tokens WHERE user_id = ?1 AND revoked_at IS NULL', first.user.id);
    expect(live).toHaveLength(0);
  });
});

describe('deactivation', () => {
  it('revokes all the user’s tokens', async () => {
    const admin = await enrollAdmin();
    const user = await enroll();
    const second = await secondDevice(user.user.id);
    // Both sessions are read (and held for the session window) before the change.
    expect((await me(user.token)).status).toBe(200);
    expect((await me(second)).status).toBe(200);

    const res = await api(`/v1/admin/users/${user.user.id}/deactivate`, { method: 'POST', token: admin.token });
    expect(res.status).toBe(200);

    await expectError(await me(user.token), 401, 'unauthorized');
    await expectError(await me(second), 401, 'unauthorized');
    const live = await rows('SELECT hash FROM tokens WHERE user_id = ?1 AND revoked_at IS NULL', user.user.id);
    expect(live).toHaveLength(0);
  });

  it('bites within the session window when another server made the change', async () => {
    const user = await enroll();
    expect((await me(user.token)).status).toBe(200);
    // Written straight to D1, as another isolate's request would: this isolate is not told.
    await env.DB.prepare('UPDATE users SET active = 0 WHERE id = ?1').bind(user.user.id).run();
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 50));
    await expectError(await me(user.token), 401, 'unauthorized');
  });
});
