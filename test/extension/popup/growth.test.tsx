import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sha256Hex } from '../../../extension/lib/ids';
import { sessionItem } from '../../../extension/lib/storage';
import type { Reflection, ThanksSent } from '../../../shared/growth';
import type { Question } from '../../../shared/questions';
import { json, mockManifest, openDrafts, SESSION } from '../helpers';
import { fakeServer, type Handler, myQuestion, openItems, renderPopup } from './fixtures';

const ANSWERED = myQuestion({
  status: 'answered',
  answers: [
    {
      id: 'answer_0001',
      text: 'Under Favourites → Insulin.',
      mentorName: 'Ana',
      createdAt: '2026-01-04T12:00:00.000Z',
    },
  ],
  helpful: true,
});

const reflection = (text: string): Reflection => ({
  id: 'reflect_001',
  clientId: '2b1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d41',
  subjectKind: 'question',
  subjectId: 'question_01',
  subjectText: ANSWERED.text,
  text,
  createdAt: '2026-01-05T09:00:00.000Z',
});

function server(
  growth: { reflections?: Reflection[]; thanks?: ThanksSent[] } = {},
  extra: Record<string, Handler> = {},
  questions: Question[] = [ANSWERED],
) {
  return fakeServer({
    'GET /v1/questions/mine': () => json(200, { questions }),
    'GET /v1/reflections/mine': () => json(200, { reflections: growth.reflections ?? [] }),
    'GET /v1/thanks/sent': () => json(200, { thanks: growth.thanks ?? [] }),
    'GET /v1/coaching/mine': () => json(200, { coaching: [] }),
    ...extra,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('reflection after an answer', () => {
  it('offers "What will you do differently?", says it is private, and saves it', async () => {
    const s = server(
      {},
      {
        'POST /v1/reflections': (body) => json(201, { ...reflection((body as { text: string }).text) }),
      },
    );
    await openItems(s);
    fireEvent.click(await screen.findByText('What will you do differently?'));
    const field = screen.getByLabelText('Your reflection (optional)');
    expect(screen.getByText(/only you can read it/)).toBeTruthy();
    fireEvent.input(field, { target: { value: 'Check Favourites before paging' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await screen.findByText('Check Favourites before paging', { selector: 'blockquote p' });
    expect(s.routes('POST /v1/reflections')[0]?.body).toEqual({
      clientId: expect.any(String),
      subjectKind: 'question',
      subjectId: 'question_01',
      text: 'Check Favourites before paging',
    });
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Reflection saved. Only you can read it.');
    expect((await openDrafts()).replies?.['reflection:question_01']).toBeUndefined();
  });

  it('shows my earlier reflection and deletes it', async () => {
    const s = server(
      { reflections: [reflection('Ask the pharmacist sooner')] },
      { 'DELETE /v1/reflections/reflect_001': () => json(200, { ok: true }) },
    );
    await openItems(s);
    const mine = await screen.findByText('Ask the pharmacist sooner');
    fireEvent.click(within(mine.closest('blockquote') as HTMLElement).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('Ask the pharmacist sooner')).toBeNull());
    expect(s.routes('DELETE /v1/reflections/reflect_001')).toHaveLength(1);
  });

  it('checks the reflection for identifiers and sends only hashes after "Send anyway"', async () => {
    const s = server({}, { 'POST /v1/reflections': () => json(201, reflection('Same as for John')) });
    await openItems(s);
    fireEvent.click(await screen.findByText('What will you do differently?'));
    fireEvent.input(screen.getByLabelText('Your reflection (optional)'), { target: { value: 'Same as for John' } });
    await screen.findByText(/Looks like a name/);
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await screen.findByText(/This still looks like: a name\./);
    expect(s.routes('POST /v1/reflections')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Send with the highlighted text' }));
    await waitFor(() => expect(s.routes('POST /v1/reflections')).toHaveLength(1));
    expect(s.routes('POST /v1/reflections')[0]?.body).toMatchObject({
      confirmedSpans: [{ kind: 'name', sha256: await sha256Hex('John') }],
    });
  });

  it('keeps a reflection being written as a draft when the popup closes', async () => {
    const first = await openItems(server());
    fireEvent.click(await screen.findByText('What will you do differently?'));
    fireEvent.input(screen.getByLabelText('Your reflection (optional)'), { target: { value: 'Next time' } });
    await waitFor(async () => expect((await openDrafts()).replies).toEqual({ 'reflection:question_01': 'Next time' }));
    first.view.unmount();
    await renderPopup(server());
    const field = await screen.findByLabelText('Your reflection (optional)');
    await waitFor(() => expect(field).toHaveProperty('value', 'Next time'));
  });

  it('is not offered before an answer, nor for "need to talk"', async () => {
    const talk: Question = { ...ANSWERED, id: 'question_02', kind: 'need_to_talk', topicId: null, text: 'Rough night' };
    const open: Question = { ...ANSWERED, id: 'question_03', status: 'open', answers: [], helpful: null };
    await openItems(server({}, {}, [{ ...open }, talk, { ...ANSWERED, id: 'question_04', text: 'Shown' }]));
    await screen.findByText('Shown');
    await waitFor(() => expect(screen.getAllByText('What will you do differently?')).toHaveLength(1));
    const talkItem = screen.getByText('Rough night').closest('li') as HTMLElement;
    expect(within(talkItem).queryByText('What will you do differently?')).toBeNull();
    expect(within(talkItem).queryByText('Say thank you')).toBeNull();
  });
});

describe('"This helped": a thank-you', () => {
  it('sends a short thank-you once "This helped" is pressed, then shows it instead of the box', async () => {
    const s = server(
      {},
      {
        'POST /v1/questions/question_01/thanks': (body) =>
          json(201, {
            id: 'thanks_0001',
            clientId: (body as { clientId: string }).clientId,
            questionId: 'question_01',
            text: (body as { text: string }).text,
            createdAt: '2026-01-05T09:00:00.000Z',
          }),
      },
    );
    await openItems(s);
    fireEvent.click(await screen.findByText('Say thank you'));
    expect(screen.getByText(/not your name/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('A short thank-you'), { target: { value: 'Saved me a call' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send thanks' }));
    await screen.findByText('You thanked your mentor: “Saved me a call”');
    expect(s.routes('POST /v1/questions/question_01/thanks')[0]?.body).toEqual({
      clientId: expect.any(String),
      text: 'Saved me a call',
    });
    expect(screen.queryByText('Say thank you')).toBeNull();
  });

  it('is not offered before "This helped" is pressed', async () => {
    await openItems(server({}, {}, [{ ...ANSWERED, helpful: null }]));
    await screen.findByText('What will you do differently?');
    expect(screen.queryByText('Say thank you')).toBeNull();
  });

  it('is not offered again once sent: the words sent show instead', async () => {
    const sent: ThanksSent = {
      id: 'thanks_0001',
      clientId: ANSWERED.clientId,
      questionId: 'question_01',
      text: 'Cheers',
      createdAt: '2026-01-05T09:00:00.000Z',
    };
    await openItems(server({ thanks: [sent] }));
    await screen.findByText('You thanked your mentor: “Cheers”');
    expect(screen.queryByText('Say thank you')).toBeNull();
  });

  it('keeps the words and says why when the API refuses', async () => {
    const s = server(
      {},
      {
        'POST /v1/questions/question_01/thanks': () =>
          json(409, { error: { code: 'conflict', message: 'You have already thanked your mentor for this answer' } }),
      },
    );
    await openItems(s);
    fireEvent.click(await screen.findByText('Say thank you'));
    fireEvent.input(screen.getByLabelText('A short thank-you'), { target: { value: 'Thanks again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send thanks' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('You have already thanked your mentor for this answer'),
    );
    expect(screen.getByLabelText('A short thank-you')).toHaveProperty('value', 'Thanks again');
  });
});

describe('my portfolio', () => {
  it('downloads my portfolio as a printable page and as Markdown, made from my own record', async () => {
    const portfolio = {
      name: 'Test User',
      discipline: 'nursing',
      generatedAt: '2026-02-01T10:00:00.000Z',
      questions: [],
      flagsThatLedToChange: [],
      cycles: [],
      reflections: [{ on: ANSWERED.text, text: 'Favourites first', at: '2026-01-05T09:00:00.000Z' }],
      thanksReceived: [],
      mentoring: {
        answersGiven: 4,
        markedHelpful: 2,
        publishedReads: 9,
        coachingThreads: 0,
        tipsWritten: 2,
        minutesGiven: 70,
      },
    };
    const s = server({}, { 'GET /v1/portfolio/mine': () => json(200, portfolio) });
    const saved: { name: string; type: string; text: string }[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      void blob.text().then((text) => saved.push({ name: '', type: blob.type, text }));
      return 'blob:portfolio';
    };
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, type: '', text: '' });
    });
    try {
      await openItems(s);
      fireEvent.click(screen.getByText('My portfolio'));
      fireEvent.click(screen.getByRole('button', { name: 'Printable page' }));
      await waitFor(() => expect(saved.map((x) => x.name)).toContain('curbside-portfolio-2026-02-01.html'));
      fireEvent.click(screen.getByRole('button', { name: 'Markdown' }));
      await waitFor(() => expect(saved.map((x) => x.name)).toContain('curbside-portfolio-2026-02-01.md'));
      await waitFor(() => expect(saved.find((x) => x.type === 'text/markdown')?.text).toContain('Favourites first'));
      const page = saved.find((x) => x.type === 'text/html')?.text;
      expect(page).toContain('<h2>Reflections</h2>');
      expect(page).toContain('<li>2 screen tips written</li>');
      expect(page).toContain('<li>1.25 hours given (an estimate, not a timer');
      expect(saved.find((x) => x.type === 'text/markdown')?.text).toContain('1\\.25 hours given');
      expect(s.routes('GET /v1/portfolio/mine')).toHaveLength(2);
    } finally {
      URL.createObjectURL = create;
      click.mockRestore();
    }
  });

  it('tells a mentor how hours given is counted, before they download it', async () => {
    await sessionItem.setValue({ ...SESSION, user: { ...SESSION.user, roles: ['clinician', 'mentor'] } });
    await openItems(server());
    fireEvent.click(screen.getByText('My portfolio'));
    expect(
      screen.getByText(/hours given: an estimate, not a timer: 15 minutes for each question answered/),
    ).toBeTruthy();
  });

  it('says nothing of hours given to someone who does not mentor', async () => {
    await openItems(server());
    fireEvent.click(screen.getByText('My portfolio'));
    expect(screen.queryByText(/hours given/)).toBeNull();
  });
});
