import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { ROLE_LABELS } from '../../shared/enums';
import { auditStatement } from '../db/audit';
import { bootstrapAdminStatements } from '../db/bootstrap';
import { type CodeRecord, consumeCode, findCodeByHash, isPeerSupporterCodeByAnother } from '../db/codes';
import { forgetSessions } from '../db/session-cache';
import { insertSignInStatement } from '../db/sign-ins';
import { revokeToken, revokeUserTokensStatement } from '../db/tokens';
import { getUser, insertUserStatements } from '../db/users';
import type { AppEnv, Env } from '../env';
import { now, toIso } from '../lib/clock';
import { newId, sha256Hex, timingSafeEqual } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { newTokenStatement, normaliseCode } from '../services/session';
import { accountRoutes } from './account';
import { register } from './register';

const refused = (reason: string, message: string) => new ApiError(401, 'unauthorized', message, { reason });

async function whyUnusable(db: D1Database, hash: string, at: number): Promise<ApiError> {
  const code = await findCodeByHash(db, hash);
  if (!code || (code.kind !== 'enroll' && code.kind !== 'signin')) return refused('unknown', 'That code is not valid');
  if (code.revokedAt) return refused('revoked', 'That code was revoked; ask your Curbside admin for a new one');
  if (Date.parse(code.expiresAt) <= at)
    return refused('expired', 'That code has expired; ask your Curbside admin for a new one');
  if (code.kind === 'signin' && (await isPeerSupporterCodeByAnother(db, code.id)))
    return refused(
      'peer_supporter',
      'Peer supporters sign in on a new device with a code made on one of their own signed-in devices ' +
        '(“Sign-ins to my account” in the Curbside popup), never with an admin’s code',
    );
  return refused('used_up', 'That code has already been used');
}

/** The first admin of an empty database enrolls with the BOOTSTRAP_CODE secret, once. */
async function bootstrap(env: Env, displayName: string | undefined, at: number) {
  const db = env.DB;
  const id = newId();
  const signInId = newId();
  const session = await newTokenStatement(db, id, signInId, at);
  const results = await db.batch(
    bootstrapAdminStatements(db, {
      id,
      displayName: displayName ?? 'Curbside admin',
      signInId,
      at,
      tokenHash: session.hash,
      expiresAt: session.expiresAtMs,
    }),
  );
  if ((results[0]?.meta.changes ?? 0) !== 1) throw refused('bootstrap_used', 'That code is not valid');
  return { token: session.token, expiresAt: session.expiresAt, userId: id };
}

/**
 * A sign-in code signs its user in on a new device. The audit names who made it happen: the admin
 * who made the code (the user is the subject), or the user when they made it on their own device.
 */
async function signInWithCode(db: D1Database, code: CodeRecord, at: number) {
  const user = code.userId ? await getUser(db, code.userId) : null;
  if (!user?.active) throw refused('inactive', 'This account is no longer active');
  const own = code.createdBy === user.id;
  const signInId = newId();
  const session = await newTokenStatement(db, user.id, signInId, at);
  await db.batch([
    insertSignInStatement(db, {
      id: signInId,
      userId: user.id,
      at,
      method: own ? 'device_code' : 'admin_code',
      codeId: code.id,
      issuedBy: own ? null : code.createdBy,
    }),
    session.statement,
    auditStatement(db, {
      at,
      actorId: own ? user.id : code.createdBy,
      subjectId: user.id,
      action: own ? 'user.signed_in_with_device_code' : 'user.signed_in_with_code',
      target: code.id,
      details: { signIn: signInId },
    }),
  ]);
  return { token: session.token, expiresAt: session.expiresAt, userId: user.id };
}

async function enrollWithCode(db: D1Database, code: CodeRecord, displayName: string | undefined, at: number) {
  if (code.kind === 'signin') return signInWithCode(db, code, at);
  const id = newId();
  const signInId = newId();
  const session = await newTokenStatement(db, id, signInId, at);
  const firstRole = code.roles[0] ?? 'clinician';
  await db.batch([
    ...insertUserStatements(db, {
      id,
      displayName: displayName ?? `${ROLE_LABELS[firstRole]} ${id.slice(0, 4)}`,
      discipline: code.discipline ?? 'other',
      unitId: code.unitId,
      roles: code.roles,
      createdAt: at,
    }),
    insertSignInStatement(db, { id: signInId, userId: id, at, method: 'enrolled', codeId: code.id, issuedBy: null }),
    session.statement,
    auditStatement(db, {
      at,
      actorId: id,
      subjectId: id,
      action: 'user.enrolled',
      target: code.id,
      details: { roles: code.roles, signIn: signInId },
    }),
  ]);
  return { token: session.token, expiresAt: session.expiresAt, userId: id };
}

export const authRoutes = new OpenAPIHono<AppEnv>();

register(authRoutes, endpoints.enroll, async (c, { body }) => {
  const at = now();
  const typed = normaliseCode(body.code);
  const secret = c.env.BOOTSTRAP_CODE ? normaliseCode(c.env.BOOTSTRAP_CODE) : '';
  let session: { token: string; expiresAt: string; userId: string };
  if (secret.length >= 16 && timingSafeEqual(typed, secret)) {
    session = await bootstrap(c.env, body.displayName, at);
  } else {
    const hash = await sha256Hex(typed);
    const code = await consumeCode(c.env.DB, hash, at);
    if (!code) throw await whyUnusable(c.env.DB, hash, at);
    session = await enrollWithCode(c.env.DB, code, body.displayName, at);
  }
  const user = await getUser(c.env.DB, session.userId);
  if (!user) throw new ApiError(500, 'internal', 'Enrollment did not complete');
  return { token: session.token, expiresAt: session.expiresAt, user };
});

// Signing out ends the device: this token and the other half of a rotated pair (db/tokens.ts).
register(authRoutes, endpoints.logout, async (c) => {
  await revokeToken(c.env.DB, requireAuth(c).tokenHash, now());
  return { ok: true as const };
});

register(authRoutes, endpoints.logoutAll, async (c) => {
  const at = now();
  const { user } = requireAuth(c);
  await c.env.DB.batch([
    revokeUserTokensStatement(c.env.DB, user.id, at),
    auditStatement(c.env.DB, {
      at,
      actorId: user.id,
      subjectId: user.id,
      action: 'user.logged_out_everywhere',
      target: user.id,
    }),
  ]);
  // Committed: a session read that raced the write is not served from here on.
  forgetSessions();
  return { ok: true as const };
});

register(authRoutes, endpoints.me, async (c) => {
  const auth = requireAuth(c);
  return { user: auth.user, expiresAt: toIso(auth.expiresAt) };
});

authRoutes.route('/', accountRoutes);
