import type { z } from 'zod';
import type { Discipline } from '../../shared/enums';
import { type HandOff, QUEUE_PAGE, type QueueFilter, type QueueQuery } from '../../shared/mentoring';
import type { QuestionKind } from '../../shared/questions';
import type { Settings } from '../../shared/settings';
import { toIso } from '../lib/clock';
import { ACTIVE_CLAIM, claimCutoff } from './claims';
import { loadThreads, MESSAGES_COLUMN, type QuestionRow } from './questions';
import { answersFor, atCapacitySince, CAPACITY_WINDOW_MS, spillsPast, takesRoute } from './routing';

/** Who is looking, and when: every queue statement binds these first, as ?1–?5. */
export interface Viewer {
  userId: string;
  isMentor: boolean;
  isPeer: boolean;
  now: number;
  settings: Settings;
}

export const claimCutoffOf = (v: Viewer) => claimCutoff(v.now, v.settings.claimExpiryMinutes);
const viewerBinds = (v: Viewer) => [
  v.userId,
  v.isMentor ? 1 : 0,
  v.isPeer ? 1 : 0,
  claimCutoffOf(v),
  v.isMentor ? v.now - CAPACITY_WINDOW_MS : null,
];

// ?1 me, ?2 is a mentor, ?3 is a peer supporter, ?4 claims made at or before this have expired (ACTIVE_CLAIM),
// ?5 the start of my capacity window when I am a mentor, else null: whether I am at capacity in it, and so
// whether new questions spill past me to colleagues with room, is worked out in the statement (atCapacitySince).

/**
 * A mentee's question for their mentor first (migration 0021) reaches only that mentor until the
 * scheduled job clears it; an away or deactivated mentor passes it to normal routing at once.
 */
const MENTOR_FIRST_PASSED = `(q.mentor_first_id IS NULL
  OR EXISTS (SELECT 1 FROM mentor_profiles mfp WHERE mfp.user_id = q.mentor_first_id AND mfp.away = 1)
  OR EXISTS (SELECT 1 FROM users mfu WHERE mfu.id = q.mentor_first_id AND mfu.active = 0))`;

/**
 * A mentor holding the question invited a discipline I answer for into it (issue 18): I read the thread
 * and may answer in it, whatever my topics, while the claim stays with them.
 */
const INVITED = `EXISTS (SELECT 1 FROM question_invites qi WHERE qi.question_id = q.id
  AND ${answersFor('?1', 'qi.discipline')})`;

/**
 * Routing, the one rule every queue read and write applies: a mentor sees questions (never their
 * own) whose topic is theirs and whose wanted discipline they answer for (their own discipline
 * when they named none), plus any handed to them by name, claimed by them or with their discipline
 * invited into it (INVITED). A mentor at weekly
 * capacity is not offered a routed question that a colleague with room also takes (it spills to
 * them). A mentee's question for their mentor first is their mentor's alone for a while. Need to talk reaches peer supporters only.
 */
export const VISIBLE = `q.user_id != ?1 AND (
  (q.kind = 'question' AND ?2 = 1 AND (
    q.handed_to = ?1 OR q.claimed_by = ?1 OR q.mentor_first_id = ?1 OR ${INVITED}
    OR (${MENTOR_FIRST_PASSED} AND ${takesRoute('?1', 'q.topic_id', 'q.discipline_wanted')}
      AND ${spillsPast('?1', atCapacitySince('?1', '?5'))})))
  OR (q.kind = 'need_to_talk' AND ?3 = 1))`;

/** The queue's own set, as the index `questions_in_queue_order` is built over (migration 0007). */
const IN_QUEUE = "q.status IN ('open', 'clarifying')";

const FILTERS: Record<QueueFilter, string> = {
  all: IN_QUEUE,
  unclaimed: `${IN_QUEUE} AND q.status = 'open' AND NOT (${ACTIVE_CLAIM})`,
  mine: `q.claimed_by = ?1 AND (q.status IN ('clarifying', 'answered') OR (q.status = 'open' AND ${ACTIVE_CLAIM}))`,
};

/** What a mentor's view of a question reads: no asker id, body hash or consent, no KB look-up. */
export interface QueueRow
  extends Pick<
    QuestionRow,
    | 'id'
    | 'kind'
    | 'text'
    | 'topic_id'
    | 'discipline_wanted'
    | 'urgency'
    | 'host'
    | 'path'
    | 'page_title'
    | 'status'
    | 'created_at'
    | 'claimed_by'
    | 'claimed_at'
    | 'handed_to'
    | 'first_answered_at'
    | 'shareable'
  > {
  escalated_from_topic_id: string | null;
  escalated_at: number | null;
  asker_discipline: Discipline;
  claimer_name: string | null;
  invited_me: number;
}

const QUEUE_COLUMNS = `q.id, q.kind, q.text, q.topic_id, q.discipline_wanted, q.urgency, q.host, q.path, q.page_title,
  q.status, q.created_at, q.claimed_by, q.claimed_at, q.handed_to, q.first_answered_at, q.shareable,
  q.escalated_from_topic_id, q.escalated_at, u.discipline AS asker_discipline, c.display_name AS claimer_name,
  (q.kind = 'question' AND ?2 = 1 AND COALESCE(q.claimed_by, '') != ?1 AND ${INVITED}) AS invited_me`;
const QUEUE_FROM = 'questions q JOIN users u ON u.id = q.user_id LEFT JOIN users c ON c.id = q.claimed_by';
const SELECT_QUEUE = `SELECT ${QUEUE_COLUMNS} FROM ${QUEUE_FROM}`;
// Named, not left to the planner: without statistics it picks a status index and sorts every match.
// "mine" (claimed by me, also answered) is small and lies outside the index.
const QUEUE_FROM_IN_ORDER = QUEUE_FROM.replace('questions q', 'questions q INDEXED BY questions_in_queue_order');

/** The queue page's filters as the query schema gives them; `limit` defaults to a page. */
export type QueueListFilter = Omit<z.output<typeof QueueQuery>, 'limit'> & { limit?: number };

/** The queue page's SQL, by urgency (today first) then age (oldest first); binds viewer ?1–?5, filters ?6–?8, limit ?9. */
export function queueListSql(filter: QueueFilter): string {
  // The page is chosen first, walking the queue-order index; only its questions then read their messages.
  const order = "CASE q.urgency WHEN 'today' THEN 0 ELSE 1 END, q.created_at, q.id";
  return `SELECT q.*, ${MESSAGES_COLUMN} FROM (
      SELECT ${QUEUE_COLUMNS} FROM ${filter === 'mine' ? QUEUE_FROM : QUEUE_FROM_IN_ORDER}
      WHERE ${VISIBLE} AND ${FILTERS[filter]}
        AND (?6 IS NULL OR q.topic_id = ?6) AND (?7 IS NULL OR q.urgency = ?7) AND (?8 IS NULL OR q.kind = ?8)
      ORDER BY ${order} LIMIT ?9) q
    ORDER BY ${order}`;
}

export async function listQueueRows(db: D1Database, v: Viewer, f: QueueListFilter) {
  const { results } = await db
    .prepare(queueListSql(f.filter))
    .bind(...viewerBinds(v), f.topicId ?? null, f.urgency ?? null, f.kind ?? null, f.limit ?? QUEUE_PAGE)
    .all<QueueRow & { messages: string | null }>();
  return results;
}

interface HandOffRow {
  id: string;
  from_name: string;
  to_topic_id: string | null;
  to_discipline: HandOff['toDiscipline'];
  to_mentor_name: string | null;
  note: string;
  created_at: number;
}

/** One question as a mentor sees it, with its thread and hand-offs, or null when it is outside their routing. */
export async function getQueueItemRows(db: D1Database, v: Viewer, id: string) {
  const row = await db
    .prepare(`${SELECT_QUEUE} WHERE q.id = ?6 AND ${VISIBLE}`)
    .bind(...viewerBinds(v), id)
    .first<QueueRow>();
  if (!row) return null;
  const [threads, handoffs, invites] = await Promise.all([
    loadThreads(db, [id]),
    db
      .prepare(
        `SELECT h.id, f.display_name AS from_name, h.to_topic_id, h.to_discipline, t.display_name AS to_mentor_name,
           h.note, h.created_at
         FROM handoffs h JOIN users f ON f.id = h.from_id LEFT JOIN users t ON t.id = h.to_mentor_id
         WHERE h.question_id = ?1 ORDER BY h.created_at, h.id`,
      )
      .bind(id)
      .all<HandOffRow>(),
    db
      .prepare('SELECT discipline FROM question_invites WHERE question_id = ?1 ORDER BY invited_at')
      .bind(id)
      .all<{ discipline: Discipline }>(),
  ]);
  return {
    row,
    invites: invites.results.map((r) => r.discipline),
    thread: threads.get(id) ?? { answers: [], messages: [] },
    handoffs: handoffs.results.map(
      (h): HandOff => ({
        id: h.id,
        fromName: h.from_name,
        toTopicId: h.to_topic_id,
        toDiscipline: h.to_discipline,
        toMentorName: h.to_mentor_name,
        note: h.note,
        createdAt: toIso(h.created_at),
      }),
    ),
  };
}

/** Whether a question exists and is in my routing, and its state, to explain a refused action. */
export async function visibleState(db: D1Database, v: Viewer, id: string) {
  return db
    .prepare(
      `SELECT q.status, q.kind, q.claimed_by, (${ACTIVE_CLAIM}) AS claim_active FROM questions q
       WHERE q.id = ?6 AND ${VISIBLE}`,
    )
    .bind(...viewerBinds(v), id)
    .first<{ status: QuestionRow['status']; kind: QuestionKind; claimed_by: string | null; claim_active: number }>();
}

// The actions. Each rule is the WHERE of one statement; where two writes belong together, the
// second repeats the rule and checks the first landed, inside one batch.

/** Exclusive claim: open, unclaimed (or an expired claim, or already mine), and in my routing. */
export function claimStatement(db: D1Database, v: Viewer, id: string) {
  return db
    .prepare(
      `UPDATE questions AS q SET claimed_by = ?1, claimed_at = ?7
       WHERE q.id = ?6 AND q.status = 'open' AND (q.claimed_by IS NULL OR q.claimed_by = ?1 OR q.claimed_at <= ?4)
         AND ${VISIBLE}
       RETURNING id`,
    )
    .bind(...viewerBinds(v), id, v.now);
}

export function releaseStatement(db: D1Database, v: Viewer, id: string) {
  return db
    .prepare(
      `UPDATE questions AS q SET claimed_by = NULL, claimed_at = NULL
       WHERE q.id = ?6 AND q.status = 'open' AND q.claimed_by = ?1 AND ${VISIBLE}
       RETURNING id`,
    )
    .bind(...viewerBinds(v), id);
}

/**
 * Answer: mine to answer while my claim holds, and mine to add to once I have answered; or, invited as a
 * second discipline, mine to answer in while it is open or answered (never while it waits for the asker).
 */
const CAN_ANSWER = `((q.claimed_by = ?1 AND (q.status = 'answered' OR (q.status = 'open' AND ${ACTIVE_CLAIM})))
  OR (q.kind = 'question' AND COALESCE(q.claimed_by, '') != ?1 AND q.status IN ('open', 'answered') AND ${INVITED}))`;
/** Clarify, hand off: an open question under my unexpired claim. */
const HOLDING = `q.status = 'open' AND q.claimed_by = ?1 AND ${ACTIVE_CLAIM}`;

export function answerStatements(
  db: D1Database,
  v: Viewer,
  id: string,
  answer: { id: string; clientId: string; text: string },
) {
  const binds = [...viewerBinds(v), id, v.now, answer.id, answer.clientId, answer.text];
  return [
    db
      .prepare(
        `INSERT INTO answers (id, question_id, mentor_id, text, created_at, client_id)
         SELECT ?8, q.id, ?1, ?10, ?7, ?9 FROM questions q WHERE q.id = ?6 AND ${CAN_ANSWER} AND ${VISIBLE}
         ON CONFLICT(client_id) DO NOTHING`,
      )
      .bind(...binds),
    db
      .prepare(
        `UPDATE questions AS q SET status = 'answered', first_answered_at = COALESCE(q.first_answered_at, ?7)
         WHERE q.id = ?6 AND ${CAN_ANSWER} AND EXISTS (SELECT 1 FROM answers WHERE id = ?8 AND client_id = ?9)
           AND ${VISIBLE}
         RETURNING id`,
      )
      .bind(...binds.slice(0, 9)),
  ];
}

export async function findAnswerByClientId(db: D1Database, clientId: string) {
  return db
    .prepare('SELECT question_id, mentor_id, text FROM answers WHERE client_id = ?1')
    .bind(clientId)
    .first<{ question_id: string; mentor_id: string; text: string }>();
}

export function clarifyStatements(db: D1Database, v: Viewer, id: string, message: { id: string; text: string }) {
  const binds = [...viewerBinds(v), id, v.now, message.id, message.text];
  return [
    db
      .prepare(
        `INSERT INTO question_messages (id, question_id, author_id, kind, text, created_at)
         SELECT ?8, q.id, ?1, 'clarification', ?9, ?7 FROM questions q WHERE q.id = ?6 AND ${HOLDING} AND ${VISIBLE}`,
      )
      .bind(...binds),
    db
      .prepare(
        `UPDATE questions AS q SET status = 'clarifying'
         WHERE q.id = ?6 AND ${HOLDING} AND ${VISIBLE} AND EXISTS (SELECT 1 FROM question_messages WHERE id = ?8)
         RETURNING id`,
      )
      .bind(...binds.slice(0, 8)),
  ];
}

export interface HandOffTarget {
  topicId: string | null;
  disciplineWanted: string | null;
  mentorId: string | null;
}

/** Hand-off keeps created_at (the SLA runs on) and frees the question for its new routing (a mentor-first one too). */
export function handOffStatements(
  db: D1Database,
  v: Viewer,
  id: string,
  handoff: { id: string; note: string } & HandOffTarget,
) {
  const binds = [
    ...viewerBinds(v),
    id,
    v.now,
    handoff.id,
    handoff.note,
    handoff.topicId,
    handoff.disciplineWanted,
    handoff.mentorId,
  ];
  return [
    db
      .prepare(
        `INSERT INTO handoffs (id, question_id, from_id, to_topic_id, to_discipline, to_mentor_id, note, created_at)
         SELECT ?8, q.id, ?1, ?10, ?11, ?12, ?9, ?7 FROM questions q WHERE q.id = ?6 AND ${HOLDING} AND ${VISIBLE}`,
      )
      .bind(...binds),
    db
      .prepare(
        `UPDATE questions AS q SET topic_id = COALESCE(?10, q.topic_id),
           discipline_wanted = COALESCE(?11, q.discipline_wanted), handed_to = ?12,
           claimed_by = NULL, claimed_at = NULL, mentor_first_id = NULL, mentor_first_until = NULL
         WHERE q.id = ?6 AND ${HOLDING} AND ${VISIBLE} AND EXISTS (SELECT 1 FROM handoffs WHERE id = ?8)
         RETURNING id`,
      )
      .bind(...binds),
  ];
}

/** Close: a question I hold, am waiting on, or have answered. */
export function closeStatement(db: D1Database, v: Viewer, id: string) {
  return db
    .prepare(
      `UPDATE questions AS q SET status = 'closed', closed_at = ?7, claimed_at = NULL
       WHERE q.id = ?6 AND q.claimed_by = ?1 AND ${VISIBLE}
         AND (q.status IN ('clarifying', 'answered') OR (q.status = 'open' AND ${ACTIVE_CLAIM}))
       RETURNING id`,
    )
    .bind(...viewerBinds(v), id, v.now);
}

/** Shareable: only the mentor who answered, only a question (never need to talk), once answered. */
export function shareableStatement(db: D1Database, v: Viewer, id: string, shareable: boolean) {
  return db
    .prepare(
      `UPDATE questions AS q SET shareable = ?7
       WHERE q.id = ?6 AND q.kind = 'question' AND q.claimed_by = ?1 AND q.status IN ('answered', 'closed')
         AND q.first_answered_at IS NOT NULL AND ${VISIBLE}
       RETURNING id`,
    )
    .bind(...viewerBinds(v), id, shareable ? 1 : 0);
}

/**
 * Counts for the badge. Away mentors get no routed count; escalations (need to talk unclaimed since
 * `escalateBefore` or earlier) reach every peer supporter.
 */
export async function inboxSummary(db: D1Database, v: Viewer, away: boolean, escalateBefore: number) {
  const [unclaimed, urgent, escalated] = await db.batch<{
    n?: number;
    id?: string;
    kind?: QuestionKind;
    created_at?: number;
  }>([
    db
      .prepare(`SELECT COUNT(*) AS n FROM questions q WHERE ${VISIBLE} AND ${FILTERS.unclaimed}`)
      .bind(...viewerBinds(v)),
    db
      .prepare(
        `SELECT q.id, q.kind, q.created_at FROM questions q
           WHERE ${VISIBLE} AND ${FILTERS.unclaimed} AND q.urgency = 'today' ORDER BY q.created_at LIMIT 20`,
      )
      .bind(...viewerBinds(v)),
    db
      .prepare(
        `SELECT q.id, q.created_at FROM questions q
           WHERE ?3 = 1 AND q.kind = 'need_to_talk' AND q.user_id != ?1 AND ${FILTERS.unclaimed}
             AND q.created_at <= ?6
           ORDER BY q.created_at LIMIT 20`,
      )
      .bind(...viewerBinds(v), escalateBefore),
  ]);
  const list = (r: typeof unclaimed) =>
    (r?.results ?? []) as Array<{ id: string; kind: QuestionKind; created_at: number }>;
  return {
    unclaimed: away ? 0 : (((unclaimed?.results ?? [])[0] as { n: number } | undefined)?.n ?? 0),
    urgent: away ? [] : list(urgent).map((r) => ({ id: r.id, kind: r.kind, createdAt: toIso(r.created_at) })),
    escalated: list(escalated).map((r) => ({ id: r.id, createdAt: toIso(r.created_at) })),
  };
}

/**
 * Invites a discipline into a question I hold (claimed and open, or answered by me), without handing it
 * off: the claim stays mine. Returns whether the invite was stored (inviting one twice stores it once).
 */
export function inviteStatement(db: D1Database, v: Viewer, id: string, discipline: Discipline) {
  return db
    .prepare(
      `INSERT INTO question_invites (question_id, discipline, invited_by, invited_at)
       SELECT q.id, ?7, ?1, ?8 FROM questions q
       WHERE q.id = ?6 AND q.kind = 'question' AND q.claimed_by = ?1
         AND (q.status = 'answered' OR (q.status IN ('open', 'clarifying') AND ${ACTIVE_CLAIM})) AND ${VISIBLE}
       ON CONFLICT DO NOTHING`,
    )
    .bind(...viewerBinds(v), id, discipline, v.now);
}
