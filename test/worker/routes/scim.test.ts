// SCIM 2.0 as Entra ID and Okta speak it: their documented request sequences, every response checked
// against the shapes of RFC 7643/7644, and what deprovisioning does to a person's sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import { Me, type Session } from '../../../shared/auth';
import {
  SCIM_CONTENT_TYPE,
  SCIM_ENTERPRISE,
  SCIM_GROUP,
  SCIM_PATCH,
  SCIM_USER,
  ScimError,
  ScimGroup,
  ScimListResponse,
  ScimUser,
} from '../../../shared/scim';
import { ScimTokenCreated } from '../../../shared/sso';
import { api, BASE, count, enrollAdmin, rows } from '../helpers';
import { fresh, setUpProvider, ssoSession, ssoSignIn } from '../sso-helpers';

let token = '';

beforeAll(async () => {
  const admin = await enrollAdmin();
  const res = await api('/v1/admin/sso/scim-token', { method: 'POST', token: admin.token });
  token = ScimTokenCreated.parse(await res.json()).token;
});

async function scim(method: string, path: string, body?: unknown, bearer = token) {
  const res = await api(`/scim/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': SCIM_CONTENT_TYPE }),
    },
    body,
  });
  const text = await res.text();
  if (text) expect(res.headers.get('content-type')).toBe(SCIM_CONTENT_TYPE);
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

const UserList = ScimListResponse(ScimUser);
const GroupList = ScimListResponse(ScimGroup.omit({ members: true }).extend({ members: ScimGroup.shape.members }));

async function expectScimError(p: Promise<{ status: number; json: unknown }>, status: number, scimType?: string) {
  const { status: got, json } = await p;
  expect(got, JSON.stringify(json)).toBe(status);
  const error = ScimError.parse(json);
  expect(error.status).toBe(String(status));
  if (scimType) expect(error.scimType).toBe(scimType);
  return error;
}

describe('Entra ID’s documented sequence', () => {
  it('plays users: lookup, create, get, filter, patch, disable, delete', async () => {
    const userName = `Test_User_${crypto.randomUUID()}`;
    const lookup = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(UserList.parse(lookup.json).totalResults).toBe(0);

    const created = await scim('POST', '/Users', {
      schemas: [SCIM_USER, SCIM_ENTERPRISE],
      externalId: crypto.randomUUID(),
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    });
    expect(created.status).toBe(201);
    const user = ScimUser.parse(created.json);
    expect(user.meta.location).toBe(`${BASE}/scim/v2/Users/${user.id}`);
    expect(user.active).toBe(true);

    expect(ScimUser.parse((await scim('GET', `/Users/${user.id}`)).json).userName).toBe(userName);
    const found = UserList.parse((await scim('GET', `/Users?filter=userName eq "${userName.toUpperCase()}"`)).json);
    expect(found.Resources.map((r) => r.id)).toEqual([user.id]);

    const patchedRes = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ],
    });
    expect(patchedRes.status).toBe(200);
    const patched = ScimUser.parse(patchedRes.json);
    expect(patched.emails?.[0]?.value).toBe('updatedEmail@microsoft.com');
    expect(patched.name?.familyName).toBe('updatedFamilyName');

    // Entra ID without the 2020 compliance flag sends the boolean as a string.
    const disabled = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(ScimUser.parse(disabled.json).active).toBe(false);
    expect(await count('SELECT COUNT(*) AS n FROM users WHERE id = ?1 AND active = 0', user.id)).toBe(1);

    expect((await scim('DELETE', `/Users/${user.id}`)).status).toBe(204);
    await expectScimError(scim('GET', `/Users/${user.id}`), 404);
  });

  it('plays groups: create, get without members, filter, add and remove members, delete', async () => {
    const member = ScimUser.parse(
      (await scim('POST', '/Users', { schemas: [SCIM_USER], userName: `member_${crypto.randomUUID()}`, active: true }))
        .json,
    );
    const displayName = `Group ${crypto.randomUUID()}`;
    const created = await scim('POST', '/Groups', {
      schemas: [SCIM_GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: crypto.randomUUID(),
      displayName,
      meta: { resourceType: 'Group' },
    });
    expect(created.status).toBe(201);
    const group = ScimGroup.parse(created.json);

    const bare = await scim('GET', `/Groups/${group.id}?excludedAttributes=members`);
    expect(ScimGroup.parse(bare.json).members).toBeUndefined();
    const filtered = GroupList.parse(
      (await scim('GET', `/Groups?excludedAttributes=members&filter=displayName eq "${displayName}"`)).json,
    );
    expect(filtered.Resources.map((g) => g.id)).toEqual([group.id]);

    const add = await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: member.id }] }],
    });
    expect(add.status).toBe(204);
    expect(ScimGroup.parse((await scim('GET', `/Groups/${group.id}`)).json).members?.map((m) => m.value)).toEqual([
      member.id,
    ]);
    const remove = await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: member.id }] }],
    });
    expect(remove.status).toBe(204);
    expect(ScimGroup.parse((await scim('GET', `/Groups/${group.id}`)).json).members).toEqual([]);

    expect((await scim('DELETE', `/Groups/${group.id}`)).status).toBe(204);
    await expectScimError(scim('GET', `/Groups/${group.id}`), 404);
  });
});

describe('Okta’s documented sequence', () => {
  it('plays users: lookup with paging, create with a password, replace by PUT, deactivate and reactivate by PATCH', async () => {
    const userName = `isabella.${crypto.randomUUID().slice(0, 8)}@okta.local`;
    const lookup = await scim('GET', `/Users?filter=userName eq "${userName}"&startIndex=1&count=100`);
    expect(UserList.parse(lookup.json)).toMatchObject({ totalResults: 0, startIndex: 1, Resources: [] });
    const body = {
      schemas: [SCIM_USER],
      userName,
      name: { givenName: 'Isabella', familyName: 'Test' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      displayName: 'Isabella Test',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    };
    const created = await scim('POST', '/Users', body);
    expect(created.status).toBe(201);
    const user = ScimUser.parse(created.json);
    expect(JSON.stringify(created.json)).not.toContain('1mz050nq');
    expect(JSON.stringify(await rows('SELECT resource FROM scim_users WHERE user_id = ?1', user.id))).not.toContain(
      '1mz050nq',
    );

    const put = await scim('PUT', `/Users/${user.id}`, {
      ...body,
      id: user.id,
      name: { givenName: 'Bella', familyName: 'Test' },
      displayName: 'Bella Test',
    });
    expect(ScimUser.parse(put.json).displayName).toBe('Bella Test');

    const off = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(ScimUser.parse(off.json).active).toBe(false);
    const on = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(ScimUser.parse(on.json).active).toBe(true);
  });

  it('plays groups: create, rename, add members, remove by filter path, delete', async () => {
    const member = ScimUser.parse(
      (await scim('POST', '/Users', { schemas: [SCIM_USER], userName: `okta_${crypto.randomUUID()}@okta.local` })).json,
    );
    const group = ScimGroup.parse(
      (
        await scim('POST', '/Groups', {
          schemas: [SCIM_GROUP],
          displayName: `Okta ${crypto.randomUUID()}`,
          members: [],
        })
      ).json,
    );
    const renamed = `Renamed ${crypto.randomUUID()}`;
    const rename = await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'replace', value: { id: group.id, displayName: renamed } }],
    });
    expect(rename.status).toBe(204);
    const add = await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: member.id, display: member.userName }] }],
    });
    expect(add.status).toBe(204);
    const after = ScimGroup.parse((await scim('GET', `/Groups/${group.id}`)).json);
    expect(after.displayName).toBe(renamed);
    expect(after.members?.map((m) => m.value)).toEqual([member.id]);
    const groupsOfUser = ScimUser.parse((await scim('GET', `/Users/${member.id}`)).json).groups;
    expect(groupsOfUser?.map((g) => g.value)).toEqual([group.id]);

    await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${member.id}"]` }],
    });
    expect(ScimGroup.parse((await scim('GET', `/Groups/${group.id}`)).json).members).toEqual([]);
    expect((await scim('DELETE', `/Groups/${group.id}`)).status).toBe(204);
  });
});

describe('deprovisioning and roles', () => {
  it('deactivation revokes every token of the person at once', async () => {
    const { provider } = await setUpProvider({ mode: 'existing' });
    const login = fresh('nurse.ada');
    const email = `ada+${login.split('+')[1]}@hospital.test`;
    const created = await scim('POST', '/Users', {
      schemas: [SCIM_USER],
      userName: email,
      emails: [{ primary: true, value: email }],
      active: true,
    });
    const user = ScimUser.parse(created.json);
    const phone: Session = await ssoSession(provider.id, login);
    const laptop: Session = await ssoSession(provider.id, login);
    expect(Me.parse(await (await api('/v1/me', { token: phone.token })).json()).user.id).toBe(user.id);

    await scim('PATCH', `/Users/${user.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect((await api('/v1/me', { token: phone.token })).status).toBe(401);
    expect((await api('/v1/me', { token: laptop.token })).status).toBe(401);
    expect(await count('SELECT COUNT(*) AS n FROM tokens WHERE user_id = ?1 AND revoked_at IS NULL', user.id)).toBe(0);
    expect((await ssoSignIn(provider.id, login)).status).toBe(403);
  });

  it('turns group membership into roles through the mappings, and back', async () => {
    const groupName = `Curbside Mentors ${crypto.randomUUID().slice(0, 6)}`;
    await setUpProvider({ mappings: [{ claim: 'groups', value: groupName, roles: ['mentor'], unitId: null }] });
    const user = ScimUser.parse(
      (await scim('POST', '/Users', { schemas: [SCIM_USER], userName: `m_${crypto.randomUUID()}@hospital.test` })).json,
    );
    const roles = async () =>
      (await rows<{ role: string }>('SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role', user.id)).map(
        (r) => r.role,
      );
    expect(await roles()).toEqual(['clinician']);
    const group = ScimGroup.parse(
      (await scim('POST', '/Groups', { schemas: [SCIM_GROUP], displayName: groupName, members: [{ value: user.id }] }))
        .json,
    );
    expect(await roles()).toEqual(['mentor']);
    await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${user.id}"]` }],
    });
    expect(await roles()).toEqual(['clinician']);
  });
});

describe('refusals in the SCIM error shape', () => {
  it('refuses without a token, or with a wrong one, as 401', async () => {
    await expectScimError(scim('GET', '/Users', undefined, ''), 401);
    await expectScimError(scim('GET', '/Users', undefined, 'scim_not-the-token'), 401);
  });

  it('refuses unknown attributes as invalidSyntax and writes nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM scim_users');
    const error = await expectScimError(
      scim('POST', '/Users', { schemas: [SCIM_USER], userName: 'x@y.test', favouriteColour: 'teal' }),
      400,
      'invalidSyntax',
    );
    expect(error.detail).toContain('favouriteColour');
    expect(await count('SELECT COUNT(*) AS n FROM scim_users')).toBe(before);
  });

  it('refuses a filter it does not support as invalidFilter', async () => {
    await expectScimError(scim('GET', '/Users?filter=userName co "a"'), 400, 'invalidFilter');
    await expectScimError(scim('GET', '/Users?filter=title eq "x"'), 400, 'invalidFilter');
    await expectScimError(scim('GET', '/Users?filter=userName eq'), 400, 'invalidFilter');
    await expectScimError(scim('GET', `/Users?filter=${'userName eq "x" or '.repeat(40)}userName eq "y"`), 400);
  });

  it('refuses a second user with the same userName as uniqueness (409)', async () => {
    const userName = `dup_${crypto.randomUUID()}`;
    expect((await scim('POST', '/Users', { schemas: [SCIM_USER], userName })).status).toBe(201);
    await expectScimError(scim('POST', '/Users', { schemas: [SCIM_USER], userName }), 409, 'uniqueness');
  });

  it('refuses a PATCH that is not a PatchOp', async () => {
    const user = ScimUser.parse(
      (await scim('POST', '/Users', { schemas: [SCIM_USER], userName: `p_${crypto.randomUUID()}` })).json,
    );
    await expectScimError(scim('PATCH', `/Users/${user.id}`, { Operations: [] }), 400);
    await expectScimError(
      scim('PATCH', `/Users/${user.id}`, {
        schemas: [SCIM_PATCH],
        Operations: [{ op: 'replace', path: 'shoeSize', value: 9 }],
      }),
      400,
    );
  });

  it('is listed in /openapi.json with its own credential in x-roles', async () => {
    const doc = (await (await api('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
    };
    expect(doc.paths['/scim/v2/Users']?.post?.['x-roles']).toEqual(['scim']);
    expect(doc.paths['/scim/v2/Groups/{id}']?.patch?.['x-roles']).toEqual(['scim']);
  });

  it('serves its ServiceProviderConfig', async () => {
    const res = await scim('GET', '/ServiceProviderConfig');
    expect(res.json).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
  });
});
