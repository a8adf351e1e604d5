import { render } from '@testing-library/preact';
import { InboxApp } from '../../../extension/inbox/App';
import { createInboxState, InboxContext } from '../../../extension/inbox/state';
import { json, type RouteHandler, routeFetch, SESSION, USER } from '../helpers';

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
