import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Me } from '../../../shared/auth';
import { api, count, expectError, makeCode, rows, sha256Hex } from '../helpers';
import { authorizeAt, fresh, issuer, setUpProvider, ssoSession, ssoSignIn, startSso } from '../sso-helpers';

describe('OIDC sign-in against a real provider', () => {
  it('creates a clinician just in time and issues a Curbside token that works', async () => {
    const { provider } = await setUpProvider();
    const login = fresh('nurse.ada');
    const session = await ssoSession(provider.id, login);
    expect(session.user.displayName).toBe('Ada Demo');
    expect(session.user.roles).toEqual(['clinician']);
    const me = Me.parse(await (await api('/v1/me', { token: session.token })).json());
    expect(me.user.id).toBe(session.user.id);
    const [identity] = await rows<{ issuer: string; subject: string }>(
      'SELECT issuer, subject FROM sso_identities WHERE user_id = ?1',
      session.user.id,
    );
    expect(identity).toEqual({ issuer: issuer(), subject: login });
    expect(
      await count("SELECT COUNT(*) AS n FROM sign_ins WHERE user_id = ?1 AND method = 'sso'", session.user.id),
    ).toBe(1);
  });

  it('finds the same person by (issuer, subject) on the next sign-in', async () => {
    const { provider } = await setUpProvider();
    const login = fresh('mentor.ben');
    const first = await ssoSession(provider.id, login);
    const second = await ssoSession(provider.id, login);
    expect(second.user.id).toBe(first.user.id);
    expect(second.token).not.toBe(first.token);
  });

  it('gives roles and unit from group mappings', async () => {
    const { provider } = await setUpProvider({
      mappings: [{ claim: 'groups', value: 'curbside-mentors', roles: ['mentor', 'clinician'], unitId: null }],
    });
    const session = await ssoSession(provider.id, fresh('mentor.ben'));
    expect(session.user.roles).toEqual(['clinician', 'mentor']);
  });

  it('refuses a replayed state: the second completion of one sign-in is a 400 and changes nothing', async () => {
    const { provider } = await setUpProvider();
    const started = await startSso(provider.id);
    const { code, state } = await authorizeAt(started.authorizeUrl, 'nurse.ada');
    expect((await api('/v1/auth/sso/complete', { body: { state, code } })).status).toBe(200);
    const tokens = await count('SELECT COUNT(*) AS n FROM tokens');
    const again = await expectError(await api('/v1/auth/sso/complete', { body: { state, code } }), 400, 'bad_request');
    expect(again.error.details).toEqual({ reason: 'unknown_state' });
    expect(await count('SELECT COUNT(*) AS n FROM tokens')).toBe(tokens);
  });

  it('refuses a state it never issued', async () => {
    await setUpProvider();
    const res = await api('/v1/auth/sso/complete', { body: { state: 'x'.repeat(43), code: 'whatever' } });
    await expectError(res, 400, 'bad_request');
  });

  it('refuses an unknown provider with 404', async () => {
    const res = await api('/v1/auth/sso/start', {
      body: { providerId: 'nosuchprovider', redirectUri: 'https://curbside-test.chromiumapp.org/' },
    });
    const body = await expectError(res, 404, 'not_found');
    expect(body.error.details).toEqual({ reason: 'unknown_provider' });
  });

  it('refuses a redirect URL that is not an extension’s', async () => {
    const { provider } = await setUpProvider();
    const res = await api('/v1/auth/sso/start', {
      body: { providerId: provider.id, redirectUri: 'https://evil.test/' },
    });
    await expectError(res, 400, 'bad_request');
  });

  it.each([
    ['wrong_aud', 'bad_aud'],
    ['wrong_iss', 'bad_iss'],
    ['expired', 'expired'],
    ['bad_nonce', 'bad_nonce'],
    ['forged', 'bad_signature'],
    ['alg_none', 'alg_not_allowed'],
    ['hs256', 'alg_not_allowed'],
    ['skew_large', 'bad_iat'],
  ])('refuses an ID token crafted as %s (%s), audited without the token', async (mode, reason) => {
    const { provider } = await setUpProvider();
    const users = await count('SELECT COUNT(*) AS n FROM users');
    const res = await ssoSignIn(provider.id, 'nurse.ada', mode);
    const body = await expectError(res, 401, 'unauthorized');
    expect(body.error.details).toEqual({ reason });
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(users);
    const audits = await rows<{ details: string }>(
      "SELECT details FROM audit WHERE action = 'sso.sign_in_refused' ORDER BY at DESC LIMIT 1",
    );
    expect(JSON.parse(audits[0]?.details ?? '{}')).toEqual({ reason, status: 401 });
    expect(audits[0]?.details).not.toMatch(/eyJ/);
  });

  it('accepts a provider clock a little ahead (within the skew)', async () => {
    const { provider } = await setUpProvider();
    expect((await ssoSignIn(provider.id, 'nurse.ada', 'skew_small')).status).toBe(200);
  });
});

describe('who may sign in', () => {
  it('signs in only provisioned people in pre-existing mode: matched once by verified e-mail, then by subject', async () => {
    const { provider } = await setUpProvider({ mode: 'existing' });
    const login = fresh('nurse.ada');
    const email = `ada+${login.split('+')[1]}@hospital.test`;
    const stranger = await ssoSignIn(provider.id, login);
    expect((await expectError(stranger, 403, 'forbidden')).error.details).toEqual({ reason: 'not_provisioned' });
    // Provisioned as SCIM would: a user and the SCIM record that holds the e-mail.
    const userId = crypto.randomUUID().replace(/-/g, '');
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO users (id, display_name, discipline, unit_id, active, created_at) VALUES (?1, 'Ada Provisioned', 'nursing', NULL, 1, 0)",
      ).bind(userId),
      env.DB.prepare("INSERT INTO user_roles (user_id, role) VALUES (?1, 'clinician')").bind(userId),
      env.DB.prepare(
        "INSERT INTO scim_users (user_id, user_name, email, resource, created_at, updated_at) VALUES (?1, ?2, ?2, '{}', 0, 0)",
      ).bind(userId, email),
    ]);
    const session = await ssoSession(provider.id, login);
    expect(session.user.id).toBe(userId);
    expect(await count('SELECT COUNT(*) AS n FROM sso_identities WHERE user_id = ?1', userId)).toBe(1);
  });

  it('refuses an unverified e-mail in pre-existing mode', async () => {
    const { provider } = await setUpProvider({ mode: 'existing' });
    const res = await ssoSignIn(provider.id, fresh('unverified.dee'));
    expect((await expectError(res, 403, 'forbidden')).error.details).toEqual({ reason: 'no_verified_email' });
  });

  it('refuses a deactivated user', async () => {
    const { provider } = await setUpProvider();
    const login = fresh('nurse.ada');
    const session = await ssoSession(provider.id, login);
    await env.DB.prepare('UPDATE users SET active = 0 WHERE id = ?1').bind(session.user.id).run();
    const res = await ssoSignIn(provider.id, login);
    expect((await expectError(res, 403, 'forbidden')).error.details).toEqual({ reason: 'inactive' });
  });

  it('under require SSO, refuses a clinician’s code and lets an admin’s break-glass code in, audited', async () => {
    await setUpProvider({ requireSso: true });
    try {
      const clinicianCode = await makeCode({ roles: ['clinician'] });
      const refused = await api('/v1/auth/enroll', { body: { code: clinicianCode } });
      expect((await expectError(refused, 403, 'forbidden')).error.details).toEqual({ reason: 'sso_required' });
      const [use] = await rows<{ uses: number }>(
        'SELECT uses FROM codes WHERE hash = ?1',
        await sha256Hex(clinicianCode),
      );
      expect(use?.uses).toBe(0);
      const adminCode = await makeCode({ roles: ['admin'] });
      expect((await api('/v1/auth/enroll', { body: { code: adminCode } })).status).toBe(200);
      expect(await count("SELECT COUNT(*) AS n FROM audit WHERE action = 'sso.break_glass_code'")).toBeGreaterThan(0);
    } finally {
      await env.DB.prepare('UPDATE sso_settings SET require_sso = 0').run();
    }
  });
});

describe('provisioned people', () => {
  it('links a SCIM-provisioned user whose externalId is the provider’s id for them, in just-in-time mode too', async () => {
    const { provider } = await setUpProvider({ mode: 'jit' });
    const login = fresh('mentor.ben');
    const userId = crypto.randomUUID().replace(/-/g, '');
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO users (id, display_name, discipline, unit_id, active, created_at) VALUES (?1, 'Ben Provisioned', 'medicine', NULL, 1, 0)",
      ).bind(userId),
      env.DB.prepare(
        "INSERT INTO scim_users (user_id, user_name, external_id, resource, created_at, updated_at) VALUES (?1, ?2, ?3, '{}', 0, 0)",
      ).bind(userId, `ben-${userId}@hospital.test`, login),
    ]);
    const users = await count('SELECT COUNT(*) AS n FROM users');
    const session = await ssoSession(provider.id, login);
    expect(session.user.id).toBe(userId);
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(users);
  });
});
