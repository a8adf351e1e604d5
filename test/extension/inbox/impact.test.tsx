import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { MentorImpact } from '../../../shared/growth';
import { json, mockManifest } from '../helpers';
import { inboxServer, mentorSession, renderInbox } from './fixtures';

const MENTOR = mentorSession('Mo Mentor');

const IMPACT: MentorImpact = {
  answersGiven: 12,
  markedHelpful: 9,
  publishedReads: 1,
  coachingThreads: 1,
  tipsWritten: 2,
  minutesGiven: 12 * 15 + 2 * 5 + 30,
  thanks: [
    {
      id: 'thanks_0001',
      text: 'That saved me a phone call',
      topicName: 'Medications',
      createdAt: '2026-03-01T10:00:00.000Z',
    },
  ],
};

async function mount(impact = IMPACT, session = MENTOR) {
  await sessionItem.setValue(session);
  const api = inboxServer({ 'GET /v1/mentors/me/impact': () => json(200, impact) });
  await renderInbox(api);
  return api;
}

function open(summary: HTMLElement) {
  const details = summary.closest('details') as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  return details;
}

describe('My impact in the mentor inbox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });
  afterEach(cleanup);

  it('reads my impact only when opened, in words, with thanks and their topic but no sender', async () => {
    const api = await mount();
    const summary = await screen.findByText('My impact');
    expect(api.routes('GET /v1/mentors/me/impact')).toEqual([]);
    const details = open(summary);
    await within(details).findByText('12 questions answered');
    expect(within(details).getByText('9 answers marked helpful')).toBeTruthy();
    // One, not "1 reads": the words follow the number.
    expect(within(details).getByText('1 read of your published answers')).toBeTruthy();
    expect(within(details).getByText('1 improvement coaching thread')).toBeTruthy();
    expect(within(details).getByText('2 screen tips written')).toBeTruthy();
    // Hours given is an estimate at stated rates, and says so beside the figure.
    const hours = within(details).getByText('3.75 hours given');
    expect(hours.closest('li')?.textContent).toContain(
      'an estimate, not a timer: 15 minutes for each question answered',
    );
    expect(within(details).getByText('That saved me a phone call')).toBeTruthy();
    expect(within(details).getByText(/^Medications, /)).toBeTruthy();
    expect(api.routes('GET /v1/mentors/me/impact')).toHaveLength(1);
  });

  it('says so when no thanks have come yet', async () => {
    await mount({
      answersGiven: 0,
      markedHelpful: 0,
      publishedReads: 0,
      coachingThreads: 0,
      tipsWritten: 0,
      minutesGiven: 0,
      thanks: [],
    });
    const details = open(await screen.findByText('My impact'));
    await within(details).findByText(/None yet/);
    expect(within(details).getByText('0 questions answered')).toBeTruthy();
  });

  it('is not shown to a peer supporter, who is not a mentor', async () => {
    await mount(IMPACT, { ...MENTOR, user: { ...MENTOR.user, roles: ['peer_supporter' as never] } });
    await screen.findByRole('heading', { name: 'Mentor inbox' });
    expect(screen.queryByText('My impact')).toBeNull();
  });
});
