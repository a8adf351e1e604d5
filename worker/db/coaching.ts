import { COACHING_TOPIC_ID, type Coaching, type FramingText } from '../../shared/coaching';
import type { Category, Urgency } from '../../shared/enums';
import { toIso } from '../lib/clock';

/**
 * "Help me shape this": a question on the coaching topic, tied to the asker's named flag, and the
 * framing card both sides edit. The question itself lives in `questions` like any other.
 */

interface CoachingRow {
  question_id: string;
  flag_id: string;
  flag_text: string;
  flag_category: Category;
  flag_created_at: number;
  asker_id: string;
  problem: string;
  affects: string;
  patients: string;
  measure: string;
  smallest_test: string;
  revision: number;
  updated_by_name: string | null;
  updated_at: number | null;
}

const SELECT = `SELECT c.question_id, c.flag_id, f.text AS flag_text, f.category AS flag_category,
    f.created_at AS flag_created_at, q.user_id AS asker_id, c.problem, c.affects, c.patients, c.measure,
    c.smallest_test, c.revision, u.display_name AS updated_by_name, c.updated_at
  FROM coaching c JOIN questions q ON q.id = c.question_id JOIN flags f ON f.id = c.flag_id
  LEFT JOIN users u ON u.id = c.updated_by`;

export interface StoredCoaching {
  coaching: Omit<Coaching, 'canEdit'>;
  askerId: string;
}

function toStored(row: CoachingRow): StoredCoaching {
  return {
    askerId: row.asker_id,
    coaching: {
      questionId: row.question_id,
      flag: {
        id: row.flag_id,
        text: row.flag_text,
        category: row.flag_category,
        createdAt: toIso(row.flag_created_at),
      },
      card: {
        problem: row.problem,
        affects: row.affects,
        patients: row.patients,
        measure: row.measure,
        smallestTest: row.smallest_test,
        revision: row.revision,
        updatedByName: row.updated_by_name,
        updatedAt: row.updated_at === null ? null : toIso(row.updated_at),
      },
    },
  };
}

export interface NewCoaching {
  questionId: string;
  clientId: string;
  bodyHash: string;
  userId: string;
  flagId: string;
  text: string;
  urgency: Urgency;
  at: number;
}

/**
 * The question and its link in one batch, each rule in a WHERE: the flag is the asker's own, named and
 * not withdrawn; it has no coaching thread yet; the coaching topic is active. The question takes the
 * flag's screen, so the coach sees where it happened. The link is made only if this call stored the
 * question. Returns whether it did.
 */
export async function insertCoaching(db: D1Database, n: NewCoaching): Promise<boolean> {
  const [question] = await db.batch([
    db
      .prepare(
        `INSERT INTO questions (id, client_id, body_hash, user_id, text, topic_id, discipline_wanted, urgency, host,
           path, page_title, created_at, kind)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, 'any', ?7, f.host, f.path, NULL, ?8, 'question'
         FROM flags f
         WHERE f.id = ?9 AND f.user_id = ?4 AND f.anonymous = 0 AND f.withdrawn IS NULL
           AND NOT EXISTS (SELECT 1 FROM coaching c WHERE c.flag_id = f.id)
           AND EXISTS (SELECT 1 FROM topics WHERE id = ?6 AND active = 1)
         ON CONFLICT(client_id) DO NOTHING`,
      )
      .bind(n.questionId, n.clientId, n.bodyHash, n.userId, n.text, COACHING_TOPIC_ID, n.urgency, n.at, n.flagId),
    db
      .prepare(
        `INSERT INTO coaching (question_id, flag_id)
         SELECT id, ?3 FROM questions WHERE id = ?1 AND client_id = ?2
         ON CONFLICT DO NOTHING`,
      )
      .bind(n.questionId, n.clientId, n.flagId),
  ]);
  return question?.meta.changes === 1;
}

/** By the request's client id: a retry finds what the first attempt stored. */
export async function findCoachingByClientId(db: D1Database, clientId: string) {
  const row = await db
    .prepare(
      `SELECT q.id, q.user_id, q.body_hash, c.flag_id FROM questions q JOIN coaching c ON c.question_id = q.id
       WHERE q.client_id = ?1`,
    )
    .bind(clientId)
    .first<{ id: string; user_id: string; body_hash: string; flag_id: string }>();
  return row && { questionId: row.id, userId: row.user_id, bodyHash: row.body_hash, flagId: row.flag_id };
}

export async function getCoaching(db: D1Database, questionId: string): Promise<StoredCoaching | null> {
  const row = await db.prepare(`${SELECT} WHERE c.question_id = ?1`).bind(questionId).first<CoachingRow>();
  return row ? toStored(row) : null;
}

export async function listOwnCoaching(db: D1Database, userId: string): Promise<StoredCoaching[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE q.user_id = ?1 ORDER BY q.created_at DESC, q.id`)
    .bind(userId)
    .all<CoachingRow>();
  return results.map(toStored);
}

/** Why a request for coaching was refused: what the asker may know of their own flag. */
export async function coachingRefusal(
  db: D1Database,
  userId: string,
  flagId: string,
): Promise<'no_flag' | 'already' | 'no_topic' | null> {
  const [flag, topic] = await db.batch([
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM coaching c WHERE c.flag_id = f.id) AS coached FROM flags f
         WHERE f.id = ?1 AND f.user_id = ?2 AND f.anonymous = 0 AND f.withdrawn IS NULL`,
      )
      .bind(flagId, userId),
    db.prepare('SELECT 1 AS ok FROM topics WHERE id = ?1 AND active = 1').bind(COACHING_TOPIC_ID),
  ]);
  const f = flag?.results[0] as { coached: number } | undefined;
  if (!f) return 'no_flag';
  if (f.coached) return 'already';
  // Null: nothing refuses it now (the rule changed since), so the caller tries once more.
  return topic?.results.length ? null : 'no_topic';
}

/** Saves the card only over the revision its editor saw; false when someone saved in between. */
export async function saveCard(
  db: D1Database,
  questionId: string,
  revision: number,
  card: FramingText,
  by: string,
  at: number,
): Promise<boolean> {
  const { meta } = await db
    .prepare(
      `UPDATE coaching SET problem = ?3, affects = ?4, patients = ?5, measure = ?6, smallest_test = ?7,
         revision = revision + 1, updated_by = ?8, updated_at = ?9
       WHERE question_id = ?1 AND revision = ?2`,
    )
    .bind(questionId, revision, card.problem, card.affects, card.patients, card.measure, card.smallestTest, by, at)
    .run();
  return meta.changes === 1;
}
