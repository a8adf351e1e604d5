import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InboxApp } from '../../../extension/inbox/App';
import { readInboxDrafts } from '../../../extension/inbox/drafts';
import { createInboxState, InboxContext } from '../../../extension/inbox/state';
import { idFromHash } from '../../../extension/lib/deep-link';
import { sessionItem } from '../../../extension/lib/storage';
import { QUEUE_PAGE } from '../../../shared/mentoring';
import { json, mockManifest, SESSION } from '../helpers';
import { claimedBy, inboxServer, mentorSession, queueDetail, queueItem, renderInbox } from './fixtures';

const MENTOR = mentorSession('Mo Mentor');
const detail = queueDetail;
const mine = claimedBy('Mo Mentor');

/** The questions the fake API has waiting, most urgent first. */
let waiting: ReturnType<typeof queueItem>[] = [];
const twoWaiting = () => [
  queueItem('q_000001'),
  queueItem('q_000002', { urgency: 'this_week', claim: { state: 'other', byName: 'Kim', expiresAt: null } }),
];

function server() {
  return inboxServer({
    'GET /v1/topics': () =>
      json(200, {
        topics: [
          { id: 'topic_00001', name: 'Medications', active: true },
          { id: 'topic_00002', name: 'Orders', active: true },
        ],
      }),
    'GET /v1/mentors': () =>
      json(200, {
        mentors: [
          {
            id: 'user_bbbbbb',
            displayName: 'Pat Pharmacist',
            discipline: 'pharmacy',
            topicIds: [],
            away: false,
            mentor: true,
            peerSupporter: false,
          },
        ],
      }),
    'PUT /v1/mentors/me': (body) => json(200, { ...(body as object), answeredThisWeek: 0 }),
    'GET /v1/queue': (_body, url) =>
      json(200, { items: waiting.slice(0, Number(url.searchParams.get('limit') ?? QUEUE_PAGE)) }),
    'GET /v1/queue/q_000001': () => json(200, detail('q_000001')),
    'POST /v1/queue/q_000001/claim': () => json(200, { item: detail('q_000001', { claim: mine }) }),
    'POST /v1/queue/q_000001/answer': (body) =>
      json(200, {
        item: detail('q_000001', {
          claim: mine,
          status: 'answered',
          answers: [
            {
              id: 'a_000001',
              text: (body as { text: string }).text,
              mentorName: 'Mo Mentor',
              createdAt: '2026-03-02T10:30:00.000Z',
            },
          ],
        }),
        publication: { published: false, waitingFor: ['asker_consent', 'mentor_shareable'], identifiersFound: false },
      }),
    'POST /v1/queue/q_000001/handoff': () => json(200, { item: detail('q_000001') }),
    'GET /v1/peer-support/audit': () =>
      json(200, {
        entries: [
          { at: '2026-02-02T10:00:00.000Z', change: 'removed', userName: 'Pat Peer', byName: 'Ada Admin' },
          { at: '2026-01-02T10:00:00.000Z', change: 'granted', userName: 'Pat Peer', byName: null },
        ],
      }),
  });
}

/** Where a request went, with its query, as the inbox asked for it. */
const path = (call?: { url: URL }) => call && call.url.pathname + call.url.search;

/** A button once it is enabled (actions disable them while a request runs). */
async function enabled(name: string) {
  const button = (await screen.findByRole('button', { name })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

async function mount(deps: Parameters<typeof renderInbox>[1] = {}) {
  const api = server();
  const state = await renderInbox(api, deps);
  return { state, calls: api.requests };
}

describe('mentor inbox', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
    await sessionItem.setValue(MENTOR);
    waiting = twoWaiting();
  });
  afterEach(cleanup);

  it('opens at the question a notification was about (inbox.html#question=ID)', async () => {
    const { calls } = await mount({ openQuestion: idFromHash('#question=q_000001', 'inbox') });
    expect(await enabled('Claim')).toBeTruthy();
    expect(screen.getByText('Question q_000001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Question q_000002/ })).toBeNull();
    expect(calls.map(path)).toContain('/v1/queue/q_000001');
  });

  it('asks for the queue first, and for mentors, tips asked for and mentorships only once it is in', async () => {
    // Issue 19: the queue is the first paint, so the API serves its request without the panels' reads.
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const api = inboxServer({
      'GET /v1/queue': async () => {
        await held;
        return json(200, { items: waiting });
      },
      'GET /v1/tip-requests': () => json(200, { requests: [] }),
      'GET /v1/mentorships/mine': () => json(200, { mentorships: [] }),
    });
    const state = createInboxState({ fetchFn: api.fetchFn, loadDetector: async () => null, version: '0.1.0' });
    const loaded = state.init();
    render(
      <InboxContext.Provider value={state}>
        <InboxApp />
      </InboxContext.Provider>,
    );
    await screen.findByRole('heading', { name: 'Mentor inbox' });
    await new Promise((r) => setTimeout(r, 50));
    const asked = () => api.requests.map((r) => r.route);
    expect(asked()[0]).toBe('GET /v1/queue');
    for (const later of ['GET /v1/mentors', 'GET /v1/tip-requests', 'GET /v1/mentorships/mine'])
      expect(asked()).not.toContain(later);
    answer();
    await loaded;
    expect(await screen.findByRole('button', { name: /Question q_000001/ })).toBeTruthy();
    await waitFor(() =>
      expect(asked()).toEqual(
        expect.arrayContaining(['GET /v1/mentors', 'GET /v1/tip-requests', 'GET /v1/mentorships/mine']),
      ),
    );
  });

  it('tells a new mentor with no topics why nothing is waiting, and what to do', async () => {
    waiting = [];
    await mount();
    expect((await screen.findByText(/No questions reach you yet/)).textContent).toContain(
      'choose the topics you answer',
    );
  });

  it('lists the queue as keyboard-reachable buttons with urgency, SLA and claim state', async () => {
    await mount();
    const rows = await screen.findAllByRole('button', { name: /Question q_/ });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Today · On track · Unclaimed');
    expect(rows[1]?.textContent).toContain('Claimed by Kim');
  });

  it('lets a new mentor choose topics, disciplines, capacity and away, then reloads the queue', async () => {
    const { calls } = await mount();
    const form = await screen.findByRole('form', { name: 'My mentor profile' });
    expect(form.closest('details')?.open).toBe(true);
    fireEvent.click(screen.getByLabelText('Medications'));
    fireEvent.click(screen.getByLabelText('Pharmacy'));
    fireEvent.input(screen.getByLabelText('Questions I can take a week'), { target: { value: '8' } });
    fireEvent.click(await enabled('Save my profile'));
    await waitFor(() =>
      expect(calls.find((c) => c.route.startsWith('PUT '))?.body).toEqual({
        topicIds: ['topic_00001'],
        disciplines: ['pharmacy'],
        weeklyCapacity: 8,
        away: false,
      }),
    );
    await waitFor(() => expect(path(calls.at(-1))).toMatch(/^\/v1\/queue/));
    expect(await screen.findByText('Profile saved.')).toBeTruthy();
  });

  it('lists a page of the most urgent and shows more on request, until the queue is all listed', async () => {
    waiting = Array.from({ length: QUEUE_PAGE * 2 + 5 }, (_, i) => queueItem(`q_${String(i + 1).padStart(6, '0')}`));
    const { calls } = await mount();
    const listed = () => screen.getByRole('list', { name: 'Questions' }).querySelectorAll('li').length;
    await waitFor(() => expect(listed()).toBe(QUEUE_PAGE));
    fireEvent.click(await enabled('Show more'));
    await waitFor(() => expect(listed()).toBe(QUEUE_PAGE * 2));
    expect(path(calls.at(-1))).toBe(`/v1/queue?filter=all&limit=${QUEUE_PAGE * 2}`);
    fireEvent.click(await enabled('Show more'));
    await waitFor(() => expect(listed()).toBe(QUEUE_PAGE * 2 + 5));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('sends the filters to the API', async () => {
    const { calls } = await mount();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'unclaimed' } });
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'topic_00002' } });
    await waitFor(() =>
      expect(path(calls.at(-1))).toBe(`/v1/queue?filter=unclaimed&topicId=topic_00002&limit=${QUEUE_PAGE}`),
    );
  });

  it('opens a thread (focus on its heading), claims it, keeps the answer draft and sends it', async () => {
    await mount();
    fireEvent.click(await screen.findByRole('button', { name: /Question q_000001/ }));
    const heading = await screen.findByRole('heading', { name: 'Question' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
    const field = await screen.findByLabelText('Your answer');
    fireEvent.input(field, { target: { value: 'Use the Reconcile tab.' } });
    await waitFor(async () =>
      expect((await readInboxDrafts(SESSION.user.id)).q_000001?.answer).toBe('Use the Reconcile tab.'),
    );

    // The draft survives closing and reopening the inbox.
    cleanup();
    const { calls, state } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /Question q_000001/ }));
    expect(state.drafts.value.q_000001?.answer).toBe('Use the Reconcile tab.');

    fireEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    await screen.findByLabelText('Your answer');
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).value).toBe('Use the Reconcile tab.');
    fireEvent.click(await enabled('Send answer'));
    await screen.findByText('Answer sent.');
    const sent = calls.find((c) => path(c) === '/v1/queue/q_000001/answer');
    expect(sent?.body).toMatchObject({ text: 'Use the Reconcile tab.' });
    await waitFor(async () => expect((await readInboxDrafts(SESSION.user.id)).q_000001?.answer).toBeUndefined());
    expect(screen.getByRole('list', { name: 'Thread' }).textContent).toContain('Use the Reconcile tab.');
  });

  it('clears a status line when its state passes: on the next edit, and on going back to the queue', async () => {
    await mount();
    const status = () => document.querySelector('.status')?.textContent;
    fireEvent.click(await screen.findByRole('button', { name: /Question q_000001/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    await waitFor(() => expect(status()).toBe('Claimed. It is yours.'));
    fireEvent.input(await screen.findByLabelText('Your answer'), { target: { value: 'Use the Reconcile tab.' } });
    await waitFor(() => expect(status()).toBe(''));
    fireEvent.click(await enabled('Send answer'));
    await waitFor(() => expect(status()).toBe('Answer sent.'));
    fireEvent.click(screen.getByRole('button', { name: '← Back to the queue' }));
    await waitFor(() => expect(status()).toBe(''));
  });

  it('hands off to a named colleague with a note', async () => {
    const { calls } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /Question q_000001/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    fireEvent.click(await enabled('Hand off…'));
    fireEvent.change(screen.getByLabelText('Hand to'), { target: { value: 'mentor:user_bbbbbb' } });
    fireEvent.input(screen.getByLabelText('Note for them'), { target: { value: 'Pharmacy question' } });
    fireEvent.click(await enabled('Hand off'));
    await screen.findByText('Handed off.');
    expect(calls.find((c) => path(c) === '/v1/queue/q_000001/handoff')?.body).toEqual({
      mentorId: 'user_bbbbbb',
      note: 'Pharmacy question',
    });
  });

  it('hands off to a discipline, offered by name, with a note', async () => {
    const { calls } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /Question q_000001/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    fireEvent.click(await enabled('Hand off…'));
    const target = screen.getByLabelText('Hand to') as HTMLSelectElement;
    expect([...target.options].map((o) => o.textContent)).toContain('Discipline: Pharmacy');
    fireEvent.change(target, { target: { value: 'discipline:pharmacy' } });
    fireEvent.input(screen.getByLabelText('Note for them'), { target: { value: 'Needs a dosing view' } });
    fireEvent.click(await enabled('Hand off'));
    await screen.findByText('Handed off.');
    expect(calls.find((c) => path(c) === '/v1/queue/q_000001/handoff')?.body).toEqual({
      disciplineWanted: 'pharmacy',
      note: 'Needs a dosing view',
    });
  });

  it('shows peer supporters every change to their role, as sentences with names', async () => {
    await sessionItem.setValue({ ...MENTOR, user: { ...MENTOR.user, roles: ['peer_supporter' as const] } });
    const { calls } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Show every change to the peer supporter role' }));
    await screen.findByText(/Ada Admin removed Pat Peer from peer support/);
    expect(screen.getByText(/Single sign-on or an admin tool made Pat Peer a peer supporter/)).toBeTruthy();
    expect(calls.filter((c) => path(c) === '/v1/peer-support/audit')).toHaveLength(1);
  });

  it('does not offer the peer-support audit to a mentor who is not a peer supporter', async () => {
    await mount();
    await screen.findByRole('heading', { name: 'Mentor inbox' });
    expect(screen.queryByRole('heading', { name: 'Who is a peer supporter' })).toBeNull();
  });

  it('tells a clinician the inbox is not for them', async () => {
    await sessionItem.setValue(SESSION);
    await mount();
    expect(screen.getByText('The inbox is for mentors and peer supporters.')).toBeTruthy();
  });
});

describe('questions moved by escalation', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
    await sessionItem.setValue(MENTOR);
  });
  afterEach(cleanup);

  it('say where they came from, by topic name', async () => {
    waiting = [queueItem('q_000001', { movedFrom: { topicId: 'topic_00002', at: '2026-03-02T12:00:00.000Z' } })];
    await mount();
    const [row] = await screen.findAllByRole('button', { name: /Question q_/ });
    expect(row?.textContent).toContain('Moved here from Orders');
    expect(row?.textContent).not.toContain('topic_00002');
  });
});
