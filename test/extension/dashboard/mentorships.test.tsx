import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredSession } from '../../../extension/lib/storage';
import type { Mentorship, ProgrammeMentorships } from '../../../shared/mentorships';
import { json, mockManifest, routeFetch } from '../helpers';
import { LEAD, renderDashboard } from './fixtures';

const ADMIN: StoredSession = { ...LEAD, user: { ...LEAD.user, roles: ['admin' as const] } };

const NIA = { id: 'user_nurse1', displayName: 'Nia Newgrad', discipline: 'nursing' as const };
const request: Mentorship = {
  id: 'mentorship_01',
  clientId: '6f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  status: 'requested',
  awaiting: 'lead',
  mentee: NIA,
  mentor: null,
  purpose: 'My residency year on 4 West',
  goals: 'Lead a handover',
  rhythm: 'fortnightly',
  createdAt: '2026-01-04T10:00:00.000Z',
  startedAt: null,
  endedAt: null,
  nextCheckInAt: null,
  remindedAt: null,
  myRole: 'lead',
};

const PROGRAMME: ProgrammeMentorships = {
  mentorships: [request],
  mentors: [
    {
      id: 'user_mentor1',
      displayName: 'Mo Mentor',
      discipline: 'nursing',
      mentees: 1,
      weeklyCapacity: 3,
      away: false,
      hasRoom: true,
    },
    {
      id: 'user_mentor2',
      displayName: 'Full Fran',
      discipline: 'pharmacy',
      mentees: 2,
      weeklyCapacity: 2,
      away: false,
      hasRoom: false,
    },
    {
      id: 'user_mentor3',
      displayName: 'Away Ash',
      discipline: 'medicine',
      mentees: 0,
      weeklyCapacity: 5,
      away: true,
      hasRoom: false,
    },
  ],
};

function server() {
  let programme = PROGRAMME;
  return routeFetch({
    'GET /v1/mentorships/programme': () => json(200, programme),
    'POST /v1/mentorships/mentorship_01/assign': () => {
      const active: Mentorship = {
        ...request,
        status: 'active',
        awaiting: null,
        mentor: { id: 'user_mentor1', displayName: 'Mo Mentor', discipline: 'nursing' },
        startedAt: '2026-01-05T10:00:00.000Z',
        nextCheckInAt: '2026-01-19T10:00:00.000Z',
      };
      programme = {
        mentorships: [active],
        mentors: PROGRAMME.mentors.map((m) => (m.id === 'user_mentor1' ? { ...m, mentees: 2 } : m)),
      };
      return json(200, active);
    },
    'GET /v1/units': () => json(200, { units: [] }),
  });
}

const renderMentorships = async (session: StoredSession, search = '?tab=mentorships') =>
  (await renderDashboard(server(), session, search)).server;

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('Mentorships tab on the lead dashboard', () => {
  it('assigns a request for anyone to a mentor with room: only mentors with room are offered', async () => {
    const s = await renderMentorships(LEAD);
    const form = await screen.findByRole('form', { name: 'Assign a mentor to Nia Newgrad' });
    expect(screen.getByText(/My residency year on 4 West/)).toBeTruthy();
    const options = within(form)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Choose a mentor with room', 'Mo Mentor (nursing, 1 of 3)']);

    // Each mentor's mentees against capacity, away or full in words.
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /Full Fran 2 2 Full/ })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Away Ash 0 5 Away/ })).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(await within(form).findByText('Choose a mentor with room.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Mentor'), { target: { value: 'user_mentor1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Assign' }));
    await screen.findByRole('heading', { name: 'Nia Newgrad with Mo Mentor' });
    expect(s.requests.find((r) => r.route === 'POST /v1/mentorships/mentorship_01/assign')?.body).toEqual({
      mentorId: 'user_mentor1',
    });
    await waitFor(() => expect(screen.getByRole('row', { name: /Mo Mentor 2 3 Has room/ })).toBeTruthy());
    expect(screen.getByText('No one is waiting for a mentor.')).toBeTruthy();
    // A lead reads the pairing but is not a side of it: no end, no goals to edit.
    expect(screen.queryByRole('button', { name: 'End mentorship' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit goals' })).toBeNull();
  });

  it('is not offered to an admin, who never reads mentorships', async () => {
    const s = await renderMentorships(ADMIN, '');
    await screen.findByRole('button', { name: 'Hotspots' });
    expect(screen.queryByRole('button', { name: 'Mentorships' })).toBeNull();
    expect(s.requests.some((r) => r.route.includes('/v1/mentorships'))).toBe(false);
  });
});
