import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findFlagsByReceipts, listFlagsByUser } from '../db/flags';
import type { AppEnv } from '../env';
import { sha256Hex } from '../lib/crypto';
import { requireAuth } from '../lib/require-auth';
import { createFlagOnce } from '../services/flag-write';
import { register } from './register';

export const flagRoutes = new OpenAPIHono<AppEnv>();

register(flagRoutes, endpoints.createFlag, async (c, { body }) => {
  // The flag, its hotspot and every rollup it feeds go in one batch (see services/flag-write.ts).
  return createFlagOnce(c, requireAuth(c).user, body, body);
});

register(flagRoutes, endpoints.myFlags, async (c) => {
  return { flags: await listFlagsByUser(c.env.DB, requireAuth(c).user.id) };
});

// No token and nothing recorded about the caller: holding the secret is the only proof needed.
register(flagRoutes, endpoints.receiptStatus, async (c, { body }) => {
  const hashes = await Promise.all(body.secrets.map((s) => sha256Hex(s)));
  const found = await findFlagsByReceipts(c.env.DB, hashes);
  return { flags: hashes.map((h) => found.get(h) ?? null) };
});
