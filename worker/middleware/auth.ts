import type { Context, MiddlewareHandler } from 'hono';
import type { Access } from '../../shared/api';
import { cachedSession, sessionWrites } from '../db/session-cache';
import { getSettings } from '../db/settings';
import { extendToken, rotateToken } from '../db/tokens';
import { findSession, toUser } from '../db/users';
import type { AppEnv } from '../env';
import { DAY, now, toIso } from '../lib/clock';
import { randomHex, sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { requireAddressAllowance } from './rate-limit';

/** How long a rotated token keeps working, so requests already in flight with it do not fail. */
export const ROTATION_GRACE_MS = 5 * 60_000;
/** The response headers that carry a rotated token to the client (exposed by CORS). */
export const TOKEN_HEADER = 'X-Curbside-Token';
export const TOKEN_EXPIRES_HEADER = 'X-Curbside-Token-Expires';

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

/** Resolves the bearer token and checks the caller holds one of `roles`; `public` lets anyone in. */
export function authorize(roles: readonly Access[]): MiddlewareHandler<AppEnv> {
  return async function authorize(c, next) {
    if (roles.includes('public')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) {
      await requireAddressAllowance(c);
      throw unauthorized('Sign in to Curbside first');
    }
    const tokenHash = await sha256Hex(match[1]);
    // Token, user and roles in one read, shared by this token's requests for at most SESSION_CACHE_MS:
    // revocation, deactivation and role changes bite within that window everywhere, at once here.
    const session = await cachedSession(c.env.DB, tokenHash, findSession);
    const at = now();
    // A write no valid session answers for counts against its address (429 wins over 401).
    const refuse = async (message: string) => {
      await requireAddressAllowance(c);
      return unauthorized(message);
    };
    if (!session || session.revoked_at !== null) throw await refuse('Your session has ended; sign in again');
    if (session.expires_at <= at) throw await refuse('Your session has expired; sign in again');
    const user = toUser(session);
    if (!user.active) throw await refuse('This account is no longer active');
    if (!user.roles.some((role) => roles.includes(role))) {
      throw new ApiError(403, 'forbidden', 'Your role does not allow this', { allowedRoles: roles });
    }
    const ttl = (await getSettings(c.env.DB)).tokenTtlDays * DAY;
    let expiresAt = session.expires_at;
    if (
      session.rotated_at === null &&
      at - session.token_created_at >= ttl / 2 &&
      !c.req.path.startsWith('/v1/auth/logout')
    ) {
      // Past half its life: a fresh token rides back on this response (logging out needs none).
      await rotate(c, tokenHash, at, ttl);
    } else if (session.rotated_at === null && at + ttl - expiresAt > DAY) {
      // Sliding expiry, written at most once a day per token so reads stay reads.
      expiresAt = at + ttl;
      await extendToken(c.env.DB, tokenHash, expiresAt);
    }
    c.set('auth', { user, tokenHash, expiresAt, signInId: session.sign_in_id });
    // A request that changed a session (role, deactivation, sign-out) clears the cache again once its
    // writes have committed, so a read that raced them is not served afterwards.
    await sessionWrites(next);
  };
}

async function rotate(c: Context<AppEnv>, oldHash: string, at: number, ttl: number): Promise<void> {
  const token = randomHex(32);
  const next = { hash: await sha256Hex(token), createdAt: at, expiresAt: at + ttl, graceUntil: at + ROTATION_GRACE_MS };
  // A concurrent request may have rotated first: then this one simply goes on under the old token.
  if (await rotateToken(c.env.DB, oldHash, next)) {
    c.header(TOKEN_HEADER, token);
    c.header(TOKEN_EXPIRES_HEADER, toIso(next.expiresAt));
    c.header('Cache-Control', 'no-store');
  }
}
