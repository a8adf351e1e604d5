import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Env } from '../env';
import { sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';

/**
 * Cloudflare's Rate Limiting bindings (wrangler.jsonc `ratelimits`; simulated by miniflare locally
 * and in tests). Each counts one key per window; the limit and window live in the binding's config,
 * set per environment, so tests and the benchmark raise them there rather than here.
 */
type LimiterName =
  | 'RATE_LIMIT_USER_WRITES'
  | 'RATE_LIMIT_IP_WRITES'
  | 'RATE_LIMIT_CODE_USE'
  | 'RATE_LIMIT_USER_READS'
  | 'RATE_LIMIT_IP_READS'
  | 'RATE_LIMIT_USER_SEARCHES';

/** Every binding is configured with a 60 s window (the binding does not report it back). */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Searches sent as POST only so a typed draft stays out of URLs: they read, like GETs, and must not
 * spend the write budget (search-as-you-type would use it up in a minute). They are the reads a
 * loop would probe with, so they also have a tighter limit of their own.
 */
const QUERIES_SENT_AS_POST = new Set(['/v1/kb/search', '/v1/flags/similar']);

export const isWrite = (method: string, path = '') =>
  WRITE_METHODS.has(method.toUpperCase()) && !QUERIES_SENT_AS_POST.has(path);

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The key a caller's address counts under, hashed so no limiter key holds an IP. Outside production
 * a missing or loopback address names no one — tests send none and `wrangler dev` reports every local
 * caller as 127.0.0.1 — so the key falls back to the signed-in user, and a caller with neither is not
 * limited by address there (one key for everyone would let one script block every local caller).
 * Cloudflare always sends the address in production; were it missing, such callers share one key.
 */
export async function addressKey(
  environment: string | undefined,
  address: string | undefined,
  userId: string | undefined,
): Promise<string | null> {
  const production = environment === 'production';
  if (address && (production || !LOOPBACK.test(address))) return `ip:${await sha256Hex(address)}`;
  if (production) return `ip:${await sha256Hex('unknown')}`;
  return userId ? `user:${userId}` : null;
}

const addressKeyOf = (c: Context<AppEnv>) =>
  addressKey(c.env.ENVIRONMENT, c.req.header('cf-connecting-ip'), c.get('auth')?.user.id);

async function allowed(env: Env, name: LimiterName, key: string | null): Promise<boolean> {
  const limiter = env[name];
  if (!limiter || key === null) return true;
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
 * Per address: every read, and every write that no signed-in user answers for (no token, a token
 * that is not — or no longer — valid, or a public route). Signed-in writes are limited per user
 * instead, and the address's read limit is set high: a hospital's whole staff often reaches the
 * internet from one address. Asked at most once per request (the verdict is kept on the context).
 */
export async function requireAddressAllowance(c: Context<AppEnv>): Promise<void> {
  const write = isWrite(c.req.method, c.req.path);
  let allowance = c.get('addressAllowance');
  if (!allowance) {
    const name = write ? 'RATE_LIMIT_IP_WRITES' : 'RATE_LIMIT_IP_READS';
    allowance = addressKeyOf(c).then((key) => allowed(c.env, name, key));
    c.set('addressAllowance', allowance);
  }
  if (!(await allowance)) {
    tooMany(c, `Too many ${write ? 'changes' : 'requests'} from this network; try again in a minute`);
  }
}

/** Per address, on every use of an enrollment or sign-in code, so codes cannot be guessed. */
export function limitCodeUse(): MiddlewareHandler<AppEnv> {
  return async function limitCodeUse(c, next) {
    await requireAddressAllowance(c);
    if (isWrite(c.req.method, c.req.path)) {
      const key = await addressKeyOf(c);
      if (!(await allowed(c.env, 'RATE_LIMIT_CODE_USE', key && `code:${key}`))) {
        tooMany(c, 'Too many sign-in attempts; try again in a minute');
      }
    }
    await next();
  };
}

/**
 * Every read: per signed-in user (searches sent as POST against the user's tighter search limit,
 * other reads against the read limit) and per address, the limiters asked together. Where the
 * address key is the user's own (locally, `addressKey`), the address limit would count the same key
 * again under a higher limit, so it is not asked.
 */
async function limitRead(c: Context<AppEnv>, userId: string | undefined): Promise<void> {
  const user = userId ? `user:${userId}` : null;
  const search = QUERIES_SENT_AS_POST.has(c.req.path);
  const [byUser] = await Promise.all([
    allowed(c.env, search ? 'RATE_LIMIT_USER_SEARCHES' : 'RATE_LIMIT_USER_READS', user),
    addressKeyOf(c).then((key) => (key !== null && key === user ? undefined : requireAddressAllowance(c))),
  ]);
  if (!byUser) tooMany(c, `Too many ${search ? 'searches' : 'requests'} in a short time; try again in a minute`);
}

/**
 * Runs after `authorize` has named the user. Writes: per signed-in user, or per address when no user
 * answers for them. Reads: per user and per address (`limitRead`). The limiters are asked here but
 * not waited for: the verdict is kept on the context, and `requireAllowance` waits for it before the
 * handler runs (routes/register.ts), so the limiter's round trip overlaps the request's identifier
 * check instead of adding to it, and nothing is read or written for a refused request.
 */
export function limitRequests(): MiddlewareHandler<AppEnv> {
  return async function limitRequests(c, next) {
    const verdict = checkLimits(c);
    // Read by `requireAllowance`; a request refused earlier (e.g. invalid input) leaves it unread.
    verdict.catch(() => undefined);
    c.set('allowance', verdict);
    await next();
  };
}

async function checkLimits(c: Context<AppEnv>): Promise<void> {
  const user = c.get('auth')?.user;
  if (!isWrite(c.req.method, c.req.path)) await limitRead(c, user?.id);
  else if (!user) await requireAddressAllowance(c);
  else if (!(await allowed(c.env, 'RATE_LIMIT_USER_WRITES', `user:${user.id}`))) {
    tooMany(c, 'Too many changes in a short time; try again in a minute');
  }
}

/** Waits for the request's rate-limit verdict (asked by `limitRequests`); throws the 429 when refused. */
export async function requireAllowance(c: Context<AppEnv>): Promise<void> {
  await c.get('allowance');
}
