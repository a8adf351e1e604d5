import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import { receiptKeyFor } from '../../db/receipt-keys';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { randomHex } from '../../lib/crypto';
import { requireAuth } from '../../lib/require-auth';
import { register } from '../register';

/**
 * Every signed-in user's own receipt key (mounted with the admin routes because this issue added
 * it). Keyed by the token's user only: there is no way to ask for anyone else's.
 */
export const receiptKeyRoutes = new OpenAPIHono<AppEnv>();

register(receiptKeyRoutes, endpoints.myReceiptKey, async (c) => {
  const { user } = requireAuth(c);
  c.header('Cache-Control', 'no-store');
  return { key: await receiptKeyFor(c.env.DB, user.id, randomHex(32), now()) };
});
