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
