import type { Discipline } from '../../shared/enums';
import { type Mentorship, type MentorshipStatus, RHYTHM_DAYS, type Rhythm } from '../../shared/mentorships';
import { DAY, toIso } from '../lib/clock';
import { DEFAULT_CAPACITY } from './routing';

/**
 * Mentorships: each rule is the WHERE of the statement it guards, so two racing calls cannot both pass
 * it (D1 runs one statement at a time): the capacity rule in the statements that start a pairing, the
 * parties in those that change one.
 */

/** A rhythm's step in ms, in SQL, for the row's own `rhythm`. */
const STEP = `(CASE rhythm ${Object.entries(RHYTHM_DAYS)
  .map(([r, d]) => `WHEN '${r}' THEN ${d * DAY}`)
  .join(' ')} END)`;

/**
 * Mentor `m` (an SQL expression) can take one more mentee: an active user holding the mentor role, not
 * away, whose active mentorships are fewer than their weekly capacity (each mentee takes a slot).
 */
const HAS_ROOM = (m: string) => `EXISTS (SELECT 1 FROM users ru
    JOIN user_roles rr ON rr.user_id = ru.id AND rr.role = 'mentor'
    LEFT JOIN mentor_profiles rp ON rp.user_id = ru.id
  WHERE ru.id = ${m} AND ru.active = 1 AND COALESCE(rp.away, 0) = 0
    AND (SELECT COUNT(*) FROM mentorships rm WHERE rm.mentor_id = ru.id AND rm.status = 'active')
      < COALESCE(rp.weekly_capacity, ${DEFAULT_CAPACITY}))`;

interface MentorshipRow {
  id: string;
  client_id: string;
  body_hash: string;
  status: MentorshipStatus;
  awaiting: Mentorship['awaiting'];
  mentee_id: string;
  mentee_name: string;
  mentee_discipline: Discipline;
  mentor_id: string | null;
  mentor_name: string | null;
  mentor_discipline: Discipline | null;
  purpose: string;
  goals: string;
  rhythm: Rhythm;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  next_check_in_at: number | null;
  reminded_at: number | null;
}

const SELECT = `SELECT m.id, m.client_id, m.body_hash, m.status, m.awaiting, m.mentee_id, e.display_name AS mentee_name,
    e.discipline AS mentee_discipline, m.mentor_id, r.display_name AS mentor_name, r.discipline AS mentor_discipline,
    m.purpose, m.goals, m.rhythm, m.created_at, m.started_at, m.ended_at, m.next_check_in_at, m.reminded_at
  FROM mentorships m JOIN users e ON e.id = m.mentee_id LEFT JOIN users r ON r.id = m.mentor_id`;

/** A stored mentorship without the viewer's side, which the service adds. */
export interface StoredMentorship {
  mentorship: Omit<Mentorship, 'myRole'>;
  menteeId: string;
  mentorId: string | null;
  bodyHash: string;
}

const iso = (ms: number | null) => (ms === null ? null : toIso(ms));

function toStored(row: MentorshipRow): StoredMentorship {
  return {
    menteeId: row.mentee_id,
    mentorId: row.mentor_id,
    bodyHash: row.body_hash,
    mentorship: {
      id: row.id,
      clientId: row.client_id,
      status: row.status,
      awaiting: row.awaiting,
      mentee: { id: row.mentee_id, displayName: row.mentee_name, discipline: row.mentee_discipline },
      mentor:
        row.mentor_id === null
          ? null
          : {
              id: row.mentor_id,
              displayName: row.mentor_name ?? '',
              discipline: row.mentor_discipline ?? 'other',
            },
      purpose: row.purpose,
      goals: row.goals,
      rhythm: row.rhythm,
      createdAt: toIso(row.created_at),
      startedAt: iso(row.started_at),
      endedAt: iso(row.ended_at),
      nextCheckInAt: iso(row.next_check_in_at),
      remindedAt: iso(row.reminded_at),
    },
  };
}

export async function getMentorship(db: D1Database, id: string): Promise<StoredMentorship | null> {
  const row = await db.prepare(`${SELECT} WHERE m.id = ?1`).bind(id).first<MentorshipRow>();
  return row ? toStored(row) : null;
}

export async function findMentorshipByClientId(db: D1Database, clientId: string) {
  const row = await db.prepare(`${SELECT} WHERE m.client_id = ?1`).bind(clientId).first<MentorshipRow>();
  return row ? toStored(row) : null;
}

/** Mine as mentee or mentor: live ones, and those that ended or were declined in the last 30 days. */
export async function listMentorshipsOf(db: D1Database, userId: string, at: number) {
  const { results } = await db
    .prepare(
      `${SELECT} WHERE (m.mentee_id = ?1 OR m.mentor_id = ?1)
         AND (m.status IN ('requested', 'active') OR m.ended_at > ?2)
       ORDER BY CASE m.status WHEN 'requested' THEN 0 WHEN 'active' THEN 1 ELSE 2 END, m.created_at DESC`,
    )
    .bind(userId, at - 30 * DAY)
    .all<MentorshipRow>();
  return results.map(toStored);
}

/** Every live pairing and request, for programme leads. */
export async function listLiveMentorships(db: D1Database) {
  const { results } = await db
    .prepare(`${SELECT} WHERE m.status IN ('requested', 'active') ORDER BY m.status DESC, m.created_at`)
    .all<MentorshipRow>();
  return results.map(toStored);
}

interface LoadRow {
  id: string;
  display_name: string;
  discipline: Discipline;
  mentees: number;
  capacity: number;
  away: number;
}

/** Every active mentor with their active mentees against weekly capacity (the HAS_ROOM rule's figures). */
export async function mentorLoads(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT u.id, u.display_name, u.discipline, COALESCE(p.weekly_capacity, ?1) AS capacity,
         COALESCE(p.away, 0) AS away,
         (SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = u.id AND m.status = 'active') AS mentees
       FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'mentor'
         LEFT JOIN mentor_profiles p ON p.user_id = u.id
       WHERE u.active = 1 ORDER BY u.display_name, u.id`,
    )
    .bind(DEFAULT_CAPACITY)
    .all<LoadRow>();
  return results.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    discipline: r.discipline,
    mentees: r.mentees,
    weeklyCapacity: r.capacity,
    away: r.away === 1,
    hasRoom: r.away === 0 && r.mentees < r.capacity,
  }));
}

export interface NewMentorship {
  id: string;
  clientId: string;
  bodyHash: string;
  menteeId: string;
  mentorId: string | null;
  purpose: string;
  goals: string;
  rhythm: Rhythm;
  at: number;
}

/**
 * A request, stored only when the mentee has no live pairing and a named mentor is someone else with
 * room; the read-back of its client id in the same batch. Returns whether this call stored it.
 */
export async function insertMentorship(db: D1Database, n: NewMentorship) {
  const [inserted, read] = await db.batch<MentorshipRow>([
    db
      .prepare(
        `INSERT INTO mentorships (id, client_id, body_hash, mentee_id, mentor_id, status, awaiting, purpose, goals,
           rhythm, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, 'requested', CASE WHEN ?5 IS NULL THEN 'lead' ELSE 'mentor' END, ?6, ?7, ?8, ?9
         WHERE NOT EXISTS (SELECT 1 FROM mentorships WHERE mentee_id = ?4 AND status IN ('requested', 'active'))
           AND NOT EXISTS (SELECT 1 FROM mentorships WHERE client_id = ?2)
           AND (?5 IS NULL OR (?5 != ?4 AND ${HAS_ROOM('?5')}))`,
      )
      .bind(n.id, n.clientId, n.bodyHash, n.menteeId, n.mentorId, n.purpose, n.goals, n.rhythm, n.at),
    db.prepare(`${SELECT} WHERE m.client_id = ?1`).bind(n.clientId),
  ]);
  const row = read?.results[0];
  return { created: inserted?.meta.changes === 1, stored: row ? toStored(row) : null };
}

/** Why a request was not stored. */
export async function requestRefusal(db: D1Database, menteeId: string, mentorId: string | null) {
  const row = await db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM mentorships WHERE mentee_id = ?1 AND status IN ('requested', 'active')) AS live,
         EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'mentor'
           WHERE u.id = ?2 AND u.active = 1 AND u.id != ?1) AS mentor`,
    )
    .bind(menteeId, mentorId)
    .first<{ live: number; mentor: number }>();
  if (row?.live === 1) return 'live' as const;
  if (mentorId !== null && row?.mentor !== 1) return 'no_mentor' as const;
  return mentorId === null ? null : ('no_room' as const);
}

const changed = (r: D1Result | undefined) => (r?.results.length ?? 0) > 0;

/** Starts a pairing: status active, first check-in one rhythm on. */
const START = `status = 'active', awaiting = NULL, started_at = ?2, next_check_in_at = ?2 + ${STEP}`;

/** The mentor asked accepts, while they have room. */
export async function acceptMentorship(db: D1Database, id: string, mentorId: string, at: number) {
  const r = await db
    .prepare(
      `UPDATE mentorships SET ${START}
       WHERE id = ?1 AND status = 'requested' AND awaiting = 'mentor' AND mentor_id = ?3 AND ${HAS_ROOM('?3')}
       RETURNING id`,
    )
    .bind(id, at, mentorId)
    .all();
  return changed(r);
}

/** A lead assigns a mentor with room to a request for anyone. */
export async function assignMentorship(db: D1Database, id: string, mentorId: string, at: number) {
  const r = await db
    .prepare(
      `UPDATE mentorships SET ${START}, mentor_id = ?3
       WHERE id = ?1 AND status = 'requested' AND awaiting = 'lead' AND mentee_id != ?3 AND ${HAS_ROOM('?3')}
       RETURNING id`,
    )
    .bind(id, at, mentorId)
    .all();
  return changed(r);
}

/** The mentor asked declines; no reason is asked or stored. */
export async function declineMentorship(db: D1Database, id: string, mentorId: string, at: number) {
  const r = await db
    .prepare(
      `UPDATE mentorships SET status = 'declined', awaiting = NULL, ended_at = ?2
       WHERE id = ?1 AND status = 'requested' AND awaiting = 'mentor' AND mentor_id = ?3
       RETURNING id`,
    )
    .bind(id, at, mentorId)
    .all();
  return changed(r);
}

/**
 * Either side ends it (a mentee withdraws a request the same way); no reason is asked or stored. The
 * mentee's questions still waiting for this mentor alone join normal routing in the same batch.
 */
export async function endMentorship(db: D1Database, id: string, userId: string, at: number) {
  const [ended] = await db.batch([
    db
      .prepare(
        `UPDATE mentorships SET status = 'ended', awaiting = NULL, ended_at = ?2, next_check_in_at = NULL
         WHERE id = ?1 AND status IN ('requested', 'active') AND (mentee_id = ?3 OR mentor_id = ?3)
         RETURNING id`,
      )
      .bind(id, at, userId),
    db
      .prepare(
        `UPDATE questions SET mentor_first_id = NULL, mentor_first_until = NULL
         WHERE mentor_first_id IS NOT NULL AND EXISTS (SELECT 1 FROM mentorships m
           WHERE m.id = ?1 AND m.status = 'ended' AND m.ended_at = ?2
             AND questions.user_id = m.mentee_id AND questions.mentor_first_id = m.mentor_id)`,
      )
      .bind(id, at),
  ]);
  return changed(ended);
}

/** The agreed goals and rhythm: either side, while the pairing is live. */
export async function saveGoals(db: D1Database, id: string, userId: string, goals: string, rhythm: Rhythm | null) {
  const r = await db
    .prepare(
      `UPDATE mentorships SET goals = ?3, rhythm = COALESCE(?4, rhythm)
       WHERE id = ?1 AND status IN ('requested', 'active') AND (mentee_id = ?2 OR mentor_id = ?2)
       RETURNING id`,
    )
    .bind(id, userId, goals, rhythm)
    .all();
  return changed(r);
}

/** We met: the next check-in falls one rhythm from now, and the reminder is answered. */
export async function recordCheckIn(db: D1Database, id: string, userId: string, at: number) {
  const r = await db
    .prepare(
      `UPDATE mentorships SET next_check_in_at = ?3 + ${STEP}, reminded_at = NULL
       WHERE id = ?1 AND status = 'active' AND (mentee_id = ?2 OR mentor_id = ?2)
       RETURNING id`,
    )
    .bind(id, userId, at)
    .all();
  return changed(r);
}

/**
 * The scheduled job's reminders: every active pairing whose check-in has fallen due is marked reminded
 * and its next check-in moved one rhythm on (from now, when the job was down for longer than a rhythm),
 * so each check-in is reminded once. Returns the pairings reminded.
 */
export async function remindDueCheckIns(db: D1Database, at: number) {
  const { results } = await db
    .prepare(
      `UPDATE mentorships SET reminded_at = ?1,
         next_check_in_at = CASE WHEN next_check_in_at + ${STEP} > ?1 THEN next_check_in_at + ${STEP}
           ELSE ?1 + ${STEP} END
       WHERE status = 'active' AND next_check_in_at <= ?1
       RETURNING id`,
    )
    .bind(at)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/** The mentor a mentee's question may go to first: their active mentorship's, while that mentor is there. */
export async function mentorFirstFor(db: D1Database, menteeId: string) {
  const row = await db
    .prepare(
      `SELECT m.mentor_id FROM mentorships m JOIN users u ON u.id = m.mentor_id
         LEFT JOIN mentor_profiles p ON p.user_id = m.mentor_id
       WHERE m.mentee_id = ?1 AND m.status = 'active' AND u.active = 1 AND COALESCE(p.away, 0) = 0`,
    )
    .bind(menteeId)
    .first<{ mentor_id: string }>();
  return row?.mentor_id ?? null;
}

/** Mentor-first questions past their time join normal routing. Returns how many did. */
export async function releaseMentorFirst(db: D1Database, at: number) {
  const r = await db
    .prepare(
      `UPDATE questions SET mentor_first_id = NULL, mentor_first_until = NULL
       WHERE mentor_first_id IS NOT NULL AND mentor_first_until <= ?1
       RETURNING id`,
    )
    .bind(at)
    .all();
  return r.results.length;
}
