import { type MentorImpact, minutesGiven, type ThanksReceived, type ThanksSent } from '../../shared/growth';
import { toIso } from '../lib/clock';

/**
 * "This helped" thank-yous and a mentor's own impact. Thanks reach every mentor who answered the
 * question, never with the asker's name; peer support ("need to talk") is never thanked or counted.
 */

interface ThanksRow {
  id: string;
  client_id: string;
  body_hash: string;
  question_id: string;
  user_id: string;
  text: string;
  created_at: number;
}

const toSent = (row: ThanksRow): ThanksSent => ({
  id: row.id,
  clientId: row.client_id,
  questionId: row.question_id,
  text: row.text,
  createdAt: toIso(row.created_at),
});

const toStored = (row: ThanksRow) => ({
  thanks: toSent(row),
  userId: row.user_id,
  questionId: row.question_id,
  bodyHash: row.body_hash,
});

export interface NewThanks {
  id: string;
  clientId: string;
  bodyHash: string;
  questionId: string;
  userId: string;
  text: string;
  at: number;
}

const COLUMNS = 'id, client_id, body_hash, question_id, user_id, text, created_at';
const byClientId = (db: D1Database, clientId: string) =>
  db.prepare(`SELECT ${COLUMNS} FROM thanks WHERE client_id = ?1`).bind(clientId);

export async function findThanksByClientId(db: D1Database, clientId: string) {
  const row = await byClientId(db, clientId).first<ThanksRow>();
  return row ? toStored(row) : null;
}

/**
 * One thank-you per question (the unique question_id), from its asker, once it has an answer: the
 * rule is the insert's WHERE, and the read-back of the client id shares its batch.
 */
export async function insertThanksOnce(db: D1Database, t: NewThanks) {
  const [inserted, read] = await db.batch<ThanksRow>([
    db
      .prepare(
        `INSERT INTO thanks (id, client_id, body_hash, question_id, user_id, text, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
         WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?4 AND user_id = ?5 AND kind = 'question'
                         AND first_answered_at IS NOT NULL)
         ON CONFLICT DO NOTHING`,
      )
      .bind(t.id, t.clientId, t.bodyHash, t.questionId, t.userId, t.text, t.at),
    byClientId(db, t.clientId),
  ]);
  const row = read?.results[0];
  return { created: inserted?.meta.changes === 1, stored: row ? toStored(row) : null };
}

export async function listThanksSent(db: D1Database, userId: string): Promise<ThanksSent[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM thanks WHERE user_id = ?1 ORDER BY created_at DESC, id`)
    .bind(userId)
    .all<ThanksRow>();
  return results.map(toSent);
}

/** Why a thank-you was refused, in what the asker may know of their own question. */
export async function thanksState(
  db: D1Database,
  userId: string,
  questionId: string,
): Promise<'missing' | 'unanswered' | 'already' | 'ok'> {
  const q = await db
    .prepare(
      `SELECT kind, first_answered_at, EXISTS (SELECT 1 FROM thanks t WHERE t.question_id = q.id) AS thanked
       FROM questions q WHERE q.id = ?1 AND q.user_id = ?2`,
    )
    .bind(questionId, userId)
    .first<{ kind: string; first_answered_at: number | null; thanked: number }>();
  // Need to talk is never thanked through here: it answers as a question that does not exist.
  if (q?.kind !== 'question') return 'missing';
  if (q.first_answered_at === null) return 'unanswered';
  return q.thanked ? 'already' : 'ok';
}

interface ReceivedRow {
  id: string;
  text: string;
  topic_name: string | null;
  created_at: number;
}

/** Most recent thanks a mentor shows; the counts cover everything. */
const THANKS_SHOWN = 50;

/** A mentor's own numbers, in one round trip; nothing here reads another mentor's. */
export async function mentorImpact(db: D1Database, mentorId: string): Promise<MentorImpact> {
  const mine = `SELECT DISTINCT a.question_id FROM answers a JOIN questions q ON q.id = a.question_id
    WHERE a.mentor_id = ?1 AND q.kind = 'question'`;
  const [counts, reads, coaching, tips, thanks] = await db.batch([
    db
      .prepare(
        `SELECT COUNT(*) AS answers_given, COALESCE(SUM(q.helpful = 1), 0) AS marked_helpful
         FROM questions q WHERE q.id IN (${mine})`,
      )
      .bind(mentorId),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM kb_opens o JOIN kb_entries k ON k.id = o.kb_id WHERE k.question_id IN (${mine})`,
      )
      .bind(mentorId),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM coaching k JOIN questions q ON q.id = k.question_id
         WHERE q.claimed_by = ?1 OR EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.mentor_id = ?1)`,
      )
      .bind(mentorId),
    db.prepare('SELECT COUNT(*) AS n FROM tips WHERE author_id = ?1').bind(mentorId),
    db
      .prepare(
        `SELECT t.id, t.text, tp.name AS topic_name, t.created_at
         FROM thanks t JOIN questions q ON q.id = t.question_id LEFT JOIN topics tp ON tp.id = q.topic_id
         WHERE t.question_id IN (${mine}) ORDER BY t.created_at DESC, t.id LIMIT ?2`,
      )
      .bind(mentorId, THANKS_SHOWN),
  ]);
  const c = counts?.results[0] as { answers_given: number; marked_helpful: number } | undefined;
  const n = (r: D1Result | undefined) => (r?.results[0] as { n: number } | undefined)?.n ?? 0;
  const given = {
    answersGiven: c?.answers_given ?? 0,
    coachingThreads: n(coaching),
    tipsWritten: n(tips),
  };
  return {
    ...given,
    markedHelpful: c?.marked_helpful ?? 0,
    publishedReads: n(reads),
    minutesGiven: minutesGiven(given),
    thanks: ((thanks?.results ?? []) as ReceivedRow[]).map(
      (row): ThanksReceived => ({
        id: row.id,
        text: row.text,
        topicName: row.topic_name,
        createdAt: toIso(row.created_at),
      }),
    ),
  };
}
