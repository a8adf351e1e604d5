import type { ChannelKind, ChannelPatch, DeliveryStatus, DigestSettings } from '../../shared/digests';

/** Digest channels, their deliveries, and the organisation's digest settings (settings key 'digest'). */

export interface ChannelRow {
  id: string;
  client_id: string;
  body_hash: string;
  kind: ChannelKind;
  label: string;
  secret: string;
  digest_roles: string;
  urgent_alerts: number;
  active: number;
  created_by: string;
  created_at: number;
}

export async function listChannelRows(db: D1Database): Promise<ChannelRow[]> {
  const { results } = await db.prepare('SELECT * FROM digest_channels ORDER BY created_at, id').all<ChannelRow>();
  return results;
}

export async function getChannelRow(db: D1Database, id: string): Promise<ChannelRow | null> {
  return db.prepare('SELECT * FROM digest_channels WHERE id = ?1').bind(id).first<ChannelRow>();
}

export async function findChannelByClientId(db: D1Database, clientId: string): Promise<ChannelRow | null> {
  return db.prepare('SELECT * FROM digest_channels WHERE client_id = ?1').bind(clientId).first<ChannelRow>();
}

export async function insertChannel(db: D1Database, row: ChannelRow): Promise<number> {
  const result = await db
    .prepare(
      `INSERT INTO digest_channels
         (id, client_id, body_hash, kind, label, secret, digest_roles, urgent_alerts, active, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (client_id) DO NOTHING`,
    )
    .bind(
      row.id,
      row.client_id,
      row.body_hash,
      row.kind,
      row.label,
      row.secret,
      row.digest_roles,
      row.urgent_alerts,
      row.active,
      row.created_by,
      row.created_at,
    )
    .run();
  return result.meta.changes;
}

export async function patchChannel(db: D1Database, id: string, patch: ChannelPatch): Promise<ChannelRow | null> {
  const set = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);
  return db
    .prepare(
      `UPDATE digest_channels SET label = COALESCE(?2, label), digest_roles = COALESCE(?3, digest_roles),
         urgent_alerts = COALESCE(?4, urgent_alerts), active = COALESCE(?5, active)
       WHERE id = ?1 RETURNING *`,
    )
    .bind(
      id,
      patch.label ?? null,
      patch.digestRoles ? JSON.stringify(patch.digestRoles) : null,
      set(patch.urgentAlerts),
      set(patch.active),
    )
    .first<ChannelRow>();
}

/** Active channels taking the digest of `role`, without one for `dedupeKey` yet. */
export async function channelsAwaitingDigest(db: D1Database, role: string, dedupeKey: string) {
  const { results } = await db
    .prepare(
      `SELECT c.* FROM digest_channels c
       WHERE c.active = 1 AND EXISTS (SELECT 1 FROM json_each(c.digest_roles) WHERE value = ?1)
         AND NOT EXISTS (SELECT 1 FROM digest_deliveries d WHERE d.channel_id = c.id AND d.dedupe_key = ?2)`,
    )
    .bind(role, dedupeKey)
    .all<ChannelRow>();
  return results;
}

export async function urgentChannels(db: D1Database): Promise<ChannelRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM digest_channels WHERE active = 1 AND urgent_alerts = 1')
    .all<ChannelRow>();
  return results;
}

export interface DeliveryRow {
  id: string;
  channel_id: string;
  kind: 'digest' | 'urgent';
  dedupe_key: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** Enqueues once per channel and key; returns the rows this call created. */
export async function insertDeliveries(
  db: D1Database,
  rows: Pick<DeliveryRow, 'id' | 'channel_id' | 'kind' | 'dedupe_key' | 'payload' | 'created_at'>[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const results = await db.batch(
    rows.map((r) =>
      db
        .prepare(
          `INSERT INTO digest_deliveries (id, channel_id, kind, dedupe_key, payload, status, attempts, next_attempt_at, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?6) ON CONFLICT (channel_id, dedupe_key) DO NOTHING`,
        )
        .bind(r.id, r.channel_id, r.kind, r.dedupe_key, r.payload, r.created_at),
    ),
  );
  return rows.filter((_, i) => (results[i]?.meta.changes ?? 0) > 0).map((r) => r.id);
}

/** Pending deliveries due at `at`, oldest first. */
export async function dueDeliveries(db: D1Database, at: number, limit: number): Promise<DeliveryRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM digest_deliveries WHERE status = 'pending' AND next_attempt_at <= ?1
       ORDER BY next_attempt_at, id LIMIT ?2`,
    )
    .bind(at, limit)
    .all<DeliveryRow>();
  return results;
}

export async function getDeliveries(db: D1Database, ids: string[]): Promise<DeliveryRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM digest_deliveries WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<DeliveryRow>();
  return results;
}

/**
 * Records one attempt; a delivered message's content is dropped (only an undelivered one may be sent
 * again). Only a row still pending with the attempt count the sender read is changed,
 * so two runs sending the same row at once record it once.
 */
export async function recordAttempt(
  db: D1Database,
  id: string,
  seen: number,
  outcome: { status: DeliveryStatus; error: string | null; nextAt: number | null; at: number },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE digest_deliveries SET attempts = attempts + 1, status = ?3, last_error = ?4, next_attempt_at = ?5,
         sent_at = CASE WHEN ?3 = 'sent' THEN ?6 ELSE sent_at END,
         payload = CASE WHEN ?3 = 'sent' THEN '' ELSE payload END
       WHERE id = ?1 AND attempts = ?2 AND status = 'pending'`,
    )
    .bind(id, seen, outcome.status, outcome.error, outcome.nextAt, outcome.at)
    .run();
  return result.meta.changes === 1;
}

/** Sends a failed (or waiting) delivery again at `at`, keeping its attempt count. */
export async function requeueDelivery(db: D1Database, id: string, at: number): Promise<DeliveryRow | null> {
  return db
    .prepare(
      `UPDATE digest_deliveries SET status = 'pending', next_attempt_at = ?2
       WHERE id = ?1 AND status IN ('failed', 'pending') RETURNING *`,
    )
    .bind(id, at)
    .first<DeliveryRow>();
}

/** What admins review: every delivery that failed at least once (or the one named), newest first, with its channel. */
export async function listDeliveries(db: D1Database, limit: number, id: string | null) {
  const { results } = await db
    .prepare(
      `SELECT d.*, c.label AS channel_label, c.kind AS channel_kind FROM digest_deliveries d
       JOIN digest_channels c ON c.id = d.channel_id
       WHERE (?2 IS NULL AND (d.status = 'failed' OR (d.status = 'pending' AND d.attempts > 0))) OR d.id = ?2
       ORDER BY d.created_at DESC, d.id LIMIT ?1`,
    )
    .bind(limit, id)
    .all<DeliveryRow & { channel_label: string; channel_kind: ChannelKind }>();
  return results;
}

export async function getDigestSettings(db: D1Database): Promise<Partial<DigestSettings>> {
  const row = await db.prepare("SELECT value FROM settings WHERE key = 'digest'").first<{ value: string }>();
  return row ? (JSON.parse(row.value) as Partial<DigestSettings>) : {};
}

export async function putDigestSettings(db: D1Database, value: DigestSettings): Promise<void> {
  await db
    .prepare(
      "INSERT INTO settings (key, value) VALUES ('digest', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .bind(JSON.stringify(value))
    .run();
}
