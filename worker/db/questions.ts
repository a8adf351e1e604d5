import type { Urgency } from '../../shared/enums';
import type { Answer, Question, QuestionKind, ThreadMessage } from '../../shared/questions';
import { toIso } from '../lib/clock';
import { claimIsActive } from './claims';

export interface QuestionRow {
  id: string;
  client_id: string;
  body_hash: string;
  user_id: string;
  kind: QuestionKind;
  text: string;
  topic_id: string | null;
  discipline_wanted: Question['disciplineWanted'];
  urgency: Urgency;
  host: string | null;
  path: string | null;
  page_title: string | null;
  status: 'open' | 'clarifying' | 'answered' | 'closed';
  created_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  handed_to: string | null;
  first_answered_at: number | null;
  closed_at: number | null;
  helpful: number | null;
  share_consent: number;
  shareable: number;
  published: number;
}

/** Selected from `questions q`; `published` says whether a knowledge-base copy exists. */
export const QUESTION_COLUMNS = `q.id, q.client_id, q.body_hash, q.user_id, q.kind, q.text, q.topic_id,
  q.discipline_wanted, q.urgency, q.host, q.path, q.page_title, q.status, q.created_at, q.claimed_by, q.claimed_at,
  q.handed_to, q.first_answered_at, q.closed_at, q.helpful, q.share_consent, q.shareable,
  EXISTS (SELECT 1 FROM kb_entries k WHERE k.question_id = q.id) AS published`;

export interface Thread {
  answers: Answer[];
  messages: ThreadMessage[];
}

/**
 * The asker's view. `claimed` is derived (a claim expires on its own), and a question waiting for
 * the asker's reply is `open` with `needsReply`.
 */
export function toQuestion(
  row: QuestionRow,
  thread: Thread = { answers: [], messages: [] },
  claimCutoff = 0,
): Question {
  const claimed = row.status === 'open' && claimIsActive(row, claimCutoff);
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    text: row.text,
    topicId: row.topic_id,
    disciplineWanted: row.discipline_wanted,
    urgency: row.urgency,
    screen: row.host && row.path ? { host: row.host, path: row.path } : null,
    pageTitle: row.page_title,
    status: row.status === 'clarifying' ? 'open' : claimed ? 'claimed' : row.status,
    createdAt: toIso(row.created_at),
    answers: thread.answers,
    messages: thread.messages,
    needsReply: row.status === 'clarifying',
    helpful: row.helpful === null ? null : row.helpful === 1,
    shareConsent: row.share_consent === 1,
    published: row.published === 1,
  };
}

export interface NewQuestion {
  id: string;
  clientId: string;
  bodyHash: string;
  userId: string;
  kind?: QuestionKind;
  text: string;
  topicId: string | null;
  disciplineWanted: Question['disciplineWanted'];
  urgency: Urgency;
  host: string | null;
  path: string | null;
  pageTitle: string | null;
  createdAt: number;
  /** A mentee's question for their mentor alone until `until` (worker/services/mentorships.ts). */
  mentorFirst?: { mentorId: string; until: number } | null;
}

/**
 * Inserts nothing for a known client id (a retry), nor when the question names a topic that is not
 * active: the topic rule is part of the write, so no separate read can race it.
 */
export function insertQuestionStatement(db: D1Database, q: NewQuestion): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO questions (id, client_id, body_hash, user_id, text, topic_id, discipline_wanted, urgency, host, path,
         page_title, created_at, kind, mentor_first_id, mentor_first_until)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
       WHERE ?6 IS NULL OR EXISTS (SELECT 1 FROM topics WHERE id = ?6 AND active = 1)
       ON CONFLICT(client_id) DO NOTHING`,
    )
    .bind(
      q.id,
      q.clientId,
      q.bodyHash,
      q.userId,
      q.text,
      q.topicId,
      q.disciplineWanted,
      q.urgency,
      q.host,
      q.path,
      q.pageTitle,
      q.createdAt,
      q.kind ?? 'question',
      q.mentorFirst?.mentorId ?? null,
      q.mentorFirst?.until ?? null,
    );
}

const byClientId = (db: D1Database, clientId: string) =>
  db.prepare(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.client_id = ?1`).bind(clientId);

const toStored = (row: QuestionRow) => ({
  question: toQuestion(row),
  userId: row.user_id,
  bodyHash: row.body_hash,
  kind: row.kind,
});

export type StoredQuestion = ReturnType<typeof toStored>;

export async function findQuestionByClientId(db: D1Database, clientId: string) {
  const row = await byClientId(db, clientId).first<QuestionRow>();
  return row ? toStored(row) : null;
}

/**
 * The insert and the read-back of what its client id now holds, in one batch (one round trip):
 * `created` says whether this call stored it; `stored` is null only when the insert was refused.
 */
export async function insertQuestionOnce(db: D1Database, q: NewQuestion) {
  const [inserted, read] = await db.batch<QuestionRow>([insertQuestionStatement(db, q), byClientId(db, q.clientId)]);
  const row = read?.results[0];
  return { created: inserted?.meta.changes === 1, stored: row ? toStored(row) : null };
}

export async function getQuestionRow(db: D1Database, id: string): Promise<QuestionRow | null> {
  return db.prepare(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.id = ?1`).bind(id).first<QuestionRow>();
}

interface AnswerRow {
  id: string;
  question_id: string;
  text: string;
  mentor_name: string;
  created_at: number;
}

interface MessageRow {
  id: string;
  question_id: string;
  kind: ThreadMessage['kind'];
  text: string;
  author_name: string;
  created_at: number;
}

/** Answers and thread messages of the questions `where` selects (a condition on `q`, binding ?1). */
function threadStatements(db: D1Database, where: string, bind: unknown) {
  return [
    db
      .prepare(
        `SELECT a.id, a.question_id, a.text, u.display_name AS mentor_name, a.created_at
         FROM answers a JOIN questions q ON q.id = a.question_id JOIN users u ON u.id = a.mentor_id
         WHERE ${where} ORDER BY a.created_at, a.id`,
      )
      .bind(bind),
    db
      .prepare(
        `SELECT m.id, m.question_id, m.kind, m.text, u.display_name AS author_name, m.created_at
         FROM question_messages m JOIN questions q ON q.id = m.question_id JOIN users u ON u.id = m.author_id
         WHERE ${where} ORDER BY m.created_at, m.id`,
      )
      .bind(bind),
  ];
}

function groupThreads(answers: AnswerRow[], messages: MessageRow[]): Map<string, Thread> {
  const threads = new Map<string, Thread>();
  const get = (id: string) => {
    const found = threads.get(id);
    if (found) return found;
    const t: Thread = { answers: [], messages: [] };
    threads.set(id, t);
    return t;
  };
  for (const a of answers) {
    get(a.question_id).answers.push({
      id: a.id,
      text: a.text,
      mentorName: a.mentor_name,
      createdAt: toIso(a.created_at),
    });
  }
  for (const m of messages) {
    get(m.question_id).messages.push({
      id: m.id,
      kind: m.kind,
      text: m.text,
      authorName: m.author_name,
      createdAt: toIso(m.created_at),
    });
  }
  return threads;
}

export async function loadThreads(db: D1Database, questionIds: string[]): Promise<Map<string, Thread>> {
  if (questionIds.length === 0) return new Map();
  const [answers, messages] = await db.batch<AnswerRow | MessageRow>(
    threadStatements(db, 'q.id IN (SELECT value FROM json_each(?1))', JSON.stringify(questionIds)),
  );
  return groupThreads((answers?.results ?? []) as AnswerRow[], (messages?.results ?? []) as MessageRow[]);
}

export async function listQuestionsByUser(db: D1Database, userId: string, claimCutoff: number): Promise<Question[]> {
  const [questions, answers, messages] = await db.batch<QuestionRow | AnswerRow | MessageRow>([
    db
      .prepare(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.user_id = ?1 ORDER BY q.created_at DESC LIMIT 200`)
      .bind(userId),
    ...threadStatements(db, 'q.user_id = ?1', userId),
  ]);
  const threads = groupThreads((answers?.results ?? []) as AnswerRow[], (messages?.results ?? []) as MessageRow[]);
  return ((questions?.results ?? []) as QuestionRow[]).map((row) => toQuestion(row, threads.get(row.id), claimCutoff));
}

/** The asker's own question, with its thread; null when it is not theirs. */
export async function getOwnQuestion(
  db: D1Database,
  userId: string,
  id: string,
  claimCutoff: number,
): Promise<Question | null> {
  const row = await getQuestionRow(db, id);
  if (!row || row.user_id !== userId) return null;
  const threads = await loadThreads(db, [id]);
  return toQuestion(row, threads.get(id), claimCutoff);
}

// The SLA clock pauses while a question waits for its asker (services/sla-pauses.ts reads this column).
/**
 * Each question's clarification messages and replies, as a JSON column of the statement reading
 * questions `q` (one round trip, not two); null when it has none.
 */
export const MESSAGES_COLUMN = `(SELECT json_group_array(json_object('kind', m.kind, 'at', m.created_at))
  FROM question_messages m WHERE m.question_id = q.id) AS messages`;
