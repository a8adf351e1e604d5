import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { Mentorship } from '../../../shared/mentorships';
import type { Question } from '../../../shared/questions';
import { json, mockManifest, SESSION, USER, unlockedFor } from '../helpers';
import { fakeServer, type Handler, renderPopup } from './fixtures';

const MO = { id: 'user_mentor1', displayName: 'Mo Mentor', discipline: 'nursing' as const };
const ME = { id: USER.id, displayName: USER.displayName, discipline: USER.discipline };

const mentorship = (overrides: Partial<Mentorship> = {}): Mentorship => ({
  id: 'mentorship_01',
  clientId: '6f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  status: 'active',
  awaiting: null,
  mentee: ME,
  mentor: MO,
  purpose: 'My residency year on 4 West',
  goals: 'Lead a handover by March',
  rhythm: 'fortnightly',
  createdAt: '2026-01-04T10:00:00.000Z',
  startedAt: '2026-01-05T10:00:00.000Z',
  endedAt: null,
  nextCheckInAt: '2026-01-19T10:00:00.000Z',
  remindedAt: null,
  myRole: 'mentee',
  ...overrides,
});

function server(mine: Mentorship[], extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /v1/questions/mine': () => json(200, { questions: [] }),
    'GET /v1/mentorships/mine': () => json(200, { mentorships: mine }),
    'GET /v1/mentorships/mentors': () =>
      json(200, {
        mentors: [
          { ...MO, hasRoom: true },
          { id: 'user_mentor2', displayName: 'Full Fran', discipline: 'pharmacy', hasRoom: false },
        ],
      }),
    ...extra,
  });
}

async function openItems(s: ReturnType<typeof fakeServer>) {
  const popup = await renderPopup(s);
  fireEvent.click(screen.getByRole('button', { name: 'My items' }));
  await screen.findByRole('heading', { name: 'My mentorship' });
  return popup;
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('My mentorship in the popup (mentee)', () => {
  it('asks for a mentor: only mentors with room are offered, the request carries a clientId, and it shows as waiting', async () => {
    const s = server([], {
      'POST /v1/mentorships': (body) =>
        json(
          201,
          mentorship({
            ...(body as object),
            status: 'requested',
            awaiting: 'mentor',
            goals: '',
            startedAt: null,
            nextCheckInAt: null,
          }),
        ),
    });
    await openItems(s);
    fireEvent.click(screen.getByText('Ask for a mentor', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: 'Ask for a mentor' });
    await within(form).findByRole('option', { name: 'Mo Mentor (nursing)' });
    expect(within(form).queryByRole('option', { name: /Full Fran/ })).toBeNull();
    fireEvent.change(within(form).getByLabelText('Mentor'), { target: { value: MO.id } });
    fireEvent.input(within(form).getByLabelText('What is it for?'), {
      target: { value: 'My residency year on 4 West' },
    });
    fireEvent.change(within(form).getByLabelText('Check in'), { target: { value: 'weekly' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ask for a mentor' }));

    await screen.findByRole('heading', { name: 'Mentor: Mo Mentor' });
    expect(s.routes('POST /v1/mentorships')[0]?.body).toEqual({
      clientId: expect.any(String),
      mentorId: MO.id,
      purpose: 'My residency year on 4 West',
      rhythm: 'weekly',
    });
    expect(screen.getByText(/Waiting for an answer/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Withdraw request' })).toBeTruthy();
  });

  it('holds a purpose with an identifier until the mentee confirms it (then only its hash travels)', async () => {
    const s = server([]);
    await openItems(s);
    fireEvent.click(screen.getByText('Ask for a mentor', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: 'Ask for a mentor' });
    fireEvent.input(within(form).getByLabelText('What is it for?'), { target: { value: 'Help after John left' } });
    await within(form).findByText(/Looks like a name/);
    fireEvent.submit(form);
    await within(form).findByText(/This still looks like: a name\./);
    expect(s.routes('POST /v1/mentorships')).toHaveLength(0);
    fireEvent.click(within(form).getByRole('button', { name: 'Send with the highlighted text' }));
    await waitFor(() => expect(s.routes('POST /v1/mentorships')).toHaveLength(1));
    expect(s.routes('POST /v1/mentorships')[0]?.body).toMatchObject({
      purpose: 'Help after John left',
      confirmedSpans: [{ kind: 'name', sha256: expect.any(String) }],
    });
  });

  it('shows the pairing with goals, the next check-in and a due reminder; ends it with no reason asked', async () => {
    const active = mentorship({ remindedAt: '2026-01-19T10:05:00.000Z' });
    const s = server([active], {
      'POST /v1/mentorships/mentorship_01/end': () =>
        json(200, { ...active, status: 'ended', endedAt: '2026-01-20T10:00:00.000Z', nextCheckInAt: null }),
    });
    await openItems(s);
    const card = (await screen.findByRole('heading', { name: 'Mentor: Mo Mentor' })).closest('article') as HTMLElement;
    expect(within(card).getByText('Lead a handover by March')).toBeTruthy();
    expect(within(card).getByText('Every two weeks')).toBeTruthy();
    expect(within(card).getByText('Next check-in')).toBeTruthy();
    expect(within(card).getByRole('status').textContent).toMatch(/A check-in is due/);

    fireEvent.click(within(card).getByRole('button', { name: 'End mentorship' }));
    expect(within(card).getByText(/No reason is asked/)).toBeTruthy();
    expect(within(card).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, end it' }));
    await waitFor(() => expect(s.routes('POST /v1/mentorships/mentorship_01/end')).toHaveLength(1));
    await waitFor(() => expect(screen.getByText('Ask for a mentor', { selector: 'summary' })).toBeTruthy());
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Mentorship ended.');
  });

  it('the Ask form offers "my mentor first" while a mentorship is active, and sends it with the question', async () => {
    await unlockedFor(USER.id, 'ef'.repeat(32));
    const s = server([mentorship()], {
      'POST /v1/questions': (body) =>
        json(201, {
          ...(body as object),
          id: 'question_01',
          screen: null,
          pageTitle: null,
          status: 'open',
          createdAt: '2026-01-02T10:00:00.000Z',
          answers: [],
          kind: 'question',
          messages: [],
          needsReply: false,
          helpful: null,
          shareConsent: false,
          published: false,
        } satisfies Partial<Question>),
    });
    await renderPopup(s);
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    const first = await screen.findByLabelText('Ask Mo Mentor, my mentor, first');
    fireEvent.input(screen.getByLabelText('Your question'), { target: { value: 'How do I escalate a late med?' } });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Medications' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'topic_00001' } });
    fireEvent.click(first);
    fireEvent.click(screen.getByRole('button', { name: 'Send question' }));
    await waitFor(() => expect(s.routes('POST /v1/questions')).toHaveLength(1));
    expect(s.routes('POST /v1/questions')[0]?.body).toMatchObject({ mentorFirst: true, topicId: 'topic_00001' });
  });

  it('offers no "mentor first" without an active mentorship', async () => {
    const s = server([mentorship({ status: 'requested', awaiting: 'mentor', startedAt: null, nextCheckInAt: null })]);
    await renderPopup(s);
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    await screen.findByLabelText('Your question');
    await waitFor(() => expect(s.routes('GET /v1/mentorships/mine').length).toBeGreaterThan(0));
    expect(screen.queryByLabelText(/my mentor, first/)).toBeNull();
  });
});
