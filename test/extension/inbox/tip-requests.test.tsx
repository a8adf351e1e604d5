import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { TipRequest } from '../../../shared/training';
import { json, mockManifest } from '../helpers';
import { inboxServer, mentorSession, renderInbox } from './fixtures';

const MENTOR = mentorSession('Mo Mentor');

const REQUEST: TipRequest = {
  id: 'tipreq_0001',
  screen: { host: 'ehr.example.org', path: '/medrec/:id' },
  category: 'orders_medications',
  title: 'Home meds missing at admission',
  topicId: 'topic_00001',
  note: 'People do not know the Reconcile tab exists',
  requestedAt: '2026-03-02T10:00:00.000Z',
};

function server(opts: { requests: TipRequest[]; writeStatus?: number }) {
  let open = [...opts.requests];
  return inboxServer({
    'GET /v1/topics': () => json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] }),
    'GET /v1/tip-requests': () => json(200, { requests: open }),
    [`POST /v1/tip-requests/${REQUEST.id}/tip`]: (body) => {
      open = [];
      if (opts.writeStatus === 409)
        return json(409, { error: { code: 'conflict', message: 'A colleague has written this tip already' } });
      return json(201, {
        id: 'tip_000001',
        kind: 'tip',
        path: REQUEST.screen.path,
        title: null,
        text: (body as { text: string }).text,
        createdAt: '2026-03-02T11:00:00.000Z',
        mine: true,
      });
    },
  });
}

async function mount(opts: Parameters<typeof server>[0], session = MENTOR) {
  await sessionItem.setValue(session);
  const api = server(opts);
  const state = await renderInbox(api);
  return { api, state };
}

describe('Tips asked for, in the mentor inbox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });
  afterEach(cleanup);

  it('shows a training gap’s request with its screen, topic and the lead’s note, and publishes the tip once', async () => {
    const { api } = await mount({ requests: [REQUEST] });
    const section = (await screen.findByRole('heading', { name: 'Tips asked for (1)' })).closest(
      'section',
    ) as HTMLElement;
    expect(within(section).getByText(/Home meds missing at admission/)).toBeTruthy();
    expect(within(section).getByText(/of Medications mentors/)).toBeTruthy();
    expect(within(section).getByText('People do not know the Reconcile tab exists')).toBeTruthy();

    fireEvent.input(within(section).getByLabelText('Your tip for this screen'), {
      target: { value: 'Reconcile tab, then Refresh external history' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Publish tip' }));
    await screen.findByText(/Tip published: everyone opening Curbside on that screen sees it/);
    const writes = api.routes(`POST /v1/tip-requests/${REQUEST.id}/tip`);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.body).toMatchObject({ text: 'Reconcile tab, then Refresh external history' });
    // Answered: the list is read again and the request is gone.
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Tips asked for/ })).toBeNull());
  });

  it('says so in words when a colleague wrote it first', async () => {
    await mount({ requests: [REQUEST], writeStatus: 409 });
    const section = (await screen.findByRole('heading', { name: 'Tips asked for (1)' })).closest(
      'section',
    ) as HTMLElement;
    fireEvent.input(within(section).getByLabelText('Your tip for this screen'), { target: { value: 'Use the tab' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Publish tip' }));
    await screen.findByText(/A colleague has written this tip already/);
  });

  it('shows nothing when no tip is asked for', async () => {
    const { api } = await mount({ requests: [] });
    await screen.findByRole('heading', { name: 'Mentor inbox' });
    await waitFor(() => expect(api.requests.map((c) => c.route)).toContain('GET /v1/tip-requests'));
    expect(screen.queryByText(/Tips asked for/)).toBeNull();
  });
});
