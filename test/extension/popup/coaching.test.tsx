import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { COACHING_TOPIC_ID, type Coaching } from '../../../shared/coaching';
import type { Flag } from '../../../shared/flags';
import type { Question } from '../../../shared/questions';
import { json, mockManifest, SESSION } from '../helpers';
import { fakeServer, type Handler, renderPopup } from './fixtures';

const FLAG: Flag = {
  id: 'flag_000001',
  clientId: '1f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  text: 'Order entry times out mid-admission',
  category: 'documentation_ehr',
  frequency: 'daily',
  minutesLost: 5,
  impact: 'delay',
  idea: null,
  unitId: null,
  screen: null,
  pageTitle: null,
  anonymous: false,
  contactOk: false,
  status: 'new',
  createdAt: '2026-01-03T10:00:00.000Z',
};

const COACH_Q: Question = {
  id: 'question_07',
  clientId: '3f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  kind: 'question',
  text: 'How do I make this a project?',
  topicId: COACHING_TOPIC_ID,
  disciplineWanted: 'any',
  urgency: 'this_week',
  screen: null,
  pageTitle: null,
  status: 'claimed',
  createdAt: '2026-01-04T10:00:00.000Z',
  answers: [],
  messages: [],
  needsReply: false,
  helpful: null,
  shareConsent: false,
  published: false,
};

const COACHING: Coaching = {
  questionId: 'question_07',
  flag: { id: FLAG.id, text: FLAG.text, category: FLAG.category, createdAt: FLAG.createdAt },
  card: {
    problem: 'Timeouts lose orders',
    affects: '',
    patients: '',
    measure: '',
    smallestTest: '',
    revision: 1,
    updatedByName: 'Coach Cal',
    updatedAt: '2026-01-04T11:00:00.000Z',
  },
  canEdit: true,
};

function server(
  opts: { flags?: Flag[]; questions?: Question[]; coaching?: Coaching[] },
  extra: Record<string, Handler> = {},
) {
  return fakeServer({
    'GET /v1/flags/mine': () => json(200, { flags: opts.flags ?? [FLAG] }),
    'GET /v1/questions/mine': () => json(200, { questions: opts.questions ?? [] }),
    'GET /v1/reflections/mine': () => json(200, { reflections: [] }),
    'GET /v1/thanks/sent': () => json(200, { thanks: [] }),
    'GET /v1/coaching/mine': () => json(200, { coaching: opts.coaching ?? [] }),
    ...extra,
  });
}

async function openItems(s: ReturnType<typeof fakeServer>, first = FLAG.text) {
  const popup = await renderPopup(s);
  fireEvent.click(screen.getByRole('button', { name: 'My items' }));
  // The first render of a file loads the services chunk: slow on a busy machine.
  await screen.findByText(first, {}, { timeout: 5000 });
  return popup;
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('"Help me shape this" on a named flag', () => {
  it('asks a coach about the flag, then says where the thread is', async () => {
    let asked = false;
    const s = server(
      {},
      {
        'POST /v1/flags/flag_000001/coaching': () => {
          asked = true;
          return json(201, { question: COACH_Q, coaching: { ...COACHING, card: { ...COACHING.card, problem: '' } } });
        },
        'GET /v1/questions/mine': () => json(200, { questions: asked ? [COACH_Q] : [] }),
      },
    );
    await openItems(s);
    fireEvent.click(await screen.findByText('Help me shape this'));
    fireEvent.input(screen.getByLabelText('What would you like help with?'), {
      target: { value: 'How do I make this a project?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ask a coach' }));
    await screen.findByText(/You asked a coach to help shape this/);
    expect(s.routes('POST /v1/flags/flag_000001/coaching')[0]?.body).toEqual({
      clientId: expect.any(String),
      text: 'How do I make this a project?',
    });
    // The new thread shows in My items, with its card.
    await screen.findByText('How do I make this a project?', { selector: '.item-text' });
    expect(screen.getByText(`Coaching on your flag: “${FLAG.text}”`)).toBeTruthy();
  });

  it('is not offered on an anonymous flag', async () => {
    await openItems(server({ flags: [{ ...FLAG, anonymous: true }] }));
    await waitFor(() => expect(screen.queryByText('Help me shape this')).toBeNull());
  });
});

describe('the framing card in My items', () => {
  it('shows the card, and saves an edit over the revision it started from', async () => {
    const s = server(
      { questions: [COACH_Q], coaching: [COACHING] },
      {
        'PUT /v1/coaching/question_07/card': (body) =>
          json(200, {
            ...COACHING,
            card: { ...COACHING.card, ...(body as object), revision: 2, updatedByName: 'You' },
          }),
      },
    );
    await openItems(s);
    const card = await screen.findByRole('region', { name: 'Framing card' });
    expect(within(card).getByText('Timeouts lose orders')).toBeTruthy();
    expect(within(card).getByText(/Last saved by Coach Cal/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Edit the card' }));
    fireEvent.input(screen.getByLabelText('How we would know it improved (a measure)'), {
      target: { value: 'Timeouts per week' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the card' }));
    await screen.findByText('Timeouts per week', { selector: 'dd' });
    expect(s.routes('PUT /v1/coaching/question_07/card')[0]?.body).toEqual({
      revision: 1,
      problem: 'Timeouts lose orders',
      measure: 'Timeouts per week',
    });
  });

  it('on a conflict says why and shows the card someone else saved', async () => {
    let calls = 0;
    const s = server(
      { questions: [COACH_Q] },
      {
        'GET /v1/coaching/mine': () => {
          calls += 1;
          const problem = calls === 1 ? 'Timeouts lose orders' : 'The coach’s newer wording';
          return json(200, { coaching: [{ ...COACHING, card: { ...COACHING.card, problem, revision: calls } }] });
        },
        'PUT /v1/coaching/question_07/card': () =>
          json(409, { error: { code: 'conflict', message: 'Someone saved the card since you opened it' } }),
      },
    );
    await openItems(s);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the card' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the card' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Someone saved the card/));
    await screen.findByText('The coach’s newer wording');
  });
});
