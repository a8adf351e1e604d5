import { prefillItem, sessionItem } from './storage';
import { canSealFor, openerFor, openOrNull, sealFor } from './vault';

/**
 * Text selected on a page ("Ask a mentor about this…") handed from the background to the popup.
 * It comes from a clinical page, so it is sealed for the signed-in user; with no one signed in it is
 * not kept at all (the popup opens to sign in).
 */
export async function keepPrefill(text: string, at = Date.now()): Promise<boolean> {
  const userId = (await sessionItem.getValue())?.user.id;
  if (!userId || !(await canSealFor(userId))) return false;
  await prefillItem.setValue({ userId, at, sealed: await sealFor(userId, { text }) });
  return true;
}

/** The selection for this user, once; null if none (or not theirs), or left in place while it cannot be opened. */
export async function takePrefill(userId: string): Promise<string | null> {
  const pre = await prefillItem.getValue();
  if (!pre) return null;
  if (pre.userId !== userId || !pre.sealed) {
    await prefillItem.setValue(null);
    return null;
  }
  const opened = await openOrNull<{ text: string }>(await openerFor(userId), pre.sealed);
  if (!opened) return null;
  await prefillItem.setValue(null);
  return opened.text;
}
