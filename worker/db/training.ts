import type { Category } from '../../shared/enums';
import type { Resolution, TipRequest, TipRequestState } from '../../shared/training';
import { toIso } from '../lib/clock';
import { toOwnTip } from './kb';

/**
 * Training gap → tip: a lead's request for a tip on a hotspot's screen, routed to the mentors of a topic,
 * and the tip that answers it (an ordinary row of `tips`). A request is open while its tip does not exist.
 */

export interface NewTipRequest {
  id: string;
  clientId: string;
  bodyHash: string;
  hotspotId: string;
  topicId: string;
  note: string | null;
  requestedBy: string;
  at: number;
}

/**
 * Resolves the hotspot as a training gap and asks for the tip, in one batch with each rule in a WHERE:
 * the hotspot is a root with a screen, in progress or already resolved; it has no request yet (the unique
 * hotspot_id); the topic is active. The request is stored only if the hotspot now reads as a training gap.
 * Returns whether this call stored the request, and whether it moved the status.
 */
export async function insertTrainingGap(db: D1Database, r: NewTipRequest) {
  const [moved, resolution, request] = await db.batch([
    db
      .prepare(
        `UPDATE hotspots SET status = 'resolved', status_at = ?2
         WHERE id = ?1 AND merged_into IS NULL AND host IS NOT NULL AND status = 'in_progress'
           AND EXISTS (SELECT 1 FROM topics WHERE id = ?3 AND active = 1)
           AND NOT EXISTS (SELECT 1 FROM tip_requests WHERE hotspot_id = ?1 OR client_id = ?4)`,
      )
      .bind(r.hotspotId, r.at, r.topicId, r.clientId),
    db
      .prepare(
        `UPDATE hotspots SET resolution = 'training_gap'
         WHERE id = ?1 AND merged_into IS NULL AND host IS NOT NULL AND status = 'resolved'
           AND EXISTS (SELECT 1 FROM topics WHERE id = ?2 AND active = 1)
           AND NOT EXISTS (SELECT 1 FROM tip_requests WHERE hotspot_id = ?1 OR client_id = ?3)`,
      )
      .bind(r.hotspotId, r.topicId, r.clientId),
    db
      .prepare(
        `INSERT INTO tip_requests (id, client_id, body_hash, hotspot_id, host, path, topic_id, note, requested_by,
           requested_at)
         SELECT ?1, ?2, ?3, h.id, h.host, h.path, ?4, ?5, ?6, ?7 FROM hotspots h
         WHERE h.id = ?8 AND h.resolution = 'training_gap' AND h.merged_into IS NULL AND h.host IS NOT NULL
           AND EXISTS (SELECT 1 FROM topics WHERE id = ?4 AND active = 1)
         ON CONFLICT DO NOTHING`,
      )
      .bind(r.id, r.clientId, r.bodyHash, r.topicId, r.note, r.requestedBy, r.at, r.hotspotId),
  ]);
  return {
    created: request?.meta.changes === 1 && resolution?.meta.changes === 1,
    moved: moved?.meta.changes === 1,
  };
}

/** By the request's client id: a retry finds what the first attempt stored. */
export async function findTipRequestByClientId(db: D1Database, clientId: string) {
  const row = await db
    .prepare('SELECT hotspot_id, requested_by, body_hash FROM tip_requests WHERE client_id = ?1')
    .bind(clientId)
    .first<{ hotspot_id: string; requested_by: string; body_hash: string }>();
  return row && { hotspotId: row.hotspot_id, requestedBy: row.requested_by, bodyHash: row.body_hash };
}

/** How a hotspot was resolved and its request (with the tip, once written). */
export async function resolutionOf(
  db: D1Database,
  hotspotId: string,
): Promise<{ resolution: Resolution | null; tipRequest: TipRequestState | null }> {
  const row = await db
    .prepare(
      `SELECT h.resolution, r.id, r.topic_id, r.requested_at, t.id AS tip_id, t.text AS tip_text,
         t.created_at AS tip_at
       FROM hotspots h LEFT JOIN tip_requests r ON r.hotspot_id = h.id LEFT JOIN tips t ON t.id = r.tip_id
       WHERE h.id = ?1`,
    )
    .bind(hotspotId)
    .first<{
      resolution: Resolution | null;
      id: string | null;
      topic_id: string | null;
      requested_at: number | null;
      tip_id: string | null;
      tip_text: string | null;
      tip_at: number | null;
    }>();
  if (!row) return { resolution: null, tipRequest: null };
  return {
    resolution: row.resolution,
    tipRequest:
      row.id && row.topic_id && row.requested_at !== null
        ? {
            id: row.id,
            topicId: row.topic_id,
            requestedAt: toIso(row.requested_at),
            tip:
              row.tip_id && row.tip_text !== null && row.tip_at !== null
                ? { id: row.tip_id, text: row.tip_text, publishedAt: toIso(row.tip_at) }
                : null,
          }
        : null,
  };
}

/**
 * Whether request `r` reaches mentor ?1: they take its topic, or no active mentor who is not away does
 * (then every mentor is asked, so nothing waits unseen).
 */
const ROUTED = `(EXISTS (SELECT 1 FROM mentor_topics mt WHERE mt.user_id = ?1 AND mt.topic_id = r.topic_id)
  OR NOT EXISTS (SELECT 1 FROM mentor_topics mt JOIN users u ON u.id = mt.user_id AND u.active = 1
    JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'mentor'
    LEFT JOIN mentor_profiles p ON p.user_id = u.id
    WHERE mt.topic_id = r.topic_id AND COALESCE(p.away, 0) = 0))`;
const OPEN = '(r.tip_id IS NULL OR NOT EXISTS (SELECT 1 FROM tips t WHERE t.id = r.tip_id))';

interface RequestRow {
  id: string;
  host: string;
  path: string;
  category: Category;
  title: string | null;
  topic_id: string;
  note: string | null;
  requested_at: number;
}

const toRequest = (row: RequestRow): TipRequest => ({
  id: row.id,
  screen: { host: row.host, path: row.path },
  category: row.category,
  title: row.title,
  topicId: row.topic_id,
  note: row.note,
  requestedAt: toIso(row.requested_at),
});

/** Open requests routed to a mentor, oldest first. */
export async function openTipRequestsFor(db: D1Database, mentorId: string): Promise<TipRequest[]> {
  const { results } = await db
    .prepare(
      `SELECT r.id, r.host, r.path, h.category, h.title, r.topic_id, r.note, r.requested_at
       FROM tip_requests r JOIN hotspots h ON h.id = r.hotspot_id
       WHERE ${OPEN} AND ${ROUTED}
       ORDER BY r.requested_at LIMIT 50`,
    )
    .bind(mentorId)
    .all<RequestRow>();
  return results.map(toRequest);
}

/** A request as mentor ?1 may see it: routed to them. Open or not, so a late writer hears it was written. */
export async function tipRequestFor(db: D1Database, mentorId: string, id: string) {
  const row = await db
    .prepare(
      `SELECT r.id, r.host, r.path, h.category, h.title, r.topic_id, r.note, r.requested_at, ${OPEN} AS open
       FROM tip_requests r JOIN hotspots h ON h.id = r.hotspot_id WHERE r.id = ?2 AND ${ROUTED}`,
    )
    .bind(mentorId, id)
    .first<RequestRow & { open: number }>();
  return row && { request: toRequest(row), open: row.open === 1 };
}

/**
 * Writes the tip and marks the request answered, in one batch: the tip is stored only while the request
 * is open, and the request points at it only if this call stored it. Returns whether it did.
 */
export async function insertRequestedTip(
  db: D1Database,
  t: { id: string; clientId: string; bodyHash: string; requestId: string; text: string; authorId: string; at: number },
): Promise<boolean> {
  const [tip] = await db.batch([
    db
      .prepare(
        `INSERT INTO tips (id, host, path, topic_id, text, author_id, created_at, client_id, body_hash)
         SELECT ?1, r.host, r.path, r.topic_id, ?2, ?3, ?4, ?5, ?6 FROM tip_requests r WHERE r.id = ?7 AND ${OPEN}
         ON CONFLICT (client_id) DO NOTHING`,
      )
      .bind(t.id, t.text, t.authorId, t.at, t.clientId, t.bodyHash, t.requestId),
    db
      .prepare(
        `UPDATE tip_requests SET tip_id = ?1, written_at = ?3
         WHERE id = ?2 AND EXISTS (SELECT 1 FROM tips WHERE id = ?1)`,
      )
      .bind(t.id, t.requestId, t.at),
  ]);
  return tip?.meta.changes === 1;
}

/** The tip stored under a client id, as `ScreenTip`, with what a retry is checked against. */
export async function requestedTipByClientId(db: D1Database, clientId: string) {
  const row = await db
    .prepare(
      `SELECT t.id, t.path, t.text, t.created_at, t.author_id, t.body_hash, r.id AS request_id
       FROM tips t JOIN tip_requests r ON r.tip_id = t.id WHERE t.client_id = ?1`,
    )
    .bind(clientId)
    .first<{
      id: string;
      path: string;
      text: string;
      created_at: number;
      author_id: string;
      body_hash: string;
      request_id: string;
    }>();
  if (!row) return null;
  return { tip: toOwnTip(row), authorId: row.author_id, bodyHash: row.body_hash, requestId: row.request_id };
}

/**
 * The newest tip written for a training gap on each root (requests on the root or a hotspot merged into
 * it): what every reporter of it reads beside the response.
 */
export async function tipsOfRoots(db: D1Database, rootIds: string[]) {
  const tips = new Map<string, { id: string; text: string; publishedAt: string }>();
  if (rootIds.length === 0) return tips;
  const { results } = await db
    .prepare(
      `SELECT l.root_id, t.id, t.text, t.created_at FROM tip_requests r
       JOIN hotspots l ON l.id = r.hotspot_id JOIN tips t ON t.id = r.tip_id
       WHERE l.root_id IN (SELECT value FROM json_each(?1)) ORDER BY t.created_at`,
    )
    .bind(JSON.stringify(rootIds))
    .all<{ root_id: string; id: string; text: string; created_at: number }>();
  for (const r of results) tips.set(r.root_id, { id: r.id, text: r.text, publishedAt: toIso(r.created_at) });
  return tips;
}
