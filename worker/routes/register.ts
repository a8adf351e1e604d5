import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Endpoint, HandlerInput, Response } from '../../shared/api';
import { ErrorBody } from '../../shared/errors';
import type { AppEnv } from '../env';
import { askedOnce } from '../lib/detector';
import { authorize } from '../middleware/auth';
import { limitRequests, requireAllowance } from '../middleware/rate-limit';
import { auditConfirmations, checkFreeText, freeTextValues, type UsedConfirmation } from '../services/identifiers';
import { screenWordsOf } from '../services/validation';

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
 * What every request passes before its handler runs: the rate-limit verdict and the identifier check
 * of its free text, waited for together (both are round trips to other Workers; neither reads or
 * writes anything of the request's). The limit's 429 wins over the check's 422, as when it ran first.
 */
async function beforeHandler(c: Context<AppEnv>, ep: Endpoint, body: unknown): Promise<UsedConfirmation[]> {
  const check = async () => {
    if (!ep.body) return [];
    // One RPC to the detector for the body's free text and its screen's words together: the screen
    // check (services/validation.ts) is then answered from it.
    const texts = freeTextValues(ep.body, body).map((t) => t.text);
    c.env = { ...c.env, DETECTOR: askedOnce(c.env.DETECTOR, [...texts, ...screenWordsOf(body)]) };
    return checkFreeText(c.env.DETECTOR, ep.body, body);
  };
  const [allowance, checked] = await Promise.allSettled([requireAllowance(c), check()]);
  if (allowance.status === 'rejected') throw allowance.reason;
  if (checked.status === 'rejected') throw checked.reason;
  return checked.value;
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
    const confirmations = await beforeHandler(c, ep, input.body);
    const result = await handler(c, input);
    if (confirmations.length > 0) await auditConfirmations(c, { path: ep.path, ...input }, confirmations);
    if (result instanceof globalThis.Response) return result;
    const status = c.get('replayed') ? 200 : ep.status;
    return c.json(result as never, status);
  };
  app.openapi(route, respond as never);
}
