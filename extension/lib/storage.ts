import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Topic, Unit } from '../../shared/catalog';
import type { ErrorCode } from '../../shared/errors';
import type { FlagCreate, FlagList, ReceiptStatusResponse } from '../../shared/flags';
import type { ScreenTip } from '../../shared/kb';
import type { NeedToTalkCreated, QuestionCreate, QuestionList } from '../../shared/questions';
import type { System } from '../../shared/systems';
import type { User } from '../../shared/users';
import { BUILD_API_URL, normaliseApiUrl } from './config';
import type { Drafts } from './drafts';

export interface StoredSession {
  token: string;
  user: User;
  expiresAt: string;
  /** The API the token was issued by; calls go there even if the address field changes later. */
  apiUrl: string;
}

interface OutboxBase {
  clientId: string;
  userId: string;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  lastError?: string;
}
export type OutboxItem =
  | (OutboxBase & { kind: 'flag'; body: FlagCreate })
  | (OutboxBase & { kind: 'question'; body: QuestionCreate });

/** An item the API refused for a reason only the user can fix; kept until they resend or discard it. */
export interface AttentionItem {
  item: OutboxItem;
  reason: string;
  code: ErrorCode;
  details?: unknown;
  at: number;
}

/** Lets the sender of an anonymous flag follow it; `userId` stays on this device only. */
export interface Receipt {
  clientId: string;
  secret: string;
  createdAt: number;
  textPreview: string;
  userId: string;
}

/** AES-GCM output, base64: a fresh 96-bit IV per seal. */
export interface SealedBox {
  iv: string;
  data: string;
}

export interface ItemsCache {
  userId: string;
  fetchedAt: number;
  flags: FlagList['flags'];
  questions: QuestionList['questions'];
  anonymous: ReceiptStatusResponse['flags'];
  /** Secrets in the same order as `anonymous`. */
  secrets: string[];
}

export const apiUrlItem = storage.defineItem<string | null>('local:apiUrl', { fallback: null });
export const sessionItem = storage.defineItem<StoredSession | null>('local:session', { fallback: null });
export const draftsItem = storage.defineItem<Drafts>('local:drafts', { fallback: { view: null } });
export const outboxItem = storage.defineItem<OutboxItem[]>('local:outbox', { fallback: [] });
export const needsAttentionItem = storage.defineItem<AttentionItem[]>('local:needsAttention', { fallback: [] });
export const needsSignInItem = storage.defineItem<boolean>('local:needsSignIn', { fallback: false });
export const receiptsItem = storage.defineItem<Receipt[]>('local:receipts', { fallback: [] });
/** Keys of answers and status changes the user has seen (see lib/items.ts). */
export const seenItem = storage.defineItem<string[]>('local:seen', { fallback: [] });
export const prefillItem = storage.defineItem<{ text: string; at: number } | null>('local:prefill', { fallback: null });
export const itemsCacheItem = storage.defineItem<ItemsCache | null>('local:itemsCache', { fallback: null });
/** Units and topics, so a question can be written (and queued) offline. */
export const catalogItem = storage.defineItem<{ units: Unit[]; topics: Topic[]; fetchedAt: number } | null>(
  'local:catalog',
  { fallback: null },
);
/** Last time the popup was used, for the organisation's idle sign-out. */
export const lastActiveItem = storage.defineItem<number>('local:lastActive', { fallback: 0 });
/** Each user's receipts, AES-GCM sealed with that user's key (see lib/receipts.ts); keyed by user id. */
export const sealedReceiptsItem = storage.defineItem<Record<string, SealedBox>>('local:sealedReceipts', {
  fallback: {},
});
/** The signed-in user's receipt key, in memory-backed session storage only; gone at sign-out or restart. */
export const receiptKeyItem = storage.defineItem<{ userId: string; key: string } | null>('session:receiptKey', {
  fallback: null,
});
/** The admins' systems and screens, for friendly names and the desktop-EHR picker. */
export const systemsItem = storage.defineItem<{ systems: System[]; fetchedAt: number } | null>('local:systems', {
  fallback: null,
});
/** Set by an idle sign-out in the background, so the next page opened can say why. */
export const idleNoticeItem = storage.defineItem<boolean>('local:idleSignedOut', { fallback: false });
/** The organisation's idle sign-out setting, as last read from the API (0 = off). */
export const orgIdleMinutesItem = storage.defineItem<number>('local:orgIdleSignOutMinutes', { fallback: 0 });

/** Mentor inbox: answer and clarify drafts by question id, kept until sent. */
export const inboxDraftsItem = storage.defineItem<Record<string, { answer?: string; clarify?: string }>>(
  'local:inboxDrafts',
  { fallback: {} },
);
/** Badge polling and browser notifications; each user can turn notifications off. */
export const notifyPrefsItem = storage.defineItem<{ notifications: boolean; intervalMinutes: number }>(
  'local:notifyPrefs',
  { fallback: { notifications: true, intervalMinutes: 1 } },
);
/** Ids already notified (answers, urgent questions, alerts), so each notifies once. */
export const notifiedItem = storage.defineItem<string[]>('local:notified', { fallback: [] });

/** Published answers and tips per system (key: API address and host), kept a few minutes. */
export const screenTipsItem = storage.defineItem<Record<string, { tips: ScreenTip[]; fetchedAt: number }>>(
  'local:screenTips',
  { fallback: {} },
);
/** The organisation's employee-assistance and crisis contacts, so "Need to talk" shows them offline too. */
export const supportContactsItem = storage.defineItem<(NeedToTalkCreated['support'] & { apiUrl: string }) | null>(
  'local:supportContacts',
  { fallback: null },
);

/** IT policy from `storage.managed` (see public/managed_schema.json). */
export interface Policy {
  apiUrl?: string;
  allowUserApiUrl?: boolean;
  organisationName?: string;
  idleSignOutMinutes?: number;
}

type ManagedArea = { get(keys: string[]): Promise<Record<string, unknown>> } | undefined;

/** Firefox without a policy, and tests, may lack `storage.managed` or reject reads: no policy then. */
export async function readPolicy(managed: ManagedArea = browser.storage?.managed): Promise<Policy> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await managed?.get(['apiUrl', 'allowUserApiUrl', 'organisationName', 'idleSignOutMinutes'])) ?? {};
  } catch {
    return {};
  }
  const policy: Policy = {};
  if (typeof raw.apiUrl === 'string' && raw.apiUrl.trim()) policy.apiUrl = normaliseApiUrl(raw.apiUrl);
  if (typeof raw.allowUserApiUrl === 'boolean') policy.allowUserApiUrl = raw.allowUserApiUrl;
  if (typeof raw.organisationName === 'string' && raw.organisationName.trim())
    policy.organisationName = raw.organisationName.trim();
  if (typeof raw.idleSignOutMinutes === 'number' && raw.idleSignOutMinutes >= 0)
    policy.idleSignOutMinutes = raw.idleSignOutMinutes;
  return policy;
}

/**
 * The address shown at sign-in: a locking policy wins; otherwise what the user saved (they were
 * allowed to change it), else the policy's address, else the build default.
 */
export async function resolveApiUrl(policy: Policy): Promise<{ url: string; locked: boolean }> {
  if (policy.apiUrl && policy.allowUserApiUrl === false) return { url: policy.apiUrl, locked: true };
  const saved = await apiUrlItem.getValue();
  return { url: saved ?? policy.apiUrl ?? BUILD_API_URL, locked: false };
}
