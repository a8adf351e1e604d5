import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { Mentorship } from '../../../shared/mentorships';
import { json, mockManifest, USER } from '../helpers';
import { inboxServer, mentorSession, mentorSettings, renderInbox } from './fixtures';

const MENTOR = mentorSession('Mo Mentor');
const ME = { id: USER.id, displayName: 'Mo Mentor', discipline: 'nursing' as const };

const base = (id: string, menteeName: string, overrides: Partial<Mentorship>): Mentorship => ({
  id,
  clientId: '6f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  status: 'active',
  awaiting: null,
  mentee: { id: `user_${id.slice(-6)}`, displayName: menteeName, discipline: 'nursing' },
  mentor: ME,
  purpose: 'Residency year',
  goals: '',
  rhythm: 'fortnightly',
  createdAt: '2026-01-04T10:00:00.000Z',
  startedAt: '2026-01-05T10:00:00.000Z',
  endedAt: null,
  nextCheckInAt: '2026-01-19T10:00:00.000Z',
  remindedAt: null,
  myRole: 'mentor',
  ...overrides,
});

const REQUEST = base('mentorship_01', 'Nia Newgrad', {
  status: 'requested',
  awaiting: 'mentor',
  startedAt: null,
  nextCheckInAt: null,
  purpose: 'New to the charge nurse role',
});
const MENTEE = base('mentorship_02', 'Omar Ortho', {
  goals: 'Present at the unit meeting',
  remindedAt: '2026-01-19T10:05:00.000Z',
});

function server(mine: Mentorship[], acceptStatus = 200) {
  return inboxServer({
    'GET /v1/mentors/me': mentorSettings({ weeklyCapacity: 2 }),
    'GET /v1/mentorships/mine': () => json(200, { mentorships: mine }),
    'POST /v1/mentorships/mentorship_01/accept': () =>
      acceptStatus === 200
        ? json(200, { ...REQUEST, status: 'active', awaiting: null, nextCheckInAt: '2026-02-01T10:00:00.000Z' })
        : json(409, {
            error: {
              code: 'conflict',
              message: 'You are at capacity (or away): raise your weekly capacity or end a mentorship first',
            },
          }),
    'POST /v1/mentorships/mentorship_01/decline': () => json(200, { ...REQUEST, status: 'declined', awaiting: null }),
    'POST /v1/mentorships/mentorship_02/check-in': () =>
      json(200, { ...MENTEE, remindedAt: null, nextCheckInAt: '2026-02-02T10:00:00.000Z' }),
    'PUT /v1/mentorships/mentorship_02/goals': (body) =>
      json(200, { ...MENTEE, goals: (body as { goals: string }).goals }),
  });
}

async function mount(mine: Mentorship[], acceptStatus = 200) {
  await sessionItem.setValue(MENTOR);
  const s = server(mine, acceptStatus);
  await renderInbox(s);
  return s;
}

const cardOf = async (name: string) =>
  (await screen.findByRole('heading', { name: `Mentee: ${name}` })).closest('article') as HTMLElement;

describe('Mentorships in the mentor inbox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });
  afterEach(cleanup);

  it('lists requests to accept or decline, and mentees with their goals, next check-in and a due reminder', async () => {
    await mount([REQUEST, MENTEE]);
    expect(await screen.findByRole('heading', { name: 'Asking you to mentor them' })).toBeTruthy();
    const request = await cardOf('Nia Newgrad');
    expect(within(request).getByText('New to the charge nurse role')).toBeTruthy();
    expect(within(request).getByRole('button', { name: 'Accept' })).toBeTruthy();
    expect(within(request).getByRole('button', { name: 'Decline' })).toBeTruthy();

    expect(screen.getByRole('heading', { name: 'My mentees' })).toBeTruthy();
    const mentee = await cardOf('Omar Ortho');
    expect(within(mentee).getByText('Present at the unit meeting')).toBeTruthy();
    expect(within(mentee).getByText('Next check-in')).toBeTruthy();
    expect(within(mentee).getByRole('status').textContent).toMatch(/A check-in is due/);
  });

  it('accepts a request, and the mentee moves to My mentees', async () => {
    const s = await mount([REQUEST]);
    fireEvent.click(within(await cardOf('Nia Newgrad')).getByRole('button', { name: 'Accept' }));
    await screen.findByRole('heading', { name: 'My mentees' });
    expect(screen.queryByRole('heading', { name: 'Asking you to mentor them' })).toBeNull();
    expect(s.routes('POST /v1/mentorships/mentorship_01/accept')).toHaveLength(1);
  });

  it('at capacity the accept is refused with the reason, and the request stays', async () => {
    await mount([REQUEST], 409);
    fireEvent.click(within(await cardOf('Nia Newgrad')).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/You are at capacity/));
    expect(screen.getByRole('heading', { name: 'Asking you to mentor them' })).toBeTruthy();
  });

  it('declines with no reason asked; records a check-in; edits goals; the panel is absent without any', async () => {
    const s = await mount([REQUEST, MENTEE]);
    fireEvent.click(within(await cardOf('Nia Newgrad')).getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Asking you to mentor them' })).toBeNull());
    expect(s.routes('POST /v1/mentorships/mentorship_01/decline')[0]?.body ?? {}).toEqual({});

    const mentee = await cardOf('Omar Ortho');
    fireEvent.click(within(mentee).getByRole('button', { name: 'We met' }));
    await waitFor(() => expect(within(mentee).queryByRole('status')).toBeNull());

    fireEvent.click(within(mentee).getByRole('button', { name: 'Edit goals' }));
    fireEvent.input(within(mentee).getByLabelText('Agreed goals'), { target: { value: 'Lead two handovers' } });
    fireEvent.submit(within(mentee).getByRole('button', { name: 'Save goals' }).closest('form') as HTMLFormElement);
    await within(mentee).findByText('Lead two handovers');
    expect(s.routes('PUT /v1/mentorships/mentorship_02/goals')[0]?.body).toEqual({
      goals: 'Lead two handovers',
      rhythm: 'fortnightly',
    });

    cleanup();
    await mount([]);
    await screen.findByText('Mentor inbox');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Mentorships' })).toBeNull());
  });
});
