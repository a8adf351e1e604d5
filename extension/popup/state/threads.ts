import { endpoints } from '../../../shared/api';
import type { Publication } from '../../../shared/mentoring';
import type { NeedToTalkCreated, Question } from '../../../shared/questions';
import type { ConfirmedSpan } from '../../../shared/text';
import { replyDrafts, saveReplyDraft, saveTalkDraft, talkDraft } from '../../lib/draft-store';
import { enqueue, type FlushResult } from '../../lib/outbox';
import { readSeen } from '../../lib/seen';
import { supportContactsItem } from '../../lib/storage';
import { buildItems, readItemsCache, writeItemsCache } from '../my-items';
import type { Core } from './core';
import { reportDelivery } from './delivery';
import { createItemWriteActions } from './item-writes';
import { oneWriteAtATime } from './one-write';

type Support = NeedToTalkCreated['support'];
export interface ThreadDeps {
  flushNow: () => Promise<FlushResult | null>;
  loadItems: () => Promise<void>;
}

/**
 * The asker's side of a thread (reply, helpful, consent, close), withdrawing a flag, and "Need to
 * talk"; loaded with the services.
 */
export function createThreadActions(core: Core, { flushNow, loadItems }: ThreadDeps) {
  const { state, api, now, announce, fail } = core;

  /** Puts the API's copy of one question into the list and its offline cache, keeping the "New" marks shown. */
  async function applyQuestion(q: Question) {
    const s = state.session.value;
    const cache = s && (await readItemsCache(s.user.id));
    if (!cache) return;
    const next = { ...cache, questions: cache.questions.map((x) => (x.id === q.id ? q : x)) };
    await writeItemsCache(next);
    const shown = new Map((state.items.value ?? []).map((i) => [i.id, i.unread]));
    state.items.value = buildItems(next, await readSeen(s.user.id)).map((i) => ({
      ...i,
      unread: shown.get(i.id) ?? i.unread,
    }));
  }

  /** Runs one thread action; false (with the API's words shown) when it failed. */
  const write = oneWriteAtATime(core);
  const act = <T>(run: (client: Awaited<ReturnType<typeof api>>) => Promise<T>) => write(async () => run(await api()));

  async function reply(id: string, text: string, confirmedSpans?: ConfirmedSpan[]): Promise<boolean> {
    const q = await act((c) =>
      c.call(endpoints.replyToQuestion, {
        params: { id },
        body: { text, ...(confirmedSpans ? { confirmedSpans } : {}) },
      }),
    );
    if (!q) return false;
    await saveReplyDraft(id, '');
    await applyQuestion(q);
    announce('Reply sent.');
    return true;
  }

  async function markHelpful(id: string, helpful: boolean): Promise<boolean> {
    const q = await act((c) => c.call(endpoints.markHelpful, { params: { id }, body: { helpful } }));
    if (!q) return false;
    await applyQuestion(q);
    announce(helpful ? 'Thank you. Your mentor will see that it helped.' : 'Noted.');
    return true;
  }

  async function consentToShare(id: string, consent: boolean): Promise<Publication | null> {
    const result = await act((c) => c.call(endpoints.consentToShare, { params: { id }, body: { consent } }));
    if (!result) return null;
    await applyQuestion(result.question);
    announce(consent ? 'Thank you for sharing.' : 'This answer is no longer shared.');
    return result.publication;
  }

  /** The contacts to show at once: the last known copy first, then the API's. */
  async function supportContacts(onUpdate: (s: Support) => void): Promise<void> {
    const apiUrl = state.session.value?.apiUrl ?? '';
    const cached = await supportContactsItem.getValue();
    if (cached?.apiUrl === apiUrl) onUpdate(cached);
    try {
      const settings = await (await api()).call(endpoints.settings, {});
      const support = { employeeAssistance: settings.employeeAssistance, crisisContacts: settings.crisisContacts };
      await supportContactsItem.setValue({ ...support, apiUrl });
      onUpdate(support);
    } catch {
      // Offline: the cached contacts (or the general advice) stay on screen.
    }
  }

  /**
   * Queued like a flag, so offline it waits on this device; sent at once when it can be, and the
   * person is told honestly which ('sent' or 'queued'; null when it could not even be saved).
   */
  async function needToTalk(
    clientId: string,
    text: string,
    confirmedSpans?: ConfirmedSpan[],
  ): Promise<'sent' | 'queued' | null> {
    const userId = state.userId.value;
    if (!userId || state.busy.value) return null;
    state.busy.value = true;
    state.error.value = '';
    try {
      const body = {
        clientId,
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(confirmedSpans ? { confirmedSpans } : {}),
      };
      await enqueue({ kind: 'talk', userId, body }, now());
      await saveTalkDraft('');
      const result = await flushNow();
      const sent = await reportDelivery(
        core,
        'Request',
        clientId,
        result,
        'Sent. A peer supporter will get in touch as soon as they can.',
      );
      return sent ? 'sent' : result?.needsAttention.includes(clientId) ? null : 'queued';
    } catch (e) {
      fail(e);
      return null;
    } finally {
      state.busy.value = false;
    }
  }

  // Typing again starts the next thing: "Reply sent." (or the like) is done.
  function editing<A extends unknown[], R>(save: (...args: A) => R) {
    return (...args: A): R => {
      state.status.value = '';
      return save(...args);
    };
  }

  return {
    ...createItemWriteActions(core, { loadItems }),
    reply,
    markHelpful,
    consentToShare,
    replyDrafts,
    saveReplyDraft: editing(saveReplyDraft),
    talkDraft,
    saveTalkDraft: editing(saveTalkDraft),
    supportContacts,
    needToTalk,
  };
}
