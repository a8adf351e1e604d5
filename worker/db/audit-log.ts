import type { AuditEntry } from '../../shared/audit';
import { toIso } from '../lib/clock';

interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: string;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: toIso(row.at),
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action,
  target: row.target,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: number;
  to?: number;
  /** Keyset: entries strictly older than this (at, id). */
  before?: { at: number; id: string };
  limit: number;
}

/** Newest first, keyset-paged on (at, id) so pages stay stable while new entries arrive. */
export async function listAudit(db: D1Database, f: AuditFilter): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.action, a.target, a.details
       FROM audit a LEFT JOIN users u ON u.id = a.actor_id
       WHERE (?1 IS NULL OR a.action = ?1)
         AND (?2 IS NULL OR a.actor_id = ?2)
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
    )
    .all<AuditRow>();
  return results.map(toEntry);
}
