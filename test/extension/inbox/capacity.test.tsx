import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest } from '../helpers';
import { claimedBy, inboxServer, mentorSession, queueItem, renderInbox } from './fixtures';

const MENTOR = mentorSession('Mo Mentor');
const ITEM = queueItem('q_000001', { text: 'Where is the heparin order set?', claim: claimedBy('Mo Mentor') });
const DETAIL = { ...ITEM, answers: [], messages: [], handoffs: [] };
const BACK = '← Back to the queue';

/** The API as the inbox sees it: the week's answered count goes up with each answer. */
function server(week: { answered: number; capacity: number }) {
  return inboxServer({
    'GET /v1/topics': () => json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] }),
    'GET /v1/mentors/me': () =>
      json(200, {
        topicIds: ['topic_00001'],
        disciplines: [],
        weeklyCapacity: week.capacity,
        away: false,
        answeredThisWeek: week.answered,
      }),
    'GET /v1/queue': () => json(200, { items: [ITEM] }),
    'GET /v1/queue/q_000001': () => json(200, DETAIL),
    'POST /v1/queue/q_000001/answer': () => {
      week.answered += 1;
      const answers = [{ id: 'a_000001', text: 'Favourites.', mentorName: 'Mo Mentor', createdAt: ITEM.createdAt }];
      return json(200, {
        item: { ...DETAIL, status: 'answered', answers },
        publication: { published: false, waitingFor: ['asker_consent'], identifiersFound: false },
      });
    },
  });
}

const mount = (week: { answered: number; capacity: number }) => renderInbox(server(week));

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
