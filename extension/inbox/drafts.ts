import { type Entries, readLayered, updateLayered } from '../lib/layers';
import { withLock } from '../lib/lock';
import { inboxDraftsItem, sessionItem } from '../lib/storage';
import { canSealFor } from '../lib/vault';

export type InboxDrafts = Record<string, { answer?: string; clarify?: string }>;
const DRAFTS = 'inbox';
const DRAFTS_LOCK = 'curbside-inbox-drafts';

function fromEntries(entries: Entries): InboxDrafts {
  const drafts: InboxDrafts = {};
  for (const [key, text] of Object.entries(entries)) {
    const [id, kind] = key.split(':') as [string, 'answer' | 'clarify'];
    drafts[id] = { ...drafts[id], [kind]: text as string };
  }
  return drafts;
}

/** The mentor's drafts, sealed for them like the popup's (lib/layers.ts); none while signed out. */
export async function readInboxDrafts(userId: string): Promise<InboxDrafts> {
  return fromEntries((await readLayered(DRAFTS, await inboxDraftsItem.getValue(), userId)).entries);
}

/** Changes one draft only, so drafts this page never loaded (another page, or sealed) are kept. */
export async function writeInboxDraft(id: string, kind: 'answer' | 'clarify', text: string): Promise<void> {
  await withLock(DRAFTS_LOCK, async () => {
    const userId = (await sessionItem.getValue())?.user.id;
    // Signed out meanwhile, or their key never reached this device: kept on this page only.
    if (!userId || !(await canSealFor(userId))) return;
    const record = await updateLayered(DRAFTS, await inboxDraftsItem.getValue(), userId, (entries) => {
      const { [`${id}:${kind}`]: _old, ...rest } = entries;
      return text ? { ...rest, [`${id}:${kind}`]: text } : rest;
    });
    await inboxDraftsItem.setValue(record);
  });
}
