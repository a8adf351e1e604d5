import type { Context } from 'hono';
import type { AppEnv, Auth } from '../env';
import { ApiError } from './errors';

/** For handlers behind a role check: the caller, or a 401 if the route was misregistered as public. */
export function requireAuth(c: Context<AppEnv>): Auth {
  const auth = c.get('auth');
  if (!auth) throw new ApiError(401, 'unauthorized', 'Sign in to Curbside first');
  return auth;
}
