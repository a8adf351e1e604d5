import { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import type { Api } from './api';
import { effectiveIdleMinutes, IDLE_NOTICE, idleDue, takeIdleNotice } from './idle';
import { forgetOwnLayers } from './layers';
import { withLock } from './lock';
import { flush } from './outbox';
import { forgetReceiptKey } from './receipts';
import { storedSessionApi } from './session-api';
import {
  draftsItem,
  idleNoticeItem,
  inboxDraftsItem,
  itemsCacheItem,
  lastActiveItem,
  needsAttentionItem,
  needsSignInItem,
  orgIdleMinutesItem,
  outboxItem,
  prefillItem,
  readPolicy,
  sessionItem,
} from './storage';

/**
 * Sign-out on a shared workstation. The user's queued items are sent first, with their own token;
 * whatever cannot go now (offline) stays queued under their user id, sealed with their key, and
 * waits for them, since every flush sends only the signed-in user's items and only their key
 * opens them. Then everything personal is cleared.
 */

export { effectiveIdleMinutes, IDLE_NOTICE, idleDue, takeIdleNotice };

export interface SignOutResult {
  /** The user's items still waiting on this device (offline at sign-out). */
  waiting: number;
  /** The user's items refused by the API, kept for them to fix. */
  needsAttention: number;
}

type Runtime = Pick<typeof browser, 'runtime'>;

async function waitingFor(userId: string): Promise<SignOutResult> {
  const [outbox, attention] = await Promise.all([outboxItem.getValue(), needsAttentionItem.getValue()]);
  return {
    waiting: outbox.filter((i) => i.userId === userId).length,
    needsAttention: attention.filter((a) => a.item.userId === userId).length,
  };
}

/**
 * Curbside's notifications on screen are about the user's own items ("A flag you sent was updated"):
 * they leave with the user, not wait for the next person at the workstation.
 */
async function clearNotifications(): Promise<void> {
  const notifications = (browser as Partial<typeof browser>).notifications;
  if (!notifications?.getAll) return;
  const shown = await notifications.getAll().catch(() => ({}));
  await Promise.all(Object.keys(shown).map((id) => notifications.clear(id).catch(() => false)));
}

/**
 * Forgets everything that belongs to whoever was signed in — token, key, drafts (popup and mentor
 * inbox), the offline copy of My items — except their queued and refused items, which stay sealed
 * for their return (their key leaves with them).
 */
async function clearPersonal(): Promise<void> {
  forgetOwnLayers();
  await Promise.all([
    clearNotifications(),
    sessionItem.setValue(null),
    draftsItem.setValue({ view: null }),
    inboxDraftsItem.setValue(null),
    itemsCacheItem.setValue(null),
    prefillItem.setValue(null),
    needsSignInItem.setValue(false),
    lastActiveItem.setValue(0),
    forgetReceiptKey(),
  ]);
}

/**
 * Signs out the stored session: delivers (or moves to "needs attention") the user's queued items
 * while the token still works, revokes the token, then clears the user's data from the device.
 * Null when no one was signed in.
 */
export async function signOutStored({
  fetchFn,
  now = Date.now(),
  browser: browserApi = browser,
}: {
  fetchFn?: typeof fetch;
  now?: number;
  browser?: Runtime;
} = {}): Promise<SignOutResult | null> {
  return withLock('curbside-signout', async () => {
    const session = await sessionItem.getValue();
    if (!session) return null;
    const tokenWorks = !(await needsSignInItem.getValue());
    if (tokenWorks) {
      const api = storedSessionApi(session, fetchFn, browserApi);
      // Everything queued, not only what is due: the next chance may be days away.
      await flush({ api, now, userId: session.user.id, all: true }).catch(() => null);
      // Best effort: if offline, the token stays valid on the server until it expires, but this
      // device no longer holds it.
      await api.call(endpoints.logout, {}).catch(() => undefined);
    }
    await clearPersonal();
    return waitingFor(session.user.id);
  });
}

export async function idleMinutes(managed?: Parameters<typeof readPolicy>[0]): Promise<number> {
  const [policy, org] = await Promise.all([
    managed === undefined ? readPolicy() : readPolicy(managed),
    orgIdleMinutesItem.getValue(),
  ]);
  return effectiveIdleMinutes(policy.idleSignOutMinutes, org);
}

/**
 * Run by the background alarm every minute: signs the user out once Curbside has not been used
 * for the idle limit. Curbside's own last use is the clock (not the OS idle state), because on a
 * shared workstation the next person typing must not keep the previous user signed in; it also
 * needs no extra permission.
 */
export async function idleSignOutIfDue({
  fetchFn,
  now = Date.now(),
  browser: browserApi = browser,
  managed,
}: {
  fetchFn?: typeof fetch;
  now?: number;
  browser?: Runtime;
  managed?: Parameters<typeof readPolicy>[0];
} = {}): Promise<SignOutResult | null> {
  const [session, last, minutes] = await Promise.all([
    sessionItem.getValue(),
    lastActiveItem.getValue(),
    idleMinutes(managed),
  ]);
  if (!session || !idleDue(last, minutes, now)) return null;
  const result = await signOutStored({ fetchFn, now, browser: browserApi });
  if (result) await idleNoticeItem.setValue(true);
  return result;
}

/**
 * Keeps the idle clock honest while someone types or clicks in a Curbside page (at most every
 * 30 s). A session already past its limit is left for the idle check to end, not revived.
 */
export function trackActivity(
  target: Pick<Document, 'addEventListener'>,
  now: () => number = Date.now,
): () => Promise<void> {
  let last = 0;
  const touch = async () => {
    const t = now();
    if (t - last < 30_000) return;
    last = t;
    const [session, lastActive, minutes] = await Promise.all([
      sessionItem.getValue(),
      lastActiveItem.getValue(),
      idleMinutes(),
    ]);
    if (session && !idleDue(lastActive, minutes, t)) await lastActiveItem.setValue(t);
  };
  for (const type of ['keydown', 'pointerdown'] as const) target.addEventListener(type, () => void touch(), true);
  return touch;
}

/** Reads the organisation's idle setting, to have it when the background alarm checks. */
export async function refreshOrgSettings(api: Api): Promise<void> {
  const settings = await api.call(endpoints.settings, {});
  await orgIdleMinutesItem.setValue(settings.idleSignOutMinutes);
}
