import type { Discipline } from '../../shared/enums';
import type { MentorProfile, MentorProfileView, MentorSummary, PeerAudit } from '../../shared/mentoring';
import { DAY, toIso } from '../lib/clock';

const DEFAULT_CAPACITY = 5;

/** A mentor who never set a profile takes no routed questions and answers for their own discipline. */
export async function getMentorProfile(
  db: D1Database,
  userId: string,
  ownDiscipline: Discipline,
  at: number,
): Promise<MentorProfileView> {
  const [profile, topics, disciplines, answered] = await db.batch<Record<string, unknown>>([
    db.prepare('SELECT weekly_capacity, away FROM mentor_profiles WHERE user_id = ?1').bind(userId),
    db.prepare('SELECT topic_id FROM mentor_topics WHERE user_id = ?1 ORDER BY topic_id').bind(userId),
    db.prepare('SELECT discipline FROM mentor_disciplines WHERE user_id = ?1 ORDER BY discipline').bind(userId),
    // A rolling week: capacity is about load, not about the calendar.
    db
      .prepare('SELECT COUNT(DISTINCT question_id) AS n FROM answers WHERE mentor_id = ?1 AND created_at > ?2')
      .bind(userId, at - 7 * DAY),
  ]);
  const p = profile?.results[0] as { weekly_capacity: number; away: number } | undefined;
  const named = (disciplines?.results ?? []).map((r) => r.discipline as Discipline);
  return {
    topicIds: (topics?.results ?? []).map((r) => r.topic_id as string),
    disciplines: named.length > 0 ? named : [ownDiscipline],
    weeklyCapacity: p?.weekly_capacity ?? DEFAULT_CAPACITY,
    away: p?.away === 1,
    answeredThisWeek: ((answered?.results[0] as { n: number } | undefined)?.n ?? 0) as number,
  };
}

export function putMentorProfileStatements(db: D1Database, userId: string, p: MentorProfile, at: number) {
  return [
    db
      .prepare(
        `INSERT INTO mentor_profiles (user_id, weekly_capacity, away, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(user_id) DO UPDATE SET weekly_capacity = excluded.weekly_capacity, away = excluded.away,
           updated_at = excluded.updated_at`,
      )
      .bind(userId, p.weeklyCapacity, p.away ? 1 : 0, at),
    db.prepare('DELETE FROM mentor_topics WHERE user_id = ?1').bind(userId),
    ...[...new Set(p.topicIds)].map((t) =>
      db.prepare('INSERT INTO mentor_topics (user_id, topic_id) VALUES (?1, ?2)').bind(userId, t),
    ),
    db.prepare('DELETE FROM mentor_disciplines WHERE user_id = ?1').bind(userId),
    ...[...new Set(p.disciplines)].map((d) =>
      db.prepare('INSERT INTO mentor_disciplines (user_id, discipline) VALUES (?1, ?2)').bind(userId, d),
    ),
  ];
}

export async function isAway(db: D1Database, userId: string): Promise<boolean> {
  const row = await db
    .prepare('SELECT away FROM mentor_profiles WHERE user_id = ?1')
    .bind(userId)
    .first<{ away: number }>();
  return row?.away === 1;
}

interface MentorRow {
  id: string;
  display_name: string;
  discipline: Discipline;
  topic_ids: string | null;
  away: number | null;
  mentor: number;
  peer: number;
}

/** Active mentors, and peer supporters when the caller is one (the role is theirs to know). */
export async function listMentors(db: D1Database, exceptId: string, withPeers: boolean): Promise<MentorSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT u.id, u.display_name, u.discipline,
         (SELECT group_concat(topic_id, ',') FROM mentor_topics t WHERE t.user_id = u.id) AS topic_ids,
         p.away,
         EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'mentor') AS mentor,
         EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'peer_supporter') AS peer
       FROM users u LEFT JOIN mentor_profiles p ON p.user_id = u.id
       WHERE u.active = 1 AND u.id != ?1 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id
         AND (r.role = 'mentor' OR (?2 = 1 AND r.role = 'peer_supporter')))
       ORDER BY u.display_name LIMIT 500`,
    )
    .bind(exceptId, withPeers ? 1 : 0)
    .all<MentorRow>();
  return results.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    discipline: r.discipline,
    topicIds: r.topic_ids ? r.topic_ids.split(',').sort() : [],
    away: r.away === 1,
    mentor: r.mentor === 1,
    peerSupporter: withPeers && r.peer === 1,
  }));
}

/** A colleague a question may be handed to by name: active, holding the role, not away. */
export async function handOffTarget(db: D1Database, userId: string, role: 'mentor' | 'peer_supporter') {
  return db
    .prepare(
      `SELECT u.id, COALESCE(p.away, 0) AS away FROM users u LEFT JOIN mentor_profiles p ON p.user_id = u.id
       WHERE u.id = ?1 AND u.active = 1 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?2)`,
    )
    .bind(userId, role)
    .first<{ id: string; away: number }>();
}

/**
 * Grants and removals of peer supporter: the admin's role changes, and enrollments with a code
 * that carried the role (granted by the admin who made the code).
 */
export async function peerSupporterAudit(db: D1Database): Promise<PeerAudit['entries']> {
  const { results } = await db
    .prepare(
      `SELECT a.at, CASE a.action WHEN 'peer_supporter.removed' THEN 'removed' ELSE 'granted' END AS change,
         t.display_name AS user_name, b.display_name AS by_name
       FROM audit a
       LEFT JOIN codes c ON a.action = 'user.enrolled' AND c.id = a.target
       LEFT JOIN users t ON t.id = CASE a.action WHEN 'user.enrolled' THEN a.actor_id ELSE a.target END
       LEFT JOIN users b ON b.id = CASE a.action WHEN 'user.enrolled' THEN c.created_by ELSE a.actor_id END
       WHERE a.action IN ('peer_supporter.granted', 'peer_supporter.removed')
         OR (a.action = 'user.enrolled'
           AND EXISTS (SELECT 1 FROM json_each(a.details, '$.roles') WHERE value = 'peer_supporter'))
       ORDER BY a.at DESC, a.id LIMIT 500`,
    )
    .all<{ at: number; change: 'granted' | 'removed'; user_name: string | null; by_name: string | null }>();
  return results.map((r) => ({
    at: toIso(r.at),
    change: r.change,
    userName: r.user_name ?? 'Unknown user',
    byName: r.by_name,
  }));
}
