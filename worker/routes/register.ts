import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Endpoint, HandlerInput, Response } from '../../shared/api';
import { ErrorBody } from '../../shared/errors';
import type { AppEnv } from '../env';
import { authorize } from '../middleware/auth';
import { limitRequests } from '../middleware/rate-limit';
import { auditConfirmations, checkFreeText } from '../services/identifiers';

type Handler<E extends Endpoint> = (
  c: Context<AppEnv>,
  input: HandlerInput<E>,
) => Promise<E extends { produces: string } ? globalThis.Response : Response<E>>;

function errorResponses(ep: Endpoint): RouteConfig['responses'] {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });
  const responses: RouteConfig['responses'] = { 429: error('Too many requests') };
  if (ep.body || ep.query || ep.params) responses[400] = error('Invalid input');
  if (ep.body) {
    responses[413] = error('Body over 32 KB');
    responses[415] = error('Body is not JSON');
    responses[422] = error('Text holds patient identifiers, or a retry differs from the original');
  }
  if (!ep.roles.includes('public')) {
    responses[401] = error('No valid token');
    responses[403] = error('Role not allowed');
  }
  if (ep.params) responses[404] = error('Not found');
  return responses;
}

/**
 * Registers one contract entry: role check, validation, the identifier check on every free-text
 * field, OpenAPI with `x-roles`. Routes go through here so none can skip a step.
 */
export function register<E extends Endpoint>(app: OpenAPIHono<AppEnv>, ep: E, handler: Handler<E>): void {
  const route = createRoute({
    method: ep.method,
    path: ep.path,
    summary: ep.summary,
    tags: [ep.tag],
    'x-roles': [...ep.roles],
    security: ep.roles.includes('public') ? [] : [{ bearer: [] }],
    middleware: [authorize(ep.roles), limitRequests()] as const,
    request: {
      ...(ep.body ? { body: { required: true, content: { 'application/json': { schema: ep.body } } } } : {}),
      ...(ep.query ? { query: ep.query } : {}),
      ...(ep.params ? { params: ep.params } : {}),
    },
    responses: {
      [ep.status]: {
        description: ep.summary,
        content: { [ep.produces ?? 'application/json']: { schema: ep.response } },
      },
      ...errorResponses(ep),
    },
  });
  // The route's types are built at run time from the contract, so validated input is read untyped
  // here once and handed to the handler under the contract's types.
  const valid = (c: Context<AppEnv>, target: 'json' | 'query' | 'param') =>
    (c.req as unknown as { valid: (t: string) => unknown }).valid(target);
  const respond = async (c: Context<AppEnv>) => {
    const input = {
      body: ep.body ? valid(c, 'json') : undefined,
      query: ep.query ? valid(c, 'query') : undefined,
      params: ep.params ? valid(c, 'param') : undefined,
    } as HandlerInput<E>;
    const confirmations = ep.body ? await checkFreeText(c.env.DETECTOR, ep.body, input.body) : [];
    const result = await handler(c, input);
    if (confirmations.length > 0) await auditConfirmations(c, { path: ep.path, ...input }, confirmations);
    if (result instanceof globalThis.Response) return result;
    const status = c.get('replayed') ? 200 : ep.status;
    return c.json(result as never, status);
  };
  app.openapi(route, respond as never);
}
