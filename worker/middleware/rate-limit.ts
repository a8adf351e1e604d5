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
 * Per address, on every write that no signed-in user answers for: no token, a token that is not (or no
 * longer) valid, or a public route. Signed-in writes are limited per user instead — a hospital's whole
 * staff often reaches the internet from one address, and a limit on it would throttle every clinician
 * at shift change. Asked at most once per request (the verdict is kept on the context).
 */
export async function requireAddressAllowance(c: Context<AppEnv>): Promise<void> {
  if (!isWrite(c.req.method, c.req.path)) return;
  let allowance = c.get('addressAllowance');
  if (!allowance) {
    allowance = ipKey(c).then((key) => allowed(c.env, 'RATE_LIMIT_IP_WRITES', `ip:${key}`));
    c.set('addressAllowance', allowance);
  }
  if (!(await allowance)) tooMany(c, 'Too many changes from this network; try again in a minute');
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

/**
 * Per signed-in user on every write; runs after `authorize` has named the user. A public route's
 * writes (no user) are limited per address.
 */
export function limitWritesByUser(): MiddlewareHandler<AppEnv> {
  return async function limitWritesByUser(c, next) {
    const user = c.get('auth')?.user;
    if (!user) await requireAddressAllowance(c);
    else if (
      isWrite(c.req.method, c.req.path) &&
      !(await allowed(c.env, 'RATE_LIMIT_USER_WRITES', `user:${user.id}`))
    ) {
      tooMany(c, 'Too many changes in a short time; try again in a minute');
    }
    await next();
  };
}
