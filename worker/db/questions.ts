import type { Urgency } from '../../shared/enums';
import type { Answer, Question, QuestionStatus } from '../../shared/questions';
import { toIso } from '../lib/clock';

interface QuestionRow {
  id: string;
  client_id: string;
  body_hash: string;
  user_id: string;
  text: string;
  topic_id: string;
  discipline_wanted: Question['disciplineWanted'];
  urgency: Urgency;
  host: string | null;
  path: string | null;
  page_title: string | null;
  status: QuestionStatus;
  created_at: number;
}

const COLUMNS = `id, client_id, body_hash, user_id, text, topic_id, discipline_wanted, urgency, host, path,
  page_title, status, created_at`;

export function toQuestion(row: QuestionRow, answers: Answer[] = []): Question {
  return {
    id: row.id,
    clientId: row.client_id,
    text: row.text,
    topicId: row.topic_id,
    disciplineWanted: row.discipline_wanted,
    urgency: row.urgency,
    screen: row.host && row.path ? { host: row.host, path: row.path } : null,
    pageTitle: row.page_title,
    status: row.status,
    createdAt: toIso(row.created_at),
    answers,
  };
}

export interface NewQuestion {
  id: string;
  clientId: string;
  bodyHash: string;
  userId: string;
  text: string;
  topicId: string;
  disciplineWanted: Question['disciplineWanted'];
  urgency: Urgency;
  host: string | null;
  path: string | null;
  pageTitle: string | null;
  createdAt: number;
}

export function insertQuestionStatement(db: D1Database, q: NewQuestion): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO questions (id, client_id, body_hash, user_id, text, topic_id, discipline_wanted, urgency, host, path,
         page_title, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
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
    );
}

export async function findQuestionByClientId(db: D1Database, clientId: string) {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM questions WHERE client_id = ?1`)
    .bind(clientId)
    .first<QuestionRow>();
  return row ? { question: toQuestion(row), userId: row.user_id, bodyHash: row.body_hash } : null;
}

interface AnswerRow {
  id: string;
  question_id: string;
  text: string;
  mentor_name: string;
  created_at: number;
}

export async function listQuestionsByUser(db: D1Database, userId: string): Promise<Question[]> {
  const [questions, answers] = await db.batch<QuestionRow | AnswerRow>([
    db.prepare(`SELECT ${COLUMNS} FROM questions WHERE user_id = ?1 ORDER BY created_at DESC LIMIT 200`).bind(userId),
    db
      .prepare(
        `SELECT a.id, a.question_id, a.text, u.display_name AS mentor_name, a.created_at
         FROM answers a JOIN questions q ON q.id = a.question_id JOIN users u ON u.id = a.mentor_id
         WHERE q.user_id = ?1 ORDER BY a.created_at`,
      )
      .bind(userId),
  ]);
  const byQuestion = new Map<string, Answer[]>();
  for (const a of (answers?.results ?? []) as AnswerRow[]) {
    const list = byQuestion.get(a.question_id) ?? [];
    list.push({ id: a.id, text: a.text, mentorName: a.mentor_name, createdAt: toIso(a.created_at) });
    byQuestion.set(a.question_id, list);
  }
  return ((questions?.results ?? []) as QuestionRow[]).map((row) => toQuestion(row, byQuestion.get(row.id) ?? []));
}
