import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';
import { BOOKMARK_HEADER } from './d1-session';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|extension):\/\/[a-z0-9-]+$/i;
const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/** Only the extension (and, outside production, local development pages) may call from a browser. */
export function corsForExtensions(): MiddlewareHandler<AppEnv> {
  return async function corsForExtensions(c, next) {
    const extra = (c.env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const isProduction = c.env.ENVIRONMENT === 'production';
    const handler = cors({
      origin: (origin) => {
        if (EXTENSION_ORIGIN.test(origin) || extra.includes(origin)) return origin;
        if (!isProduction && LOCAL_ORIGIN.test(origin)) return origin;
        return null;
      },
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'X-Curbside-Version', BOOKMARK_HEADER],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'X-Curbside-Token', 'X-Curbside-Token-Expires', BOOKMARK_HEADER],
      maxAge: 600,
    });
    return handler(c, next);
  };
}
