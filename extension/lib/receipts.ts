import { endpoints } from '../../shared/api';
import type { Api } from './api';
import { seal, unseal } from './crypto';
import { ApiError } from './errors';
import { sha256Hex } from './ids';
import { sealLegacy } from './legacy';
import { withLock } from './lock';
import { type Receipt, receiptKeyItem, receiptsItem, sealedReceiptsItem } from './storage';
import { canSealFor, ensureUserKeys } from './vault';

/**
 * Anonymous-flag receipts stay on this device, sealed with a key the server hands only to their
 * owner's session. After sign-out the key is gone from the device, so the next person at a shared
 * workstation holds only ciphertext; the same user signing in again gets the same key back.
 */

const LOCK = 'curbside-receipts';

export { seal, unseal };

/**
 * The user's key: from this browser session if fetched already, else from the API with their token.
 * With it come the user's device keys (lib/vault.ts), and anything an earlier version left in the
 * clear for them is sealed.
 */
export async function ensureReceiptKey(api: Api, userId: string): Promise<string> {
  const cached = await receiptKeyItem.getValue();
  if (cached?.userId === userId) {
    if (!(await canSealFor(userId))) await ensureUserKeys(userId, cached.key);
    return cached.key;
  }
  let key: string;
  try {
    ({ key } = await api.call(endpoints.myReceiptKey, {}));
  } catch (e) {
    // A 2xx we cannot read is no key: never let it pass for a delivered item upstream.
    if (e instanceof ApiError && e.status < 300) throw new Error('The receipt key could not be read', { cause: e });
    throw e;
  }
  await receiptKeyItem.setValue({ userId, key });
  await ensureUserKeys(userId, key);
  await sealLegacy(userId);
  // Receipts an earlier version kept in the clear are sealed as they are read.
  await readReceipts(userId);
  return key;
}

export async function forgetReceiptKey(): Promise<void> {
  await receiptKeyItem.setValue(null);
}

async function cachedKey(userId: string): Promise<string | null> {
  const cached = await receiptKeyItem.getValue();
  return cached?.userId === userId ? cached.key : null;
}

/**
 * Where a user's receipts are stored: a label only their key can compute. Stored under their user id,
 * the box would tell anyone reading this workstation's storage that they sent anonymous flags.
 */
async function labelFor(userId: string, key: string): Promise<string> {
  return `r_${(await sha256Hex(`curbside receipts\n${userId}\n${key}`)).slice(0, 32)}`;
}

async function readLocked(userId: string, key: string): Promise<Receipt[]> {
  const stored = await sealedReceiptsItem.getValue();
  // An earlier version stored the box under the user id: read there too, and moved when written.
  const box = stored[await labelFor(userId, key)] ?? stored[userId];
  const sealed = box ? await unseal<Receipt[]>(key, userId, box) : [];
  if (stored[userId]) await writeLocked(userId, key, sealed);
  // Receipts written in plain text by an earlier version are sealed now and the plain copy dropped.
  const plain = await receiptsItem.getValue();
  const legacy = plain.filter((r) => r.userId === userId);
  if (legacy.length === 0) return sealed;
  const merged = [...sealed, ...legacy.filter((r) => !sealed.some((s) => s.clientId === r.clientId))];
  await writeLocked(userId, key, merged);
  await receiptsItem.setValue(plain.filter((r) => r.userId !== userId));
  return merged;
}

async function writeLocked(userId: string, key: string, receipts: Receipt[]): Promise<void> {
  const box = await seal(key, userId, receipts);
  const { [userId]: _byId, ...rest } = await sealedReceiptsItem.getValue();
  await sealedReceiptsItem.setValue({ ...rest, [await labelFor(userId, key)]: box });
}

/** The user's receipts, or null while their key is not on this device (signed out, or not fetched yet). */
export async function readReceipts(userId: string): Promise<Receipt[] | null> {
  const key = await cachedKey(userId);
  if (!key) return null;
  return withLock(LOCK, () => readLocked(userId, key));
}

/** Adds a receipt for its owner; the owner's key must be on the device (flush fetches it first). */
export async function addReceipt(receipt: Receipt): Promise<void> {
  const key = await cachedKey(receipt.userId);
  if (!key) throw new Error('The receipt key is not available');
  await withLock(LOCK, async () => {
    const receipts = await readLocked(receipt.userId, key);
    if (!receipts.some((r) => r.clientId === receipt.clientId))
      await writeLocked(receipt.userId, key, [...receipts, receipt]);
  });
}
