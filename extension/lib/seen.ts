import { withLock } from './lock';
import { seenItem } from './storage';
import { canSealFor, NoUserKeyError, openerFor, openOrNull, sealFor } from './vault';

/**
 * What each user has seen in My items (answers, status changes, responses; keys as popup/my-items.ts),
 * sealed for them: the keys name their flags, anonymous ones included, so in the clear they would
 * tie whoever used this workstation to an anonymous flag. Kept per user across sign-out (sealed),
 * so "New" marks stay honest when they return.
 */

const MAX_SEEN = 2000;

/** The user's seen keys; none while their key is not in memory (everything then shows as new). */
export async function readSeen(userId: string): Promise<string[]> {
  const box = (await seenItem.getValue())[userId];
  if (!box) return [];
  return (await openOrNull<string[]>(await openerFor(userId), box)) ?? [];
}

export async function markSeen(userId: string, keys: readonly string[]): Promise<void> {
  // Nothing to seal with before the user's key first reached this device: the marks wait.
  if (keys.length === 0 || !(await canSealFor(userId))) return;
  await withLock('curbside-seen', async () => {
    const all = await seenItem.getValue();
    const box = all[userId];
    const seen = box ? await openOrNull<string[]>(await openerFor(userId), box) : [];
    // Not opened (key not in memory): the marks are not worth losing the earlier ones over.
    if (seen === null) return;
    const next = [...new Set([...seen, ...keys])].slice(-MAX_SEEN);
    // The user may sign out (their keys go) while this waited for the lock: then the marks go too.
    const sealed = await sealFor(userId, next).catch((e: unknown) => {
      if (e instanceof NoUserKeyError) return null;
      throw e;
    });
    if (sealed) await seenItem.setValue({ ...(await seenItem.getValue()), [userId]: sealed });
  });
}
