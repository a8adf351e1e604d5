import { render } from '@testing-library/preact';
import { InboxApp } from '../../../extension/inbox/App';
import { createInboxState, InboxContext } from '../../../extension/inbox/state';
import { json, type RouteHandler, routeFetch, SESSION, USER } from '../helpers';

// The inbox loads a question's thread and the panels beside the queue lazily. Loaded here up front, no
// dynamic import is still in flight when a test file's environment is torn down (vitest reports that as
// an unhandled error and fails the run), whichever part a test happens to leave open.
import.meta.glob(['../../../extension/inbox/*.{ts,tsx}', '../../../extension/ui/*.{ts,tsx}'], { eager: true });

// What the mentor inbox's component tests share: a mentor's session, the API the inbox reads on opening,
// and the inbox rendered as its entrypoint renders it.

/** A mentor signed in under `displayName` (the inbox shows it where a claim is theirs). */
export const mentorSession = (displayName: string) => ({
  ...SESSION,
  user: { ...USER, displayName, roles: ['mentor' as const] },
});

/** The mentor's own settings, as GET /v1/mentors/me answers: no topics, room for five a week. */
export const mentorSettings =
  (overrides: Record<string, unknown> = {}) =>
  () =>
    json(200, { topicIds: [], disciplines: [], weeklyCapacity: 5, away: false, answeredThisWeek: 0, ...overrides });

const SLA = { status: 'on_track', dueAt: '2026-03-02T14:00:00.000Z', remainingMs: 3_600_000, targetMs: 14_400_000 };

/** A claim on a question held by the mentor named (the API answers `mine` to its holder). */
export const claimedBy = (byName: string) => ({ state: 'mine', byName, expiresAt: '2026-03-02T11:00:00.000Z' });

/** A question as the queue lists it: open, for today, on track, unclaimed, unless a test says otherwise. */
export function queueItem(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'question',
    text: `Question ${id}`,
    topicId: 'topic_00001',
    disciplineWanted: 'any',
    urgency: 'today',
    screen: null,
    pageTitle: null,
    status: 'open',
    createdAt: '2026-03-02T10:00:00.000Z',
    askerDiscipline: 'nursing',
    sla: SLA,
    claim: { state: 'unclaimed', byName: null, expiresAt: null },
    handedToMe: false,
    escalated: false,
    movedFrom: null,
    shareable: false,
    ...overrides,
  };
}

/** The same question opened: its thread (no answers, messages or hand-offs unless a test says otherwise). */
export const queueDetail = (id: string, overrides: Record<string, unknown> = {}) => ({
  ...queueItem(id, overrides),
  answers: [],
  messages: [],
  handoffs: [],
  ...overrides,
});

/** What the inbox reads on opening (an empty queue, no topics, no colleagues), plus a test's own routes. */
export function inboxServer(routes: Record<string, RouteHandler> = {}) {
  return routeFetch({
    'GET /v1/me/receipt-key': () => json(200, { key: 'cd'.repeat(32) }),
    'GET /v1/topics': () => json(200, { topics: [] }),
    'GET /v1/mentors': () => json(200, { mentors: [] }),
    'GET /v1/mentors/me': mentorSettings(),
    'GET /v1/queue': () => json(200, { items: [] }),
    ...routes,
  });
}

/**
 * The inbox as its entrypoint mounts it, reading `server`, with no identifier detector; `beforeRender` acts
 * on the ready state before anything is drawn (a thread already open, say).
 */
export async function renderInbox(
  server: { fetchFn: typeof fetch },
  deps: Omit<NonNullable<Parameters<typeof createInboxState>[0]>, 'fetchFn'> = {},
  beforeRender?: (state: ReturnType<typeof createInboxState>) => Promise<unknown>,
) {
  const state = createInboxState({
    fetchFn: server.fetchFn,
    loadDetector: async () => null,
    version: '0.1.0',
    ...deps,
  });
  await state.init();
  await beforeRender?.(state);
  render(
    <InboxContext.Provider value={state}>
      <InboxApp />
    </InboxContext.Provider>,
  );
  return state;
}
