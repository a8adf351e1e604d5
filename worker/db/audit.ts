import type { AuditEntry } from '../../shared/audit';
import type { AccountAuditAction, AccountAuditEntry } from '../../shared/sign-ins';
import { AccountAuditAction as AccountActions } from '../../shared/sign-ins';
import { toIso } from '../lib/clock';
import { newId } from '../lib/crypto';

/**
 * Audit entries name the actor, the action, the target id and, when the entry is about a user other
 * than the actor's own doing (an admin's sign-in code used for them), that user as subject, with small
 * structured details. They never carry free text or request bodies, and nothing about anonymous flags.
 * The table has no rowid: its storage order is the random id's, never the order entries were written.
 */
export function auditStatement(
  db: D1Database,
  entry: {
    at: number;
    actorId: string | null;
    action: string;
    target?: string;
    details?: Record<string, unknown>;
    subjectId?: string | null;
  },
): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO audit (id, at, actor_id, subject_id, action, target, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)',
    )
    .bind(
      newId(),
      entry.at,
      entry.actorId,
      entry.subjectId ?? null,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.details ?? {}),
    );
}

// Reading the audit: the admin's whole log and a user's own account entries.
interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  subject_id: string | null;
  subject_name: string | null;
  action: string;
  target: string | null;
  details: string;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: toIso(row.at),
  actorId: row.actor_id,
  actorName: row.actor_name,
  subjectId: row.subject_id,
  subjectName: row.subject_name,
  action: row.action,
  target: row.target,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

/** Keyset position: entries strictly older than (at, id). Ties in time go by the random id. */
export interface AuditKey {
  at: number;
  id: string;
}

export const auditCursor = (entry: { at: string; id: string }) => `${Date.parse(entry.at)}_${entry.id}`;

export function parseAuditCursor(cursor: string): AuditKey {
  const [at = '0', id = ''] = cursor.split(/_(.*)/s);
  return { at: Number(at), id };
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectId?: string;
  from?: number;
  to?: number;
  before?: AuditKey;
  limit: number;
}

/** Newest first, keyset-paged on (at, id) so pages stay stable while new entries arrive. */
export async function listAudit(db: D1Database, f: AuditFilter): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.subject_id, s.display_name AS subject_name,
         a.action, a.target, a.details
       FROM audit a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN users s ON s.id = a.subject_id
       WHERE (?1 IS NULL OR a.action = ?1)
         AND (?2 IS NULL OR a.actor_id = ?2)
         AND (?8 IS NULL OR a.subject_id = ?8)
         AND (?3 IS NULL OR a.at >= ?3)
         AND (?4 IS NULL OR a.at < ?4)
         AND (?5 IS NULL OR a.at < ?5 OR (a.at = ?5 AND a.id < ?6))
       ORDER BY a.at DESC, a.id DESC
       LIMIT ?7`,
    )
    .bind(
      f.action ?? null,
      f.actorId ?? null,
      f.from ?? null,
      f.to ?? null,
      f.before?.at ?? null,
      f.before?.id ?? null,
      f.limit,
      f.subjectId ?? null,
    )
    .all<AuditRow>();
  return results.map(toEntry);
}

interface AccountRow {
  id: string;
  at: number;
  action: AccountAuditAction;
  actor_id: string | null;
  actor_name: string | null;
  label: string | null;
  sign_in: string | null;
}

// A fixed list bound as JSON: the user reads entries about their account's sign-ins and codes, nothing else.
const ACCOUNT_ACTIONS = JSON.stringify(AccountActions.options);

/**
 * A user's own "sign-ins to my account": the audit entries whose subject is this user, of the
 * account actions only, newest first, with who did it and the label of the code involved.
 */
export async function listAccountAudit(
  db: D1Database,
  q: { userId: string; signInId: string | null; before?: AuditKey; limit: number },
): Promise<AccountAuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.action, a.actor_id, u.display_name AS actor_name, c.label,
         json_extract(a.details, '$.signIn') AS sign_in
       FROM audit a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN codes c ON c.id = a.target AND a.action != 'user.logged_out_everywhere'
       WHERE a.subject_id = ?1
         AND a.action IN (SELECT value FROM json_each(?2))
         AND (?3 IS NULL OR a.at < ?3 OR (a.at = ?3 AND a.id < ?4))
       ORDER BY a.at DESC, a.id DESC
       LIMIT ?5`,
    )
    .bind(q.userId, ACCOUNT_ACTIONS, q.before?.at ?? null, q.before?.id ?? null, q.limit)
    .all<AccountRow>();
  return results.map((r) => ({
    id: r.id,
    at: toIso(r.at),
    action: r.action,
    actorName: r.actor_name,
    byYou: r.actor_id === q.userId,
    label: r.label,
    thisDevice: r.sign_in !== null && r.sign_in === q.signInId,
  }));
}
