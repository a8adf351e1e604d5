import { endpoints } from '../../shared/api';
import type { Api } from './api';
import { ApiError, NetworkError } from './errors';
import { withLock } from './lock';
import { addReceipt, ensureReceiptKey } from './receipts';
import {
  type AttentionItem,
  needsAttentionItem,
  needsSignInItem,
  type OutboxItem,
  outboxItem,
  sessionItem,
} from './storage';

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;
/** A server asking for more than a day is treated as a day, so items are never parked forever. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;
const PREVIEW_CHARS = 80;

export type NewOutboxItem = Pick<OutboxItem, 'kind' | 'body' | 'userId'> & { createdAt?: number };

export interface FlushResult {
  delivered: string[];
  failed: string[];
  needsAttention: string[];
  needsSignIn: boolean;
}

/** Exponential from 30 s, capped at 30 min; `attempts` counts failures so far (≥ 1). */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

async function updateOutbox(fn: (items: OutboxItem[]) => OutboxItem[]): Promise<void> {
  await withLock('curbside-outbox', async () => outboxItem.setValue(fn(await outboxItem.getValue())));
}

/** Queues an item; its body already carries the `clientId` that makes retries idempotent. */
export async function enqueue(item: NewOutboxItem, now = Date.now()): Promise<OutboxItem> {
  const queued = {
    ...item,
    clientId: item.body.clientId,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: item.createdAt ?? now,
  } as OutboxItem;
  await updateOutbox((items) => [...items.filter((i) => i.clientId !== queued.clientId), queued]);
  return queued;
}

async function deliver(api: Api, item: OutboxItem): Promise<void> {
  if (item.kind === 'flag') await api.call(endpoints.createFlag, { body: item.body });
  else await api.call(endpoints.createQuestion, { body: item.body });
}

async function recordDelivery(item: OutboxItem, now: number): Promise<void> {
  // The receipt is kept (sealed with the owner's key) before the item leaves the outbox.
  if (item.kind === 'flag' && item.body.anonymous && item.body.receiptSecret) {
    await addReceipt({
      clientId: item.clientId,
      secret: item.body.receiptSecret,
      createdAt: now,
      textPreview: item.body.text.slice(0, PREVIEW_CHARS),
      userId: item.userId,
    });
  }
  await updateOutbox((items) => items.filter((i) => i.clientId !== item.clientId));
}

async function scheduleRetry(item: OutboxItem, error: unknown, now: number): Promise<void> {
  const attempts = item.attempts + 1;
  const retryAfter = error instanceof ApiError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
  const delay = retryAfter !== undefined ? Math.min(retryAfter, MAX_RETRY_AFTER_MS) : backoffMs(attempts);
  const lastError = error instanceof Error ? error.message : 'Unknown error';
  await updateOutbox((items) =>
    items.map((i) => (i.clientId === item.clientId ? { ...i, attempts, nextAttemptAt: now + delay, lastError } : i)),
  );
}

async function moveToAttention(item: OutboxItem, error: ApiError, now: number): Promise<void> {
  const entry: AttentionItem = { item, reason: error.message, code: error.code, details: error.details, at: now };
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
  const result: FlushResult = { delivered: [], failed: [], needsAttention: [], needsSignIn: false };
  const owner = userId ?? (await sessionItem.getValue())?.user.id;
  if (!owner) return result;

  // One flush at a time across popup and service worker, so an item is never sent twice at once.
  return withLock('curbside-flush', async () => {
    const due = (await outboxItem.getValue())
      .filter((i) => i.userId === owner && (all || i.nextAttemptAt <= now))
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const item of due) {
      try {
        // The receipt key first: an anonymous flag goes only once its receipt can be kept.
        if (item.kind === 'flag' && item.body.anonymous) await ensureReceiptKey(api, item.userId);
        await deliver(api, item);
        await recordDelivery(item, now);
        result.delivered.push(item.clientId);
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
        if (isRetryable(error)) {
          await scheduleRetry(item, error, now);
          result.failed.push(item.clientId);
          // Offline or an overloaded server: the rest would fail the same way; try them next round.
          if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 429)) break;
          continue;
        }
        await moveToAttention(item, error as ApiError, now);
        result.needsAttention.push(item.clientId);
      }
    }
    return result;
  });
}

/** Takes an item out of "needs attention" (to edit or to discard it). */
export async function takeAttention(clientId: string): Promise<AttentionItem | undefined> {
  return withLock('curbside-attention', async () => {
    const list = await needsAttentionItem.getValue();
    const found = list.find((a) => a.item.clientId === clientId);
    await needsAttentionItem.setValue(list.filter((a) => a.item.clientId !== clientId));
    return found;
  });
}
