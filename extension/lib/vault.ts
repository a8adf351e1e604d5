import {
  importPrivateKey,
  newKeyPair,
  readerFor,
  type Sealed,
  type SealWriter,
  seal,
  sealWith,
  unseal,
  writerFor,
} from './crypto';
import { withLock } from './lock';
import { receiptKeyItem, userKeysItem } from './storage';

/**
 * Each user's free text on this device (outbox, needs attention, drafts, the offline copy of My
 * items, a selection sent to "Ask a mentor") is sealed to that user's device key pair. Its private
 * half is stored sealed with the user's receipt key from the server — the same per-user key that
 * seals receipts, which lives only in memory-backed session storage while they are signed in. So:
 * - anything can be sealed at any time, offline too, from the public half alone;
 * - it opens only while the owner's key is in memory: signed in, since the browser last started
 *   and reached the server. After sign-out the key is gone and everything of theirs is ciphertext
 *   until they sign in again, when the server hands the same key back.
 */

export type Opener = <T>(box: Sealed) => Promise<T>;

let writer: { userId: string; writer: SealWriter } | null = null;
let reader: { userId: string; key: string; publicKey: string; open: Opener } | null = null;

/** Gives the user a device key pair if they have none (or one their key no longer opens). */
export async function ensureUserKeys(userId: string, hexKey: string): Promise<void> {
  await withLock('curbside-user-keys', async () => {
    const all = await userKeysItem.getValue();
    const mine = all[userId];
    if (
      mine &&
      (await unseal<string>(hexKey, userId, mine.privateKey).then(
        () => true,
        () => false,
      ))
    )
      return;
    const pair = await newKeyPair();
    const privateKey = await seal(hexKey, userId, pair.privateKey);
    await userKeysItem.setValue({
      ...(await userKeysItem.getValue()),
      [userId]: { publicKey: pair.publicKey, privateKey },
    });
  });
}

/** Whether things can be sealed for this user on this device (their key reached it once). */
export async function canSealFor(userId: string): Promise<boolean> {
  return (await userKeysItem.getValue())[userId] !== undefined;
}

export class NoUserKeyError extends Error {
  constructor() {
    super('Curbside needs to reach your organisation’s server once before it can keep this safely.');
  }
}

/** Seals for the user from their public key alone; throws `NoUserKeyError` before their key first arrived. */
export async function sealFor(userId: string, value: unknown): Promise<Sealed> {
  const keys = (await userKeysItem.getValue())[userId];
  if (!keys) throw new NoUserKeyError();
  if (writer?.userId !== userId || writer.writer.publicKey !== keys.publicKey)
    writer = { userId, writer: await writerFor(keys.publicKey) };
  return sealWith(writer.writer, userId, value);
}

/** Opens the user's boxes, or null while their key is not in memory (signed out, or not fetched since restart). */
export async function openerFor(userId: string): Promise<Opener | null> {
  const [cached, all] = await Promise.all([receiptKeyItem.getValue(), userKeysItem.getValue()]);
  const keys = all[userId];
  if (cached?.userId !== userId || !keys) {
    reader = null;
    return null;
  }
  if (reader?.userId === userId && reader.key === cached.key && reader.publicKey === keys.publicKey) return reader.open;
  let privateKey: CryptoKey;
  try {
    privateKey = await importPrivateKey(await unseal<string>(cached.key, userId, keys.privateKey));
  } catch {
    return null;
  }
  const read = readerFor(privateKey, userId);
  const open: Opener = (box) => read(box);
  reader = { userId, key: cached.key, publicKey: keys.publicKey, open };
  return open;
}

/** Opens one box, or null when it cannot be opened now. */
export async function openOrNull<T>(open: Opener | null, box: Sealed): Promise<T | null> {
  if (!open) return null;
  return open<T>(box).catch(() => null);
}
