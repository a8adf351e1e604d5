import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  SCIM_CONTENT_TYPE,
  SCIM_ERROR,
  SCIM_LIST,
  ScimGroupInput,
  ScimListQuery,
  ScimPatchOp,
  ScimUserInput,
} from '../../shared/scim';
import { auditStatement } from '../db/audit';
import { getScimGroup, getScimUser, isLiveScimToken, listScimGroups, listScimUsers } from '../db/scim';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { sha256Hex } from '../lib/crypto';
import {
  createGroup,
  createUser,
  deleteGroup,
  deleteUser,
  groupResource,
  parseScim,
  patchGroup,
  patchUser,
  replaceGroup,
  replaceUser,
  userResource,
} from '../services/scim';
import { eqFilter, ScimFailure, scimNotFound } from '../services/scim-errors';
import { documentScim } from './scim-openapi';

/** SCIM 2.0 (RFC 7643/7644) for the organisation's identity provider, mounted at /scim/v2. */
export const scimRoutes = new OpenAPIHono<AppEnv>();
documentScim(scimRoutes);

const scimJson = (c: Context<AppEnv>, body: unknown, status: 200 | 201 = 200) =>
  c.body(JSON.stringify(body), status, { 'content-type': SCIM_CONTENT_TYPE });

const baseOf = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}/scim/v2`;

async function bodyOf(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ScimFailure(400, 'The body is not JSON', 'invalidSyntax');
  }
}

function listOf(total: number, startIndex: number, resources: unknown[]) {
  return {
    schemas: [SCIM_LIST],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

// A refusal is audited by status and SCIM type only: never the body, which names people.
scimRoutes.onError(async (e, c) => {
  const failure = e instanceof ScimFailure ? e : new ScimFailure(500, 'Internal error');
  if (!(e instanceof ScimFailure)) console.error('scim', e);
  await auditStatement(c.env.DB, {
    at: now(),
    actorId: null,
    action: 'scim.refused',
    details: { status: failure.status, scimType: failure.scimType ?? null, method: c.req.method },
  })
    .run()
    .catch(() => {});
  const body = {
    schemas: [SCIM_ERROR],
    status: String(failure.status),
    ...(failure.scimType ? { scimType: failure.scimType } : {}),
    detail: failure.message,
  };
  return c.body(JSON.stringify(body), failure.status, { 'content-type': SCIM_CONTENT_TYPE });
});

scimRoutes.use('*', async function scimBearer(c, next) {
  const header = c.req.header('authorization') ?? '';
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !(await isLiveScimToken(c.env.DB, await sha256Hex(token))))
    throw new ScimFailure(401, 'A valid SCIM bearer token is required');
  await next();
});

scimRoutes.get('/ServiceProviderConfig', (c) =>
  scimJson(c, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'Made on the Curbside admin page' },
    ],
  }),
);

scimRoutes.get('/Users', async (c) => {
  const q = parseScim(ScimListQuery, c.req.query());
  const where = eqFilter(q.filter, ['userName', 'externalId'] as const);
  const { total, users } = await listScimUsers(c.env.DB, { ...where, offset: q.startIndex - 1, limit: q.count });
  const base = baseOf(c);
  return scimJson(c, listOf(total, q.startIndex, await Promise.all(users.map((u) => userResource(c.env.DB, u, base)))));
});

scimRoutes.post('/Users', async (c) => {
  const input = parseScim(ScimUserInput, await bodyOf(c));
  const id = await createUser(c.env.DB, input, now());
  return scimJson(c, await userOr404(c, id), 201);
});

async function userOr404(c: Context<AppEnv>, id: string) {
  const rec = await getScimUser(c.env.DB, id);
  if (!rec) throw scimNotFound('User');
  return userResource(c.env.DB, rec, baseOf(c));
}

scimRoutes.get('/Users/:id', async (c) => scimJson(c, await userOr404(c, c.req.param('id'))));

scimRoutes.put('/Users/:id', async (c) => {
  const input = parseScim(ScimUserInput, await bodyOf(c));
  await replaceUser(c.env.DB, c.req.param('id'), input, now());
  return scimJson(c, await userOr404(c, c.req.param('id')));
});

scimRoutes.patch('/Users/:id', async (c) => {
  const patch = parseScim(ScimPatchOp, await bodyOf(c));
  await patchUser(c.env.DB, c.req.param('id'), patch, now(), baseOf(c));
  return scimJson(c, await userOr404(c, c.req.param('id')));
});

scimRoutes.delete('/Users/:id', async (c) => {
  await deleteUser(c.env.DB, c.req.param('id'), now());
  return c.body(null, 204);
});

async function groupOr404(c: Context<AppEnv>, id: string, withMembers = true) {
  const group = await getScimGroup(c.env.DB, id);
  if (!group) throw scimNotFound('Group');
  return groupResource(c.env.DB, group, baseOf(c), withMembers);
}

const wantsMembers = (q: { excludedAttributes?: string }) =>
  !(q.excludedAttributes ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .includes('members');

scimRoutes.get('/Groups', async (c) => {
  const q = parseScim(ScimListQuery, c.req.query());
  const where = eqFilter(q.filter, ['displayName', 'externalId'] as const);
  const { total, groups } = await listScimGroups(c.env.DB, { ...where, offset: q.startIndex - 1, limit: q.count });
  const base = baseOf(c);
  const resources = await Promise.all(groups.map((g) => groupResource(c.env.DB, g, base, wantsMembers(q))));
  return scimJson(c, listOf(total, q.startIndex, resources));
});

scimRoutes.post('/Groups', async (c) => {
  const input = parseScim(ScimGroupInput, await bodyOf(c));
  const id = await createGroup(c.env.DB, input, now());
  return scimJson(c, await groupOr404(c, id), 201);
});

scimRoutes.get('/Groups/:id', async (c) =>
  scimJson(c, await groupOr404(c, c.req.param('id'), wantsMembers(parseScim(ScimListQuery, c.req.query())))),
);

scimRoutes.put('/Groups/:id', async (c) => {
  const input = parseScim(ScimGroupInput, await bodyOf(c));
  await replaceGroup(c.env.DB, c.req.param('id'), input, now());
  return scimJson(c, await groupOr404(c, c.req.param('id')));
});

// Entra ID expects 204 from a group PATCH; Okta accepts 204 or the group.
scimRoutes.patch('/Groups/:id', async (c) => {
  const patch = parseScim(ScimPatchOp, await bodyOf(c));
  await patchGroup(c.env.DB, c.req.param('id'), patch, now(), baseOf(c));
  return c.body(null, 204);
});

scimRoutes.delete('/Groups/:id', async (c) => {
  await deleteGroup(c.env.DB, c.req.param('id'), now());
  return c.body(null, 204);
});
