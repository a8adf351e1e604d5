import { withLock } from './lock';
import { notifiedSealedItem, type Sealed, seenItem } from './storage';
import { canSealFor, NoUserKeyError, openerFor, openOrNull, sealFor } from './vault';

type SealedSets = Pick<typeof seenItem, 'getValue' | 'setValue'>;

/**
 * A set of keys per user, sealed for them (read: none while their key is not in memory). Seen marks
 * and "already notified" marks are both such sets: their keys name the user's flags, anonymous ones
 * included, so in the clear they would tie whoever used this workstation to an anonymous flag.
 */
function sealedKeySet(item: SealedSets, lock: string, max: number) {
  async function read(userId: string): Promise<string[]> {
    const box = (await item.getValue())[userId];
    if (!box) return [];
    return (await openOrNull<string[]>(await openerFor(userId), box)) ?? [];
  }

  async function add(userId: string, keys: readonly string[]): Promise<void> {
    // Nothing to seal with before the user's key first reached this device: the marks wait.
    if (keys.length === 0 || !(await canSealFor(userId))) return;
    await withLock(lock, async () => {
      const box = (await item.getValue())[userId];
      const before = box ? await openOrNull<string[]>(await openerFor(userId), box) : [];
      // Not opened (key not in memory): the marks are not worth losing the earlier ones over.
      if (before === null) return;
      const next = [...new Set([...before, ...keys])].slice(-max);
      // The user may sign out (their keys go) while this waited for the lock: then the marks go too.
      const sealed: Sealed | null = await sealFor(userId, next).catch((e: unknown) => {
        if (e instanceof NoUserKeyError) return null;
        throw e;
      });
      if (sealed) await item.setValue({ ...(await item.getValue()), [userId]: sealed });
    });
  }

  return { read, add };
}

/**
 * What each user has seen in My items (answers, status changes, responses; keys as lib/item-news.ts).
 * Kept per user across sign-out (sealed), so "New" marks stay honest when they return.
 */
const seen = sealedKeySet(seenItem, 'curbside-seen', 2000);
/** The user's seen keys; none while their key is not in memory (everything then shows as new). */
export const readSeen = seen.read;
export const markSeen = seen.add;

/** News on the user's own items already raised as a browser notification (background/badge.ts). */
const notified = sealedKeySet(notifiedSealedItem, 'curbside-notified', 2000);
export const readNotified = notified.read;
export const markNotified = notified.add;
