import { newId } from '../lib/crypto';

/**
 * Audit entries name the actor, the action and the target id, with small structured details.
 * They never carry free text or request bodies, and nothing about anonymous flags.
 */
export function auditStatement(
  db: D1Database,
  entry: { at: number; actorId: string | null; action: string; target?: string; details?: Record<string, unknown> },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO audit (id, at, actor_id, action, target, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(newId(), entry.at, entry.actorId, entry.action, entry.target ?? null, JSON.stringify(entry.details ?? {}));
}
