import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../shared/auth';
import { User } from '../../../../shared/users';
import { api, count, enrollAdmin, expectError } from '../../helpers';

/** An admin who is, from now on, the only active one (earlier tests' admins are set aside in D1). */
async function enrollSoleAdmin(): Promise<Session> {
  await env.DB.prepare(
    "UPDATE users SET active = 0 WHERE id IN (SELECT user_id FROM user_roles WHERE role = 'admin')",
  ).run();
  return enrollAdmin('Sole Admin');
}

const activeAdmins = () =>
  count(
    "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.active = 1",
  );

const demote = (token: string, userId: string) =>
  api(`/v1/admin/users/${userId}`, { method: 'PATCH', token, body: { roles: ['clinician'] } });
const deactivate = (token: string, userId: string) =>
  api(`/v1/admin/users/${userId}/deactivate`, { method: 'POST', token });

describe('last-admin guard', () => {
  it('refuses with 409 when the only admin removes their own admin role', async () => {
    const admin = await enrollSoleAdmin();
    await expectError(await demote(admin.token, admin.user.id), 409, 'conflict');
    const me = await api('/v1/me', { token: admin.token });
    expect(((await me.json()) as { user: User }).user.roles).toEqual(['admin']);
    expect(await activeAdmins()).toBe(1);
  });

  it('refuses with 409 when the only admin deactivates themself', async () => {
    const admin = await enrollSoleAdmin();
    await expectError(await deactivate(admin.token, admin.user.id), 409, 'conflict');
    expect((await api('/v1/me', { token: admin.token })).status).toBe(200);
    expect(await activeAdmins()).toBe(1);
  });

  it('lets the only admin change their other roles while keeping admin', async () => {
    const admin = await enrollSoleAdmin();
    const res = await api(`/v1/admin/users/${admin.user.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { roles: ['admin', 'lead'] },
    });
    expect(User.parse(await res.json()).roles).toEqual(['admin', 'lead']);
  });

  it('lets an admin step down when another active admin remains, and then guards the one left', async () => {
    const first = await enrollSoleAdmin();
    const second = await enrollAdmin('Second Admin');
    const res = await demote(first.token, first.user.id);
    expect(res.status).toBe(200);
    expect(User.parse(await res.json()).roles).toEqual(['clinician']);
    await expectError(await deactivate(second.token, second.user.id), 409, 'conflict');
    expect(await activeAdmins()).toBe(1);
  });

  it('does not count a deactivated admin as another admin', async () => {
    const first = await enrollSoleAdmin();
    const second = await enrollAdmin('Soon Gone');
    expect((await deactivate(first.token, second.user.id)).status).toBe(200);
    await expectError(await demote(first.token, first.user.id), 409, 'conflict');
  });

  it('keeps one admin when the last two step down at the same moment', async () => {
    const first = await enrollSoleAdmin();
    const second = await enrollAdmin('Second Admin');
    const results = await Promise.all([demote(first.token, first.user.id), deactivate(second.token, second.user.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await activeAdmins()).toBe(1);
  });

  it('keeps one admin when the last two remove their own admin roles at the same moment', async () => {
    const first = await enrollSoleAdmin();
    const second = await enrollAdmin('Second Admin');
    const results = await Promise.all([demote(first.token, first.user.id), demote(second.token, second.user.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await activeAdmins()).toBe(1);
  });
});
