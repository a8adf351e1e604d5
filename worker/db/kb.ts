import type { Highlighted, KbEntry, KbHit, ScreenTip } from '../../shared/kb';
import { toIso } from '../lib/clock';

// Private-use characters mark highlights inside SQLite; they are turned into segments here.
const OPEN = '\ue000';
const CLOSE = '\ue001';

export function toSegments(text: string): Highlighted {
  const out: Highlighted = [];
  let match = false;
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ text: buffer, match });
    buffer = '';
  };
  for (const ch of text) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      match = ch === OPEN;
    } else buffer += ch;
  }
  flush();
  return out;
}

/** The published copy of a question, if any, with what it was built from. */
export async function publicationSource(db: D1Database, questionId: string) {
  const [question, answers] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT kind, text, status, share_consent, shareable, first_answered_at,
           EXISTS (SELECT 1 FROM kb_entries WHERE question_id = ?1) AS published
         FROM questions WHERE id = ?1`,
      )
      .bind(questionId),
    db.prepare('SELECT text FROM answers WHERE question_id = ?1 ORDER BY created_at, id').bind(questionId),
  ]);
  const row = question?.results[0] as
    | {
        kind: string;
        text: string;
        status: string;
        share_consent: number;
        shareable: number;
        first_answered_at: number | null;
        published: number;
      }
    | undefined;
  return row ? { ...row, answers: (answers?.results ?? []).map((a) => a.text as string) } : null;
}

/**
 * Publishes (or refreshes) the de-identified copy: the question's text and its answers' texts,
 * topic and screen, the day of publishing. The WHERE repeats every rule, so a racing withdrawal
 * of consent cannot be overtaken.
 */
export function publishStatements(db: D1Database, questionId: string, entryId: string, answers: string[], at: number) {
  const day = at - (at % 86_400_000);
  const rule = `q.id = ?1 AND q.kind = 'question' AND q.share_consent = 1 AND q.shareable = 1
    AND q.first_answered_at IS NOT NULL`;
  return [
    db.prepare('DELETE FROM kb_fts WHERE kb_id IN (SELECT id FROM kb_entries WHERE question_id = ?1)').bind(questionId),
    db
      .prepare(
        `INSERT INTO kb_entries (id, question_id, topic_id, host, path, question, answers, published_at)
         SELECT ?2, q.id, q.topic_id, q.host, q.path, q.text, ?3, ?4 FROM questions q WHERE ${rule}
         ON CONFLICT(question_id) DO UPDATE SET topic_id = excluded.topic_id, question = excluded.question,
           answers = excluded.answers`,
      )
      .bind(questionId, entryId, JSON.stringify(answers), day),
    db
      .prepare(
        `INSERT INTO kb_fts (kb_id, question, answers)
         SELECT e.id, e.question, ?2 FROM kb_entries e WHERE e.question_id = ?1`,
      )
      .bind(questionId, answers.join('\n\n')),
  ];
}

export function unpublishStatements(db: D1Database, questionId: string) {
  return [
    db.prepare('DELETE FROM kb_fts WHERE kb_id IN (SELECT id FROM kb_entries WHERE question_id = ?1)').bind(questionId),
    db.prepare('DELETE FROM kb_entries WHERE question_id = ?1').bind(questionId),
  ];
}

interface HitRow {
  id: string;
  topic_id: string | null;
  host: string | null;
  path: string | null;
  published_at: number;
  title: string;
  snip: string;
}

/** `match` is an FTS5 expression built by the caller from quoted terms only. */
export async function searchKb(db: D1Database, match: string, topicId: string | null, limit: number): Promise<KbHit[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.topic_id, e.host, e.path, e.published_at,
         highlight(kb_fts, 1, char(57344), char(57345)) AS title,
         snippet(kb_fts, 2, char(57344), char(57345), '…', 16) AS snip
       FROM kb_fts JOIN kb_entries e ON e.id = kb_fts.kb_id
       WHERE kb_fts MATCH ?1 AND (?2 IS NULL OR e.topic_id = ?2)
       ORDER BY bm25(kb_fts, 0.0, 2.0, 1.0)
       LIMIT ?3`,
    )
    .bind(match, topicId, limit)
    .all<HitRow>();
  return results.map((r) => ({
    id: r.id,
    topicId: r.topic_id,
    title: toSegments(r.title),
    snippet: toSegments(r.snip),
    screen: r.host && r.path ? { host: r.host, path: r.path } : null,
    publishedAt: toIso(r.published_at),
  }));
}

interface EntryRow {
  id: string;
  topic_id: string | null;
  host: string | null;
  path: string | null;
  question: string;
  answers: string;
  published_at: number;
}

/** Opening counts as a deflection: one row with the entry and the time, no user. */
export async function openKbEntry(db: D1Database, id: string, openId: string, at: number): Promise<KbEntry | null> {
  const [, entry] = await db.batch<EntryRow>([
    db
      .prepare('INSERT INTO kb_opens (id, kb_id, at) SELECT ?1, id, ?3 FROM kb_entries WHERE id = ?2')
      .bind(openId, id, at),
    db
      .prepare('SELECT id, topic_id, host, path, question, answers, published_at FROM kb_entries WHERE id = ?1')
      .bind(id),
  ]);
  const row = entry?.results[0];
  if (!row) return null;
  return {
    id: row.id,
    topicId: row.topic_id,
    question: row.question,
    answers: JSON.parse(row.answers) as string[],
    screen: row.host && row.path ? { host: row.host, path: row.path } : null,
    publishedAt: toIso(row.published_at),
  };
}

/** A system's published answers and tips; the client matches the path, so the server learns only the host. */
/** Published answers and tips on a host; `mine` marks the viewer's own tips. */
export async function screenTips(db: D1Database, host: string, viewerId: string): Promise<ScreenTip[]> {
  const { results } = await db
    .prepare(
      `SELECT id, 'answer' AS kind, path, question AS title, json_extract(answers, '$[0]') AS text,
         published_at AS created_at, 0 AS mine
       FROM kb_entries WHERE host = ?1 AND path IS NOT NULL
       UNION ALL
       SELECT id, 'tip' AS kind, path, NULL AS title, text, created_at, author_id = ?2 AS mine FROM tips WHERE host = ?1
       ORDER BY created_at DESC LIMIT 200`,
    )
    .bind(host, viewerId)
    .all<{
      mine: number;
      id: string;
      kind: 'answer' | 'tip';
      path: string;
      title: string | null;
      text: string | null;
      created_at: number;
    }>();
  return results.map((r) => ({
    id: r.id,
    kind: r.kind,
    path: r.path,
    title: r.title,
    text: r.text ?? '',
    createdAt: toIso(r.created_at),
    ...(r.kind === 'tip' ? { mine: r.mine === 1 } : {}),
  }));
}

/** Inserts a tip unless its client id is taken (a retry); `.run()` says by its change count. */
export function insertTipStatement(
  db: D1Database,
  tip: {
    id: string;
    clientId: string;
    bodyHash: string;
    host: string;
    path: string;
    topicId: string | null;
    text: string;
    authorId: string;
    at: number;
  },
) {
  return db
    .prepare(
      `INSERT INTO tips (id, host, path, topic_id, text, author_id, created_at, client_id, body_hash)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (client_id) DO NOTHING`,
    )
    .bind(tip.id, tip.host, tip.path, tip.topicId, tip.text, tip.authorId, tip.at, tip.clientId, tip.bodyHash);
}

/** A tip as its author is answered on writing it (or on a retry of that write). */
export function toOwnTip(row: { id: string; path: string; text: string; created_at: number }): ScreenTip {
  return {
    id: row.id,
    kind: 'tip',
    path: row.path,
    title: null,
    text: row.text,
    createdAt: toIso(row.created_at),
    mine: true,
  };
}

/** The tip stored under a client id, with what a retry is checked against. */
export async function findTipByClientId(db: D1Database, clientId: string) {
  const row = await db
    .prepare('SELECT id, path, text, created_at, author_id, body_hash FROM tips WHERE client_id = ?1')
    .bind(clientId)
    .first<{ id: string; path: string; text: string; created_at: number; author_id: string; body_hash: string }>();
  if (!row) return null;
  return { tip: toOwnTip(row), authorId: row.author_id, bodyHash: row.body_hash };
}

export async function deleteOwnTip(db: D1Database, id: string, authorId: string): Promise<boolean> {
  const { meta } = await db.prepare('DELETE FROM tips WHERE id = ?1 AND author_id = ?2').bind(id, authorId).run();
  return meta.changes === 1;
}
