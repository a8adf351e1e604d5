import { BUILD_API_URL, normaliseApiUrl } from '../../lib/config';
import { emptyAskDraft, type View } from '../../lib/drafts';
import { effectiveIdleMinutes, IDLE_NOTICE, idleDue, takeIdleNotice } from '../../lib/idle';
import { takeFlagFormRequest } from '../../lib/open-flag';
import {
  apiUrlItem,
  draftsItem,
  lastActiveItem,
  needsAttentionItem,
  needsSignInItem,
  openItemItem,
  orgIdleMinutesItem,
  outboxItem,
  prefillItem,
  readPolicy,
  resolveApiUrl,
  type StoredSession,
  sessionItem,
} from '../../lib/storage';
import type { Core } from './core';
import { services } from './load-services';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Start-up (policy, session, idle sign-out, prefill), sign-in and sign-out. */
export function createSessionActions(
  core: Core,
  {
    open,
    flushNow,
    refreshAttention,
  }: { open: (view: View) => Promise<void>; flushNow: () => Promise<unknown>; refreshAttention: () => Promise<void> },
) {
  const { state, browserApi, now, deps, version, api, unlock, announce, fail } = core;

  async function init() {
    const [p, s, ob, at, nsi, drafts, last] = await Promise.all([
      readPolicy(browserApi.storage?.managed),
      sessionItem.getValue(),
      outboxItem.getValue(),
      needsAttentionItem.getValue(),
      needsSignInItem.getValue(),
      draftsItem.getValue(),
      lastActiveItem.getValue(),
    ]);
    state.policy.value = p;
    const resolved = await resolveApiUrl(p);
    state.apiUrl.value = resolved.url;
    state.apiUrlLocked.value = resolved.locked;
    state.outbox.value = ob;
    state.attention.value = at;
    state.needsSignIn.value = nsi;
    state.session.value = s;
    outboxItem.watch((v) => {
      state.outbox.value = v;
    });
    needsAttentionItem.watch((v) => {
      state.attention.value = v;
      void refreshAttention();
    });
    needsSignInItem.watch((v) => {
      state.needsSignIn.value = v;
    });

    // The stricter of IT policy and the organisation's setting; the background alarm checks too.
    const idleMinutes = effectiveIdleMinutes(p.idleSignOutMinutes, await orgIdleMinutesItem.getValue());
    if (s && idleDue(last, idleMinutes, now())) {
      await signOut();
      announce(IDLE_NOTICE);
    } else if (await takeIdleNotice()) announce(IDLE_NOTICE);
    if (state.session.value) await lastActiveItem.setValue(now());
    // Home shows from here on: a view the user picks while the checks below run is theirs to keep.
    const shown = state.view.value;
    state.ready.value = true;

    if (!state.signedIn.value) return;
    const opened = (await consumeOpenItem()) || (await consumePrefill()) || (await consumeFlagRequest());
    if (!opened && drafts.view && drafts.view !== 'home' && state.view.value === shown) await open(drafts.view);
    // The user's key opens what is sealed for them (the first time since the browser started).
    void unlock().then(refreshAttention);
    void flushNow();
  }

  /**
   * A notification was clicked (background/open-item.ts): My items, at that item. The popup's address
   * says which when it was opened as a tab; a request in session storage, when it opened as a popup.
   * Checked cheaply first: reading the link comes with the services chunk, after the first render.
   */
  async function consumeOpenItem(): Promise<boolean> {
    const hash = (deps.hash ?? (() => globalThis.location?.hash ?? ''))();
    if (!hash.includes('item=') && !(await openItemItem.getValue())) return false;
    const { idFromHash, takeOpenItemRequest } = await services();
    const id = idFromHash(hash, 'items') ?? (await takeOpenItemRequest(now()));
    if (!id) return false;
    state.focusItem.value = id;
    await open('items');
    return true;
  }

  /** The flag shortcut was pressed (background/setup.ts): the flag form, the cursor in its text. */
  async function consumeFlagRequest(): Promise<boolean> {
    if (!(await takeFlagFormRequest(now()))) return false;
    // The badge word set when the popup could not open has done its job.
    void browserApi.action.setBadgeText({ text: '' })?.catch(() => undefined);
    state.focusFlagText.value = true;
    await open('flag');
    return true;
  }

  /** Text selected on a page and sent here by the context menu becomes the start of a question. */
  async function consumePrefill(): Promise<boolean> {
    const s = state.session.value;
    if (!s || !(await prefillItem.getValue())) return false;
    await unlock();
    const { takePrefill, loadDrafts, captureScreen, saveDraft } = await services();
    const text = await takePrefill(s.user.id);
    if (text === null) return false;
    void browserApi.action.setBadgeText({ text: '' })?.catch(() => undefined);
    const existing = (await loadDrafts()).drafts.ask;
    if (existing?.text) {
      state.askDraft.value = { ...existing, text: `${existing.text}\n\n${text}` };
    } else {
      state.askDraft.value = emptyAskDraft(await captureScreen(browserApi.tabs), text);
    }
    await saveDraft('ask', state.askDraft.value);
    await open('ask');
    return true;
  }

  async function signIn(input: { apiUrl: string; code: string; displayName: string }) {
    state.error.value = '';
    const base = normaliseApiUrl(state.apiUrlLocked.value ? state.apiUrl.value : input.apiUrl);
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      state.error.value = 'Enter the full API address, for example https://curbside.example.org.';
      return false;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
      state.error.value = 'The API address must start with https://.';
      return false;
    }
    // Must be the first await: the browser only shows the prompt during the click that asked.
    // An address set by IT policy was approved by IT (which grants hosts by policy); only an
    // address the user typed needs the user's own permission.
    const chosenByPolicy = state.apiUrlLocked.value && state.policy.value.apiUrl !== undefined;
    if (!chosenByPolicy && url.origin !== new URL(BUILD_API_URL).origin && browserApi.permissions?.request) {
      const granted = await browserApi.permissions
        .request({ origins: [`${url.protocol}//${url.hostname}/*`] })
        .catch(() => false);
      if (!granted) {
        state.error.value = `Curbside needs your permission to reach ${url.host}. Sign in again and choose “Allow”.`;
        return false;
      }
    }
    state.busy.value = true;
    try {
      const { createSessionApi, endpoints, ensureReceiptKey } = await services();
      // Enrolment goes with no token: the code is the credential.
      const client = createSessionApi({ session: () => ({ apiUrl: base }), fetchFn: deps.fetchFn, version }).api();
      const displayName = input.displayName.trim();
      const s = await client.call(endpoints.enroll, {
        body: { code: input.code.trim(), ...(displayName ? { displayName } : {}) },
      });
      const stored: StoredSession = { ...s, apiUrl: base };
      await Promise.all([
        sessionItem.setValue(stored),
        needsSignInItem.setValue(false),
        state.apiUrlLocked.value ? Promise.resolve() : apiUrlItem.setValue(base),
        lastActiveItem.setValue(now()),
      ]);
      // The user's key before the forms show: drafts and the outbox are sealed with it from the
      // first keystroke, and what waited for them on this device opens again. Best effort: without
      // it (the server went away just now) lib/legacy.ts seals what is written once it arrives.
      const signedIn = createSessionApi({ session: () => stored, fetchFn: deps.fetchFn, version }).api();
      await ensureReceiptKey(signedIn, s.user.id).catch(() => undefined);
      state.session.value = stored;
      state.needsSignIn.value = false;
      state.apiUrl.value = base;
      state.view.value = 'home';
      announce(`Signed in as ${s.user.displayName}.`);
      void refreshAttention();
      const signedInApi = await api();
      void services()
        .then((svc) => svc.refreshOrgSettings(signedInApi))
        .catch(() => undefined);
      // What waited on this device for this user goes now, backoff or not: they are back, and online.
      void services()
        .then((svc) => svc.flush({ api: signedInApi, userId: s.user.id, now: now(), all: true }))
        .catch(() => undefined);
      await consumePrefill();
      return true;
    } catch (e) {
      fail(e);
      return false;
    } finally {
      state.busy.value = false;
    }
  }

  /**
   * Sends (or parks in "needs attention") the user's queued items with their token, revokes it,
   * then clears their drafts, My items and receipt key from this device (lib/signout.ts). Items
   * that cannot go now (offline) wait for this user; no one else's token ever sends them.
   */
  async function signOut() {
    state.busy.value = true;
    let result: { waiting: number; needsAttention: number } | null = null;
    try {
      const { signOutStored } = await services();
      result = await signOutStored({ fetchFn: deps.fetchFn, now: now(), browser: browserApi });
    } finally {
      state.busy.value = false;
    }
    state.session.value = null;
    state.needsSignIn.value = false;
    state.flagDraft.value = null;
    state.askDraft.value = null;
    state.items.value = null;
    state.attentionOpen.value = {};
    state.view.value = 'home';
    const kept = (result?.waiting ?? 0) + (result?.needsAttention ?? 0);
    announce(
      kept > 0
        ? `Signed out. ${kept} of your items stay on this device, hidden, until you sign in again.`
        : 'Signed out.',
    );
  }

  return { init, consumePrefill, signIn, signOut };
}
