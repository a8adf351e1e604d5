import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InboxApp } from '../../../extension/inbox/App';
import { createInboxState, InboxContext } from '../../../extension/inbox/state';
import { sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER } from '../helpers';

const MENTOR = { ...SESSION, user: { ...USER, displayName: 'Mo Mentor', roles: ['mentor' as const] } };
const ITEM = {
  id: 'q_000001',
  kind: 'question',
  text: 'Where is the heparin order set?',
  topicId: 'topic_00001',
  disciplineWanted: 'any',
  urgency: 'today',
  screen: null,
  pageTitle: null,
  status: 'open',
  createdAt: '2026-03-02T10:00:00.000Z',
  askerDiscipline: 'nursing',
  sla: { status: 'on_track', dueAt: '2026-03-02T14:00:00.000Z', remainingMs: 3_600_000, targetMs: 14_400_000 },
  claim: { state: 'mine', byName: 'Mo Mentor', expiresAt: '2026-03-02T11:00:00.000Z' },
  handedToMe: false,
  escalated: false,
  movedFrom: null,
  shareable: false,
};
const DETAIL = { ...ITEM, answers: [], messages: [], handoffs: [] };
const BACK = '← Back to the queue';

/** The API as the inbox sees it: the week's answered count goes up with each answer. */
function server(week: { answered: number; capacity: number }) {
  return vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    if (key === 'GET /v1/me/receipt-key') return json(200, { key: 'cd'.repeat(32) });
    if (key === 'GET /v1/topics')
      return json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] });
    if (key === 'GET /v1/mentors') return json(200, { mentors: [] });
    if (key === 'GET /v1/mentors/me')
      return json(200, {
        topicIds: ['topic_00001'],
        disciplines: [],
        weeklyCapacity: week.capacity,
        away: false,
        answeredThisWeek: week.answered,
      });
    if (key === 'GET /v1/queue') return json(200, { items: [ITEM] });
    if (key === 'GET /v1/queue/q_000001') return json(200, DETAIL);
    if (key === 'POST /v1/queue/q_000001/answer') {
      week.answered += 1;
      const answers = [{ id: 'a_000001', text: 'Favourites.', mentorName: 'Mo Mentor', createdAt: ITEM.createdAt }];
      return json(200, {
        item: { ...DETAIL, status: 'answered', answers },
        publication: { published: false, waitingFor: ['asker_consent'], identifiersFound: false },
      });
    }
    return json(404, { error: { code: 'not_found', message: `no fake for ${key}` } });
  });
}

async function mount(week: { answered: number; capacity: number }) {
  const state = createInboxState({ fetchFn: server(week), loadDetector: async () => null, version: '0.1.0' });
  await state.init();
  render(
    <InboxContext.Provider value={state}>
      <InboxApp />
    </InboxContext.Provider>,
  );
  return state;
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(MENTOR);
});
afterEach(cleanup);

describe('the inbox shows the week against capacity', () => {
  it('counts the week quietly while there is room', async () => {
    await mount({ answered: 2, capacity: 5 });
    await screen.findByText('2 of 5 questions answered in the last 7 days.');
    expect(screen.queryByText(/At capacity/)).toBeNull();
  });

  it('says when new questions spill to colleagues, and says it as soon as the last answer fills the week', async () => {
    const state = await mount({ answered: 0, capacity: 1 });
    await screen.findByText('0 of 1 question answered in the last 7 days.');
    await state.open('q_000001');
    await state.answer('q_000001', 'Favourites.');
    fireEvent.click(await screen.findByRole('button', { name: BACK }));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('At capacity: 1 of 1 question answered in the last 7 days.');
    expect(notice.textContent).toContain('New questions in your topics go to colleagues with room first');
  });
});
