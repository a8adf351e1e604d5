import { endpoints } from '../../shared/api';
import type { Api } from './api';
import { ApiError } from './errors';
import { withLock } from './lock';
import { type Receipt, receiptKeyItem, receiptsItem, type SealedBox, sealedReceiptsItem } from './storage';

/**
 * Anonymous-flag receipts stay on this device, sealed with a key the server hands only to their
 * owner's session. After sign-out the key is gone from the device, so the next person at a shared
 * workstation holds only ciphertext; the same user signing in again gets the same key back.
 */

const LOCK = 'curbside-receipts';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

async function importKey(hex: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromHex(hex), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** The user id is bound in as associated data, so one user's box cannot be passed off as another's. */
export async function seal(hexKey: string, userId: string, value: unknown): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(userId) },
    await importKey(hexKey),
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the key or user is not the one that sealed the box. */
export async function unseal<T>(hexKey: string, userId: string, box: SealedBox): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: new TextEncoder().encode(userId) },
    await importKey(hexKey),
    fromBase64(box.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** The user's key: from this browser session if fetched already, else from the API with their token. */
export async function ensureReceiptKey(api: Api, userId: string): Promise<string> {
  const cached = await receiptKeyItem.getValue();
  if (cached?.userId === userId) return cached.key;
  let key: string;
  try {
    ({ key } = await api.call(endpoints.myReceiptKey, {}));
  } catch (e) {
    // A 2xx we cannot read is no key: never let it pass for a delivered item upstream.
    if (e instanceof ApiError && e.status < 300) throw new Error('The receipt key could not be read', { cause: e });
    throw e;
  }
  await receiptKeyItem.setValue({ userId, key });
  return key;
}

export async function forgetReceiptKey(): Promise<void> {
  await receiptKeyItem.setValue(null);
}

async function cachedKey(userId: string): Promise<string | null> {
  const cached = await receiptKeyItem.getValue();
  return cached?.userId === userId ? cached.key : null;
}

async function readLocked(userId: string, key: string): Promise<Receipt[]> {
  const box = (await sealedReceiptsItem.getValue())[userId];
  const sealed = box ? await unseal<Receipt[]>(key, userId, box) : [];
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
  await sealedReceiptsItem.setValue({ ...(await sealedReceiptsItem.getValue()), [userId]: box });
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
