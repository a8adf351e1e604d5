import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findFlagByClientId, findFlagsByReceipts, insertFlagStatement, listFlagsByUser } from '../db/flags';
import type { AppEnv } from '../env';
import { floorToHour, now } from '../lib/clock';
import { requireAuth } from '../lib/context';
import { canonicalJson, newId, sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { register } from '../lib/register';
import { requireActiveUnit, requireDeidentifiedScreen } from '../lib/validation';

export const flagRoutes = new OpenAPIHono<AppEnv>();

export const idempotencyMismatch = () =>
  new ApiError(422, 'idempotency_mismatch', 'This clientId was already used for a different item');

register(flagRoutes, endpoints.createFlag, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const bodyHash = await sha256Hex(canonicalJson(body));
  const existing = await findFlagByClientId(db, body.clientId);
  if (!existing) {
    await requireActiveUnit(db, body.unitId);
    requireDeidentifiedScreen(body.screen);
    const at = now();
    await insertFlagStatement(db, {
      id: newId(),
      clientId: body.clientId,
      bodyHash,
      // An anonymous flag keeps no link to its sender: no user id, and time only to the hour.
      userId: body.anonymous ? null : user.id,
      anonymous: body.anonymous,
      receiptHash: body.anonymous && body.receiptSecret ? await sha256Hex(body.receiptSecret) : null,
      contactOk: body.contactOk,
      text: body.text,
      category: body.category,
      frequency: body.frequency,
      minutesLost: body.minutesLost,
      impact: body.impact,
      idea: body.idea ?? null,
      unitId: body.unitId ?? (body.anonymous ? null : user.unitId),
      host: body.screen?.host ?? null,
      path: body.screen?.path ?? null,
      pageTitle: body.pageTitle ?? null,
      createdAt: body.anonymous ? floorToHour(at) : at,
    }).run();
  }
  const stored = existing ?? (await findFlagByClientId(db, body.clientId));
  if (!stored) throw new ApiError(500, 'internal', 'The flag was not stored');
  const sameSender = stored.flag.anonymous ? body.anonymous : stored.userId === user.id;
  if (stored.bodyHash !== bodyHash || !sameSender) throw idempotencyMismatch();
  if (existing) c.set('replayed', true);
  return stored.flag;
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
