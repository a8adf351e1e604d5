import type { Category, Frequency, Impact } from '../../shared/enums';
import type { Flag, FlagStatus } from '../../shared/flags';
import { toIso } from '../lib/clock';

interface FlagRow {
  id: string;
  client_id: string;
  body_hash: string;
  user_id: string | null;
  anonymous: number;
  contact_ok: number;
  text: string;
  category: Category;
  frequency: Frequency;
  minutes_lost: number;
  impact: Impact;
  idea: string | null;
  unit_id: string | null;
  host: string | null;
  path: string | null;
  page_title: string | null;
  status: FlagStatus;
  created_at: number;
}

const COLUMNS = `id, client_id, body_hash, user_id, anonymous, contact_ok, text, category, frequency, minutes_lost,
  impact, idea, unit_id, host, path, page_title, status, created_at`;

export function toFlag(row: FlagRow): Flag {
  return {
    id: row.id,
    clientId: row.client_id,
    text: row.text,
    category: row.category,
    frequency: row.frequency,
    minutesLost: row.minutes_lost,
    impact: row.impact,
    idea: row.idea,
    unitId: row.unit_id,
    screen: row.host && row.path ? { host: row.host, path: row.path } : null,
    pageTitle: row.page_title,
    anonymous: row.anonymous === 1,
    contactOk: row.contact_ok === 1,
    status: row.status,
    createdAt: toIso(row.created_at),
  };
}

export interface NewFlag {
  id: string;
  clientId: string;
  bodyHash: string;
  userId: string | null;
  anonymous: boolean;
  receiptHash: string | null;
  contactOk: boolean;
  text: string;
  category: Category;
  frequency: Frequency;
  minutesLost: number;
  impact: Impact;
  idea: string | null;
  unitId: string | null;
  host: string | null;
  path: string | null;
  pageTitle: string | null;
  createdAt: number;
}

/** A retry with a known client id inserts nothing; the caller then reads the original back. */
export function insertFlagStatement(db: D1Database, f: NewFlag): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO flags (id, client_id, body_hash, user_id, anonymous, receipt_hash, contact_ok, text, category,
         frequency, minutes_lost, impact, idea, unit_id, host, path, page_title, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
       ON CONFLICT(client_id) DO NOTHING`,
    )
    .bind(
      f.id,
      f.clientId,
      f.bodyHash,
      f.userId,
      f.anonymous ? 1 : 0,
      f.receiptHash,
      f.contactOk ? 1 : 0,
      f.text,
      f.category,
      f.frequency,
      f.minutesLost,
      f.impact,
      f.idea,
      f.unitId,
      f.host,
      f.path,
      f.pageTitle,
      f.createdAt,
    );
}

export async function findFlagByClientId(db: D1Database, clientId: string) {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM flags WHERE client_id = ?1`).bind(clientId).first<FlagRow>();
  return row ? { flag: toFlag(row), userId: row.user_id, bodyHash: row.body_hash } : null;
}

export async function listFlagsByUser(db: D1Database, userId: string): Promise<Flag[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM flags WHERE user_id = ?1 ORDER BY created_at DESC LIMIT 200`)
    .bind(userId)
    .all<FlagRow>();
  return results.map(toFlag);
}

export async function findFlagsByReceipts(db: D1Database, receiptHashes: string[]): Promise<Map<string, Flag>> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, receipt_hash FROM flags
       WHERE anonymous = 1 AND receipt_hash IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(receiptHashes))
    .all<FlagRow & { receipt_hash: string }>();
  return new Map(results.map((row) => [row.receipt_hash, toFlag(row)]));
}
