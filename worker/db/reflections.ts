import type { Reflection, ReflectionSubject } from '../../shared/growth';
import { toIso } from '../lib/clock';

/**
 * Reflections are private to their author: every statement here that reads the table is bound to the
 * caller's own user id, and nothing else in the worker reads it (no export, view or rollup).
 */

interface ReflectionRow {
  id: string;
  client_id: string;
  body_hash: string;
  user_id: string;
  subject_kind: ReflectionSubject;
  subject_id: string;
  subject_text: string | null;
  text: string;
  created_at: number;
}

const COLUMNS = `r.id, r.client_id, r.body_hash, r.user_id, r.subject_kind, r.subject_id, r.text, r.created_at,
  CASE r.subject_kind
    WHEN 'question' THEN (SELECT q.text FROM questions q WHERE q.id = r.subject_id)
    ELSE (SELECT p.change_idea FROM pdsa_cycles p WHERE p.id = r.subject_id)
  END AS subject_text`;

const toReflection = (row: ReflectionRow): Reflection => ({
  id: row.id,
  clientId: row.client_id,
  subjectKind: row.subject_kind,
  subjectId: row.subject_id,
  subjectText: row.subject_text ?? '',
  text: row.text,
  createdAt: toIso(row.created_at),
});

const toStored = (row: ReflectionRow) => ({
  reflection: toReflection(row),
  userId: row.user_id,
  bodyHash: row.body_hash,
});
export type StoredReflection = ReturnType<typeof toStored>;

export interface NewReflection {
  id: string;
  clientId: string;
  bodyHash: string;
  userId: string;
  subjectKind: ReflectionSubject;
  subjectId: string;
  text: string;
  at: number;
}

/**
 * The subject rule is part of the insert, so no separate read can race it: a question the author asked
 * (not "need to talk") that has an answer, or a cycle the author owns at Study or Act.
 */
function insertStatement(db: D1Database, r: NewReflection) {
  return db
    .prepare(
      `INSERT INTO reflections (id, client_id, body_hash, user_id, subject_kind, subject_id, text, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
       WHERE (?5 = 'question' AND EXISTS (SELECT 1 FROM questions WHERE id = ?6 AND user_id = ?4
                AND kind = 'question' AND first_answered_at IS NOT NULL))
          OR (?5 = 'cycle' AND EXISTS (SELECT 1 FROM pdsa_cycles WHERE id = ?6 AND owner_id = ?4
                AND stage IN ('study', 'act')))
       ON CONFLICT(client_id) DO NOTHING`,
    )
    .bind(r.id, r.clientId, r.bodyHash, r.userId, r.subjectKind, r.subjectId, r.text, r.at);
}

const byClientId = (db: D1Database, clientId: string) =>
  db.prepare(`SELECT ${COLUMNS} FROM reflections r WHERE r.client_id = ?1`).bind(clientId);

export async function findReflectionByClientId(db: D1Database, clientId: string) {
  const row = await byClientId(db, clientId).first<ReflectionRow>();
  return row ? toStored(row) : null;
}

/** The insert and the read-back of its client id in one batch; `stored` is null when the subject rule refused it. */
export async function insertReflectionOnce(db: D1Database, r: NewReflection) {
  const [inserted, read] = await db.batch<ReflectionRow>([insertStatement(db, r), byClientId(db, r.clientId)]);
  const row = read?.results[0];
  return { created: inserted?.meta.changes === 1, stored: row ? toStored(row) : null };
}

export async function listOwnReflections(db: D1Database, userId: string): Promise<Reflection[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM reflections r WHERE r.user_id = ?1 ORDER BY r.created_at DESC, r.id`)
    .bind(userId)
    .all<ReflectionRow>();
  return results.map(toReflection);
}

/** Deletes only the caller's own; false for anyone else's, told apart from none by nothing. */
export async function deleteOwnReflection(db: D1Database, id: string, userId: string): Promise<boolean> {
  const { meta } = await db.prepare('DELETE FROM reflections WHERE id = ?1 AND user_id = ?2').bind(id, userId).run();
  return meta.changes === 1;
}

/** Why a reflection's subject was refused: what the author may know of their own question or cycle. */
export async function reflectionSubjectState(
  db: D1Database,
  userId: string,
  kind: ReflectionSubject,
  id: string,
): Promise<'missing' | 'too_early' | 'need_to_talk' | 'ok'> {
  if (kind === 'question') {
    const q = await db
      .prepare('SELECT kind, first_answered_at FROM questions WHERE id = ?1 AND user_id = ?2')
      .bind(id, userId)
      .first<{ kind: string; first_answered_at: number | null }>();
    if (!q) return 'missing';
    if (q.kind !== 'question') return 'need_to_talk';
    return q.first_answered_at === null ? 'too_early' : 'ok';
  }
  const p = await db
    .prepare('SELECT stage FROM pdsa_cycles WHERE id = ?1 AND owner_id = ?2')
    .bind(id, userId)
    .first<{ stage: string }>();
  if (!p) return 'missing';
  return p.stage === 'study' || p.stage === 'act' ? 'ok' : 'too_early';
}
