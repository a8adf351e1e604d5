import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Topic, Unit } from '../../shared/catalog';
import type { ErrorCode } from '../../shared/errors';
import type { FlagCreate, FlagList, ReceiptStatusResponse } from '../../shared/flags';
import type { MeTooCreate } from '../../shared/hotspots';
import type { ScreenTip } from '../../shared/kb';
import type { NeedToTalkCreate, NeedToTalkCreated, QuestionCreate, QuestionList } from '../../shared/questions';
import type { System } from '../../shared/systems';
import type { User } from '../../shared/users';
import { BUILD_API_URL, normaliseApiUrl } from './config';
import type { Sealed, SealedBox } from './crypto';

export type { Sealed, SealedBox };

/** The popup's views; the last one opened is kept with the drafts. */
export type View = 'home' | 'flag' | 'ask' | 'items' | 'talk' | 'signins';

/** A record sealed in layers (lib/layers.ts says why there can be more than one). */
export interface Layer {
  id: string;
  sealed: Sealed;
}
export interface LayeredRecord {
  userId: string;
  layers: Layer[];
}

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
/** What an outbox item sends; a "me too" keeps its hotspot beside the body (sealed with it). */
export type OutboxContent =
  | { kind: 'flag'; body: FlagCreate }
  | { kind: 'question'; body: QuestionCreate }
  | { kind: 'meToo'; body: MeTooCreate & { hotspotId: string } }
  | { kind: 'talk'; body: NeedToTalkCreate };
/** An item as stored: its body (text, and an anonymous flag's receipt secret) sealed for its owner. */
export interface OutboxItem extends OutboxBase {
  kind: OutboxContent['kind'];
  sealed: Sealed;
}
/** An item opened with its owner's key, in memory only. */
export type OpenOutboxItem = OutboxBase & OutboxContent;

/** Why the API refused an item, sealed with it: the reason may quote the text. */
export interface AttentionNote {
  reason: string;
  code: ErrorCode;
  details?: unknown;
}
/** An item the API refused for a reason only the user can fix; kept until they resend or discard it. */
export interface AttentionItem {
  item: OutboxItem;
  at: number;
  note: Sealed;
}
export interface OpenAttentionItem extends AttentionNote {
  item: OpenOutboxItem;
  at: number;
}

/** Lets the sender of an anonymous flag follow it; kept sealed (lib/receipts.ts), never in the clear. */
export interface Receipt {
  clientId: string;
  secret: string;
  createdAt: number;
  textPreview: string;
  userId: string;
}

/** My items as last fetched, opened. Receipt secrets are not part of it: they stay in the receipt store. */
export interface ItemsCache {
  userId: string;
  fetchedAt: number;
  flags: FlagList['flags'];
  questions: QuestionList['questions'];
  anonymous: ReceiptStatusResponse['flags'];
}
/** The offline copy of My items as stored: sealed for its owner. */
export interface StoredItemsCache {
  userId: string;
  fetchedAt: number;
  sealed: Sealed;
}

/** The popup's drafts: the view in the clear (to reopen there), what was typed sealed (lib/drafts.ts). */
export interface StoredDrafts extends Partial<LayeredRecord> {
  view: View | null;
}

/** A user's device key pair (lib/vault.ts): the public half to seal, the private half sealed with their key. */
export interface UserKeys {
  publicKey: string;
  privateKey: SealedBox;
}

export const apiUrlItem = storage.defineItem<string | null>('local:apiUrl', { fallback: null });
export const sessionItem = storage.defineItem<StoredSession | null>('local:session', { fallback: null });
export const draftsItem = storage.defineItem<StoredDrafts>('local:drafts', { fallback: { view: null } });
export const outboxItem = storage.defineItem<OutboxItem[]>('local:outbox', { fallback: [] });
export const needsAttentionItem = storage.defineItem<AttentionItem[]>('local:needsAttention', { fallback: [] });
export const needsSignInItem = storage.defineItem<boolean>('local:needsSignIn', { fallback: false });
/** Receipts an earlier version kept in the clear; sealed and emptied at the owner's next sign-in. */
export const receiptsItem = storage.defineItem<Receipt[]>('local:receipts', { fallback: [] });
/** Keys of answers and status changes each user has seen, sealed for them, by user id (lib/seen.ts). */
export const seenItem = storage.defineItem<Record<string, Sealed>>('local:seenSealed', { fallback: {} });
/** News on each user's own items (answers, flag updates) already notified, sealed for them (lib/seen.ts). */
export const notifiedSealedItem = storage.defineItem<Record<string, Sealed>>('local:notifiedSealed', {
  fallback: {},
});
/** What an earlier version kept in the clear (for whoever was signed in); dropped (lib/legacy.ts). */
export const plainSeenItem = storage.defineItem<string[] | null>('local:seen', { fallback: null });
/** Text selected on a page for "Ask a mentor about this", sealed for the signed-in user (opens as `{ text }`). */
export const prefillItem = storage.defineItem<{ userId: string; at: number; sealed: Sealed } | null>('local:prefill', {
  fallback: null,
});
export const itemsCacheItem = storage.defineItem<StoredItemsCache | null>('local:itemsCache', { fallback: null });
/** Units and topics, so a question can be written (and queued) offline. */
export const catalogItem = storage.defineItem<{ units: Unit[]; topics: Topic[]; fetchedAt: number } | null>(
  'local:catalog',
  { fallback: null },
);
/**
 * The API's latest D1 bookmark for this API address (lib/bookmarks.ts): sent back so reads come from a
 * database copy at least as fresh as this browser's last write. A position in the database, nothing
 * about a person.
 */
export const bookmarkItem = storage.defineItem<{ apiUrl: string; bookmark: string } | null>('local:d1Bookmark', {
  fallback: null,
});
/** Last time the popup was used, for the organisation's idle sign-out. */
export const lastActiveItem = storage.defineItem<number>('local:lastActive', { fallback: 0 });
/** Each user's receipts, AES-GCM sealed with that user's key, under a label only that key gives (lib/receipts.ts). */
export const sealedReceiptsItem = storage.defineItem<Record<string, SealedBox>>('local:sealedReceipts', {
  fallback: {},
});
/** Each user's device key pair, by user id (lib/vault.ts). */
export const userKeysItem = storage.defineItem<Record<string, UserKeys>>('local:userKeys', { fallback: {} });
/**
 * The signed-in user's key from the server (it seals receipts and opens everything else of theirs),
 * in memory-backed session storage only: never on disk, gone at sign-out or when the browser closes.
 */
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

/** Mentor inbox: answer and clarify drafts (entries `<question id>:answer|clarify`), sealed, kept until sent. */
export const inboxDraftsItem = storage.defineItem<LayeredRecord | null>('local:inboxDrafts', { fallback: null });
/** Badge polling and browser notifications; each user can turn notifications off. */
/** What a notification is about: my questions (answers, a mentor asking back), my flags, the mentor queue. */
export type NoticeKind = 'answers' | 'flags' | 'queue';
export interface NotifyPrefs {
  /** Browser notifications at all; the badge counts either way. */
  notifications: boolean;
  intervalMinutes: number;
  /** Kinds turned off one by one (absent: every kind on, as before kinds could be chosen). */
  off?: NoticeKind[];
}
export const notifyPrefsItem = storage.defineItem<NotifyPrefs>('local:notifyPrefs', {
  fallback: { notifications: true, intervalMinutes: 1 },
});
/**
 * The popup's one-shot request to open an item (set by a notification click, read once by the popup,
 * lib/deep-link.ts): an id and when, in memory-backed session storage, so an anonymous flag's id never
 * reaches the disk.
 */
export const openItemItem = storage.defineItem<{ id: string; at: number } | null>('session:openItem', {
  fallback: null,
});
/** Queue notices already raised (urgent questions, alerts), so each notifies once. */
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
  /** The identity provider IT chose: the popup offers it alone (when the API lists it). */
  ssoProviderId?: string;
}

type ManagedArea = { get(keys: string[]): Promise<Record<string, unknown>> } | undefined;

/** Firefox without a policy, and tests, may lack `storage.managed` or reject reads: no policy then. */
export async function readPolicy(managed: ManagedArea = browser.storage?.managed): Promise<Policy> {
  let raw: Record<string, unknown> = {};
  try {
    raw =
      (await managed?.get(['apiUrl', 'allowUserApiUrl', 'organisationName', 'idleSignOutMinutes', 'ssoProviderId'])) ??
      {};
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
  if (typeof raw.ssoProviderId === 'string' && raw.ssoProviderId.trim())
    policy.ssoProviderId = raw.ssoProviderId.trim();
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
