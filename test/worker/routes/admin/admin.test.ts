import { describe, expect, it } from 'vitest';
import { Topic, TopicList, Unit, UnitList } from '../../../../shared/catalog';
import { PublicSettings, Settings } from '../../../../shared/settings';
import { User, UserList } from '../../../../shared/users';
import { api, enroll, enrollAdmin, expectError, issuePaths, randomId, rows } from '../../helpers';

type Audit = { actor_id: string; action: string; target: string | null; details: string };

async function auditFor(target: string | null, action: string): Promise<Audit[]> {
  return target === null
    ? rows<Audit>('SELECT actor_id, action, target, details FROM audit WHERE action = ?1', action)
    : rows<Audit>(
        'SELECT actor_id, action, target, details FROM audit WHERE action = ?1 AND target = ?2',
        action,
        target,
      );
}

const patch = (token: string, path: string, body: unknown) => api(path, { method: 'PATCH', token, body });

describe('admin users', () => {
  it('lists users and filters them by name, role and active state', async () => {
    const admin = await enrollAdmin();
    const mentor = await enroll(['mentor'], 'Zelda Mentorson');
    const gone = await enroll(['clinician'], 'Zelda Gone');
    await api(`/v1/admin/users/${gone.user.id}/deactivate`, { method: 'POST', token: admin.token });

    const list = async (query: string) =>
      UserList.parse(await (await api(`/v1/admin/users${query}`, { token: admin.token })).json()).users;

    expect((await list('')).map((u) => u.id)).toEqual(expect.arrayContaining([admin.user.id, mentor.user.id]));
    expect((await list('?q=Zelda')).map((u) => u.displayName).sort()).toEqual(['Zelda Gone', 'Zelda Mentorson']);
    expect((await list('?q=Zelda&role=mentor')).map((u) => u.id)).toEqual([mentor.user.id]);
    expect((await list('?q=Zelda&active=false')).map((u) => u.id)).toEqual([gone.user.id]);
    expect(await list('?q=%25')).toEqual([]); // a literal % matches no name, not every name
  });

  it('rejects an unknown role filter', async () => {
    const admin = await enrollAdmin();
    await expectError(await api('/v1/admin/users?role=owner', { token: admin.token }), 400, 'validation_failed');
  });

  it('changes a user’s roles, and the user’s next request has exactly the new roles', async () => {
    const admin = await enrollAdmin();
    const user = await enroll(['clinician']);
    // The user's session is read (and held for the session window) before the change.
    expect((await api('/v1/me', { token: user.token })).status).toBe(200);
    const res = await patch(admin.token, `/v1/admin/users/${user.user.id}`, {
      roles: ['mentor', 'lead', 'mentor'],
      displayName: 'Promoted',
      discipline: 'medicine',
    });
    expect(res.status).toBe(200);
    expect(User.parse(await res.json())).toMatchObject({
      roles: ['lead', 'mentor'],
      displayName: 'Promoted',
      discipline: 'medicine',
    });
    const me = await api('/v1/me', { token: user.token });
    expect(((await me.json()) as { user: User }).user.roles).toEqual(['lead', 'mentor']);

    const audit = await auditFor(user.user.id, 'user.updated');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ roles: ['mentor', 'lead'] });
  });

  it('sets and clears a user’s unit, refusing an unknown one', async () => {
    const admin = await enrollAdmin();
    const user = await enroll();
    const unit = Unit.parse(
      await (await api('/v1/admin/units', { token: admin.token, body: { name: 'ICU 4' } })).json(),
    );
    const set = User.parse(
      await (await patch(admin.token, `/v1/admin/users/${user.user.id}`, { unitId: unit.id })).json(),
    );
    expect(set.unitId).toBe(unit.id);
    const cleared = User.parse(
      await (await patch(admin.token, `/v1/admin/users/${user.user.id}`, { unitId: null })).json(),
    );
    expect(cleared.unitId).toBeNull();
    const res = await patch(admin.token, `/v1/admin/users/${user.user.id}`, { unitId: randomId() });
    expect(issuePaths(await expectError(res, 400, 'validation_failed'))).toEqual(['unitId']);
  });

  it('rejects empty roles, unknown roles and unknown fields on a user patch', async () => {
    const admin = await enrollAdmin();
    const user = await enroll();
    for (const body of [{ roles: [] }, { roles: ['owner'] }, { active: true }, { id: 'other' }]) {
      await expectError(await patch(admin.token, `/v1/admin/users/${user.user.id}`, body), 400, 'validation_failed');
    }
  });

  it('returns 404 for a user that does not exist', async () => {
    const admin = await enrollAdmin();
    await expectError(await patch(admin.token, `/v1/admin/users/${randomId()}`, { roles: ['lead'] }), 404, 'not_found');
    const res = await api(`/v1/admin/users/${randomId()}/deactivate`, { method: 'POST', token: admin.token });
    await expectError(res, 404, 'not_found');
  });

  it('deactivates a user and audits it', async () => {
    const admin = await enrollAdmin();
    const user = await enroll();
    const res = await api(`/v1/admin/users/${user.user.id}/deactivate`, { method: 'POST', token: admin.token });
    expect(User.parse(await res.json()).active).toBe(false);
    const audit = await auditFor(user.user.id, 'user.deactivated');
    expect(audit.map((a) => a.actor_id)).toEqual([admin.user.id]);
  });
});

describe('admin units and topics', () => {
  for (const [table, Item, List] of [
    ['units', Unit, UnitList],
    ['topics', Topic, TopicList],
  ] as const) {
    const noun = table.slice(0, -1);

    it(`creates, renames and deactivates ${table}, auditing each change`, async () => {
      const admin = await enrollAdmin();
      const name = `New ${noun} ${randomId().slice(0, 6)}`;
      const created = await api(`/v1/admin/${table}`, { token: admin.token, body: { name: `  ${name}  ` } });
      expect(created.status).toBe(201);
      const item = Item.parse(await created.json());
      expect(item).toMatchObject({ name, active: true });

      const renamed = Item.parse(
        await (await patch(admin.token, `/v1/admin/${table}/${item.id}`, { name: `${name} B` })).json(),
      );
      expect(renamed).toEqual({ id: item.id, name: `${name} B`, active: true });

      const off = Item.parse(
        await (await patch(admin.token, `/v1/admin/${table}/${item.id}`, { active: false })).json(),
      );
      expect(off).toEqual({ id: item.id, name: `${name} B`, active: false });

      // Admins see inactive entries; everyone else sees only active ones.
      const all = List.parse(await (await api(`/v1/admin/${table}`, { token: admin.token })).json()) as Record<
        string,
        { id: string }[]
      >;
      expect(all[table]?.map((i) => i.id)).toContain(item.id);
      const user = await enroll();
      const visible = List.parse(await (await api(`/v1/${table}`, { token: user.token })).json()) as Record<
        string,
        { id: string }[]
      >;
      expect(visible[table]?.map((i) => i.id)).not.toContain(item.id);

      expect((await auditFor(item.id, `${table}.created`)).map((a) => a.actor_id)).toEqual([admin.user.id]);
      expect(await auditFor(item.id, `${table}.updated`)).toHaveLength(2);
    });

    it(`refuses a duplicate ${noun} name with 409, ignoring case`, async () => {
      const admin = await enrollAdmin();
      const name = `Dup ${noun} ${randomId().slice(0, 6)}`;
      expect((await api(`/v1/admin/${table}`, { token: admin.token, body: { name } })).status).toBe(201);
      await expectError(await api(`/v1/admin/${table}`, { token: admin.token, body: { name } }), 409, 'conflict');
      const upper = { name: name.toUpperCase() };
      await expectError(await api(`/v1/admin/${table}`, { token: admin.token, body: upper }), 409, 'conflict');
    });

    it(`refuses renaming a ${noun} to another’s name with 409`, async () => {
      const admin = await enrollAdmin();
      const suffix = randomId().slice(0, 6);
      const a = Item.parse(
        await (await api(`/v1/admin/${table}`, { token: admin.token, body: { name: `A ${suffix}` } })).json(),
      );
      await api(`/v1/admin/${table}`, { token: admin.token, body: { name: `B ${suffix}` } });
      await expectError(
        await patch(admin.token, `/v1/admin/${table}/${a.id}`, { name: `B ${suffix}` }),
        409,
        'conflict',
      );
      // Renaming to its own name (a case change) is not a clash.
      expect((await patch(admin.token, `/v1/admin/${table}/${a.id}`, { name: `a ${suffix}` })).status).toBe(200);
    });

    it(`returns 404 when patching a ${noun} that does not exist`, async () => {
      const admin = await enrollAdmin();
      await expectError(
        await patch(admin.token, `/v1/admin/${table}/${randomId()}`, { active: false }),
        404,
        'not_found',
      );
    });

    it(`rejects an empty ${noun} name`, async () => {
      const admin = await enrollAdmin();
      await expectError(
        await api(`/v1/admin/${table}`, { token: admin.token, body: { name: '  ' } }),
        400,
        'validation_failed',
      );
    });
  }
});

describe('admin settings', () => {
  it('reads and patches settings, shows the public part to users, and audits the change', async () => {
    const admin = await enrollAdmin();
    const before = Settings.parse(await (await api('/v1/admin/settings', { token: admin.token })).json());
    const res = await patch(admin.token, '/v1/admin/settings', {
      organisationName: 'St Elsewhere',
      kAnonymity: 5,
      timeZone: 'Europe/London',
    });
    expect(res.status).toBe(200);
    const after = Settings.parse(await res.json());
    expect(after).toEqual({ ...before, organisationName: 'St Elsewhere', kAnonymity: 5, timeZone: 'Europe/London' });
    expect(Settings.parse(await (await api('/v1/admin/settings', { token: admin.token })).json())).toEqual(after);

    const user = await enroll();
    const publicRes = await api('/v1/settings', { token: user.token });
    const text = await publicRes.text();
    const visible = PublicSettings.parse(JSON.parse(text));
    expect(visible.organisationName).toBe('St Elsewhere');
    expect(Object.keys(JSON.parse(text))).not.toContain('retentionDays');

    const audit = await auditFor(null, 'settings.updated');
    expect(audit.at(-1)?.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit.at(-1)?.details ?? '{}').fields.sort()).toEqual([
      'kAnonymity',
      'organisationName',
      'timeZone',
    ]);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['k below 2', { kAnonymity: 1 }, 'kAnonymity'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['negative idle minutes', { idleSignOutMinutes: -5 }, 'idleSignOutMinutes'],
    ['negative claim expiry minutes', { claimExpiryMinutes: -1 }, 'claimExpiryMinutes'],
    ['a version that is not semver', { minExtensionVersion: 'latest' }, 'minExtensionVersion'],
    ['an unknown setting', { superuser: true }, ''],
  ];
  for (const [what, body, path] of invalid) {
    it(`rejects ${what} with 400 and changes nothing`, async () => {
      const admin = await enrollAdmin();
      const before = await (await api('/v1/admin/settings', { token: admin.token })).json();
      const err = await expectError(await patch(admin.token, '/v1/admin/settings', body), 400, 'validation_failed');
      expect(issuePaths(err)).toContain(path);
      expect(await (await api('/v1/admin/settings', { token: admin.token })).json()).toEqual(before);
    });
  }
});
