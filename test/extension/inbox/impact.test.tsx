import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InboxApp } from '../../../extension/inbox/App';
import { createInboxState, InboxContext } from '../../../extension/inbox/state';
import { sessionItem } from '../../../extension/lib/storage';
import type { MentorImpact } from '../../../shared/growth';
import { json, mockManifest, SESSION, USER } from '../helpers';

const MENTOR = { ...SESSION, user: { ...USER, displayName: 'Mo Mentor', roles: ['mentor' as const] } };

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

function server(impact: MentorImpact) {
  const calls: string[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    calls.push(key);
    if (key === 'GET /v1/me/receipt-key') return json(200, { key: 'cd'.repeat(32) });
    if (key === 'GET /v1/topics') return json(200, { topics: [] });
    if (key === 'GET /v1/mentors') return json(200, { mentors: [] });
    if (key === 'GET /v1/mentors/me')
      return json(200, { topicIds: [], disciplines: [], weeklyCapacity: 5, away: false, answeredThisWeek: 0 });
    if (key === 'GET /v1/queue') return json(200, { items: [] });
    if (key === 'GET /v1/mentors/me/impact') return json(200, impact);
    return json(404, { error: { code: 'not_found', message: `no fake for ${key}` } });
  });
  return { fetchFn, calls };
}

async function mount(impact = IMPACT, session = MENTOR) {
  await sessionItem.setValue(session);
  const { fetchFn, calls } = server(impact);
  const state = createInboxState({ fetchFn, loadDetector: async () => null, version: '0.1.0' });
  await state.init();
  render(
    <InboxContext.Provider value={state}>
      <InboxApp />
    </InboxContext.Provider>,
  );
  return calls;
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
    const calls = await mount();
    const summary = await screen.findByText('My impact');
    expect(calls).not.toContain('GET /v1/mentors/me/impact');
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
    expect(calls.filter((c) => c === 'GET /v1/mentors/me/impact')).toHaveLength(1);
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
