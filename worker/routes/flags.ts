import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findFlagByClientId, findFlagsByReceipts, insertFlagStatement, listFlagsByUser } from '../db/flags';
import type { AppEnv } from '../env';
import { floorToHour, now } from '../lib/clock';
import { requireAuth } from '../lib/context';
import { newId, sha256Hex } from '../lib/crypto';
import { createOnce } from '../lib/idempotent';
import { register } from '../lib/register';
import { requireActiveUnit, requireDeidentifiedScreen } from '../lib/validation';

export const flagRoutes = new OpenAPIHono<AppEnv>();

register(flagRoutes, endpoints.createFlag, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  return createOnce(c, body, {
    find: async () => {
      const found = await findFlagByClientId(db, body.clientId);
      if (!found) return null;
      const sameSender = found.flag.anonymous ? body.anonymous : found.userId === user.id;
      return { item: found.flag, bodyHash: found.bodyHash, sameSender };
    },
    validate: async () => {
      await requireActiveUnit(db, body.unitId);
      requireDeidentifiedScreen(body.screen);
    },
    insert: async (bodyHash) => {
      const at = now();
      const result = await insertFlagStatement(db, {
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
      return result.meta.changes;
    },
  });
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
