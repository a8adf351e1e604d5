import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { ApiError, errorBody } from '../lib/errors';

// Only the request id, method, route and status are logged: never bodies, query strings or tokens.
function logFailure(c: Context<AppEnv>, status: number, err?: unknown) {
  const name = err instanceof Error ? err.name : 'unknown';
  console.error(
    JSON.stringify({
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status,
      error: name,
    }),
  );
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(errorBody('payload_too_large', 'Request body is larger than 32 KB'), 413);
    return c.json(errorBody('bad_request', err.message || 'Bad request'), status);
  }
  logFailure(c, 500, err);
  return c.json(errorBody('internal', 'Something went wrong on our side; nothing you sent was lost'), 500);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
