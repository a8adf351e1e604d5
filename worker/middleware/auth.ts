import type { MiddlewareHandler } from 'hono';
import type { Access } from '../../shared/api';
import { getSettings } from '../db/settings';
import { extendToken, findToken } from '../db/tokens';
import { getUser } from '../db/users';
import type { AppEnv } from '../env';
import { DAY, now } from '../lib/clock';
import { sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

/** Resolves the bearer token and checks the caller holds one of `roles`; `public` lets anyone in. */
export function authorize(roles: readonly Access[]): MiddlewareHandler<AppEnv> {
  return async function authorize(c, next) {
    if (roles.includes('public')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) throw unauthorized('Sign in to Curbside first');
    const tokenHash = await sha256Hex(match[1]);
    const token = await findToken(c.env.DB, tokenHash);
    const at = now();
    if (!token || token.revoked_at !== null) throw unauthorized('Your session has ended; sign in again');
    if (token.expires_at <= at) throw unauthorized('Your session has expired; sign in again');
    const user = await getUser(c.env.DB, token.user_id);
    if (!user?.active) throw unauthorized('This account is no longer active');
    if (!user.roles.some((role) => roles.includes(role))) {
      throw new ApiError(403, 'forbidden', 'Your role does not allow this', { allowedRoles: roles });
    }
    // Sliding expiry, written at most once a day per token so reads stay reads.
    const ttl = (await getSettings(c.env.DB)).tokenTtlDays * DAY;
    let expiresAt = token.expires_at;
    if (at + ttl - expiresAt > DAY) {
      expiresAt = at + ttl;
      await extendToken(c.env.DB, tokenHash, expiresAt);
    }
    c.set('auth', { user, tokenHash, expiresAt });
    await next();
  };
}
