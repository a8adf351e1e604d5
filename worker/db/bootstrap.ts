import { newId } from '../lib/crypto';
import { insertSignInStatement } from './sign-ins';

/**
 * The first admin of an empty database, in one batch: user, role, sign-in, token, audit. Every row after
 * the first is conditional on that user existing, so a refused bootstrap (the table was not empty) writes
 * nothing, not even an audit entry for a user that never existed. The first statement's `changes` tells
 * whether it took.
 */
export function bootstrapAdminStatements(
  db: D1Database,
  admin: { id: string; displayName: string; signInId: string; at: number; tokenHash: string; expiresAt: number },
): D1PreparedStatement[] {
  const { id, signInId, at } = admin;
  return [
    db
      .prepare(
        `INSERT INTO users (id, display_name, discipline, unit_id, active, created_at)
         SELECT ?1, ?2, 'admin', NULL, 1, ?3 WHERE NOT EXISTS (SELECT 1 FROM users)`,
      )
      .bind(id, admin.displayName, at),
    db
      .prepare(
        `INSERT INTO user_roles (user_id, role) SELECT ?1, 'admin' WHERE EXISTS (SELECT 1 FROM users WHERE id = ?1)`,
      )
      .bind(id),
    insertSignInStatement(db, { id: signInId, userId: id, at, method: 'bootstrap', codeId: null, issuedBy: null }),
    db
      .prepare(
        `INSERT INTO tokens (hash, user_id, sign_in_id, created_at, expires_at)
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2)`,
      )
      .bind(admin.tokenHash, id, signInId, at, admin.expiresAt),
    db
      .prepare(
        `INSERT INTO audit (id, at, actor_id, subject_id, action, target, details)
         SELECT ?1, ?2, ?3, ?3, 'user.bootstrapped', ?3, ?4 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?3)`,
      )
      .bind(newId(), at, id, JSON.stringify({ signIn: signInId })),
  ];
}
