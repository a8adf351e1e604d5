import type { Category } from '../../shared/enums';
import type { FlagStatus } from '../../shared/flags';
import { ANONYMOUS_REPORTER } from '../../shared/kanon';

/** What the weekly digests read; every figure is a count or a root hotspot's own totals. */

export interface RootRow {
  id: string;
  host: string | null;
  path: string | null;
  category: Category;
  title: string | null;
  status: FlagStatus;
  flag_count: number;
  minutes_week: number;
  /** Distinct named reporters on any hotspot under the root, other than the reader. */
  named: number;
}

/** The roots ranked by minutes lost a week, each with its named reporters other than `viewerKey`. */
export async function rankedRoots(db: D1Database, viewerKey: string | null, limit: number): Promise<RootRow[]> {
  const { results } = await db
    .prepare(
      `SELECT h.id, h.host, h.path, h.category, h.title, h.status, h.flag_count, h.minutes_week,
         (SELECT COUNT(DISTINCT u.reporter_key) FROM hotspots l JOIN unit_reporters u ON u.hotspot_id = l.id
          WHERE l.root_id = h.id AND u.reporter_key <> '${ANONYMOUS_REPORTER}' AND u.reporter_key <> COALESCE(?1, '')) AS named
       FROM hotspots h WHERE h.merged_into IS NULL AND h.flag_count > 0
       ORDER BY h.minutes_week DESC, h.id LIMIT ?2`,
    )
    .bind(viewerKey, limit)
    .all<RootRow>();
  return results;
}

export async function leadCounts(db: D1Database, from: number, to: number, dueBefore: number) {
  const [closed, due] = await db.batch<{ n: number }>([
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM hotspots WHERE merged_into IS NULL AND status IN ('resolved', 'wont_fix')
           AND status_at >= ?1 AND status_at < ?2`,
      )
      .bind(from, to),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM pdsa_cycles
         WHERE stage <> 'act' AND COALESCE(study_at, do_at, created_at) < ?1`,
      )
      .bind(dueBefore),
  ]);
  return { loopsClosed: closed?.results[0]?.n ?? 0, cyclesDue: due?.results[0]?.n ?? 0 };
}

/** A mentor's week: answers given, those marked helpful, and opens of KB entries built from their answers. */
export async function mentorCounts(db: D1Database, mentorId: string | null, from: number, to: number) {
  const [answered, thanks, reads] = await db.batch<{ n: number }>([
    db
      .prepare(
        `SELECT COUNT(DISTINCT a.question_id) AS n FROM answers a
         WHERE a.created_at >= ?2 AND a.created_at < ?3 AND (?1 IS NULL OR a.mentor_id = ?1)`,
      )
      .bind(mentorId, from, to),
    // "This helped" carries no time of its own: counted on questions first answered in the window.
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM questions q WHERE q.kind = 'question' AND q.helpful = 1
           AND q.first_answered_at >= ?2 AND q.first_answered_at < ?3
           AND (?1 IS NULL OR EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.mentor_id = ?1))`,
      )
      .bind(mentorId, from, to),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM kb_opens o WHERE o.at >= ?2 AND o.at < ?3
           AND (?1 IS NULL OR EXISTS (SELECT 1 FROM kb_entries e JOIN answers a ON a.question_id = e.question_id
                                      WHERE e.id = o.kb_id AND a.mentor_id = ?1))`,
      )
      .bind(mentorId, from, to),
  ]);
  return {
    answered: answered?.results[0]?.n ?? 0,
    thanks: thanks?.results[0]?.n ?? 0,
    answersRead: reads?.results[0]?.n ?? 0,
  };
}

/** Every mentor's waiting questions (a channel's view): unclaimed, open, not need-to-talk. */
export async function teamOpenQuestions(db: D1Database, claimCutoff: number) {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n, COALESCE(SUM(urgency = 'today'), 0) AS urgent FROM questions
       WHERE kind = 'question' AND status = 'open' AND (claimed_by IS NULL OR claimed_at <= ?1)`,
    )
    .bind(claimCutoff)
    .first<{ n: number; urgent: number }>();
  return { open: row?.n ?? 0, urgent: row?.urgent ?? 0 };
}

export interface ChangeRow {
  id: string;
  host: string | null;
  path: string | null;
  category: Category;
  title: string | null;
  status: FlagStatus;
  response: string | null;
  changed_at: number;
}

/** Roots of the user's named flags whose status or response changed in the window. */
export async function changesOnFlagsOf(db: D1Database, userId: string, from: number, to: number) {
  const { results } = await db
    .prepare(
      `SELECT r.id, r.host, r.path, r.category, r.title, r.status, r.response,
         MAX(COALESCE(r.status_at, 0), COALESCE(r.responded_at, 0)) AS changed_at
       FROM hotspots r
       WHERE r.id IN (SELECT l.root_id FROM flags f JOIN hotspots l ON l.id = f.hotspot_id
                      WHERE f.user_id = ?1 AND f.withdrawn IS NULL)
         AND ((r.status_at >= ?2 AND r.status_at < ?3) OR (r.responded_at >= ?2 AND r.responded_at < ?3))
       ORDER BY changed_at DESC LIMIT 20`,
    )
    .bind(userId, from, to)
    .all<ChangeRow>();
  return results;
}

/** Friendly screen names ("Epic › Med Rec") for hosts and path templates the admins named. */
export async function screenNames(db: D1Database, hosts: string[]) {
  if (hosts.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT s.host, sc.path_template, s.name AS system_name, sc.name AS screen_name
       FROM systems s JOIN system_screens sc ON sc.system_id = s.id
       WHERE s.host IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(hosts))
    .all<{ host: string; path_template: string; system_name: string; screen_name: string }>();
  return results;
}

/** What an urgent alert may say about a question (its text only where the organisation allows). */
export async function alertFacts(db: D1Database, questionId: string) {
  return db
    .prepare(
      `SELECT q.id, q.kind, q.urgency, q.discipline_wanted, q.text, q.created_at, t.name AS topic
       FROM questions q JOIN topics t ON t.id = q.topic_id WHERE q.id = ?1`,
    )
    .bind(questionId)
    .first<{
      id: string;
      kind: string;
      urgency: string;
      discipline_wanted: string;
      text: string;
      created_at: number;
      topic: string;
    }>();
}
