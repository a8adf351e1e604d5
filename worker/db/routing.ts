import { DAY } from '../lib/clock';

// Routing's building blocks, in SQL: who takes a route, who is there, who has room. The queue's
// VISIBLE rule, the Ask form's coverage read and the escalation job are built from these, so the
// three cannot drift apart.

/** A mentor who never set a profile has this capacity (the default of mentor_profiles.weekly_capacity). */
export const DEFAULT_CAPACITY = 5;
/** Capacity counts a rolling week: it is about load, not about the calendar. */
export const CAPACITY_WINDOW_MS = 7 * DAY;

/** Mentor `m` (an SQL expression naming a user id) answers for `discipline` (their own when they named none). */
export const answersFor = (m: string, discipline: string) => `(${discipline} = 'any'
    OR EXISTS (SELECT 1 FROM mentor_disciplines md WHERE md.user_id = ${m} AND md.discipline = ${discipline})
    OR (NOT EXISTS (SELECT 1 FROM mentor_disciplines md WHERE md.user_id = ${m})
      AND ${discipline} = (SELECT discipline FROM users WHERE id = ${m})))`;

/** Mentor `m` takes questions of `topic` wanting `discipline`. */
export const takesRoute = (m: string, topic: string, discipline: string) =>
  `(EXISTS (SELECT 1 FROM mentor_topics mt WHERE mt.user_id = ${m} AND mt.topic_id = ${topic})
    AND ${answersFor(m, discipline)})`;

/** Answered fewer questions since `since` than their capacity; over users `cu` with profile `cp`. */
const HAS_ROOM = (since: string) =>
  `(SELECT COUNT(DISTINCT a.question_id) FROM answers a WHERE a.mentor_id = cu.id AND a.created_at > ${since})
    < COALESCE(cp.weekly_capacity, ${DEFAULT_CAPACITY})`;

/**
 * Someone is there for the route: an active mentor, not away, who takes `topic` wanting
 * `discipline`, and meets `also` (a condition on users `cu`, profiles `cp`).
 */
export const covered = (topic: string, discipline: string, also = '1') =>
  `EXISTS (SELECT 1 FROM mentor_topics ct JOIN users cu ON cu.id = ct.user_id
      LEFT JOIN mentor_profiles cp ON cp.user_id = cu.id
    WHERE ct.topic_id = ${topic} AND cu.active = 1 AND COALESCE(cp.away, 0) = 0
      AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = cu.id AND r.role = 'mentor')
      AND ${answersFor('cu.id', discipline)} AND ${also})`;

/**
 * Spill: a mentor at capacity (`since`, the start of their capacity window, bound only then) is
 * offered a question only while nobody else who takes its route has room; `me` is that mentor.
 */
export const spillsPast = (me: string, since: string) =>
  `(${since} IS NULL OR NOT ${covered('q.topic_id', 'q.discipline_wanted', `cu.id != ${me} AND cu.id != q.user_id AND ${HAS_ROOM(since)}`)})`;

/**
 * The start of mentor `me`'s capacity window (`windowStart`) when they have answered their weekly
 * capacity within it, else NULL: the `since` that `spillsPast` takes, worked out inside the statement
 * (the same count as `mentorLoad`), so a queue read needs no read of the mentor's load before it.
 */
export const atCapacitySince = (me: string, windowStart: string) => `(CASE WHEN ${windowStart} IS NOT NULL
    AND (SELECT COUNT(DISTINCT a.question_id) FROM answers a WHERE a.mentor_id = ${me} AND a.created_at > ${windowStart})
      >= COALESCE((SELECT p.weekly_capacity FROM mentor_profiles p WHERE p.user_id = ${me}), ${DEFAULT_CAPACITY})
    THEN ${windowStart} END)`;

/** Whether a mentor has reached their weekly capacity, with the counts the inbox shows. */
export async function mentorLoad(db: D1Database, userId: string, at: number) {
  const row = await db
    .prepare(
      `SELECT COALESCE(p.weekly_capacity, ?3) AS capacity, COALESCE(p.away, 0) AS away,
         (SELECT COUNT(DISTINCT a.question_id) FROM answers a WHERE a.mentor_id = ?1 AND a.created_at > ?2) AS answered
       FROM (SELECT 1) LEFT JOIN mentor_profiles p ON p.user_id = ?1`,
    )
    .bind(userId, at - CAPACITY_WINDOW_MS, DEFAULT_CAPACITY)
    .first<{ capacity: number; away: number; answered: number }>();
  const capacity = row?.capacity ?? DEFAULT_CAPACITY;
  const answered = row?.answered ?? 0;
  return {
    weeklyCapacity: capacity,
    answeredThisWeek: answered,
    atCapacity: answered >= capacity,
    away: row?.away === 1,
  };
}

/**
 * The Ask form's read, for asker ?1: whether the route (?2 topic, ?3 discipline) is covered, the same
 * topic from any discipline, the fallback topic ?4 (when active), and a peer supporter. Never who.
 */
export async function coverageOf(
  db: D1Database,
  askerId: string,
  topicId: string | null,
  discipline: string,
  fallbackTopicId: string | null,
) {
  const other = 'cu.id != ?1';
  return db
    .prepare(
      `SELECT ${covered('?2', '?3', other)} AS exact,
         ${covered('?2', "'any'", other)} AS any_discipline,
         (EXISTS (SELECT 1 FROM topics WHERE id = ?4 AND active = 1) AND ${covered('?4', "'any'", other)}) AS fallback,
         EXISTS (SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id
             LEFT JOIN mentor_profiles p ON p.user_id = u.id
           WHERE r.role = 'peer_supporter' AND u.active = 1 AND COALESCE(p.away, 0) = 0 AND u.id != ?1) AS peer`,
    )
    .bind(askerId, topicId, discipline, fallbackTopicId)
    .first<{ exact: number; any_discipline: number; fallback: number; peer: number }>();
}
