import { endpoints } from '../../shared/api';
import { ME_TOO_TEXT } from '../../shared/hotspots';
import type { Api } from './api';
import { ApiError, NetworkError } from './errors';
import { withLock } from './lock';
import { addReceipt, ensureReceiptKey } from './receipts';
import {
  type AttentionItem,
  type AttentionNote,
  needsAttentionItem,
  needsSignInItem,
  type OpenAttentionItem,
  type OpenOutboxItem,
  type OutboxContent,
  type OutboxItem,
  outboxItem,
  sessionItem,
} from './storage';
import { clearUpdateRequired, noteUpdateRequired } from './update-required';
import { NoUserKeyError, type Opener, openerFor, openOrNull, sealFor } from './vault';

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;
/** A server asking for more than a day is treated as a day, so items are never parked forever. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;
const PREVIEW_CHARS = 80;

export type NewOutboxItem = OutboxContent & { userId: string; createdAt?: number };

export interface FlushResult {
  delivered: string[];
  failed: string[];
  needsAttention: string[];
  needsSignIn: boolean;
  /** The API refused this version as too old (426): items wait here until Curbside is updated. */
  updateRequired: boolean;
}

/** Exponential from 30 s, capped at 30 min; `attempts` counts failures so far (≥ 1). */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

async function updateOutbox(fn: (items: OutboxItem[]) => OutboxItem[]): Promise<void> {
  await withLock('curbside-outbox', async () => outboxItem.setValue(fn(await outboxItem.getValue())));
}

/**
 * Queues an item, its body sealed for its owner (offline too: sealing needs only their public key);
 * the body already carries the `clientId` that makes retries idempotent.
 */
export async function enqueue(item: NewOutboxItem, now = Date.now()): Promise<OutboxItem> {
  const base = {
    kind: item.kind,
    userId: item.userId,
    clientId: item.body.clientId,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: item.createdAt ?? now,
  };
  let queued: OutboxItem;
  try {
    queued = { ...base, sealed: await sealFor(item.userId, item.body) };
  } catch (e) {
    if (!(e instanceof NoUserKeyError)) throw e;
    // Before the user's key ever reached this device (see lib/legacy.ts): kept as an earlier
    // version kept it, and sealed the moment the key arrives, which every flush fetches first.
    queued = { ...base, body: item.body } as unknown as OutboxItem;
  }
  await updateOutbox((items) => [...items.filter((i) => i.clientId !== queued.clientId), queued]);
  return queued;
}

/** The item with its body, or null when it cannot be opened (no key in memory, or not sealed for it). */
export async function openItem(open: Opener | null, item: OutboxItem): Promise<OpenOutboxItem | null> {
  if (!item.sealed) return null;
  const body = await openOrNull<OutboxContent['body']>(open, item.sealed);
  if (!body) return null;
  const { sealed: _sealed, ...rest } = item;
  return { ...rest, body } as OpenOutboxItem;
}

async function deliver(api: Api, item: OpenOutboxItem): Promise<void> {
  switch (item.kind) {
    case 'flag':
      await api.call(endpoints.createFlag, { body: item.body });
      return;
    case 'question':
      await api.call(endpoints.createQuestion, { body: item.body });
      return;
    case 'meToo': {
      const { hotspotId, ...body } = item.body;
      await api.call(endpoints.meToo, { params: { id: hotspotId }, body });
      return;
    }
    case 'talk':
      await api.call(endpoints.needToTalk, { body: item.body });
      return;
  }
}

/** What an anonymous item's receipt shows in My items before its flag is fetched. */
function receiptFor(item: OpenOutboxItem): { secret: string; preview: string } | null {
  if (item.kind === 'flag' && item.body.anonymous && item.body.receiptSecret)
    return { secret: item.body.receiptSecret, preview: item.body.text.slice(0, PREVIEW_CHARS) };
  if (item.kind === 'meToo' && item.body.anonymous && item.body.receiptSecret)
    return { secret: item.body.receiptSecret, preview: ME_TOO_TEXT };
  return null;
}

async function recordDelivery(item: OpenOutboxItem, now: number): Promise<void> {
  // The receipt is kept (sealed with the owner's key) before the item leaves the outbox.
  const receipt = receiptFor(item);
  if (receipt) {
    await addReceipt({
      clientId: item.clientId,
      secret: receipt.secret,
      createdAt: now,
      textPreview: receipt.preview,
      userId: item.userId,
    });
  }
  await updateOutbox((items) => items.filter((i) => i.clientId !== item.clientId));
}

async function scheduleRetry(
  item: Pick<OutboxItem, 'clientId' | 'attempts'>,
  error: unknown,
  now: number,
): Promise<void> {
  const attempts = item.attempts + 1;
  const retryAfter = error instanceof ApiError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
  const delay = retryAfter !== undefined ? Math.min(retryAfter, MAX_RETRY_AFTER_MS) : backoffMs(attempts);
  const lastError = error instanceof Error ? error.message : 'Unknown error';
  await updateOutbox((items) =>
    items.map((i) => (i.clientId === item.clientId ? { ...i, attempts, nextAttemptAt: now + delay, lastError } : i)),
  );
}

async function moveToAttention(item: OutboxItem, error: ApiError, now: number): Promise<void> {
  // The reason and details may quote the refused text (spans of identifiers): sealed with it.
  const note: AttentionNote = { reason: error.message, code: error.code, details: error.details };
  const entry: AttentionItem = { item, at: now, note: await sealFor(item.userId, note) };
  await withLock('curbside-attention', async () => {
    const list = await needsAttentionItem.getValue();
    await needsAttentionItem.setValue([...list.filter((a) => a.item.clientId !== item.clientId), entry]);
  });
  await updateOutbox((items) => items.filter((i) => i.clientId !== item.clientId));
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true; // network errors, and anything unexpected: never drop
  return error.status >= 500 || error.status === 429;
}

/**
 * Sends the signed-in user's due items, oldest first. Nothing is dropped: a failure is retried
 * later, a 401 waits for sign-in, and a refusal only the user can fix moves to "needs attention".
 */
export async function flush({
  api,
  now = Date.now(),
  userId,
  all = false,
}: {
  api: Api;
  now?: number;
  userId?: string;
  /** Also items whose retry is not yet due (sign-out sends everything it can). */
  all?: boolean;
}): Promise<FlushResult> {
  const result: FlushResult = {
    delivered: [],
    failed: [],
    needsAttention: [],
    needsSignIn: false,
    updateRequired: false,
  };
  const owner = userId ?? (await sessionItem.getValue())?.user.id;
  if (!owner) return result;

  // One flush at a time across popup and service worker, so an item is never sent twice at once.
  return withLock('curbside-flush', async () => {
    const dueNow = async () =>
      (await outboxItem.getValue())
        .filter((i) => i.userId === owner && (all || i.nextAttemptAt <= now))
        .sort((a, b) => a.createdAt - b.createdAt);
    let due = await dueNow();
    if (due.length === 0) return result;
    // The owner's key first (it opens the sealed bodies and keeps anonymous receipts): without it
    // nothing can go, and the first item is retried later like any failed send.
    let open: Opener | null;
    try {
      await ensureReceiptKey(api, owner);
      open = await openerFor(owner);
    } catch (error) {
      await failAll(due, error, now, result);
      return result;
    }
    // Fetching the key may have sealed items an earlier version queued in the clear.
    due = await dueNow();
    for (const sealed of due) {
      // Sealed for another key pair of this user (replaced since): kept, never sent as something else.
      const item = await openItem(open, sealed);
      if (!item) continue;
      try {
        await deliver(api, item);
        await recordDelivery(item, now);
        result.delivered.push(item.clientId);
        // The API takes this version again (updated, or the minimum lowered): the notice has passed.
        if (result.delivered.length === 1) await clearUpdateRequired();
      } catch (error) {
        // A 2xx whose body we cannot read (API newer or older than this build) was still stored:
        // resending would only return the same body, so it counts as delivered.
        if (error instanceof ApiError && error.status >= 200 && error.status < 300) {
          await recordDelivery(item, now);
          result.delivered.push(item.clientId);
          continue;
        }
        if (error instanceof ApiError && error.status === 401) {
          await needsSignInItem.setValue(true);
          result.needsSignIn = true;
          break;
        }
        // Editing cannot fix "too old": the item waits, safe, until Curbside is updated, and so does the rest.
        if (error instanceof ApiError && error.status === 426) {
          await noteUpdateRequired(error, now);
          await scheduleRetry(item, error, now);
          result.failed.push(item.clientId);
          result.updateRequired = true;
          break;
        }
        if (isRetryable(error)) {
          await scheduleRetry(item, error, now);
          result.failed.push(item.clientId);
          // Offline or an overloaded server: the rest would fail the same way; try them next round.
          if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 429)) break;
          continue;
        }
        await moveToAttention(sealed, error as ApiError, now);
        result.needsAttention.push(item.clientId);
      }
    }
    return result;
  });
}

/** The key could not be had: a 401 waits for sign-in; anything else retries the first item later. */
async function failAll(due: OutboxItem[], error: unknown, now: number, result: FlushResult): Promise<void> {
  if (error instanceof ApiError && error.status === 401) {
    await needsSignInItem.setValue(true);
    result.needsSignIn = true;
    return;
  }
  if (error instanceof ApiError && error.status === 426) result.updateRequired = true;
  const [first] = due;
  if (!first) return;
  await scheduleRetry(first, error, now);
  result.failed.push(first.clientId);
}

/** Whether a "needs attention" entry can go back into a form (flags and questions have one). */
export async function editable(clientId: string): Promise<boolean> {
  const found = (await needsAttentionItem.getValue()).find((a) => a.item.clientId === clientId);
  return found?.item.kind === 'flag' || found?.item.kind === 'question';
}

/** One "needs attention" entry with its body and reason, or null when it cannot be opened now. */
export async function openAttention(open: Opener | null, entry: AttentionItem): Promise<OpenAttentionItem | null> {
  const [item, note] = await Promise.all([openItem(open, entry.item), openOrNull<AttentionNote>(open, entry.note)]);
  return item && note ? { ...note, item, at: entry.at } : null;
}

/** The user's "needs attention" entries that can be opened now, by client id. */
export async function openAttentionFor(userId: string): Promise<Record<string, OpenAttentionItem>> {
  const open = await openerFor(userId);
  const mine = (await needsAttentionItem.getValue()).filter((a) => a.item.userId === userId);
  const opened = await Promise.all(mine.map((a) => openAttention(open, a)));
  return Object.fromEntries(opened.filter((a) => a !== null).map((a) => [a.item.clientId, a]));
}

/**
 * Takes an item out of "needs attention" (to edit or to discard it). Editing needs it opened; an
 * entry that cannot be opened now stays where it is.
 */
export async function takeAttention(
  clientId: string,
  userId: string,
  { discard = false }: { discard?: boolean } = {},
): Promise<OpenAttentionItem | undefined> {
  return withLock('curbside-attention', async () => {
    const list = await needsAttentionItem.getValue();
    const found = list.find((a) => a.item.clientId === clientId && a.item.userId === userId);
    if (!found) return undefined;
    const opened = await openAttention(await openerFor(userId), found);
    if (!opened && !discard) return undefined;
    await needsAttentionItem.setValue(list.filter((a) => a.item.clientId !== clientId));
    return opened ?? undefined;
  });
}
