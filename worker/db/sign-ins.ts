import type { NewSignIn, SignInMethod } from '../../shared/sign-ins';
import { toIso } from '../lib/clock';

export interface NewSignInRecord {
  id: string;
  userId: string;
  at: number;
  method: SignInMethod;
  codeId: string | null;
  /** The admin who made the code, for an admin's sign-in code. */
  issuedBy: string | null;
}

/**
 * Records a device's sign-in. Its notice starts at its own sign-in (a millisecond before, so a
 * sign-in in the same millisecond is not missed), or earlier when an admin's
 * sign-in code was used for this user and no device that existed before it has acknowledged it:
 * then a user signing in afresh (say, with no device left) still sees that one. Conditional on the
 * user existing, for the bootstrap batch.
 */
export function insertSignInStatement(db: D1Database, s: NewSignInRecord): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sign_ins (id, user_id, at, method, code_id, issued_by, seen_until)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, MIN(?3, COALESCE(
         (SELECT MIN(at) FROM sign_ins WHERE user_id = ?2 AND method = 'admin_code' AND acknowledged_at IS NULL), ?3)) - 1
       WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2)`,
    )
    .bind(s.id, s.userId, s.at, s.method, s.codeId, s.issuedBy);
}

interface NewSignInRow {
  id: string;
  at: number;
  method: SignInMethod;
  issued_by_name: string | null;
  label: string | null;
}

/** Sign-ins of the user after this device's acknowledgement cursor, other than the device's own. */
export async function newSignIns(db: D1Database, userId: string, signInId: string): Promise<NewSignIn[]> {
  const { results } = await db
    .prepare(
      `SELECT s.id, s.at, s.method, u.display_name AS issued_by_name, c.label
       FROM sign_ins s
       LEFT JOIN users u ON u.id = s.issued_by
       LEFT JOIN codes c ON c.id = s.code_id
       WHERE s.user_id = ?1 AND s.id != ?2
         AND s.at > (SELECT seen_until FROM sign_ins WHERE id = ?2 AND user_id = ?1)
       ORDER BY s.at DESC, s.id LIMIT 50`,
    )
    .bind(userId, signInId)
    .all<NewSignInRow>();
  return results.map((r) => ({
    id: r.id,
    at: toIso(r.at),
    method: r.method,
    issuedByName: r.issued_by_name,
    label: r.label,
  }));
}

/**
 * Moves this device's cursor to `upTo`, and marks as acknowledged the sign-ins up to it that happened
 * after this device signed in: only a device older than a sign-in vouches for it, so a device an
 * admin signed in cannot acknowledge itself or its siblings away from the user's notice. Both store
 * `upTo` (the newest sign-in shown), not the moment of the click: no new record of when someone used
 * Curbside.
 */
export function acknowledgeStatements(
  db: D1Database,
  ack: { userId: string; signInId: string; upTo: number },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE sign_ins SET acknowledged_at = ?3
         WHERE user_id = ?1 AND id != ?2 AND acknowledged_at IS NULL AND at <= ?3
           AND at > (SELECT at FROM sign_ins WHERE id = ?2 AND user_id = ?1)`,
      )
      .bind(ack.userId, ack.signInId, ack.upTo),
    db
      .prepare('UPDATE sign_ins SET seen_until = MAX(seen_until, ?3) WHERE id = ?2 AND user_id = ?1')
      .bind(ack.userId, ack.signInId, ack.upTo),
  ];
}
