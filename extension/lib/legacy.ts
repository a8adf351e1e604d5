import { sealPlainDrafts } from './draft-store';
import { updateLayered } from './layers';
import { withLock } from './lock';
import {
  type AttentionItem,
  type AttentionNote,
  inboxDraftsItem,
  itemsCacheItem,
  needsAttentionItem,
  type OutboxContent,
  type OutboxItem,
  outboxItem,
  plainSeenItem,
  prefillItem,
} from './storage';
import { sealFor } from './vault';

/**
 * What an earlier version kept in the clear (or this one, for a user whose key had not reached the
 * device yet), sealed for its owner as soon as their key is here. Run when the key is fetched.
 */

type PlainItem = Omit<OutboxItem, 'sealed'> & Partial<Pick<OutboxItem, 'sealed'>> & Partial<OutboxContent>;
type PlainAttention = { item: PlainItem; at: number; note?: AttentionItem['note'] } & Partial<AttentionNote>;

async function sealItem(item: PlainItem): Promise<OutboxItem> {
  if (item.sealed || !item.body) return item as OutboxItem;
  const { body, ...rest } = item;
  return { ...rest, sealed: await sealFor(item.userId, body) } as OutboxItem;
}

async function sealOutbox(userId: string): Promise<void> {
  await withLock('curbside-outbox', async () => {
    const items = (await outboxItem.getValue()) as PlainItem[];
    if (!items.some((i) => i.userId === userId && !i.sealed)) return;
    await outboxItem.setValue(
      await Promise.all(items.map((i) => (i.userId === userId ? sealItem(i) : (i as OutboxItem)))),
    );
  });
}

async function sealAttention(userId: string): Promise<void> {
  await withLock('curbside-attention', async () => {
    const list = (await needsAttentionItem.getValue()) as PlainAttention[];
    if (!list.some((a) => a.item.userId === userId && !a.note)) return;
    const sealed = await Promise.all(
      list.map(async (a): Promise<AttentionItem> => {
        if (a.item.userId !== userId || a.note) return a as AttentionItem;
        const note: AttentionNote = { reason: a.reason ?? '', code: a.code ?? 'bad_request', details: a.details };
        return { item: await sealItem(a.item), at: a.at, note: await sealFor(userId, note) };
      }),
    );
    await needsAttentionItem.setValue(sealed);
  });
}

async function sealInboxDrafts(userId: string): Promise<void> {
  await withLock('curbside-inbox-drafts', async () => {
    const stored = (await inboxDraftsItem.getValue()) as unknown;
    if (!stored || typeof stored !== 'object' || 'layers' in stored) return;
    const entries: Record<string, unknown> = {};
    for (const [id, d] of Object.entries(stored as Record<string, { answer?: string; clarify?: string }>)) {
      if (d.answer) entries[`${id}:answer`] = d.answer;
      if (d.clarify) entries[`${id}:clarify`] = d.clarify;
    }
    await inboxDraftsItem.setValue(await updateLayered('inbox', null, userId, () => entries));
  });
}

export async function sealLegacy(userId: string): Promise<void> {
  await Promise.all([sealOutbox(userId), sealAttention(userId), sealPlainDrafts(), sealInboxDrafts(userId)]);
  // A cache, a one-off hand-over and "seen" marks of unknown owners: dropped rather than sealed
  // (the list is fetched again; at worst an item shows as new once more).
  const [cache, prefill] = await Promise.all([itemsCacheItem.getValue(), prefillItem.getValue()]);
  if (cache && !cache.sealed) await itemsCacheItem.setValue(null);
  if (prefill && !prefill.sealed) await prefillItem.setValue(null);
  await plainSeenItem.removeValue();
}
