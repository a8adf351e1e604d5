import { getSettings } from '../db/settings';
import { insertTokenStatement } from '../db/tokens';
import { DAY, toIso } from './clock';
import { randomHex, sha256Hex } from './crypto';

/** A 256-bit bearer token; only its SHA-256 is stored. */
export async function newTokenStatement(db: D1Database, userId: string, at: number) {
  const token = randomHex(32);
  const hash = await sha256Hex(token);
  const expiresAtMs = at + (await getSettings(db)).tokenTtlDays * DAY;
  const statement = insertTokenStatement(db, { hash, userId, createdAt: at, expiresAt: expiresAtMs });
  return { token, hash, expiresAtMs, expiresAt: toIso(expiresAtMs), statement };
}

/** Codes are typed by people: case and spaces do not matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/\s+/g, '');
}
