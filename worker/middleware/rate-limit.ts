import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Env } from '../env';
import { sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';

/**
 * Cloudflare's Rate Limiting bindings (wrangler.jsonc `ratelimits`; simulated by miniflare locally
 * and in tests). Each counts one key per window; the limit and window live in the binding's config,
 * set per environment, so tests and the benchmark raise them there rather than here.
 */
type LimiterName = 'RATE_LIMIT_USER_WRITES' | 'RATE_LIMIT_IP_WRITES' | 'RATE_LIMIT_CODE_USE';

/** Every binding is configured with a 60 s window (the binding does not report it back). */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Searches sent as POST only so a typed draft stays out of URLs: they read, like GETs, and must not
 * spend the write budget (search-as-you-type would use it up in a minute).
 */
const QUERIES_SENT_AS_POST = new Set(['/v1/kb/search', '/v1/flags/similar']);

export const isWrite = (method: string, path = '') =>
  WRITE_METHODS.has(method.toUpperCase()) && !QUERIES_SENT_AS_POST.has(path);

/** The caller's address as Cloudflare reports it, hashed so no limiter key holds an IP. */
async function ipKey(c: Context<AppEnv>): Promise<string> {
  return sha256Hex(c.req.header('cf-connecting-ip') ?? 'unknown');
}

async function allowed(env: Env, name: LimiterName, key: string): Promise<boolean> {
  const limiter = env[name];
  if (!limiter) return true;
  try {
    return (await limiter.limit({ key })).success;
  } catch {
    // A limiter that cannot answer must not lose a clinician's flag: fail open.
    return true;
  }
}

function tooMany(c: Context<AppEnv>, message: string): never {
  c.header('Retry-After', String(RATE_LIMIT_PERIOD_SECONDS));
  throw new ApiError(429, 'rate_limited', message, { retryAfterSeconds: RATE_LIMIT_PERIOD_SECONDS });
}

/**
 * Per address, on every write, asked before authentication. The verdict is awaited by
 * `requireAddressAllowance` — alongside the token lookup in `authorize`, and again (settled by then)
 * by `limitWritesByUser`, which every registered route runs — so a refused write reaches no handler.
 */
export function limitWritesByIp(): MiddlewareHandler<AppEnv> {
  return async function limitWritesByIp(c, next) {
    if (isWrite(c.req.method, c.req.path)) {
      c.set(
        'addressAllowance',
        ipKey(c).then((key) => allowed(c.env, 'RATE_LIMIT_IP_WRITES', `ip:${key}`)),
      );
    }
    await next();
  };
}

/** 429 when the per-address limit refused this write; a no-op for reads. */
export async function requireAddressAllowance(c: Context<AppEnv>): Promise<void> {
  const allowance = c.get('addressAllowance');
  if (allowance && !(await allowance)) tooMany(c, 'Too many changes from this network; try again in a minute');
}

/** Per address, on every use of an enrollment or sign-in code, so codes cannot be guessed. */
export function limitCodeUse(): MiddlewareHandler<AppEnv> {
  return async function limitCodeUse(c, next) {
    await requireAddressAllowance(c);
    if (isWrite(c.req.method, c.req.path) && !(await allowed(c.env, 'RATE_LIMIT_CODE_USE', `code:${await ipKey(c)}`))) {
      tooMany(c, 'Too many sign-in attempts; try again in a minute');
    }
    await next();
  };
}

/** Per signed-in user, on every write; runs after `authorize` has named the user. */
export function limitWritesByUser(): MiddlewareHandler<AppEnv> {
  return async function limitWritesByUser(c, next) {
    await requireAddressAllowance(c);
    const user = c.get('auth')?.user;
    if (
      user &&
      isWrite(c.req.method, c.req.path) &&
      !(await allowed(c.env, 'RATE_LIMIT_USER_WRITES', `user:${user.id}`))
    ) {
      tooMany(c, 'Too many changes in a short time; try again in a minute');
    }
    await next();
  };
}
