import { getSettings } from '../db/settings';
import { insertTokenStatement } from '../db/tokens';
import { DAY, toIso } from '../lib/clock';
import { randomHex, sha256Hex } from '../lib/crypto';

/** A 256-bit bearer token for a device's sign-in; only its SHA-256 is stored. */
export async function newTokenStatement(db: D1Database, userId: string, signInId: string, at: number) {
  const token = randomHex(32);
  const hash = await sha256Hex(token);
  const expiresAtMs = at + (await getSettings(db)).tokenTtlDays * DAY;
  const statement = insertTokenStatement(db, { hash, userId, signInId, createdAt: at, expiresAt: expiresAtMs });
  return { token, hash, expiresAtMs, expiresAt: toIso(expiresAtMs), statement };
}

/** Codes are typed by people: case and spaces do not matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/\s+/g, '');
}

// Crockford-style alphabet: no 0/O or 1/I/L to misread when a code is read aloud or typed.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 symbols of 30 (~78 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function generateCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}
