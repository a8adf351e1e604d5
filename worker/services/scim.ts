import { ScimError as ScimPatchError, type ScimPatchOperation, scimPatch } from 'scim-patch';
import type { z } from 'zod';
import type { Role } from '../../shared/enums';
import { SCIM_GROUP, SCIM_USER, ScimGroupInput, type ScimPatchOp, ScimUserInput } from '../../shared/scim';
import { auditStatement } from '../db/audit';
import {
  addMemberStatement,
  deleteScimGroupStatements,
  deleteScimUserStatements,
  getScimGroup,
  getScimUser,
  groupMembers,
  isGroupNameTaken,
  isUserNameTaken,
  removeMemberStatement,
  type ScimGroupRecord,
  type ScimUserRecord,
  setActiveStatement,
  upsertScimGroupStatement,
  upsertScimUserStatement,
  userGroups,
} from '../db/scim';
import { forgetSessions } from '../db/session-cache';
import { getSsoSettings } from '../db/sso';
import { revokeUserTokensStatement } from '../db/tokens';
import {
  deactivateUnlessLastAdmin,
  getUser,
  insertUserStatements,
  removeAdminUnlessLast,
  setRolesStatements,
  updateUserStatement,
} from '../db/users';
import { toIso } from '../lib/clock';
import { newId } from '../lib/crypto';
import { ScimFailure, scimNotFound } from './scim-errors';
import { mapGroups } from './sso-mapping';

const audit = (db: D1Database, at: number, action: string, target: string, details?: Record<string, unknown>) =>
  auditStatement(db, { at, actorId: null, subjectId: target, action, target, details: { via: 'scim', ...details } });

/** Validates a body against a SCIM schema: unknown attributes are invalidSyntax, bad values invalidValue. */
export function parseScim<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown) throw new ScimFailure(400, `Unknown attributes: ${unknown.keys.join(', ')}`, 'invalidSyntax');
  const first = parsed.error.issues[0];
  throw new ScimFailure(400, `${first?.path.join('.') || 'body'}: ${first?.message ?? 'invalid'}`, 'invalidValue');
}

const displayNameOf = (u: ScimUserInput) =>
  (
    u.displayName ||
    u.name?.formatted ||
    [u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ') ||
    u.userName
  )
    .trim()
    .slice(0, 80);

const emailOf = (u: ScimUserInput) =>
  (u.emails?.find((e) => e.primary) ?? u.emails?.find((e) => e.type === 'work') ?? u.emails?.[0])?.value ?? null;

/** What is kept of a User: never the password; id, meta, active and groups are Curbside's own. */
function stored(u: ScimUserInput): string {
  const { password: _p, id: _i, meta: _m, active: _a, groups: _g, ...rest } = u;
  return JSON.stringify(rest);
}

/** The SCIM side of a user as the IdP last sent it (on create and on every replace or patch). */
const keepScimUser = (db: D1Database, userId: string, input: ScimUserInput, at: number) =>
  upsertScimUserStatement(db, {
    userId,
    userName: input.userName,
    externalId: input.externalId ?? null,
    email: emailOf(input),
    resource: stored(input),
    at,
  });

const meta = (type: 'User' | 'Group', base: string, id: string, created: number, updated: number) => ({
  resourceType: type,
  created: toIso(created),
  lastModified: toIso(updated),
  location: `${base}/${type}s/${id}`,
});

export async function userResource(db: D1Database, rec: ScimUserRecord, base: string) {
  return {
    ...rec.resource,
    schemas: (rec.resource.schemas as string[] | undefined) ?? [SCIM_USER],
    id: rec.userId,
    active: rec.active,
    groups: (await userGroups(db, rec.userId)).map((g) => ({ ...g, $ref: `${base}/Groups/${g.value}` })),
    meta: meta('User', base, rec.userId, rec.createdAt, rec.updatedAt),
  };
}

export async function groupResource(db: D1Database, g: ScimGroupRecord, base: string, withMembers = true) {
  return {
    schemas: [SCIM_GROUP],
    id: g.id,
    displayName: g.displayName,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    ...(withMembers ? { members: await groupMembers(db, g.id) } : {}),
    meta: meta('Group', base, g.id, g.createdAt, g.updatedAt),
  };
}

/**
 * Deactivation ends every session of the user in the same step: the user is inactive (the auth check
 * refuses them on their next request) and every token is revoked. The last active admin is kept.
 */
async function applyActive(db: D1Database, userId: string, active: boolean | undefined, at: number) {
  if (active === undefined) return;
  const user = await getUser(db, userId);
  if (!user || user.active === active) return;
  if (!active) {
    if (!(await deactivateUnlessLastAdmin(db, userId)))
      throw new ScimFailure(400, 'The last active Curbside admin cannot be deactivated', 'mutability');
    await db.batch([revokeUserTokensStatement(db, userId, at), audit(db, at, 'scim.user_deactivated', userId)]);
    forgetSessions();
    return;
  }
  await db.batch([setActiveStatement(db, userId, true), audit(db, at, 'scim.user_reactivated', userId)]);
}

export async function createUser(db: D1Database, input: ScimUserInput, at: number) {
  if (await isUserNameTaken(db, input.userName, null))
    throw new ScimFailure(409, 'A user with this userName exists', 'uniqueness');
  const id = newId();
  await db.batch([
    ...insertUserStatements(db, {
      id,
      displayName: displayNameOf(input),
      discipline: 'other',
      unitId: null,
      roles: ['clinician'],
      createdAt: at,
    }),
    keepScimUser(db, id, input, at),
    audit(db, at, 'scim.user_created', id),
  ]);
  if (input.active === false) await applyActive(db, id, false, at);
  return id;
}

export async function replaceUser(db: D1Database, id: string, input: ScimUserInput, at: number) {
  if (!(await getScimUser(db, id))) throw scimNotFound('User');
  if (await isUserNameTaken(db, input.userName, id))
    throw new ScimFailure(409, 'A user with this userName exists', 'uniqueness');
  await applyActive(db, id, input.active, at);
  await db.batch([
    updateUserStatement(db, id, { displayName: displayNameOf(input) }),
    keepScimUser(db, id, input, at),
    audit(db, at, 'scim.user_updated', id),
  ]);
}

/** PATCH by scim-patch on the resource as it stands, then the same write as a replace. */
function patched<T extends Record<string, unknown>>(resource: T, patch: ScimPatchOp): T {
  try {
    return scimPatch(resource as never, patch.Operations as ScimPatchOperation[], {
      mutateDocument: false,
      treatMissingAsAdd: true,
    }) as T;
  } catch (e) {
    if (e instanceof ScimPatchError) throw new ScimFailure(400, e.message, e.scimCode ?? 'invalidValue');
    throw e;
  }
}

export async function patchUser(db: D1Database, id: string, patch: ScimPatchOp, at: number, base: string) {
  const rec = await getScimUser(db, id);
  if (!rec) throw scimNotFound('User');
  const { groups: _g, ...current } = await userResource(db, rec, base);
  const next = patched(current, patch);
  await replaceUser(db, id, parseScim(ScimUserInput, { ...next, meta: undefined }), at);
}

export async function deleteUser(db: D1Database, id: string, at: number) {
  if (!(await getScimUser(db, id))) throw scimNotFound('User');
  const groups = (await userGroups(db, id)).map((g) => g.value);
  await applyActive(db, id, false, at);
  await db.batch([
    ...deleteScimUserStatements(db, id),
    revokeUserTokensStatement(db, id, at),
    audit(db, at, 'scim.user_deleted', id, { groups: groups.length }),
  ]);
  forgetSessions();
}

/**
 * Roles follow group membership through the organisation's `groups` mappings. With no such mapping,
 * groups carry no roles and admins assign them in Curbside. The last active admin keeps the role.
 */
async function recomputeRoles(db: D1Database, userIds: readonly string[], at: number) {
  const mappings = (await getSsoSettings(db)).mappings.filter((m) => m.claim === 'groups');
  if (mappings.length === 0) return;
  for (const userId of new Set(userIds)) {
    const user = await getUser(db, userId);
    if (!user) continue;
    const names = (await userGroups(db, userId)).map((g) => g.display);
    const { roles, unitId } = mapGroups(mappings, names);
    const next: Role[] = [...roles];
    if (user.roles.includes('admin') && !next.includes('admin') && !(await removeAdminUnlessLast(db, userId)))
      next.push('admin');
    const same = next.length === user.roles.length && next.every((r) => user.roles.includes(r));
    if (same && (unitId === null || unitId === user.unitId)) continue;
    await db.batch([
      ...setRolesStatements(db, userId, next.sort()),
      ...(unitId ? [updateUserStatement(db, userId, { unitId })] : []),
      audit(db, at, 'scim.roles_changed', userId, { roles: next }),
    ]);
  }
}

async function writeGroup(db: D1Database, id: string, input: ScimGroupInput, at: number, action: string) {
  if (await isGroupNameTaken(db, input.displayName, id))
    throw new ScimFailure(409, 'A group with this displayName exists', 'uniqueness');
  const before = (await groupMembers(db, id)).map((m) => m.value);
  const after = [...new Set((input.members ?? []).map((m) => m.value))];
  await db.batch([
    upsertScimGroupStatement(db, { id, displayName: input.displayName, externalId: input.externalId ?? null, at }),
    ...before.filter((u) => !after.includes(u)).map((u) => removeMemberStatement(db, id, u)),
    ...after.filter((u) => !before.includes(u)).map((u) => addMemberStatement(db, id, u)),
    auditStatement(db, { at, actorId: null, action, target: id, details: { via: 'scim', members: after.length } }),
  ]);
  await recomputeRoles(db, [...before, ...after], at);
}

export async function createGroup(db: D1Database, input: ScimGroupInput, at: number) {
  const id = newId();
  await writeGroup(db, id, input, at, 'scim.group_created');
  return id;
}

export async function replaceGroup(db: D1Database, id: string, input: ScimGroupInput, at: number) {
  if (!(await getScimGroup(db, id))) throw scimNotFound('Group');
  await writeGroup(db, id, input, at, 'scim.group_updated');
}

export async function patchGroup(db: D1Database, id: string, patch: ScimPatchOp, at: number, base: string) {
  const group = await getScimGroup(db, id);
  if (!group) throw scimNotFound('Group');
  const current = await groupResource(db, group, base);
  // Members compared by value alone, so Entra's {$ref, value} and Okta's {value, display} both match.
  const bare = (v: unknown) => (Array.isArray(v) ? v.map((m) => ({ value: (m as { value?: unknown }).value })) : v);
  const ops = patch.Operations.map((o) => (o.path?.toLowerCase() === 'members' ? { ...o, value: bare(o.value) } : o));
  const next = patched({ ...current, members: bare(current.members) }, { ...patch, Operations: ops });
  await writeGroup(db, id, parseScim(ScimGroupInput, { ...next, meta: undefined }), at, 'scim.group_updated');
}

export async function deleteGroup(db: D1Database, id: string, at: number) {
  if (!(await getScimGroup(db, id))) throw scimNotFound('Group');
  const members = (await groupMembers(db, id)).map((m) => m.value);
  await db.batch([
    ...deleteScimGroupStatements(db, id),
    auditStatement(db, { at, actorId: null, action: 'scim.group_deleted', target: id, details: { via: 'scim' } }),
  ]);
  await recomputeRoles(db, members, at);
}
