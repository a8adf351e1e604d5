/** The asker's side of a thread; each rule is the WHERE of its statement. */

export function replyStatements(
  db: D1Database,
  q: { id: string; userId: string },
  reply: { id: string; text: string },
  at: number,
) {
  return [
    db
      .prepare(
        `INSERT INTO question_messages (id, question_id, author_id, kind, text, created_at)
         SELECT ?3, id, ?2, 'reply', ?4, ?5 FROM questions WHERE id = ?1 AND user_id = ?2 AND status = 'clarifying'`,
      )
      .bind(q.id, q.userId, reply.id, reply.text, at),
    // Back to the mentor who asked, with a fresh claim: the SLA resumes from here.
    db
      .prepare(
        `UPDATE questions SET status = 'open', claimed_at = ?4
         WHERE id = ?1 AND user_id = ?2 AND status = 'clarifying'
           AND EXISTS (SELECT 1 FROM question_messages WHERE id = ?3)
         RETURNING id`,
      )
      .bind(q.id, q.userId, reply.id, at),
  ];
}

export function helpfulStatement(db: D1Database, id: string, userId: string, helpful: boolean) {
  return db
    .prepare(
      `UPDATE questions SET helpful = ?3
       WHERE id = ?1 AND user_id = ?2 AND first_answered_at IS NOT NULL RETURNING id`,
    )
    .bind(id, userId, helpful ? 1 : 0);
}

export function consentStatement(db: D1Database, id: string, userId: string, consent: boolean) {
  return db
    .prepare(
      `UPDATE questions SET share_consent = ?3 WHERE id = ?1 AND user_id = ?2 AND kind = 'question' RETURNING id`,
    )
    .bind(id, userId, consent ? 1 : 0);
}

export function askerCloseStatement(db: D1Database, id: string, userId: string, at: number) {
  return db
    .prepare(
      `UPDATE questions SET status = 'closed', closed_at = ?3
       WHERE id = ?1 AND user_id = ?2 AND status != 'closed' RETURNING id`,
    )
    .bind(id, userId, at);
}
