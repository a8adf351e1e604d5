import { endpoints } from '../../../shared/api';
import type { ReflectionSubject } from '../../../shared/growth';
import type { ConfirmedSpan } from '../../../shared/text';
import { replyDrafts, saveReplyDraft } from '../../lib/draft-store';
import type { Core } from './core';

/**
 * Private reflections and "This helped" thank-yous, loaded with the services. Their drafts sit with the
 * reply drafts (sealed the same way), under `reflection:<id>` and `thanks:<id>`.
 */
export function createGrowthActions(core: Core) {
  const { state, api, announce, fail } = core;

  /** Optional extras on the list: offline or refused, My items still shows, without them. */
  async function loadGrowth() {
    if (!state.session.value) return;
    try {
      const client = await api();
      const [r, t] = await Promise.all([
        client.call(endpoints.myReflections, {}),
        client.call(endpoints.myThanksSent, {}),
      ]);
      state.growth.value = { reflections: r.reflections, thanksSent: t.thanks };
    } catch {
      // Nothing to show: the prompts still work, and the server refuses a second thank-you.
    }
  }

  async function send<T>(run: () => Promise<T>): Promise<T | null> {
    if (state.busy.value) return null;
    state.busy.value = true;
    try {
      return await run();
    } catch (e) {
      fail(e);
      return null;
    } finally {
      state.busy.value = false;
    }
  }

  const current = () => state.growth.value ?? { reflections: [], thanksSent: [] };

  // One clientId per thing being written until it is stored: a retry after a lost response is the
  // same create, not a second one.
  const pending = new Map<string, string>();
  const clientIdFor = (key: string) => {
    const id = pending.get(key) ?? crypto.randomUUID();
    pending.set(key, id);
    return id;
  };

  async function reflect(
    subjectKind: ReflectionSubject,
    subjectId: string,
    text: string,
    confirmedSpans?: ConfirmedSpan[],
  ): Promise<boolean> {
    const key = `reflection:${subjectId}`;
    const clientId = clientIdFor(key);
    const saved = await send(async () =>
      (await api()).call(endpoints.createReflection, {
        body: { clientId, subjectKind, subjectId, text, ...(confirmedSpans ? { confirmedSpans } : {}) },
      }),
    );
    if (!saved) return false;
    pending.delete(key);
    await saveReplyDraft(key, '');
    state.growth.value = { ...current(), reflections: [saved, ...current().reflections] };
    announce('Reflection saved. Only you can read it.');
    return true;
  }

  async function deleteReflection(id: string): Promise<boolean> {
    const done = await send(async () => (await api()).call(endpoints.deleteReflection, { params: { id } }));
    if (!done) return false;
    state.growth.value = { ...current(), reflections: current().reflections.filter((r) => r.id !== id) };
    announce('Reflection deleted.');
    return true;
  }

  async function thank(questionId: string, text: string, confirmedSpans?: ConfirmedSpan[]): Promise<boolean> {
    const key = `thanks:${questionId}`;
    const clientId = clientIdFor(key);
    const sent = await send(async () =>
      (await api()).call(endpoints.thankMentor, {
        params: { id: questionId },
        body: { clientId, text, ...(confirmedSpans ? { confirmedSpans } : {}) },
      }),
    );
    if (!sent) return false;
    pending.delete(key);
    await saveReplyDraft(key, '');
    state.growth.value = { ...current(), thanksSent: [sent, ...current().thanksSent] };
    announce('Thank you sent to your mentor.');
    return true;
  }

  return { loadGrowth, reflect, deleteReflection, thank, growthDrafts: replyDrafts, saveGrowthDraft: saveReplyDraft };
}
