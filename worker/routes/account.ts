import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { auditCursor, auditStatement, listAccountAudit, parseAuditCursor } from '../db/audit';
import { insertCodeStatement } from '../db/codes';
import { acknowledgeStatements, newSignIns } from '../db/sign-ins';
import type { AppEnv } from '../env';
import { now, toIso } from '../lib/clock';
import { newId, sha256Hex } from '../lib/crypto';
import { requireAuth } from '../lib/require-auth';
import { generateCode, normaliseCode } from '../services/session';
import { register } from './register';

/**
 * The caller's own account, whatever their roles: every query is bound to the signed-in user and
 * device, and no endpoint here takes a user id.
 */
export const accountRoutes = new OpenAPIHono<AppEnv>();

register(accountRoutes, endpoints.mySignIns, async (c, { query }) => {
  const { user, signInId } = requireAuth(c);
  const rows = await listAccountAudit(c.env.DB, {
    userId: user.id,
    signInId,
    before: query.cursor ? parseAuditCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const entries = rows.slice(0, query.limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > query.limit && last ? auditCursor(last) : null };
});

register(accountRoutes, endpoints.newSignIns, async (c) => {
  const { user, signInId } = requireAuth(c);
  return { signIns: signInId ? await newSignIns(c.env.DB, user.id, signInId) : [] };
});

register(accountRoutes, endpoints.acknowledgeSignIns, async (c, { body }) => {
  const { user, signInId } = requireAuth(c);
  // Never ahead of now: a sign-in that happens after the notice was shown must still be shown.
  const upTo = Math.min(Date.parse(body.upTo), now());
  if (signInId) await c.env.DB.batch(acknowledgeStatements(c.env.DB, { userId: user.id, signInId, upTo }));
  return { ok: true as const };
});

/**
 * A sign-in code the user makes for themselves on a device already signed in, typed on the new one.
 * It is how peer supporters add a device (an admin's sign-in code is refused for them), and anyone
 * may use it instead of asking an admin. Their other devices are told of the new sign-in like any other.
 */
register(accountRoutes, endpoints.createDeviceCode, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const at = now();
  const code = generateCode();
  const id = newId();
  const expiresAt = at + body.expiresInMinutes * 60_000;
  await db.batch([
    insertCodeStatement(db, {
      id,
      hash: await sha256Hex(normaliseCode(code)),
      kind: 'signin',
      roles: [],
      unitId: null,
      discipline: null,
      userId: user.id,
      maxUses: 1,
      label: null,
      expiresAt,
      createdBy: user.id,
      createdAt: at,
    }),
    auditStatement(db, {
      at,
      actorId: user.id,
      subjectId: user.id,
      action: 'code.created',
      target: id,
      details: { kind: 'device' },
    }),
  ]);
  return { code, expiresAt: toIso(expiresAt) };
});
