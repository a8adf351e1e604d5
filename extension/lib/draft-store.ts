import type { AskDraft, Drafts, FlagDraft, View } from './drafts';
import { DRAFTS_LOCK } from './drafts';
import { type Entries, type LayeredRecord, readLayered, updateLayered } from './layers';
import { withLock } from './lock';
import { draftsItem, type StoredDrafts, sessionItem } from './storage';
import { canSealFor } from './vault';

/**
 * The popup's drafts, sealed for the signed-in user (lib/layers.ts) and saved on every change. They
 * hold free text typed before the identifier check, so they are sealed like the outbox; they still
 * open at once, since the user's key sits in memory for as long as they are signed in. Only
 * before that key first reached this device (an upgrade from a version that kept drafts in the
 * clear, offline) are they kept as before, and sealed as soon as it arrives.
 */

const NAME = 'drafts';
type Content = Omit<Drafts, 'view'>;

function toEntries(d: Content): Entries {
  const entries: Entries = {};
  if (d.flag) entries.flag = d.flag;
  if (d.ask) entries.ask = d.ask;
  if (d.talk) entries.talk = d.talk;
  for (const [id, text] of Object.entries(d.replies ?? {})) if (text) entries[`reply:${id}`] = text;
  return entries;
}

function fromEntries(e: Entries): Content {
  const replies: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) if (k.startsWith('reply:')) replies[k.slice(6)] = v as string;
  return {
    ...(e.flag ? { flag: e.flag as FlagDraft } : {}),
    ...(e.ask ? { ask: e.ask as AskDraft } : {}),
    ...(e.talk ? { talk: e.talk as string } : {}),
    ...(Object.keys(replies).length > 0 ? { replies } : {}),
  };
}

/** Drafts an earlier version (or a user without keys yet) kept in the clear, as entries. */
function plainEntries(stored: StoredDrafts): Entries {
  return toEntries(stored as StoredDrafts & Content);
}

function recordOf(stored: StoredDrafts): LayeredRecord | null {
  return stored.userId && stored.layers ? { userId: stored.userId, layers: stored.layers } : null;
}

/** The signed-in user's drafts; `locked` when some wait for their key (browser restarted, offline). */
export async function loadDrafts(): Promise<{ drafts: Drafts; locked: boolean }> {
  const [session, stored] = await Promise.all([sessionItem.getValue(), draftsItem.getValue()]);
  if (!session) return { drafts: { view: null }, locked: false };
  const { entries, locked } = await readLayered(NAME, recordOf(stored), session.user.id);
  return { drafts: { view: stored.view, ...fromEntries({ ...plainEntries(stored), ...entries }) }, locked };
}

async function updateDrafts(change: (d: Content) => Content, view?: (v: View | null) => View | null): Promise<void> {
  await withLock(DRAFTS_LOCK, async () => {
    const [session, stored] = await Promise.all([sessionItem.getValue(), draftsItem.getValue()]);
    // Signed out meanwhile (a popup still open): nothing of theirs is written back.
    if (!session) return;
    const userId = session.user.id;
    const nextView = view ? view(stored.view) : stored.view;
    const plain = plainEntries(stored);
    if (!(await canSealFor(userId))) {
      await draftsItem.setValue({ view: nextView, ...change(fromEntries(plain)) });
      return;
    }
    const rec = await updateLayered(NAME, recordOf(stored), userId, (e) =>
      toEntries(change(fromEntries({ ...plain, ...e }))),
    );
    await draftsItem.setValue({ view: nextView, ...(rec ?? {}) });
  });
}

export async function saveDraft<K extends 'flag' | 'ask'>(kind: K, draft: Drafts[K]): Promise<void> {
  await updateDrafts((d) => ({ ...d, [kind]: draft }));
}

export async function clearDraft(kind: 'flag' | 'ask'): Promise<void> {
  await updateDrafts(
    ({ [kind]: _cleared, ...rest }) => rest,
    (v) => (v === kind ? 'home' : v),
  );
}

export async function replyDrafts(): Promise<Record<string, string>> {
  return (await loadDrafts()).drafts.replies ?? {};
}

export async function saveReplyDraft(id: string, text: string): Promise<void> {
  await updateDrafts((d) => {
    const { [id]: _old, ...rest } = d.replies ?? {};
    return { ...d, replies: text ? { ...rest, [id]: text } : rest };
  });
}

export async function talkDraft(): Promise<string> {
  return (await loadDrafts()).drafts.talk ?? '';
}

export async function saveTalkDraft(text: string): Promise<void> {
  await updateDrafts(({ talk: _old, ...rest }) => (text ? { ...rest, talk: text } : rest));
}

/** Seals drafts left in the clear, once the user's keys are on this device (lib/legacy.ts). */
export async function sealPlainDrafts(): Promise<void> {
  if (Object.keys(plainEntries(await draftsItem.getValue())).length > 0) await updateDrafts((d) => d);
}
