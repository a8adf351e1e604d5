import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { COACHING_TOPIC_ID, type Coaching } from '../../../shared/coaching';
import type { Flag } from '../../../shared/flags';
import type { Question } from '../../../shared/questions';
import type { SmallTest } from '../../../shared/small-tests';
import { json, mockManifest, SESSION } from '../helpers';
import { fakeServer, type Handler, myQuestion, openItems } from './fixtures';

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

const COACH_Q: Question = myQuestion({
  id: 'question_07',
  clientId: '3f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  text: 'How do I make this a project?',
  topicId: COACHING_TOPIC_ID,
  urgency: 'this_week',
  status: 'claimed',
});

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
    'GET /v1/small-tests/mine': () => json(200, { tests: [] }),
    ...extra,
  });
}

const openFlags = (s: ReturnType<typeof fakeServer>, first = FLAG.text) => openItems(s, first);

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
    await openFlags(s);
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
    await openFlags(server({ flags: [{ ...FLAG, anonymous: true }] }));
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
    await openFlags(s);
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
    await openFlags(s);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the card' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the card' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Someone saved the card/));
    await screen.findByText('The coach’s newer wording');
  });
});

const TEST: SmallTest = {
  cycle: {
    id: 'cycle_00001',
    hotspotId: 'hotspot_001',
    ownerId: 'user_aaaaaa',
    ownerName: 'Nia Nurse',
    stage: 'do',
    changeIdea: 'Longer timeout on one ward',
    prediction: 'No lost orders for a week',
    measure: 'Timeouts per week',
    doNotes: null,
    studyNotes: null,
    decision: null,
    actNotes: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    doAt: '2026-01-06T10:00:00.000Z',
    studyAt: null,
    actAt: null,
    result: null,
  },
  role: 'owner',
  approval: 'approved',
  approvalReason: null,
  sponsorName: 'Sam Sponsor',
  coachName: 'Coach Cal',
  result: null,
  coachingQuestionId: 'question_07',
  createdAt: '2026-01-05T10:00:00.000Z',
};

describe('clinician-owned small tests in My items', () => {
  it('turns a framed card into a test, sponsored by a lead chosen by name', async () => {
    const framed = { ...COACHING, card: { ...COACHING.card, smallestTest: 'Longer timeout on one ward' } };
    const s = server(
      { questions: [COACH_Q], coaching: [framed] },
      {
        'GET /v1/sponsors': () => json(200, { sponsors: [{ id: 'user_lead01', displayName: 'Sam Sponsor' }] }),
        'POST /v1/coaching/question_07/cycles': () =>
          json(201, { ...TEST, approval: 'pending', cycle: { ...TEST.cycle, stage: 'plan' } }),
      },
    );
    await openFlags(s);
    const summary = await screen.findByText('Turn this into a small test');
    const details = summary.closest('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(screen.getByLabelText('The change to test')).toHaveProperty('value', 'Longer timeout on one ward');
    fireEvent.input(screen.getByLabelText('What you predict will happen'), {
      target: { value: 'No lost orders for a week' },
    });
    fireEvent.input(screen.getByLabelText('How you will measure it'), { target: { value: 'Timeouts per week' } });
    await screen.findByRole('option', { name: 'Sam Sponsor' });
    fireEvent.change(screen.getByLabelText('Sponsor (a lead who approves it)'), { target: { value: 'user_lead01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask for approval' }));
    await screen.findByText('Waiting for your sponsor');
    expect(s.routes('POST /v1/coaching/question_07/cycles')[0]?.body).toEqual({
      clientId: expect.any(String),
      changeIdea: 'Longer timeout on one ward',
      prediction: 'No lost orders for a week',
      measure: 'Timeouts per week',
      sponsorId: 'user_lead01',
    });
  });

  it('shows a sponsor’s reason for sending it back, and offers no move until approved', async () => {
    const back = { ...TEST, approval: 'changes' as const, approvalReason: 'Measure a baseline week first' };
    await openFlags(
      server(
        { questions: [COACH_Q], coaching: [COACHING] },
        { 'GET /v1/small-tests/mine': () => json(200, { tests: [back] }) },
      ),
    );
    await screen.findByText('Measure a baseline week first');
    expect(screen.getByText('Your sponsor asked for changes')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Move to/ })).toBeNull();
  });

  it('records the result beside the prediction at Study, then a decision and a sentence at Act', async () => {
    const s = server(
      { questions: [COACH_Q], coaching: [COACHING] },
      {
        'GET /v1/small-tests/mine': () => json(200, { tests: [TEST] }),
        'POST /v1/small-tests/cycle_00001/advance': (body) => {
          const b = body as { stage: 'study' | 'act'; notes?: string; decision?: 'adopt'; result?: string };
          return json(200, {
            ...TEST,
            result: b.result ?? null,
            cycle: { ...TEST.cycle, stage: b.stage, studyNotes: 'One timeout all week', decision: b.decision ?? null },
          });
        },
      },
    );
    await openFlags(s);
    await screen.findByText('You predicted: No lost orders for a week');
    fireEvent.click(screen.getByRole('button', { name: 'Move to Study' }));
    await screen.findByText(/Say what happened/);
    fireEvent.input(screen.getByLabelText('What happened, beside your prediction'), {
      target: { value: 'One timeout all week' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move to Study' }));
    await screen.findByText('Predicted: No lost orders for a week. Found: One timeout all week');
    fireEvent.click(screen.getByLabelText('Adopt'));
    fireEvent.input(screen.getByLabelText('The result in one sentence, for everyone who flagged this'), {
      target: { value: 'the longer timeout stops lost orders' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move to Act' }));
    await screen.findByText(': the longer timeout stops lost orders');
    // The owner reads the decision as done, as reporters do ("Adopted", not the option's "Adopt").
    expect(screen.getByText('Adopted').tagName).toBe('STRONG');
    expect(s.routes('POST /v1/small-tests/cycle_00001/advance').map((r) => r.body)).toEqual([
      { stage: 'study', notes: 'One timeout all week' },
      { stage: 'act', decision: 'adopt', result: 'the longer timeout stops lost orders' },
    ]);
  });

  it('tells reporters the decision in words, not enum values', async () => {
    const decided = {
      ...FLAG,
      cycles: [
        {
          id: 'cycle_00001',
          stage: 'act' as const,
          changeIdea: 'Longer timeout',
          decision: 'adopt' as const,
          result: 'the longer timeout stops lost orders',
        },
        { id: 'cycle_00002', stage: 'do' as const, changeIdea: 'A shorter form', decision: null, result: null },
      ],
    };
    await openFlags(server({ flags: [decided] }));
    await screen.findByText('Adopted: the longer timeout stops lost orders');
    expect(screen.getByText('Testing a change (Do): A shorter form')).toBeTruthy();
  });
});
