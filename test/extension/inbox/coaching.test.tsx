import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { COACHING_TOPIC_ID, type Coaching } from '../../../shared/coaching';
import { json, mockManifest } from '../helpers';
import { claimedBy, inboxServer, mentorSession, mentorSettings, queueDetail, renderInbox } from './fixtures';

const MENTOR = mentorSession('Coach Cal');
const item = (claim: 'unclaimed' | 'mine') =>
  queueDetail('q_coach01', {
    text: 'How do I make this a project?',
    topicId: COACHING_TOPIC_ID,
    urgency: 'this_week',
    ...(claim === 'mine' ? { claim: claimedBy('Coach Cal') } : {}),
  });

const coaching = (canEdit: boolean, problem = ''): Coaching => ({
  questionId: 'q_coach01',
  flag: {
    id: 'flag_000001',
    text: 'Order entry times out mid-admission',
    category: 'documentation_ehr',
    createdAt: '2026-03-01T10:00:00.000Z',
  },
  card: {
    problem,
    affects: '',
    patients: '',
    measure: '',
    smallestTest: '',
    revision: problem ? 1 : 0,
    updatedByName: problem ? 'Coach Cal' : null,
    updatedAt: problem ? '2026-03-02T10:30:00.000Z' : null,
  },
  canEdit,
});

function server() {
  let claimed = false;
  return inboxServer({
    'GET /v1/topics': () =>
      json(200, { topics: [{ id: COACHING_TOPIC_ID, name: 'Improvement coaching', active: true }] }),
    'GET /v1/mentors/me': mentorSettings({ topicIds: [COACHING_TOPIC_ID] }),
    'GET /v1/queue': () => json(200, { items: [item(claimed ? 'mine' : 'unclaimed')] }),
    'GET /v1/queue/q_coach01': () => json(200, item(claimed ? 'mine' : 'unclaimed')),
    'POST /v1/queue/q_coach01/claim': () => {
      claimed = true;
      return json(200, { item: item('mine') });
    },
    'GET /v1/coaching/q_coach01': () => json(200, coaching(claimed)),
    'PUT /v1/coaching/q_coach01/card': (body) => json(200, coaching(true, (body as { problem: string }).problem)),
  });
}

describe('a "Help me shape this" request in the mentor inbox', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
    await sessionItem.setValue(MENTOR);
  });
  afterEach(cleanup);

  it('shows the flag and the card, editable once the coach claims the question', async () => {
    const api = server();
    await renderInbox(api);
    fireEvent.click(await screen.findByRole('button', { name: /How do I make this a project\?/ }));
    const panel = await screen.findByRole('region', { name: 'Coaching request' });
    await within(panel).findByText(/Order entry times out mid-admission/);
    expect(within(panel).queryByRole('button', { name: 'Edit the card' })).toBeNull();
    expect(within(panel).getByText('Claim the question to edit the card with them.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
    const edit = await within(panel).findByRole('button', { name: 'Edit the card' });
    fireEvent.click(edit);
    fireEvent.input(screen.getByLabelText('The problem in one sentence'), {
      target: { value: 'Order entry times out before an admission is done' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the card' }));
    await screen.findByText('Order entry times out before an admission is done', { selector: 'dd' });
    expect(api.routes('PUT /v1/coaching/q_coach01/card')[0]?.body).toEqual({
      revision: 0,
      problem: 'Order entry times out before an admission is done',
    });
    await waitFor(() => expect(screen.getByText(/Last saved by Coach Cal/)).toBeTruthy());
  });
});
