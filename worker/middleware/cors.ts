import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Env } from '../env';
import { BOOKMARK_HEADER } from './d1-session';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|extension):\/\/[a-z0-9-]+$/i;
const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

const ALLOW_METHODS = 'GET,POST,PATCH,PUT,DELETE';
const ALLOW_HEADERS = ['Authorization', 'Content-Type', 'X-Curbside-Version', BOOKMARK_HEADER].join(',');
const EXPOSE_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'X-Curbside-Token',
  'X-Curbside-Token-Expires',
  BOOKMARK_HEADER,
].join(',');
const MAX_AGE_SECONDS = '600';

/** Only the extension (and, outside production, local development pages) may call from a browser. */
function allowedOrigin(origin: string, env: Pick<Env, 'ALLOWED_ORIGINS' | 'ENVIRONMENT'>): string | null {
  if (!origin) return null;
  if (EXTENSION_ORIGIN.test(origin)) return origin;
  const extra = (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim());
  if (extra.includes(origin)) return origin;
  if (env.ENVIRONMENT !== 'production' && LOCAL_ORIGIN.test(origin)) return origin;
  return null;
}

/**
 * CORS for the extension, the headers hono/cors would send. Written out rather than hono/cors because
 * that one sets its headers on `c.res` before the handler runs: Hono then builds an empty Response for
 * them and copies it into a second one when the handler's arrives, and its Vary after the handler a
 * third: three Responses per request beyond the handler's own. Here the handler's own Response
 * gets the headers once it exists; a preflight (any OPTIONS, as hono/cors) is answered here.
 * What that saved is in README's Benchmarks ("Where the rest goes").
 */
export function corsForExtensions(): MiddlewareHandler<AppEnv> {
  return async function corsForExtensions(c, next) {
    const origin = allowedOrigin(c.req.header('origin') ?? '', c.env);
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({
        'Access-Control-Expose-Headers': EXPOSE_HEADERS,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': MAX_AGE_SECONDS,
        Vary: 'Origin',
      });
      if (origin) headers.set('Access-Control-Allow-Origin', origin);
      return new Response(null, { status: 204, headers });
    }
    await next();
    try {
      addCorsHeaders(c.res.headers, origin);
    } catch {
      // Headers that cannot change (a Response no route builds today): copied once, as Hono would.
      c.res = new Response(c.res.body, c.res);
      addCorsHeaders(c.res.headers, origin);
    }
  };
}

function addCorsHeaders(headers: Headers, origin: string | null): void {
  if (origin) headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  headers.append('Vary', 'Origin');
}
