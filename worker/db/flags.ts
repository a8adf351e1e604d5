import { creditGroups } from '../../shared/credit';
import type { Category, Frequency, Impact } from '../../shared/enums';
import type { Flag, FlagStatus } from '../../shared/flags';
import type { PdsaProgress } from '../../shared/pdsa';
import { toIso } from '../lib/clock';
import { creditPeopleOfRoots } from './credit';
import { cyclesOfRoots, toProgress } from './pdsa';
import { hotspotKey, keyOfFlag } from './rollups';
import { getSettings } from './settings';
import { tipsOfRoots } from './training';

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
  hotspot_id?: string | null;
  hotspot_status?: FlagStatus | null;
  hotspot_response?: string | null;
  hotspot_responded_at?: number | null;
  withdrawn?: string | null;
}

// A flag's status and response come from the hotspot it counts at (its hotspot's root).
const COLUMNS = `f.id, f.client_id, f.body_hash, f.user_id, f.anonymous, f.contact_ok, f.text, f.category, f.frequency,
  f.minutes_lost, f.impact, f.idea, f.unit_id, f.host, f.path, f.page_title, f.status, f.created_at,
  r.id AS hotspot_id, r.status AS hotspot_status, r.response AS hotspot_response,
  r.responded_at AS hotspot_responded_at, f.withdrawn`;
/**
 * The hotspot a flag joined; while a named flag waits for the batch, the one its key will join (read,
 * never written), so its sender sees the hotspot's state at once. An anonymous flag shows none until
 * it counts, as before batching.
 */
const LEAF = `COALESCE(f.hotspot_id, CASE WHEN f.anonymous = 0 THEN
  (SELECT k.id FROM hotspots k WHERE k.key = ${keyOfFlag('f')}) END)`;
const FROM = `flags f LEFT JOIN hotspots l ON l.id = ${LEAF} LEFT JOIN hotspots r ON r.id = l.root_id`;

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
    status: row.hotspot_status ?? row.status,
    createdAt: toIso(row.created_at),
    hotspotId: row.hotspot_id ?? null,
    response: row.hotspot_response ?? null,
    respondedAt: row.hotspot_responded_at ? toIso(row.hotspot_responded_at) : null,
    withdrawn: Boolean(row.withdrawn),
  };
}

/**
 * Adds what reporters see of what changed on each flag's hotspot: its tests of change, the tip a training
 * gap asked for, and the credit of reporters who opted in, in groups with k people other than the viewer
 * (`viewerId`; null for anonymous flags read by receipt, where nobody is excluded).
 */
export async function withProgress(db: D1Database, flags: Flag[], viewerId: string | null = null): Promise<Flag[]> {
  const roots = [...new Set(flags.map((f) => f.hotspotId).filter((id): id is string => Boolean(id)))];
  const [cycles, tips, people, settings] = await Promise.all([
    cyclesOfRoots(db, roots),
    tipsOfRoots(db, roots),
    creditPeopleOfRoots(db, roots, viewerId),
    getSettings(db),
  ]);
  return flags.map((f) => {
    const root = f.hotspotId ?? '';
    return {
      ...f,
      cycles: (cycles.get(root) ?? []).map(toProgress),
      tip: tips.get(root) ?? null,
      credit: creditGroups(people.get(root) ?? [], settings.kAnonymity),
    };
  });
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

/** The root of the hotspot with key ?20, and a column of that root, for the insert's RETURNING clause. */
const ROOT_OF_KEY = '(SELECT l.root_id FROM hotspots l WHERE l.key = ?20)';
const rootOfKey = (column: string) =>
  `(SELECT r.${column} FROM hotspots l JOIN hotspots r ON r.id = l.root_id WHERE l.key = ?20)`;

/**
 * Inserts the flag and returns it as `flagByClientIdStatement` reads it. It counts only at the scheduled
 * batch (db/pending-rollups.ts), so the insert writes the row and its index entries only. A named flag
 * names the hotspot its key joins, if one exists, with the current epoch (reads: the batch of that epoch
 * counts it without linking it, migration 0024); an anonymous one names none until it counts, and its
 * answer carries no hotspot. A retry with a known client id inserts and returns nothing; the caller then
 * reads the original back.
 */
export function insertFlagStatement(db: D1Database, f: NewFlag, minutesWeek: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO flags (id, client_id, body_hash, user_id, anonymous, receipt_hash, contact_ok, text, category,
         frequency, minutes_lost, impact, idea, unit_id, host, path, page_title, created_at, minutes_week, hotspot_id,
         epoch)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
         (SELECT id FROM hotspots WHERE key = ?20),
         CASE WHEN ?20 IS NULL THEN 0 ELSE (SELECT epoch FROM rollup_epoch WHERE id = 1) END)
       ON CONFLICT(client_id) DO NOTHING
       RETURNING id, client_id, body_hash, user_id, anonymous, contact_ok, text, category, frequency, minutes_lost,
         impact, idea, unit_id, host, path, page_title, status, created_at, withdrawn, ${ROOT_OF_KEY} AS hotspot_id,
         ${rootOfKey('status')} AS hotspot_status, ${rootOfKey('response')} AS hotspot_response,
         ${rootOfKey('responded_at')} AS hotspot_responded_at, ${cyclesOf(ROOT_OF_KEY)}`,
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
      minutesWeek,
      f.anonymous ? null : hotspotKey(f.host, f.path, f.category),
    );
}

/** A root's tests of change, oldest first, as a JSON column named `cycles`. */
function cyclesOf(root: string): string {
  return `(SELECT json_group_array(json_object('id', c.id, 'stage', c.stage, 'changeIdea', c.change_idea,
      'decision', c.decision, 'result', c.result))
    FROM (SELECT c.id, c.stage, c.change_idea, c.decision, c.result FROM pdsa_cycles c
      JOIN hotspots c_l ON c_l.id = c.hotspot_id
      WHERE c_l.root_id = ${root} AND (c.approval IS NULL OR c.approval = 'approved') ORDER BY c.created_at) c) AS cycles`;
}

/** The flag under a client id with its root's tests of change: one read, for the end of a batch. */
export function flagByClientIdStatement(db: D1Database, clientId: string): D1PreparedStatement {
  return db.prepare(`SELECT ${COLUMNS}, ${cyclesOf('r.id')} FROM ${FROM} WHERE f.client_id = ?1`).bind(clientId);
}

export interface StoredFlag {
  flag: Flag;
  userId: string | null;
  bodyHash: string;
}

/** What `flagByClientIdStatement` read; null when nothing is stored under the client id. */
export function toStoredFlag(read: D1Result | undefined): StoredFlag | null {
  const row = read?.results[0] as (FlagRow & { cycles: string | null }) | undefined;
  if (!row) return null;
  const cycles = row.hotspot_id ? (JSON.parse(row.cycles ?? '[]') as PdsaProgress[]) : [];
  return { flag: { ...toFlag(row), cycles }, userId: row.user_id, bodyHash: row.body_hash };
}

export async function findFlagByClientId(db: D1Database, clientId: string): Promise<StoredFlag | null> {
  return toStoredFlag(await flagByClientIdStatement(db, clientId).all());
}

export async function listFlagsByUser(db: D1Database, userId: string): Promise<Flag[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE f.user_id = ?1 ORDER BY f.created_at DESC LIMIT 200`)
    .bind(userId)
    .all<FlagRow>();
  return withProgress(db, results.map(toFlag), userId);
}

export async function findFlagsByReceipts(db: D1Database, receiptHashes: string[]): Promise<Map<string, Flag>> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, f.receipt_hash FROM ${FROM}
       WHERE f.anonymous = 1 AND f.receipt_hash IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(receiptHashes))
    .all<FlagRow & { receipt_hash: string }>();
  const flags = await withProgress(db, results.map(toFlag));
  return new Map(results.map((row, i) => [row.receipt_hash, flags[i] as Flag]));
}

/** A flag with its owner and receipt hash, for withdrawals: the caller checks who may. */
export async function findFlagForWithdrawal(db: D1Database, where: { id: string } | { receiptHash: string }) {
  const sql =
    'id' in where
      ? `SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = ?1`
      : `SELECT ${COLUMNS} FROM ${FROM} WHERE f.anonymous = 1 AND f.receipt_hash = ?1`;
  const row = await db
    .prepare(sql)
    .bind('id' in where ? where.id : where.receiptHash)
    .first<FlagRow>();
  return row ? { flag: toFlag(row), userId: row.user_id } : null;
}
