import { describe, expect, inject, it } from 'vitest';
import { Session } from '../../../shared/auth';
import { SsoProvider } from '../../../shared/sso';
import { api, enrollAdmin, expectError, rows } from '../helpers';
import { fresh } from '../sso-helpers';

const AUD = 'aud-tag-0123456789abcdef';
const team = () => inject('accessTeamDomain');

/** Configures Cloudflare Access as an admin would: the team domain and the application's AUD tag. */
async function setUpAccess() {
  const admin = await enrollAdmin();
  const body = { kind: 'access', label: 'Cloudflare Access', issuer: team(), oidcClientId: AUD, mode: 'jit' };
  const created = await api('/v1/admin/sso/providers', { token: admin.token, body });
  if (created.status === 201) return SsoProvider.parse(await created.json());
  // Configured by an earlier test: a second provider with the same issuer is a conflict.
  const taken = await expectError(created, 409, 'conflict');
  const { providerId } = taken.error.details as { providerId: string };
  const res = await api(`/v1/admin/sso/providers/${providerId}`, { method: 'PUT', token: admin.token, body });
  return SsoProvider.parse(await res.json());
}

/** An assertion as Access would add it to the request, signed with the team's (test) keys. */
async function assertion(login: string, aud = AUD, ttl = 3600) {
  const res = await fetch(`${team()}/__test/access-token`, {
    method: 'POST',
    body: new URLSearchParams({ login, aud, ttl: String(ttl) }),
  });
  return ((await res.json()) as { token: string }).token;
}

const signIn = (token?: string) =>
  api('/v1/auth/sso/access', { method: 'POST', headers: token ? { 'cf-access-jwt-assertion': token } : {} });

describe('Cloudflare Access', () => {
  it('signs in the person an Access assertion names, by (team, subject)', async () => {
    await setUpAccess();
    const login = fresh('nurse.ada');
    const first = Session.parse(await (await signIn(await assertion(login))).json());
    const again = Session.parse(await (await signIn(await assertion(login))).json());
    expect(again.user.id).toBe(first.user.id);
    const [identity] = await rows<{ issuer: string; subject: string }>(
      'SELECT issuer, subject FROM sso_identities WHERE user_id = ?1',
      first.user.id,
    );
    expect(identity).toEqual({ issuer: team(), subject: login });
  });

  it('refuses a request without an assertion, another application’s, or an expired one', async () => {
    await setUpAccess();
    await expectError(await signIn(), 401, 'unauthorized');
    const other = await expectError(
      await signIn(await assertion(fresh('nurse.ada'), 'another-aud')),
      401,
      'unauthorized',
    );
    expect(other.error.details).toEqual({ reason: 'bad_aud' });
    const old = await expectError(await signIn(await assertion(fresh('nurse.ada'), AUD, -600)), 401, 'unauthorized');
    expect(old.error.details).toEqual({ reason: 'expired' });
  });
});
