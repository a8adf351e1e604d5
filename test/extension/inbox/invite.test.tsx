import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest } from '../helpers';
import { claimedBy, inboxServer, mentorSession, queueDetail, renderInbox } from './fixtures';

const MENTOR = mentorSession('Nina Mentor');
const detail = (overrides: Record<string, unknown> = {}) =>
  queueDetail('q_000001', {
    text: 'Can this be crushed for the NG tube?',
    disciplineWanted: 'nursing',
    claim: claimedBy('Nina Mentor'),
    ...overrides,
  });

function server(item: ReturnType<typeof detail>) {
  return inboxServer({
    'GET /v1/topics': () => json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] }),
    'GET /v1/tip-requests': () => json(200, { requests: [] }),
    'GET /v1/queue/q_000001': () => json(200, item),
    'POST /v1/queue/q_000001/invite': (body) =>
      json(200, { item: { ...item, invites: [(body as { discipline: string }).discipline] } }),
  });
}

async function mount(item: ReturnType<typeof detail>) {
  await sessionItem.setValue(MENTOR);
  const api = server(item);
  await renderInbox(api, {}, (state) => state.open(item.id));
  return api;
}

describe('inviting a second discipline into a thread', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });
  afterEach(cleanup);

  it('lets the holder invite pharmacy, and says the question is still theirs', async () => {
    const api = await mount(detail());
    fireEvent.change(await screen.findByLabelText('Invite a discipline into this thread'), {
      target: { value: 'pharmacy' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await screen.findByText(/Invited pharmacy into the thread. It is still yours./);
    expect(api.routes('POST /v1/queue/q_000001/invite').map((c) => c.body)).toEqual([{ discipline: 'pharmacy' }]);
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
