import { describe, expect, it } from 'vitest';
import { Ok } from '../../../../shared/auth';
import { nameScreen, System, SystemList, SystemScreen } from '../../../../shared/systems';
import { api, enroll, enrollAdmin, expectError, flagBody, issuePaths, randomId, rows } from '../../helpers';

type Audit = { actor_id: string; action: string; target: string; details: string };
const auditOf = (target: string) =>
  rows<Audit>('SELECT actor_id, action, target, details FROM audit WHERE target = ?1 ORDER BY at', target);

const uniqueHost = () => `ehr-${randomId().slice(0, 8)}.example.org`;

async function createSystem(token: string, body: Record<string, unknown>): Promise<System> {
  const res = await api('/v1/admin/systems', { token, body });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return System.parse(json);
}

async function createScreen(token: string, systemId: string, body: Record<string, unknown>) {
  const res = await api(`/v1/admin/systems/${systemId}/screens`, { token, body });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return SystemScreen.parse(json);
}

const patch = (token: string, path: string, body: unknown) => api(path, { method: 'PATCH', token, body });

describe('systems and screens', () => {
  it('creates a system with screens that name hotspots, and every signed-in user can read them', async () => {
    const admin = await enrollAdmin();
    const host = uniqueHost();
    const system = await createSystem(admin.token, { host, name: 'Epic', screenQueryKeys: ['activity', 'activity'] });
    expect(system).toMatchObject({ host, name: 'Epic', screenQueryKeys: ['activity'], active: true, screens: [] });
    const medRec = await createScreen(admin.token, system.id, { pathTemplate: '/chart/:id/medrec', name: 'Med Rec' });
    await createScreen(admin.token, system.id, { pathTemplate: '/chart?activity=orders', name: 'Orders' });

    const clinician = await enroll(['clinician']);
    const res = await api('/v1/systems', { token: clinician.token });
    expect(res.status).toBe(200);
    const listed = SystemList.parse(await res.json()).systems.find((s) => s.id === system.id);
    expect(listed?.screens.map((s) => s.name).sort()).toEqual(['Med Rec', 'Orders']);
    if (!listed) throw new Error('system not listed');
    expect(nameScreen([listed], { host, path: '/chart/:id/medrec' })?.label).toBe('Epic › Med Rec');
    expect(nameScreen([listed], { host, path: '/chart?activity=orders&tab=list' })?.label).toBe('Epic › Orders');

    const audit = await auditOf(system.id);
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['system.created', admin.user.id]]);
    expect((await auditOf(medRec.id)).map((a) => a.action)).toEqual(['screen.created']);
    expect(JSON.parse((await auditOf(medRec.id))[0]?.details ?? '{}')).toEqual({ systemId: system.id });
  });

  it('accepts a picked screen from the list as a flag’s screen (desktop client host)', async () => {
    const admin = await enrollAdmin();
    const host = `hyperspace-${randomId().slice(0, 6)}.desktop`;
    const system = await createSystem(admin.token, { host, name: 'Epic Hyperspace' });
    const screen = await createScreen(admin.token, system.id, { pathTemplate: '/medrec', name: 'Med Rec' });
    const clinician = await enroll(['clinician']);
    const res = await api('/v1/flags', {
      token: clinician.token,
      body: flagBody({ screen: { host, path: screen.pathTemplate } }),
    });
    expect(res.status).toBe(201);
  });

  it('renames, re-hosts and deactivates a system; inactive systems are hidden from users', async () => {
    const admin = await enrollAdmin();
    const system = await createSystem(admin.token, { host: uniqueHost(), name: 'Cerner' });
    const newHost = uniqueHost();
    const res = await patch(admin.token, `/v1/admin/systems/${system.id}`, {
      name: 'Oracle Health',
      host: newHost,
      screenQueryKeys: ['tab'],
    });
    expect(System.parse(await res.json())).toMatchObject({
      name: 'Oracle Health',
      host: newHost,
      screenQueryKeys: ['tab'],
    });
    await patch(admin.token, `/v1/admin/systems/${system.id}`, { active: false });

    const user = await enroll(['mentor']);
    const visible = SystemList.parse(await (await api('/v1/systems', { token: user.token })).json()).systems;
    expect(visible.map((s) => s.id)).not.toContain(system.id);
    const all = SystemList.parse(await (await api('/v1/admin/systems', { token: admin.token })).json()).systems;
    expect(all.find((s) => s.id === system.id)?.active).toBe(false);

    const audit = await auditOf(system.id);
    expect(audit.map((a) => a.action)).toEqual(['system.created', 'system.updated', 'system.updated']);
    expect(JSON.parse(audit[1]?.details ?? '{}').fields.sort()).toEqual(['host', 'name', 'screenQueryKeys']);
  });

  it('renames and deletes a screen, auditing both', async () => {
    const admin = await enrollAdmin();
    const system = await createSystem(admin.token, { host: uniqueHost(), name: 'PACS' });
    const screen = await createScreen(admin.token, system.id, { pathTemplate: '/viewer', name: 'Viewer' });
    const renamed = await patch(admin.token, `/v1/admin/screens/${screen.id}`, { name: 'Image viewer' });
    expect(SystemScreen.parse(await renamed.json())).toEqual({ ...screen, name: 'Image viewer' });
    const del = await api(`/v1/admin/screens/${screen.id}`, { method: 'DELETE', token: admin.token });
    expect(Ok.parse(await del.json())).toEqual({ ok: true });
    const after = SystemList.parse(await (await api('/v1/admin/systems', { token: admin.token })).json());
    expect(after.systems.find((s) => s.id === system.id)?.screens).toEqual([]);
    expect((await auditOf(screen.id)).map((a) => a.action)).toEqual([
      'screen.created',
      'screen.updated',
      'screen.deleted',
    ]);
    await expectError(
      await api(`/v1/admin/screens/${screen.id}`, { method: 'DELETE', token: admin.token }),
      404,
      'not_found',
    );
  });

  it('refuses a host or template that already exists with 409', async () => {
    const admin = await enrollAdmin();
    const host = uniqueHost();
    const system = await createSystem(admin.token, { host, name: 'One' });
    await expectError(
      await api('/v1/admin/systems', { token: admin.token, body: { host, name: 'Two' } }),
      409,
      'conflict',
    );
    await createScreen(admin.token, system.id, { pathTemplate: '/orders', name: 'Orders' });
    await expectError(
      await api(`/v1/admin/systems/${system.id}/screens`, {
        token: admin.token,
        body: { pathTemplate: '/orders', name: 'Orders again' },
      }),
      409,
      'conflict',
    );
    const other = await createSystem(admin.token, { host: uniqueHost(), name: 'Other' });
    await expectError(await patch(admin.token, `/v1/admin/systems/${other.id}`, { host }), 409, 'conflict');
  });

  const invalidSystems: [string, Record<string, unknown>, string][] = [
    ['an upper-case host', { host: 'EHR.Example.org', name: 'X' }, 'host'],
    ['a URL instead of a host', { host: 'https://ehr.example.org/', name: 'X' }, 'host'],
    ['a host the de-identifier would change', { host: 'ehr..example.org', name: 'X' }, 'host'],
    [
      'a query key Curbside drops',
      { host: 'ok.example.org', name: 'X', screenQueryKeys: ['mrn'] },
      'screenQueryKeys.0',
    ],
    ['an empty name', { host: 'ok.example.org', name: '  ' }, 'name'],
    ['an unknown field', { host: 'ok.example.org', name: 'X', owner: 'me' }, ''],
  ];
  for (const [what, body, path] of invalidSystems) {
    it(`rejects a system with ${what} with 400`, async () => {
      const admin = await enrollAdmin();
      const err = await expectError(
        await api('/v1/admin/systems', { token: admin.token, body }),
        400,
        'validation_failed',
      );
      expect(issuePaths(err)).toContain(path);
    });
  }

  const invalidTemplates: [string, string][] = [
    ['a patient id in the path', '/chart/12345678/medrec'],
    ['a name-like slug', '/patients/john-smith'],
    ['a query key that is dropped', '/chart?mrn=abc'],
    ['no leading slash', 'chart'],
  ];
  for (const [what, pathTemplate] of invalidTemplates) {
    it(`rejects a screen template with ${what} with 400 and stores nothing`, async () => {
      const admin = await enrollAdmin();
      const system = await createSystem(admin.token, { host: uniqueHost(), name: 'Sys' });
      const res = await api(`/v1/admin/systems/${system.id}/screens`, {
        token: admin.token,
        body: { pathTemplate, name: 'Bad' },
      });
      const err = await expectError(res, 400, 'validation_failed');
      expect(issuePaths(err)).toContain('pathTemplate');
      expect(await rows('SELECT id FROM system_screens WHERE system_id = ?1', system.id)).toEqual([]);
    });
  }

  it('tells the admin which de-identified path to use', async () => {
    const admin = await enrollAdmin();
    const system = await createSystem(admin.token, { host: uniqueHost(), name: 'Sys' });
    const res = await api(`/v1/admin/systems/${system.id}/screens`, {
      token: admin.token,
      body: { pathTemplate: '/chart/12345678/medrec', name: 'Med Rec' },
    });
    const err = await expectError(res, 400, 'validation_failed');
    expect(err.error.message).toContain('/chart/:id/medrec');
  });

  it('returns 404 for a system or screen that does not exist', async () => {
    const admin = await enrollAdmin();
    const missing = randomId();
    await expectError(await patch(admin.token, `/v1/admin/systems/${missing}`, { name: 'X' }), 404, 'not_found');
    await expectError(
      await api(`/v1/admin/systems/${missing}/screens`, {
        token: admin.token,
        body: { pathTemplate: '/a', name: 'A' },
      }),
      404,
      'not_found',
    );
    await expectError(await patch(admin.token, `/v1/admin/screens/${missing}`, { name: 'X' }), 404, 'not_found');
  });

  it('refuses every admin systems endpoint to non-admins, and writes nothing', async () => {
    const admin = await enrollAdmin();
    const system = await createSystem(admin.token, { host: uniqueHost(), name: 'Guarded' });
    for (const role of ['clinician', 'mentor', 'lead'] as const) {
      const { token } = await enroll([role]);
      await expectError(await api('/v1/admin/systems', { token }), 403, 'forbidden');
      await expectError(
        await api('/v1/admin/systems', { token, body: { host: uniqueHost(), name: 'Sneaky' } }),
        403,
        'forbidden',
      );
      await expectError(await patch(token, `/v1/admin/systems/${system.id}`, { name: 'Renamed' }), 403, 'forbidden');
      await expectError(
        await api(`/v1/admin/systems/${system.id}/screens`, { token, body: { pathTemplate: '/x', name: 'X' } }),
        403,
        'forbidden',
      );
    }
    const all = SystemList.parse(await (await api('/v1/admin/systems', { token: admin.token })).json()).systems;
    expect(all.find((s) => s.id === system.id)).toMatchObject({ name: 'Guarded', screens: [] });
    await expectError(await api('/v1/systems'), 401, 'unauthorized');
  });
});
