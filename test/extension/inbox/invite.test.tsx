import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InboxApp } from '../../../extension/inbox/App';
import { createInboxState, InboxContext } from '../../../extension/inbox/state';
import { sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER } from '../helpers';

const MENTOR = { ...SESSION, user: { ...USER, displayName: 'Nina Mentor', roles: ['mentor' as const] } };
const SLA = { status: 'on_track', dueAt: '2026-03-02T14:00:00.000Z', remainingMs: 3_600_000, targetMs: 14_400_000 };

const detail = (overrides: Record<string, unknown> = {}) => ({
  id: 'q_000001',
  kind: 'question',
  text: 'Can this be crushed for the NG tube?',
  topicId: 'topic_00001',
  disciplineWanted: 'nursing',
  urgency: 'today',
  screen: null,
  pageTitle: null,
  status: 'open',
  createdAt: '2026-03-02T10:00:00.000Z',
  askerDiscipline: 'nursing',
  sla: SLA,
  claim: { state: 'mine', byName: 'Nina Mentor', expiresAt: '2026-03-02T11:00:00.000Z' },
  handedToMe: false,
  escalated: false,
  movedFrom: null,
  shareable: false,
  answers: [],
  messages: [],
  handoffs: [],
  ...overrides,
});

function server(item: ReturnType<typeof detail>) {
  const calls: { key: string; body: unknown }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ key, body });
    if (key === 'GET /v1/me/receipt-key') return json(200, { key: 'cd'.repeat(32) });
    if (key === 'GET /v1/topics')
      return json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] });
    if (key === 'GET /v1/mentors') return json(200, { mentors: [] });
    if (key === 'GET /v1/mentors/me')
      return json(200, { topicIds: [], disciplines: [], weeklyCapacity: 5, away: false, answeredThisWeek: 0 });
    if (key === 'GET /v1/queue') return json(200, { items: [] });
    if (key === 'GET /v1/tip-requests') return json(200, { requests: [] });
    if (key === 'GET /v1/queue/q_000001') return json(200, item);
    if (key === 'POST /v1/queue/q_000001/invite') return json(200, { item: { ...item, invites: [body.discipline] } });
    return json(404, { error: { code: 'not_found', message: `no fake for ${key}` } });
  });
  return { fetchFn, calls };
}

async function mount(item: ReturnType<typeof detail>) {
  await sessionItem.setValue(MENTOR);
  const { fetchFn, calls } = server(item);
  const state = createInboxState({ fetchFn, loadDetector: async () => null, version: '0.1.0' });
  await state.init();
  await state.open(item.id);
  render(
    <InboxContext.Provider value={state}>
      <InboxApp />
    </InboxContext.Provider>,
  );
  return calls;
}

describe('inviting a second discipline into a thread', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });
  afterEach(cleanup);

  it('lets the holder invite pharmacy, and says the question is still theirs', async () => {
    const calls = await mount(detail());
    fireEvent.change(await screen.findByLabelText('Invite a discipline into this thread'), {
      target: { value: 'pharmacy' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await screen.findByText(/Invited pharmacy into the thread. It is still yours./);
    expect(calls.filter((c) => c.key === 'POST /v1/queue/q_000001/invite').map((c) => c.body)).toEqual([
      { discipline: 'pharmacy' },
    ]);
    expect(screen.getByText('Also invited: Pharmacy')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hand off…' })).toBeTruthy();
  });

  it('gives the invited mentor the answer box but none of the holder’s actions', async () => {
    await mount(
      detail({
        invitedMe: true,
        claim: { state: 'other', byName: 'Nina Mentor', expiresAt: '2026-03-02T11:00:00.000Z' },
      }),
    );
    await screen.findByText(/You were invited into this thread for your discipline. Nina Mentor still holds it/);
    expect(screen.getByLabelText('Your answer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hand off…' })).toBeNull();
    expect(screen.queryByLabelText('Invite a discipline into this thread')).toBeNull();
    expect(screen.queryByLabelText('Ask the asker something first')).toBeNull();
  });
});
