import { ACTIVE_CLAIM } from './claims';

/**
 * Moves every question unclaimed since `cutoff` (asked then or earlier, open, no unexpired claim,
 * never moved before) to the fallback topic, for any discipline, and tells admins in the audit: one
 * conditional UPDATE, and an audit entry that exists only when that UPDATE moved something (it reads
 * back the rows stamped with this run's time), in one batch. A question still with the asker's mentor
 * alone waits for that first (the mentorships job). Need to talk never moves (it has its own
 * escalation to every peer supporter), nor does anything when the fallback topic is not active. The
 * entry holds counts, not question ids: the moved rows carry their own time and former topic.
 */
export function escalateStatements(
  db: D1Database,
  run: {
    at: number;
    cutoff: number;
    claimCutoff: number;
    fallbackTopicId: string;
    afterMinutes: number;
    auditId: string;
  },
) {
  return [
    db
      .prepare(
        `UPDATE questions AS q SET escalated_from_topic_id = q.topic_id, topic_id = ?1, discipline_wanted = 'any',
           claimed_by = NULL, claimed_at = NULL, escalated_at = ?2
         WHERE q.kind = 'question' AND q.status = 'open' AND q.escalated_at IS NULL AND q.created_at <= ?3
           AND NOT (${ACTIVE_CLAIM}) AND q.topic_id != ?1 AND q.mentor_first_id IS NULL
           AND EXISTS (SELECT 1 FROM topics t WHERE t.id = ?1 AND t.active = 1)
         RETURNING id`,
      )
      .bind(run.fallbackTopicId, run.at, run.cutoff, run.claimCutoff),
    db
      .prepare(
        `INSERT INTO audit (id, at, actor_id, subject_id, action, target, details)
         SELECT ?1, ?2, NULL, NULL, 'questions.escalated', ?3,
           json_object('count', COUNT(*), 'afterMinutes', ?4)
         FROM questions q WHERE q.escalated_at = ?2 AND q.topic_id = ?3
         HAVING COUNT(*) > 0`,
      )
      .bind(run.auditId, run.at, run.fallbackTopicId, run.afterMinutes),
  ];
}
