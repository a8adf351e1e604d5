import type { ConfirmedSpan } from '../../../shared/text';
import {
  type AskDraft,
  type Drafts,
  emptyAskDraft,
  emptyFlagDraft,
  type FlagDraft,
  saveView,
  type View,
} from '../../lib/drafts';
import { loadDetector } from '../../lib/phi';
import { catalogItem, orgIdleMinutesItem } from '../../lib/storage';
import type { Core } from './core';
import { services } from './load-services';

/** Moving between views, the two forms with their drafts, and sending through the outbox. */
export function createViewActions(core: Core, { loadItems }: { loadItems: () => Promise<void> }) {
  const { state, browserApi, now, deps, api, unlock, announce, fail } = core;

  async function ensureDetector() {
    if (state.detector.value) return;
    state.detector.value = await (deps.loadDetector ?? loadDetector)();
  }

  async function loadCatalog() {
    const cached = await catalogItem.getValue();
    if (cached) {
      state.units.value = cached.units;
      state.topics.value = cached.topics;
    }
    try {
      const [{ endpoints, loadSystems }, client] = await Promise.all([services(), api()]);
      void loadSystems(state.systems, client, now());
      const [u, t] = await Promise.all([client.call(endpoints.units, {}), client.call(endpoints.topics, {})]);
      void client
        .call(endpoints.settings, {})
        .then(async (settings) => {
          state.incidentReportingUrl.value = settings.incidentReportingUrl;
          await orgIdleMinutesItem.setValue(settings.idleSignOutMinutes);
        })
        .catch(() => undefined);
      state.units.value = u.units.filter((x) => x.active);
      state.topics.value = t.topics.filter((x) => x.active);
      await catalogItem.setValue({ units: state.units.value, topics: state.topics.value, fetchedAt: now() });
    } catch (e) {
      if (!cached) fail(e);
    }
  }

  /** The saved drafts, opened with the user's key (sealed: they may hold text typed before the check). */
  async function savedDrafts() {
    await unlock();
    const { loadDrafts } = await services();
    const { drafts, locked } = await loadDrafts();
    if (locked) announce('Some of your drafts stay sealed until Curbside can reach your organisation’s server.');
    return drafts;
  }

  async function ensureFlagDraft() {
    if (state.flagDraft.value) return;
    const saved = (await savedDrafts()).flag;
    if (state.flagDraft.value) return;
    // An anonymous draft from before units were a choice shows (and sends) no unit, as toFlagCreate does.
    if (saved) state.flagDraft.value = saved.anonymous && !saved.unitChosen ? { ...saved, unitId: '' } : saved;
    else {
      const { captureScreen, saveDraft } = await services();
      state.flagDraft.value = emptyFlagDraft(
        state.session.value?.user.unitId ?? null,
        await captureScreen(browserApi.tabs),
      );
      await saveDraft('flag', state.flagDraft.value);
    }
  }

  async function ensureAskDraft() {
    if (state.askDraft.value) return;
    const saved = (await savedDrafts()).ask;
    if (state.askDraft.value) return;
    if (saved) state.askDraft.value = saved;
    else {
      const { captureScreen, saveDraft } = await services();
      state.askDraft.value = emptyAskDraft(await captureScreen(browserApi.tabs));
      await saveDraft('ask', state.askDraft.value);
    }
  }

  async function open(next: View) {
    state.error.value = '';
    // A status line describes the screen it was said on ("Flag sent."): moving on passes it.
    state.status.value = '';
    if (next !== 'flag' && next !== 'ask') state.editNotice.value = '';
    state.view.value = next;
    await saveView(next);
    if (next === 'flag' || next === 'ask') {
      void ensureDetector();
      void loadCatalog();
      await (next === 'flag' ? ensureFlagDraft() : ensureAskDraft());
    }
    if (next === 'items') await loadItems();
  }

  // Saved in the order typed, each save behind the last (sealing is asynchronous).
  let saving: Promise<unknown> = Promise.resolve();
  function queueSave<K extends 'flag' | 'ask'>(kind: K, draft: Drafts[K]) {
    saving = saving
      .then(() => services())
      .then((s) => s.saveDraft(kind, draft))
      .catch(() => undefined);
  }

  function updateFlag(patch: Partial<FlagDraft>) {
    if (!state.flagDraft.value) return;
    // Typing again starts the next thing: what the last status line said is done.
    state.status.value = '';
    const draft = { ...state.flagDraft.value, ...patch };
    state.flagDraft.value = draft;
    queueSave('flag', draft);
  }

  function updateAsk(patch: Partial<AskDraft>) {
    if (!state.askDraft.value) return;
    state.status.value = '';
    const draft = { ...state.askDraft.value, ...patch };
    state.askDraft.value = draft;
    queueSave('ask', draft);
  }

  async function addPageTitle(kind: 'flag' | 'ask') {
    const { capturePageTitle } = await services();
    const title = await capturePageTitle(browserApi.tabs);
    if (kind === 'flag') updateFlag({ pageTitle: title });
    else updateAsk({ pageTitle: title });
  }

  async function addScreen(kind: 'flag' | 'ask') {
    const { captureScreen } = await services();
    const screen = await captureScreen(browserApi.tabs);
    if (!screen) state.error.value = 'This page has no web address Curbside can use.';
    else if (kind === 'flag') updateFlag({ screen });
    else updateAsk({ screen });
  }

  async function flushNow() {
    const s = state.session.value;
    if (!s || state.needsSignIn.value) return null;
    try {
      const { flush } = await services();
      return await flush({ api: await api(), userId: s.user.id, now: now() });
    } catch {
      return null;
    }
  }

  /** Queue first, then try at once, so the message says honestly whether it went. */
  async function submit(kind: 'flag' | 'question', confirmedSpans?: ConfirmedSpan[]) {
    const s = state.session.value;
    const draft = kind === 'flag' ? state.flagDraft.value : state.askDraft.value;
    if (!s || !draft || state.busy.value) return;
    state.busy.value = true;
    state.error.value = '';
    try {
      const svc = await services();
      const queued =
        kind === 'flag'
          ? await svc.enqueue(
              { kind, body: svc.toFlagCreate(draft as FlagDraft, confirmedSpans), userId: s.user.id },
              now(),
            )
          : await svc.enqueue(
              { kind, body: svc.toQuestionCreate(draft as AskDraft, confirmedSpans), userId: s.user.id },
              now(),
            );
      await saving;
      await svc.clearDraft(kind === 'flag' ? 'flag' : 'ask');
      if (kind === 'flag') state.flagDraft.value = null;
      else state.askDraft.value = null;
      state.editNotice.value = '';
      state.view.value = 'home';
      const noun = kind === 'flag' ? 'Flag' : 'Question';
      await svc.reportDelivery(core, noun, queued.clientId, await flushNow(), `${noun} sent.`);
    } catch (e) {
      fail(e);
    } finally {
      state.busy.value = false;
    }
  }

  /** Opens the user's "needs attention" entries with their key, to show what was refused and why. */
  async function refreshAttention() {
    const id = state.userId.value;
    if (!id) {
      state.attentionOpen.value = {};
      return;
    }
    const { openAttentionFor } = await services();
    state.attentionOpen.value = await openAttentionFor(id);
  }

  /** Takes a refused item back into its form, to fix and send again (with a new clientId). */
  async function editAttention(clientId: string) {
    const id = state.userId.value;
    if (!id) return;
    await unlock();
    const svc = await services();
    // A "me too" or "need to talk" has no form to edit: it stays, to be discarded.
    if (!(await svc.editable(clientId))) return;
    const entry = await svc.takeAttention(clientId, id);
    if (!entry || entry.item.kind === 'meToo' || entry.item.kind === 'talk') return;
    state.editNotice.value = entry.reason;
    if (entry.item.kind === 'flag') {
      state.flagDraft.value = svc.flagDraftFrom(entry.item.body);
      await svc.saveDraft('flag', state.flagDraft.value);
      await open('flag');
    } else {
      state.askDraft.value = svc.askDraftFrom(entry.item.body);
      await svc.saveDraft('ask', state.askDraft.value);
      await open('ask');
    }
  }

  async function discardAttention(clientId: string) {
    const id = state.userId.value;
    if (!id) return;
    const { takeAttention } = await services();
    await takeAttention(clientId, id, { discard: true });
    announce('Discarded. It was not sent.');
  }

  return {
    ensureDetector,
    loadCatalog,
    ensureFlagDraft,
    ensureAskDraft,
    open,
    updateFlag,
    updateAsk,
    addPageTitle,
    addScreen,
    flushNow,
    submit,
    refreshAttention,
    editAttention,
    discardAttention,
  };
}
