/**
 * Retention: the free text of flags and questions older than the cutoff is cleared, in chunks so no
 * statement runs long. Categories, minutes, impact, screens and the hotspot aggregates stay, and so do
 * knowledge-base copies (published only with the asker's consent, de-identified, in kb_entries).
 */
const CHUNK = 500;

export interface Cleared {
  flags: number;
  questions: number;
  answers: number;
  messages: number;
  handoffs: number;
}

/**
 * Clears one text column of the rows that belong to an old question. Table and column are constants
 * from chunkStatements, never input.
 */
function childText(
  db: D1Database,
  cutoff: number,
  key: keyof Cleared,
  table: 'answers' | 'question_messages' | 'handoffs',
  column: 'text' | 'note',
) {
  const stmt = db
    .prepare(
      `UPDATE ${table} SET ${column} = '' WHERE id IN (
         SELECT id FROM ${table} WHERE ${column} <> ''
           AND question_id IN (SELECT id FROM questions WHERE created_at < ?1) LIMIT ?2)`,
    )
    .bind(cutoff, CHUNK);
  return { key, stmt };
}

/** One statement per table; each clears at most CHUNK rows, oldest first, and reports how many. */
function chunkStatements(db: D1Database, cutoff: number): { key: keyof Cleared; stmt: D1PreparedStatement }[] {
  return [
    {
      key: 'flags',
      stmt: db
        .prepare(
          `UPDATE flags SET text = '', idea = NULL, page_title = NULL WHERE id IN (
             SELECT id FROM flags WHERE created_at < ?1 AND (text <> '' OR idea IS NOT NULL OR page_title IS NOT NULL)
             LIMIT ?2)`,
        )
        .bind(cutoff, CHUNK),
    },
    {
      key: 'questions',
      stmt: db
        .prepare(
          `UPDATE questions SET text = '', page_title = NULL WHERE id IN (
             SELECT id FROM questions WHERE created_at < ?1 AND (text <> '' OR page_title IS NOT NULL) LIMIT ?2)`,
        )
        .bind(cutoff, CHUNK),
    },
    childText(db, cutoff, 'answers', 'answers', 'text'),
    childText(db, cutoff, 'messages', 'question_messages', 'text'),
    childText(db, cutoff, 'handoffs', 'handoffs', 'note'),
  ];
}

/** Clears every old free-text field, chunk by chunk, until a round changes nothing (or maxRounds). */
export async function clearOldFreeText(db: D1Database, cutoff: number, maxRounds = 200): Promise<Cleared> {
  const total: Cleared = { flags: 0, questions: 0, answers: 0, messages: 0, handoffs: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const statements = chunkStatements(db, cutoff);
    const results = await db.batch(statements.map((s) => s.stmt));
    let changed = 0;
    results.forEach((r, i) => {
      const key = statements[i]?.key;
      if (key) total[key] += r.meta.changes;
      changed += r.meta.changes;
    });
    if (changed === 0) break;
  }
  return total;
}
