import { forgetSessions } from './session-cache';

export interface TokenRow {
  hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  rotated_at: number | null;
  sign_in_id: string | null;
}

export function insertTokenStatement(
  db: D1Database,
  token: { hash: string; userId: string; signInId: string; createdAt: number; expiresAt: number },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO tokens (hash, user_id, sign_in_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(token.hash, token.userId, token.signInId, token.createdAt, token.expiresAt);
}

export async function findToken(db: D1Database, hash: string): Promise<TokenRow | null> {
  return db
    .prepare(
      'SELECT hash, user_id, created_at, expires_at, revoked_at, rotated_at, sign_in_id FROM tokens WHERE hash = ?1',
    )
    .bind(hash)
    .first<TokenRow>();
}

export async function extendToken(db: D1Database, hash: string, expiresAt: number): Promise<void> {
  forgetSessions();
  await db
    .prepare('UPDATE tokens SET expires_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL AND rotated_at IS NULL')
    .bind(hash, expiresAt)
    .run();
  forgetSessions();
}

/**
 * Replaces a live token with `next` in one batch: the new row is copied from the old one (user and
 * sign-in) only if the old one has not been rotated yet, and the old one is cut to `graceUntil`.
 * Returns whether this call rotated (false when a concurrent request already did).
 */
export async function rotateToken(
  db: D1Database,
  old: string,
  next: { hash: string; createdAt: number; expiresAt: number; graceUntil: number },
): Promise<boolean> {
  const live = 'hash = ?1 AND rotated_at IS NULL AND revoked_at IS NULL';
  forgetSessions();
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO tokens (hash, user_id, sign_in_id, created_at, expires_at)
         SELECT ?2, user_id, sign_in_id, ?3, ?4 FROM tokens WHERE ${live}`,
      )
      .bind(old, next.hash, next.createdAt, next.expiresAt),
    db
      .prepare(`UPDATE tokens SET rotated_at = ?2, expires_at = MIN(expires_at, ?3) WHERE ${live}`)
      .bind(old, next.createdAt, next.graceUntil),
  ]);
  forgetSessions();
  return (inserted?.meta.changes ?? 0) === 1;
}

/**
 * Logging out revokes the device: the token and every token of its sign-in, so the other half of a
 * rotated pair (the old one in its grace, or the new one an in-flight response carried) dies too.
 * The session cache is cleared before the write and again once it has committed, so a request that
 * read the session while the write was under way cannot leave the old row cached.
 */
export async function revokeToken(db: D1Database, hash: string, at: number): Promise<void> {
  forgetSessions();
  await db
    .prepare(
      `UPDATE tokens SET revoked_at = ?2
       WHERE revoked_at IS NULL
         AND (hash = ?1 OR sign_in_id = (SELECT sign_in_id FROM tokens WHERE hash = ?1 AND sign_in_id IS NOT NULL))`,
    )
    .bind(hash, at)
    .run();
  forgetSessions();
}

/**
 * Every token of a user. Batched by its callers: the cache is cleared here, and again when the
 * request that ran the batch ends (`sessionWrites` in the auth middleware).
 */
export function revokeUserTokensStatement(db: D1Database, userId: string, at: number): D1PreparedStatement {
  forgetSessions();
  return db.prepare('UPDATE tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL').bind(userId, at);
}
