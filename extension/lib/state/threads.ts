import type { createThreadActions as load } from '../threads';
import type { Core } from './core';
import { deferActions } from './defer';

/** The asker's side of a thread and "Need to talk" (lib/threads.ts, loaded on first use). */
export function createThreadActions(core: Core): ReturnType<typeof load> {
  return deferActions(() => core.services().then((s) => s.createThreadActions(core)), {
    reply: true,
    markHelpful: true,
    consentToShare: true,
    replyDrafts: true,
    saveReplyDraft: true,
    talkDraft: true,
    saveTalkDraft: true,
    supportContacts: true,
    needToTalk: true,
  });
}
