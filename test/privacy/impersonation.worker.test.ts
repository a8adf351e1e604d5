import { afterEach, describe, expect, it } from 'vitest';
import { CodeCreated } from '../../shared/codes';
import { AccountAuditPage, NewSignIns } from '../../shared/sign-ins';
import { HOUR, resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, enrollAdmin, enrollWith, expectError, issuePaths, randomId, rows } from '../worker/helpers';

// Issue 13 §7 and issue 20 §3: an admin issues a sign-in code for someone else and uses it.
afterEach(() => resetClock());

async function adminCode(adminToken: string, userId: string, label?: string): Promise<CodeCreated> {
  const res = await api('/v1/admin/codes', {
    token: adminToken,
    body: { kind: 'signin', userId, ...(label ? { label } : {}) },
  });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return CodeCreated.parse(json);
}

async function newSignIns(token: string) {
  const res = await api('/v1/me/sign-ins/new', { token });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return NewSignIns.parse(json).signIns;
}

async function mySignIns(token: string, query = '') {
  const res = await api(`/v1/me/sign-ins${query}`, { token });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return AccountAuditPage.parse(json);
}

describe('an admin signs in as someone else with a sign-in code', () => {
  it('the user’s existing device is told at its next popup open: when, how, by whom, which label', async () => {
    const admin = await enrollAdmin('Admin Mallory');
    const victim = await enroll(['clinician'], 'Nurse Victim');
    expect(await newSignIns(victim.token)).toEqual([]);

    const start = Date.now();
    setClock(() => start);
    const created = await adminCode(admin.token, victim.user.id, 'Ward 5 PC');
    const impostor = await enrollWith(created.code);
    expect(impostor.user.id).toBe(victim.user.id);

    const notice = await newSignIns(victim.token);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({
      method: 'admin_code',
      issuedByName: 'Admin Mallory',
      label: 'Ward 5 PC',
      at: new Date(start).toISOString(),
    });
  });

  it('the impostor cannot hide it: acknowledging on the new device leaves the older device’s notice', async () => {
    const admin = await enrollAdmin();
    const victim = await enroll(['clinician']);
    const first = await enrollWith((await adminCode(admin.token, victim.user.id)).code);
    const second = await enrollWith((await adminCode(admin.token, victim.user.id)).code);
    const farFuture = new Date(Date.now() + 365 * 24 * HOUR).toISOString();
    for (const impostor of [first, second]) {
      const ack = await api('/v1/me/sign-ins/acknowledge', { token: impostor.token, body: { upTo: farFuture } });
      expect(ack.status).toBe(200);
    }
    expect((await newSignIns(victim.token)).map((s) => s.method)).toEqual(['admin_code', 'admin_code']);
    // A fresh device the user signs in on later still sees the first unacknowledged impersonation.
    const later = await enrollWith((await adminCode(admin.token, victim.user.id)).code);
    expect((await newSignIns(later.token)).length).toBeGreaterThanOrEqual(2);

    // The user acknowledges on the device they had: gone there, and recorded.
    const ack = await api('/v1/me/sign-ins/acknowledge', { token: victim.token, body: { upTo: farFuture } });
    expect(ack.status).toBe(200);
    expect(await newSignIns(victim.token)).toEqual([]);
  });

  it('a device never lists its own sign-in, and an enrolment shows nothing', async () => {
    const admin = await enrollAdmin();
    const user = await enroll(['mentor']);
    expect(await newSignIns(user.token)).toEqual([]);
    const other = await enrollWith((await adminCode(admin.token, user.user.id)).code);
    expect(await newSignIns(other.token)).toEqual([]);
  });

  it('records the admin as actor and the user as subject', async () => {
    const admin = await enrollAdmin();
    const victim = await enroll(['clinician']);
    const created = await adminCode(admin.token, victim.user.id);
    await enrollWith(created.code);
    const audit = await rows<{ actor_id: string; subject_id: string }>(
      "SELECT actor_id, subject_id FROM audit WHERE action = 'user.signed_in_with_code' AND target = ?1",
      created.id,
    );
    expect(audit).toEqual([{ actor_id: admin.user.id, subject_id: victim.user.id }]);
    const byAdmin = await api(`/v1/audit?action=user.signed_in_with_code&actorId=${admin.user.id}`, {
      token: admin.token,
    });
    const page = (await byAdmin.json()) as { entries: { target: string; subjectId: string }[] };
    expect(page.entries.find((e) => e.target === created.id)?.subjectId).toBe(victim.user.id);
  });

  it('the user’s own “sign-ins to my account” lists the code and the sign-in, naming the admin', async () => {
    const admin = await enrollAdmin('Admin Mallory');
    const victim = await enroll(['clinician']);
    await enrollWith((await adminCode(admin.token, victim.user.id, 'Ward 5 PC')).code);
    const { entries } = await mySignIns(victim.token);
    const signedIn = entries.find((e) => e.action === 'user.signed_in_with_code');
    expect(signedIn).toMatchObject({ actorName: 'Admin Mallory', byYou: false, label: 'Ward 5 PC', thisDevice: false });
    expect(entries.find((e) => e.action === 'code.created')).toMatchObject({ actorName: 'Admin Mallory' });
    expect(entries.find((e) => e.action === 'user.enrolled')).toMatchObject({ byYou: true, thisDevice: true });
  });

  it('“sign-ins to my account” shows only the caller’s own account', async () => {
    const admin = await enrollAdmin();
    const victim = await enroll(['clinician']);
    const bystander = await enroll(['lead']);
    const created = await adminCode(admin.token, victim.user.id);
    await enrollWith(created.code);
    const theirs = await mySignIns(bystander.token);
    expect(theirs.entries.every((e) => e.action === 'user.enrolled')).toBe(true);
    expect(JSON.stringify(theirs)).not.toContain(created.id);
    // The admin's own view holds what was done to the admin, not what the admin did to others.
    expect(JSON.stringify(await mySignIns(admin.token))).not.toContain(victim.user.id);
    // No parameter names another user.
    const err = await expectError(
      await api(`/v1/me/sign-ins?userId=${victim.user.id}`, { token: bystander.token }),
      400,
      'validation_failed',
    );
    expect(issuePaths(err)).toContain('');
    await expectError(await api('/v1/me/sign-ins'), 401, 'unauthorized');
  });

  it('rejects bad input to the sign-in views with the one error shape', async () => {
    const user = await enroll(['clinician']);
    for (const [query, path] of [
      ['?limit=0', 'limit'],
      ['?limit=many', 'limit'],
      ['?cursor=abc', 'cursor'],
    ] as const) {
      const err = await expectError(
        await api(`/v1/me/sign-ins${query}`, { token: user.token }),
        400,
        'validation_failed',
      );
      expect(issuePaths(err)).toContain(path);
    }
    for (const body of [{}, { upTo: 'yesterday' }, { upTo: new Date().toISOString(), extra: 1 }]) {
      await expectError(
        await api('/v1/me/sign-ins/acknowledge', { token: user.token, body }),
        400,
        'validation_failed',
      );
    }
  });

  it('pages “sign-ins to my account” without gaps or repeats', async () => {
    const admin = await enrollAdmin();
    const user = await enroll(['clinician']);
    for (let i = 0; i < 4; i++) await enrollWith((await adminCode(admin.token, user.user.id)).code);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: AccountAuditPage = await mySignIns(user.token, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.entries.map((e) => e.id));
      cursor = p.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    // The enrolment, four codes created and four sign-ins.
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });
});

describe('peer supporters', () => {
  it('an admin cannot make a sign-in code for a peer supporter', async () => {
    const admin = await enrollAdmin();
    const peer = await enroll(['clinician', 'peer_supporter']);
    const res = await api('/v1/admin/codes', { token: admin.token, body: { kind: 'signin', userId: peer.user.id } });
    const err = await expectError(res, 400, 'validation_failed');
    expect(issuePaths(err)).toContain('userId');
    expect(await rows("SELECT id FROM codes WHERE kind = 'signin' AND user_id = ?1", peer.user.id)).toEqual([]);
  });

  it('a code made before the user became a peer supporter is refused when used', async () => {
    const admin = await enrollAdmin();
    const user = await enroll(['clinician']);
    const created = await adminCode(admin.token, user.user.id);
    const grant = await api(`/v1/admin/users/${user.user.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { roles: ['clinician', 'peer_supporter'] },
    });
    expect(grant.status).toBe(200);
    const err = await expectError(await api('/v1/auth/enroll', { body: { code: created.code } }), 401, 'unauthorized');
    expect((err.error.details as { reason: string }).reason).toBe('peer_supporter');
    expect(await rows('SELECT hash FROM tokens WHERE user_id = ?1', user.user.id)).toHaveLength(1);
  });

  it('signs in on a new device with a code made on one of their own signed-in devices', async () => {
    const peer = await enroll(['clinician', 'peer_supporter'], 'Peer Pat');
    const res = await api('/v1/me/device-codes', { token: peer.token, body: {} });
    const json = (await res.json()) as { code: string; expiresAt: string };
    expect(res.status, JSON.stringify(json)).toBe(201);
    const device = await enrollWith(json.code);
    expect(device.user.id).toBe(peer.user.id);
    // The old device is told, and the audit says the user did it.
    expect((await newSignIns(peer.token)).map((s) => s.method)).toEqual(['device_code']);
    const { entries } = await mySignIns(peer.token);
    expect(entries.find((e) => e.action === 'user.signed_in_with_device_code')).toMatchObject({ byYou: true });
    // One use only.
    await expectError(await api('/v1/auth/enroll', { body: { code: json.code } }), 401, 'unauthorized');
  });

  it('a device code names no other user and cannot be asked for anyone else', async () => {
    const user = await enroll(['clinician']);
    const res = await api('/v1/me/device-codes', { token: user.token, body: { userId: randomId() } });
    await expectError(res, 400, 'validation_failed');
  });
});
