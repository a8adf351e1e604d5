import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../shared/auth';
import { CodeCreated, CodeInfo, CodeList } from '../../../../shared/codes';
import { User } from '../../../../shared/users';
import { HOUR, resetClock, setClock } from '../../../../worker/lib/clock';
import {
  api,
  count,
  enroll,
  enrollAdmin,
  enrollWith,
  expectError,
  makeCode,
  randomId,
  rows,
  seedCatalog,
  sha256Hex,
} from '../../helpers';

afterEach(() => resetClock());

async function createCode(adminToken: string, body: Record<string, unknown>): Promise<CodeCreated> {
  const res = await api('/v1/admin/codes', { token: adminToken, body });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return CodeCreated.parse(json);
}

async function refusal(code: string): Promise<string> {
  const body = await expectError(await api('/v1/auth/enroll', { body: { code } }), 401, 'unauthorized');
  return (body.error.details as { reason: string }).reason;
}

describe('enrollment codes', () => {
  it('gives the new user exactly the roles of the code', async () => {
    const session = await enrollWith(await makeCode({ roles: ['mentor', 'lead'] }), 'Dr Mentor');
    expect(session.user.roles).toEqual(['lead', 'mentor']);
    expect(session.user.displayName).toBe('Dr Mentor');
    expect(session.user.active).toBe(true);
  });

  it('accepts a code typed in lower case with spaces', async () => {
    const code = await makeCode({ roles: ['clinician'] });
    const session = await enrollWith(` ${code.toLowerCase().replace('-', ' - ')} `);
    expect(session.user.roles).toEqual(['clinician']);
  });

  it('refuses an unknown code', async () => {
    expect(await refusal('NOPE-NOPE-NOPE-NOPE')).toBe('unknown');
  });

  it('rejects a code too short to be one as invalid input', async () => {
    await expectError(await api('/v1/auth/enroll', { body: { code: 'abc' } }), 400, 'validation_failed');
  });

  it('refuses an expired code', async () => {
    expect(await refusal(await makeCode({ expiresAt: Date.now() - 1000 }))).toBe('expired');
  });

  it('refuses a revoked code', async () => {
    expect(await refusal(await makeCode({ revoked: true }))).toBe('revoked');
  });

  it('refuses a code whose uses are used up', async () => {
    const code = await makeCode({ maxUses: 2 });
    await enrollWith(code);
    await enrollWith(code);
    expect(await refusal(code)).toBe('used_up');
    const [row] = await rows<{ uses: number }>('SELECT uses FROM codes WHERE hash = ?1', await sha256Hex(code));
    expect(row?.uses).toBe(2);
  });

  it('lets exactly one of two concurrent enrollments take the last use', async () => {
    const code = await makeCode({ maxUses: 1 });
    const usersBefore = await count('SELECT COUNT(*) AS n FROM users');
    const results = await Promise.all([
      api('/v1/auth/enroll', { body: { code } }),
      api('/v1/auth/enroll', { body: { code } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    const loser = results.find((r) => r.status === 401);
    if (loser) await expectError(loser, 401, 'unauthorized');
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(usersBefore + 1);
    const [row] = await rows<{ uses: number }>('SELECT uses FROM codes WHERE hash = ?1', await sha256Hex(code));
    expect(row?.uses).toBe(1);
  });
});

describe('admin-created codes', () => {
  it('creates an enroll code that enrolls a user with its roles, unit and discipline', async () => {
    const admin = await enrollAdmin();
    const { unitId } = await seedCatalog();
    const created = await createCode(admin.token, {
      kind: 'enroll',
      roles: ['clinician', 'mentor'],
      unitId,
      discipline: 'pharmacy',
      maxUses: 3,
      label: 'Pharmacy pilot',
    });
    expect(created.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(created).toMatchObject({ kind: 'enroll', maxUses: 3, uses: 0, unitId, discipline: 'pharmacy' });

    const session = await enrollWith(created.code, 'Pharmacist');
    expect(session.user).toMatchObject({ roles: ['clinician', 'mentor'], unitId, discipline: 'pharmacy' });
  });

  it('creates a sign-in code that signs an existing user in on a new device', async () => {
    const admin = await enrollAdmin();
    const existing = await enroll(['mentor'], 'Existing Mentor');
    const usersBefore = await count('SELECT COUNT(*) AS n FROM users');
    const created = await createCode(admin.token, { kind: 'signin', userId: existing.user.id });
    expect(created).toMatchObject({ kind: 'signin', userId: existing.user.id, maxUses: 1, roles: [] });

    const session = await enrollWith(created.code, 'Ignored Name');
    expect(session.user).toEqual(existing.user);
    expect(session.token).not.toBe(existing.token);
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(usersBefore);
    // The old device stays signed in.
    expect((await api('/v1/me', { token: existing.token })).status).toBe(200);
  });

  it('refuses a sign-in code for a user deactivated after it was made', async () => {
    const admin = await enrollAdmin();
    const target = await enroll(['clinician']);
    const created = await createCode(admin.token, { kind: 'signin', userId: target.user.id });
    const deactivated = await api(`/v1/admin/users/${target.user.id}/deactivate`, {
      method: 'POST',
      token: admin.token,
    });
    expect(deactivated.status).toBe(200);
    expect(await refusal(created.code)).toBe('inactive');
  });

  it('will not make a sign-in code for a deactivated or unknown user', async () => {
    const admin = await enrollAdmin();
    const target = await enroll(['clinician']);
    await api(`/v1/admin/users/${target.user.id}/deactivate`, { method: 'POST', token: admin.token });
    for (const userId of [target.user.id, randomId()]) {
      const res = await api('/v1/admin/codes', { token: admin.token, body: { kind: 'signin', userId } });
      await expectError(res, 400, 'validation_failed');
    }
  });

  it('refuses an admin-created code after it expires', async () => {
    const admin = await enrollAdmin();
    const created = await createCode(admin.token, { kind: 'enroll', roles: ['clinician'], expiresInHours: 1 });
    const expiresAt = Date.parse(created.expiresAt);
    setClock(() => expiresAt + 1);
    expect(await refusal(created.code)).toBe('expired');
  });

  it('refuses a code once an admin revokes it', async () => {
    const admin = await enrollAdmin();
    const created = await createCode(admin.token, { kind: 'enroll', roles: ['clinician'] });
    const res = await api(`/v1/admin/codes/${created.id}/revoke`, { method: 'POST', token: admin.token });
    expect(res.status).toBe(200);
    expect(CodeInfo.parse(await res.json()).revokedAt).not.toBeNull();
    expect(await refusal(created.code)).toBe('revoked');
    const audit = await rows<{ actor_id: string }>(
      "SELECT actor_id FROM audit WHERE action = 'code.revoked' AND target = ?1",
      created.id,
    );
    expect(audit).toEqual([{ actor_id: admin.user.id }]);
  });

  it('returns 404 when revoking a code that does not exist', async () => {
    const admin = await enrollAdmin();
    const res = await api(`/v1/admin/codes/${randomId()}/revoke`, { method: 'POST', token: admin.token });
    await expectError(res, 404, 'not_found');
  });

  it('shows the plaintext code once and never in the list', async () => {
    const admin = await enrollAdmin();
    const created = await createCode(admin.token, { kind: 'enroll', roles: ['clinician'], label: 'Ward 5' });
    const res = await api('/v1/admin/codes', { token: admin.token });
    const text = await res.text();
    const list = CodeList.parse(JSON.parse(text));
    const listed = list.codes.find((c) => c.id === created.id);
    expect(listed).toMatchObject({ label: 'Ward 5', uses: 0 });
    expect(Object.keys(listed ?? {})).not.toContain('code');
    expect(text).not.toContain(created.code);
    expect(text).not.toContain(created.code.replace(/-/g, ''));
  });

  it('stores only the SHA-256 of a code', async () => {
    const admin = await enrollAdmin();
    const created = await createCode(admin.token, { kind: 'enroll', roles: ['clinician'] });
    const [row] = await rows('SELECT * FROM codes WHERE id = ?1', created.id);
    expect(row?.hash).toBe(await sha256Hex(created.code));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.code);
    expect(stored).not.toContain(created.code.replace(/-/g, ''));
  });

  it('writes an audit row naming the admin for a new code', async () => {
    const admin = await enrollAdmin();
    const created = await createCode(admin.token, { kind: 'enroll', roles: ['clinician'] });
    const audit = await rows<{ actor_id: string; details: string }>(
      "SELECT actor_id, details FROM audit WHERE action = 'code.created' AND target = ?1",
      created.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(admin.user.id);
    expect(audit[0]?.details).not.toContain(created.code);
  });

  it('rejects enroll codes without roles and unknown fields', async () => {
    const admin = await enrollAdmin();
    for (const body of [
      { kind: 'enroll', roles: [] },
      { kind: 'enroll', roles: ['superuser'] },
      { kind: 'enroll', roles: ['clinician'], code: 'MY-OWN-CODE' },
      { kind: 'signin', userId: admin.user.id, roles: ['admin'] },
      { kind: 'magic' },
    ]) {
      await expectError(await api('/v1/admin/codes', { token: admin.token, body }), 400, 'validation_failed');
    }
  });

  it('returns a session whose user parses with the shared schema', async () => {
    const res = await api('/v1/auth/enroll', { body: { code: await makeCode() } });
    const session = Session.parse(await res.json());
    expect(User.parse(session.user).roles).toEqual(['clinician']);
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now() + 80 * 24 * HOUR);
  });
});
