import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import type { CodeInfo } from '../../shared/codes';
import { ROLE_LABELS } from '../../shared/enums';
import { auditStatement } from '../db/audit';
import { consumeCode, findCodeByHash } from '../db/codes';
import { revokeToken, revokeUserTokensStatement } from '../db/tokens';
import { getUser, insertUserStatements } from '../db/users';
import type { AppEnv, Env } from '../env';
import { now, toIso } from '../lib/clock';
import { requireAuth } from '../lib/context';
import { newId, sha256Hex, timingSafeEqual } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { register } from '../lib/register';
import { newTokenStatement, normaliseCode } from '../lib/session';

const refused = (reason: string, message: string) => new ApiError(401, 'unauthorized', message, { reason });

async function whyUnusable(db: D1Database, hash: string, at: number): Promise<ApiError> {
  const code = await findCodeByHash(db, hash);
  if (!code || (code.kind !== 'enroll' && code.kind !== 'signin')) return refused('unknown', 'That code is not valid');
  if (code.revokedAt) return refused('revoked', 'That code was revoked; ask your Curbside admin for a new one');
  if (Date.parse(code.expiresAt) <= at)
    return refused('expired', 'That code has expired; ask your Curbside admin for a new one');
  return refused('used_up', 'That code has already been used');
}

/** The first admin of an empty database enrolls with the BOOTSTRAP_CODE secret, once. */
async function bootstrap(env: Env, displayName: string | undefined, at: number) {
  const db = env.DB;
  const id = newId();
  const session = await newTokenStatement(db, id, at);
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO users (id, display_name, discipline, unit_id, active, created_at)
         SELECT ?1, ?2, 'admin', NULL, 1, ?3 WHERE NOT EXISTS (SELECT 1 FROM users)`,
      )
      .bind(id, displayName ?? 'Curbside admin', at),
    db
      .prepare(
        `INSERT INTO user_roles (user_id, role) SELECT ?1, 'admin' WHERE EXISTS (SELECT 1 FROM users WHERE id = ?1)`,
      )
      .bind(id),
    db
      .prepare(
        `INSERT INTO tokens (hash, user_id, created_at, expires_at)
         SELECT hash, user_id, created_at, expires_at FROM (SELECT ?1 AS hash, ?2 AS user_id, ?3 AS created_at, ?4 AS expires_at)
         WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2)`,
      )
      .bind(session.hash, id, at, session.expiresAtMs),
    // Conditional like the rows above, so a refused bootstrap leaves no audit entry for a user that never existed.
    db
      .prepare(
        `INSERT INTO audit (id, at, actor_id, action, target, details)
         SELECT ?1, ?2, ?3, 'user.bootstrapped', ?3, '{}' WHERE EXISTS (SELECT 1 FROM users WHERE id = ?3)`,
      )
      .bind(newId(), at, id),
  ]);
  if ((results[0]?.meta.changes ?? 0) !== 1) throw refused('bootstrap_used', 'That code is not valid');
  return { token: session.token, expiresAt: session.expiresAt, userId: id };
}

async function enrollWithCode(db: D1Database, code: CodeInfo, displayName: string | undefined, at: number) {
  if (code.kind === 'signin') {
    const user = code.userId ? await getUser(db, code.userId) : null;
    if (!user?.active) throw refused('inactive', 'This account is no longer active');
    const session = await newTokenStatement(db, user.id, at);
    await db.batch([
      session.statement,
      auditStatement(db, { at, actorId: user.id, action: 'user.signed_in_with_code', target: code.id }),
    ]);
    return { token: session.token, expiresAt: session.expiresAt, userId: user.id };
  }
  const id = newId();
  const session = await newTokenStatement(db, id, at);
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
    session.statement,
    auditStatement(db, { at, actorId: id, action: 'user.enrolled', target: code.id, details: { roles: code.roles } }),
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

register(authRoutes, endpoints.logout, async (c) => {
  await revokeToken(c.env.DB, requireAuth(c).tokenHash, now());
  return { ok: true as const };
});

register(authRoutes, endpoints.logoutAll, async (c) => {
  const at = now();
  const { user } = requireAuth(c);
  await c.env.DB.batch([
    revokeUserTokensStatement(c.env.DB, user.id, at),
    auditStatement(c.env.DB, { at, actorId: user.id, action: 'user.logged_out_everywhere', target: user.id }),
  ]);
  return { ok: true as const };
});

register(authRoutes, endpoints.me, async (c) => {
  const auth = requireAuth(c);
  return { user: auth.user, expiresAt: toIso(auth.expiresAt) };
});
