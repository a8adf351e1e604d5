import { describe, expect, it } from 'vitest';
import { Session } from '../../../shared/auth';
import { SsoSettings } from '../../../shared/sso';
import { api, count, expectError, issuePaths, randomId, seedCatalog } from '../helpers';
import { authorizeAt, fresh, setUpProvider, startSso } from '../sso-helpers';

describe('SSO settings refuse what would break a sign-in later', () => {
  it('refuses a mapping to a unit that does not exist with a 400 naming the field, and keeps the old mappings', async () => {
    const { admin } = await setUpProvider();
    const before = SsoSettings.parse(
      await (await api('/v1/admin/sso/settings', { method: 'PATCH', token: admin.token, body: {} })).json(),
    );
    const res = await api('/v1/admin/sso/settings', {
      method: 'PATCH',
      token: admin.token,
      body: { mappings: [{ claim: 'groups', value: 'curbside-icu', roles: ['clinician'], unitId: randomId() }] },
    });
    const body = await expectError(res, 400, 'validation_failed');
    expect(issuePaths(body)).toEqual(['mappings.0.unitId']);
    const after = SsoSettings.parse(
      await (await api('/v1/admin/sso/settings', { method: 'PATCH', token: admin.token, body: {} })).json(),
    );
    expect(after).toEqual(before);
  });

  it('saves a mapping to a unit that exists, and a just-in-time user lands in it', async () => {
    const { unitId } = await seedCatalog();
    const { provider } = await setUpProvider({
      mappings: [{ claim: 'groups', value: 'curbside-mentors', roles: ['mentor'], unitId }],
    });
    const started = await startSso(provider.id);
    const { code, state } = await authorizeAt(started.authorizeUrl, fresh('mentor.ben'));
    const session = Session.parse(await (await api('/v1/auth/sso/complete', { body: { state, code } })).json());
    expect(session.user.unitId).toBe(unitId);
  });
});

describe('two first sign-ins of one new person at once', () => {
  it('makes one user: both completions succeed as that same user, none is a 500', async () => {
    const { provider } = await setUpProvider();
    // Two sign-ins of one person started side by side (two popups, a double click), each with its own code
    // from the real provider. Four such people at once, so the completions interleave on every run.
    const logins = [1, 2, 3, 4].map(() => fresh('nurse.ada'));
    const codes = await Promise.all(
      logins.flatMap((login) => [1, 2].map(async () => authorizeAt((await startSso(provider.id)).authorizeUrl, login))),
    );
    const users = await count('SELECT COUNT(*) AS n FROM users');
    const responses = await Promise.all(codes.map((body) => api('/v1/auth/sso/complete', { body })));
    expect(responses.map((r) => r.status)).toEqual(codes.map(() => 200));
    const sessions = await Promise.all(responses.map(async (r) => Session.parse(await r.json())));
    for (let i = 0; i < sessions.length; i += 2) {
      expect(sessions[i + 1]?.user.id).toBe(sessions[i]?.user.id);
      expect(sessions[i + 1]?.token).not.toBe(sessions[i]?.token);
      expect(await count('SELECT COUNT(*) AS n FROM user_roles WHERE user_id = ?1', sessions[i]?.user.id)).toBe(1);
    }
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(users + logins.length);
  });
});
