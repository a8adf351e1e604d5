import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  SCIM_CONTENT_TYPE,
  ScimError,
  ScimGroup,
  ScimGroupInput,
  ScimListResponse,
  ScimPatchOp,
  ScimUser,
  ScimUserInput,
} from '../../shared/scim';
import type { AppEnv } from '../env';

/**
 * SCIM's operations in /openapi.json. `x-roles: ["scim"]` names their credential: the SCIM bearer token
 * made on the admin page, not a user's token; refusals use SCIM's error body (RFC 7644 §3.12).
 */
export function documentScim(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'scimBearer', { type: 'http', scheme: 'bearer' });
  const scim = (schema: z.ZodType) => ({ content: { [SCIM_CONTENT_TYPE]: { schema } } });
  const errors = Object.fromEntries(
    [400, 401, 404, 409].map((s) => [s, { description: `SCIM error ${s}`, ...scim(ScimError) }]),
  );
  const id = z.object({ id: z.string() });
  const list = z.object({
    filter: z.string().optional(),
    startIndex: z.string().optional(),
    count: z.string().optional(),
  });
  const ops: [method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, summary: string, extra: object][] = [
    [
      'get',
      '/ServiceProviderConfig',
      'What this SCIM service supports',
      { responses: { 200: { description: 'Config' } } },
    ],
    [
      'get',
      '/Users',
      'List users (filter userName or externalId eq)',
      { request: { query: list }, responses: { 200: { description: 'Users', ...scim(ScimListResponse(ScimUser)) } } },
    ],
    [
      'post',
      '/Users',
      'Provision a user',
      { request: { body: scim(ScimUserInput) }, responses: { 201: { description: 'Created', ...scim(ScimUser) } } },
    ],
    [
      'get',
      '/Users/{id}',
      'A user',
      { request: { params: id }, responses: { 200: { description: 'User', ...scim(ScimUser) } } },
    ],
    [
      'put',
      '/Users/{id}',
      'Replace a user',
      {
        request: { params: id, body: scim(ScimUserInput) },
        responses: { 200: { description: 'User', ...scim(ScimUser) } },
      },
    ],
    [
      'patch',
      '/Users/{id}',
      'Patch a user (active false deactivates and revokes every token)',
      {
        request: { params: id, body: scim(ScimPatchOp) },
        responses: { 200: { description: 'User', ...scim(ScimUser) } },
      },
    ],
    [
      'delete',
      '/Users/{id}',
      'Deprovision a user',
      { request: { params: id }, responses: { 204: { description: 'Deleted' } } },
    ],
    [
      'get',
      '/Groups',
      'List groups (filter displayName or externalId eq)',
      { request: { query: list }, responses: { 200: { description: 'Groups', ...scim(ScimListResponse(ScimGroup)) } } },
    ],
    [
      'post',
      '/Groups',
      'Create a group',
      { request: { body: scim(ScimGroupInput) }, responses: { 201: { description: 'Created', ...scim(ScimGroup) } } },
    ],
    [
      'get',
      '/Groups/{id}',
      'A group',
      { request: { params: id }, responses: { 200: { description: 'Group', ...scim(ScimGroup) } } },
    ],
    [
      'put',
      '/Groups/{id}',
      'Replace a group and its members',
      {
        request: { params: id, body: scim(ScimGroupInput) },
        responses: { 200: { description: 'Group', ...scim(ScimGroup) } },
      },
    ],
    [
      'patch',
      '/Groups/{id}',
      'Patch a group (members → roles through the mappings)',
      { request: { params: id, body: scim(ScimPatchOp) }, responses: { 204: { description: 'Patched' } } },
    ],
    [
      'delete',
      '/Groups/{id}',
      'Delete a group',
      { request: { params: id }, responses: { 204: { description: 'Deleted' } } },
    ],
  ];
  for (const [method, path, summary, extra] of ops) {
    const { responses, ...rest } = extra as { responses: Record<number, object> };
    app.openAPIRegistry.registerPath({
      method,
      path,
      summary,
      tags: ['scim'],
      'x-roles': ['scim'],
      security: [{ scimBearer: [] }],
      ...rest,
      responses: { ...responses, ...errors },
    } as never);
  }
}
