import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { ApiError, errorBody } from '../lib/errors';

export const MAX_BODY_BYTES = 32 * 1024;

export function limitBody(): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('payload_too_large', 'Request body is larger than 32 KB'), 413),
  });
}

/** Writes take JSON only: a body of any other type is refused before it is parsed. */
export function requireJson(): MiddlewareHandler<AppEnv> {
  return async function requireJson(c, next) {
    if (c.req.method === 'POST' || c.req.method === 'PATCH' || c.req.method === 'PUT') {
      const length = c.req.header('content-length');
      const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
      const type = c.req.header('content-type') ?? '';
      // SCIM clients send their own type (RFC 7644 §3.1); it is JSON all the same.
      const json = c.req.path.startsWith('/scim/')
        ? /^application\/(scim\+)?json\s*(;|$)/i
        : /^application\/json\s*(;|$)/i;
      if (hasBody && !json.test(type)) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
      }
    }
    await next();
  };
}
