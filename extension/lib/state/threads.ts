import type { createThreadActions as load } from '../threads';
import type { Core } from './core';

type ThreadActions = ReturnType<typeof load>;

/**
 * The asker's side of a thread and "Need to talk". The code lives in lib/threads.ts and arrives
 * with the services chunk, so the popup's first render does not carry it.
 */
export function createThreadActions(core: Core): ThreadActions {
  let actions: Promise<ThreadActions> | null = null;
  const get = () => (actions ??= core.services().then((s) => s.createThreadActions(core)));
  const defer = <K extends keyof ThreadActions>(name: K) =>
    ((...args: unknown[]) => get().then((a) => (a[name] as (...x: unknown[]) => unknown)(...args))) as ThreadActions[K];
  return {
    reply: defer('reply'),
    markHelpful: defer('markHelpful'),
    consentToShare: defer('consentToShare'),
    replyDrafts: defer('replyDrafts'),
    saveReplyDraft: defer('saveReplyDraft'),
    talkDraft: defer('talkDraft'),
    saveTalkDraft: defer('saveTalkDraft'),
    supportContacts: defer('supportContacts'),
    needToTalk: defer('needToTalk'),
  };
}
