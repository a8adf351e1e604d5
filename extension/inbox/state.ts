import { signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { endpoints } from '../../shared/api';
import type { Topic } from '../../shared/catalog';
import type { Coaching, FramingText } from '../../shared/coaching';
import { DISCIPLINE_LABELS, type Discipline } from '../../shared/enums';
import type { MentorImpact } from '../../shared/growth';
import {
  type HandOffCreate,
  type MentorProfile,
  type MentorProfileView,
  type MentorSummary,
  type PeerAudit,
  QUEUE_PAGE,
  QUEUE_PAGE_MAX,
  type QueueItem,
  type QueueItemDetail,
  type QueueQuery,
} from '../../shared/mentoring';
import type { ConfirmedSpan } from '../../shared/text';
import { errorMessage } from '../lib/errors';
import { createMentorships } from '../lib/mentorships';
import type { Detector } from '../lib/phi';
import { ensureReceiptKey } from '../lib/receipts';
import { createSessionApi } from '../lib/session-api';
import { type StoredSession, sessionItem } from '../lib/storage';
import { type InboxDrafts, readInboxDrafts, writeInboxDraft } from './drafts';
import { createTipRequests } from './tip-requests';

export interface InboxDeps {
  fetchFn?: typeof fetch;
  loadDetector?: () => Promise<Detector | null>;
  version?: string;
  /** The question the page was opened at (`inbox.html#question=ID`, from a notification). */
  openQuestion?: string | null;
}

/** The queue's filters as the inbox holds them: the API's own query, "any" left out. */
export type QueueFilters = Pick<z.output<typeof QueueQuery>, 'filter' | 'topicId' | 'urgency'>;

/** Where a question is handed: the API's body without the confirmations, which the form adds. */
export type HandOffChoice = Pick<HandOffCreate, 'topicId' | 'disciplineWanted' | 'mentorId' | 'note'>;

/** The mentor inbox (side panel, or a page in Firefox): signals plus plain actions. */
export function createInboxState(deps: InboxDeps = {}) {
  const session = signal<StoredSession | null>(null);
  const ready = signal(false);
  const items = signal<QueueItem[]>([]);
  /** How many of the most urgent questions are listed; "Show more" adds a page. */
  const pageSize = signal(QUEUE_PAGE);
  const filters = signal<QueueFilters>({ filter: 'all' });
  const selected = signal<QueueItemDetail | null>(null);
  const topics = signal<Topic[]>([]);
  const mentors = signal<MentorSummary[]>([]);
  const profile = signal<MentorProfileView | null>(null);
  /** The open thread's coaching card, when it is a "Help me shape this" request. */
  const coaching = signal<Coaching | null>(null);
  /** My own impact, read when I open it; null until then. */
  const impact = signal<MentorImpact | null>(null);
  const drafts = signal<InboxDrafts>({});
  const detector = signal<Detector | null>(null);
  const status = signal('');
  const error = signal('');
  const busy = signal(false);
  const { api } = createSessionApi({
    session: () => session.value,
    fetchFn: deps.fetchFn,
    version: () => deps.version ?? browser.runtime.getManifest().version,
  });

  /** Mentees and requests to mentor, loaded by their panel. */
  const mentorships = createMentorships((endpoint, input) => api().call(endpoint, input), {
    ok: (message) => {
      error.value = '';
      status.value = message;
    },
    fail: (e) => {
      error.value = errorMessage(e);
    },
  });

  async function guarded<T>(work: () => Promise<T>, done?: string): Promise<T | undefined> {
    busy.value = true;
    error.value = '';
    try {
      const result = await work();
      if (done) status.value = done;
      return result;
    } catch (e) {
      error.value = errorMessage(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /** Settles once the queue's first page is in: the panels beside it ask for theirs after (afterFirstPaint). */
  let firstPaintShown: () => void = () => {};
  const firstPaint = new Promise<void>((resolve) => {
    firstPaintShown = resolve;
  });

  async function init() {
    session.value = await sessionItem.getValue();
    ready.value = true;
    const userId = session.value?.user.id;
    if (!userId) {
      firstPaintShown();
      return;
    }
    // The queue is the first paint (issue 19): asked first, beside the topics that name its questions
    // and the profile shown above it. The mentors a question can be handed to, and the panels' own
    // reads, wait until it is in, so the API serves it without them (at 10k flags they slowed it down).
    const queued = refresh().finally(firstPaintShown);
    // The mentor's key opens their drafts (fetched if this browser session has not yet), beside
    // the queue's first requests rather than before them; a draft typed meanwhile wins.
    const draftsLoaded = ensureReceiptKey(api(), userId)
      .catch(() => undefined)
      .then(() => readInboxDrafts(userId))
      .then((saved) => {
        drafts.value = { ...saved, ...drafts.value };
      });
    await Promise.all([
      guarded(async () => {
        const [t, p] = await Promise.all([api().call(endpoints.topics, {}), api().call(endpoints.myMentorProfile, {})]);
        topics.value = t.topics;
        profile.value = p;
      }),
      // Not guarded: starting later, it would clear an error the others have just shown.
      queued
        .then(() => api().call(endpoints.listMentors, {}))
        .then(
          (m) => {
            mentors.value = m.mentors;
          },
          (e) => {
            error.value = errorMessage(e);
          },
        ),
    ]);
    if (deps.openQuestion) await open(deps.openQuestion);
    await draftsLoaded;
    void (deps.loadDetector ?? (() => import('../lib/phi').then((p) => p.loadDetector())))().then((d) => {
      detector.value = d;
    });
  }

  /** Resolves once the queue's first page is in (at once when signed out). */
  function afterFirstPaint(): Promise<void> {
    return firstPaint;
  }

  async function refresh() {
    const f = filters.value;
    await guarded(async () => {
      const res = await api().call(endpoints.queue, {
        query: {
          filter: f.filter,
          topicId: f.topicId,
          urgency: f.urgency,
          limit: pageSize.value,
        },
      });
      items.value = res.items;
    });
  }

  /** Topics and disciplines decide what reaches this mentor; away keeps new questions from routing here. */
  async function saveProfile(next: MentorProfile) {
    const saved = await guarded(() => api().call(endpoints.putMentorProfile, { body: next }), 'Profile saved.');
    if (saved) {
      profile.value = saved;
      await refresh();
    }
    return saved !== undefined;
  }

  async function setFilters(patch: Partial<QueueFilters>) {
    filters.value = { ...filters.value, ...patch };
    pageSize.value = QUEUE_PAGE;
    await refresh();
  }

  /** A full page may have more behind it; the API lists at most QUEUE_PAGE_MAX. */
  const hasMore = () => items.value.length >= pageSize.value && pageSize.value < QUEUE_PAGE_MAX;

  async function showMore() {
    pageSize.value = Math.min(pageSize.value + QUEUE_PAGE, QUEUE_PAGE_MAX);
    await refresh();
  }

  // A status line describes what was just done ("Answer sent."): moving on or typing again passes it.
  async function open(id: string) {
    status.value = '';
    const detail = await guarded(() => api().call(endpoints.queueItem, { params: { id } }));
    if (detail) selected.value = detail;
  }

  function close() {
    status.value = '';
    selected.value = null;
  }

  async function saveDraft(id: string, kind: 'answer' | 'clarify', text: string) {
    status.value = '';
    drafts.value = { ...drafts.value, [id]: { ...drafts.value[id], [kind]: text } };
    await writeInboxDraft(id, kind, text);
  }

  async function clearDraft(id: string, kind: 'answer' | 'clarify') {
    const { [kind]: _gone, ...rest } = drafts.value[id] ?? {};
    drafts.value = { ...drafts.value, [id]: rest };
    await writeInboxDraft(id, kind, '');
  }

  /** Runs a queue action and shows its result; the list refreshes so claim states stay true. */
  async function act(run: () => Promise<{ item: QueueItemDetail }>, done: string) {
    const result = await guarded(run, done);
    if (result) selected.value = result.item;
    await refresh();
    return result !== undefined;
  }

  const params = (id: string) => ({ params: { id } });
  const claim = (id: string) => act(() => api().call(endpoints.claimQuestion, params(id)), 'Claimed. It is yours.');
  const release = (id: string) =>
    act(() => api().call(endpoints.releaseQuestion, params(id)), 'Released back to the queue.');
  const closeQuestion = (id: string) => act(() => api().call(endpoints.closeQueueQuestion, params(id)), 'Closed.');

  async function answer(id: string, text: string, confirmedSpans?: ConfirmedSpan[]) {
    const body = { clientId: crypto.randomUUID(), text, ...(confirmedSpans ? { confirmedSpans } : {}) };
    const ok = await act(() => api().call(endpoints.answerQuestion, { ...params(id), body }), 'Answer sent.');
    if (ok) {
      await clearDraft(id, 'answer');
      // The week's count against capacity moves with each answer (and may spill new questions past me).
      const p = await api()
        .call(endpoints.myMentorProfile, {})
        .catch(() => null);
      if (p) profile.value = p;
    }
    return ok;
  }

  async function clarify(id: string, text: string, confirmedSpans?: ConfirmedSpan[]) {
    const body = { text, ...(confirmedSpans ? { confirmedSpans } : {}) };
    const ok = await act(
      () => api().call(endpoints.clarifyQuestion, { ...params(id), body }),
      'Question sent to the asker.',
    );
    if (ok) await clearDraft(id, 'clarify');
    return ok;
  }

  async function handOff(id: string, choice: HandOffChoice, confirmedSpans?: ConfirmedSpan[]) {
    const body = { ...choice, ...(confirmedSpans ? { confirmedSpans } : {}) };
    return act(() => api().call(endpoints.handOffQuestion, { ...params(id), body }), 'Handed off.');
  }

  /** Invites a second discipline into a question I hold; the claim stays mine. */
  const invite = (id: string, discipline: Discipline) =>
    act(
      () => api().call(endpoints.inviteDiscipline, { ...params(id), body: { discipline } }),
      `Invited ${DISCIPLINE_LABELS[discipline].toLowerCase()} into the thread. It is still yours.`,
    );

  async function loadCoaching(questionId: string) {
    const got = await guarded(() => api().call(endpoints.coaching, { params: { id: questionId } }));
    coaching.value = got ?? null;
  }

  /** Saves the card over the revision I edited; on a refusal the latest card is shown. */
  async function saveCard(questionId: string, text: FramingText, revision: number, confirmedSpans?: ConfirmedSpan[]) {
    const body = {
      revision,
      ...Object.fromEntries(Object.entries(text).filter(([, v]) => v !== '')),
      ...(confirmedSpans ? { confirmedSpans } : {}),
    };
    const saved = await guarded(
      () => api().call(endpoints.saveFramingCard, { params: { id: questionId }, body }),
      'Card saved.',
    );
    if (saved) coaching.value = saved;
    else {
      const message = error.value;
      await loadCoaching(questionId);
      error.value ||= message;
    }
    return saved !== undefined;
  }

  /** Answers given, marked helpful, reads and thanks: this mentor's own, never beside anyone else's. */
  let impactLoading: Promise<void> | null = null;
  function loadImpact(): Promise<void> {
    // Opening the panel twice while it loads reads it once.
    impactLoading ??= guarded(() => api().call(endpoints.myImpact, {})).then((got) => {
      if (got) impact.value = got;
      impactLoading = null;
    });
    return impactLoading;
  }

  /**
   * Who was made a peer supporter, or stopped being one, and by whom: peer supporters can see who
   * may read "need to talk" requests. Null (the reason shown) when it could not be fetched.
   */
  async function peerAudit(): Promise<PeerAudit['entries'] | null> {
    try {
      return (await api().call(endpoints.peerSupportAudit, {})).entries;
    } catch (e) {
      error.value = errorMessage(e);
      return null;
    }
  }

  const setShareable = (id: string, shareable: boolean) =>
    act(
      () => api().call(endpoints.markShareable, { ...params(id), body: { shareable } }),
      shareable ? 'Marked shareable.' : 'No longer shareable.',
    );

  /** The mentor's week, as the weekly message to the mentors' channel would count it for them. */
  const weekDigest = () => api().call(endpoints.myDigest, { query: { role: 'mentor' } });

  return {
    session,
    ready,
    afterFirstPaint,
    items,
    weekDigest,
    filters,
    selected,
    topics,
    mentors,
    profile,
    saveProfile,
    impact,
    loadImpact,
    mentorships,
    coaching,
    loadCoaching,
    saveCard,
    drafts,
    detector,
    status,
    error,
    busy,
    init,
    refresh,
    setFilters,
    hasMore,
    showMore,
    open,
    close,
    saveDraft,
    claim,
    release,
    closeQuestion,
    answer,
    clarify,
    handOff,
    invite,
    setShareable,
    peerAudit,
    ...createTipRequests(api, guarded),
  };
}

export type InboxState = ReturnType<typeof createInboxState>;
export const InboxContext = createContext<InboxState | null>(null);

export function useInbox(): InboxState {
  const state = useContext(InboxContext);
  if (!state) throw new Error('useInbox outside InboxContext');
  return state;
}
