import { endpoints } from '../../../shared/api';
import type { FramingText } from '../../../shared/coaching';
import type { ReflectionSubject } from '../../../shared/growth';
import { PDSA_STAGE_LABELS } from '../../../shared/pdsa';
import type { Portfolio } from '../../../shared/portfolio';
import type { SmallTest, SmallTestAdvance } from '../../../shared/small-tests';
import type { ConfirmedSpan } from '../../../shared/text';
import { replyDrafts, saveReplyDraft } from '../../lib/draft-store';
import type { Core } from './core';
import { oneWriteAtATime } from './one-write';

/**
 * Private reflections and "This helped" thank-yous, loaded with the services. Their drafts sit with the
 * reply drafts (sealed the same way), under `reflection:<id>` and `thanks:<id>`.
 */
export function createGrowthActions(core: Core, loadItems: () => Promise<void>) {
  const { state, api, announce } = core;

  /** Optional extras on the list, each on its own: what fails to load shows as none, and My items still shows. */
  async function loadGrowth() {
    if (!state.session.value) return;
    const client = await api();
    const settled = <T>(p: Promise<T>, none: T) => p.catch(() => none);
    const [r, t, c, s] = await Promise.all([
      settled(client.call(endpoints.myReflections, {}), { reflections: [] }),
      settled(client.call(endpoints.myThanksSent, {}), { thanks: [] }),
      settled(client.call(endpoints.myCoaching, {}), { coaching: [] }),
      settled(client.call(endpoints.mySmallTests, {}), { tests: [] }),
    ]);
    state.growth.value = {
      reflections: r.reflections,
      thanksSent: t.thanks,
      coaching: c.coaching,
      smallTests: s.tests,
    };
  }

  const send = oneWriteAtATime(core);

  const current = () => state.growth.value ?? { reflections: [], thanksSent: [], coaching: [], smallTests: [] };

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

  /** "Help me shape this": the request becomes a question in My items, with its framing card. */
  async function askCoaching(flagId: string, text: string, confirmedSpans?: ConfirmedSpan[]): Promise<boolean> {
    const key = `coaching:${flagId}`;
    const clientId = clientIdFor(key);
    const created = await send(async () =>
      (await api()).call(endpoints.askForCoaching, {
        params: { id: flagId },
        body: { clientId, text, ...(confirmedSpans ? { confirmedSpans } : {}) },
      }),
    );
    if (!created) return false;
    pending.delete(key);
    await saveReplyDraft(key, '');
    state.growth.value = { ...current(), coaching: [created.coaching, ...current().coaching] };
    announce('Sent to an improvement coach. The thread is in My items.');
    await loadItems();
    return true;
  }

  async function saveCard(
    questionId: string,
    text: FramingText,
    revision: number,
    confirmedSpans?: ConfirmedSpan[],
  ): Promise<boolean> {
    const body = {
      revision,
      ...Object.fromEntries(Object.entries(text).filter(([, v]) => v !== '')),
      ...(confirmedSpans ? { confirmedSpans } : {}),
    };
    const saved = await send(async () =>
      (await api()).call(endpoints.saveFramingCard, { params: { id: questionId }, body }),
    );
    if (!saved) {
      // Someone may have saved in between: show their card, so the next edit starts from it.
      await loadGrowth();
      return false;
    }
    state.growth.value = {
      ...current(),
      coaching: current().coaching.map((c) => (c.questionId === questionId ? saved : c)),
    };
    announce('Card saved.');
    return true;
  }

  const putTest = (t: SmallTest) => {
    const others = current().smallTests.filter((x) => x.cycle.id !== t.cycle.id);
    state.growth.value = { ...current(), smallTests: [t, ...others] };
  };

  /** Leads who can sponsor, by name; none when they cannot be read (the form then says so). */
  async function sponsors(): Promise<{ id: string; displayName: string }[]> {
    try {
      return (await (await api()).call(endpoints.listSponsors, {})).sponsors;
    } catch {
      return [];
    }
  }

  async function proposeSmallTest(
    questionId: string,
    plan: { changeIdea: string; prediction: string; measure: string; sponsorId: string },
    confirmedSpans?: ConfirmedSpan[],
  ): Promise<boolean> {
    const key = `test:${questionId}`;
    const clientId = clientIdFor(key);
    const made = await send(async () =>
      (await api()).call(endpoints.proposeSmallTest, {
        params: { id: questionId },
        body: { clientId, ...plan, ...(confirmedSpans ? { confirmedSpans } : {}) },
      }),
    );
    if (!made) return false;
    pending.delete(key);
    putTest(made);
    announce(`Sent to ${made.sponsorName} to approve.`);
    return true;
  }

  async function advanceSmallTest(id: string, body: SmallTestAdvance): Promise<boolean> {
    const moved = await send(async () => (await api()).call(endpoints.advanceSmallTest, { params: { id }, body }));
    if (!moved) return false;
    putTest(moved);
    announce(`Moved to ${PDSA_STAGE_LABELS[moved.cycle.stage]}.`);
    return true;
  }

  /** My portfolio, for its Markdown and printable exports; null (with the API's words shown) when it failed. */
  async function portfolio(): Promise<Portfolio | null> {
    const p = await send(async () => (await api()).call(endpoints.myPortfolio, {}));
    if (p) announce('Portfolio saved to your downloads.');
    return p;
  }

  /** Whether I am credited on "you said, we did"; null when it cannot be read (the toggle then hides). */
  const creditPreference = async () =>
    (await api())
      .call(endpoints.myCreditPreference, {})
      .then((r) => r.creditMe)
      .catch(() => null);

  async function setCreditMe(creditMe: boolean): Promise<boolean> {
    const done = await send(async () => (await api()).call(endpoints.setCreditPreference, { body: { creditMe } }));
    if (done) {
      announce(creditMe ? 'You will be credited, only ever in groups of at least k.' : 'You are no longer credited.');
      await loadItems();
    }
    return done !== null;
  }

  return {
    portfolio,
    creditPreference,
    setCreditMe,
    sponsors,
    proposeSmallTest,
    advanceSmallTest,
    loadGrowth,
    reflect,
    deleteReflection,
    thank,
    askCoaching,
    saveCard,
    growthDrafts: replyDrafts,
    saveGrowthDraft: saveReplyDraft,
  };
}
