import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../extension/dashboard/App';
import { createDashboardState, DashboardContext } from '../../../extension/dashboard/state';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';
import type { HotspotDetail } from '../../../shared/hotspots';
import { json, mockManifest, type RouteHandler, routeFetch, SESSION, USER } from '../helpers';

const LEAD: StoredSession = {
  ...SESSION,
  token: 'tok_lead',
  user: { ...USER, id: 'user_lead01', displayName: 'Lee Lead', roles: ['lead' as const] },
};

const DETAIL: HotspotDetail = {
  id: 'hot_000001',
  screen: { host: 'ehr.example.org', path: '/medrec/:id' },
  category: 'documentation_ehr',
  title: null,
  status: 'in_progress',
  response: null,
  respondedAt: null,
  flagCount: 4,
  reporterCount: 3,
  minutesPerWeek: 120,
  impact: { none: 1, delay: 2, risk: 1, harm: 0 },
  trend: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1],
  rising: 2,
  mergedInto: null,
  createdAt: '2026-01-02T10:00:00.000Z',
  members: [],
  units: [],
  otherUnits: { flags: 0, minutesPerWeek: 0 },
  itemsVisible: false,
  itemsHidden: 0,
  items: [],
  cycles: [],
  k: 3,
  resolution: null,
  tipRequest: null,
};

function fakeServer(overrides: Record<string, RouteHandler> = {}) {
  return routeFetch({
    'GET /v1/units': () => json(200, { units: [] }),
    'GET /v1/hotspots': () => json(200, { hotspots: [DETAIL], k: 3, suppressed: null, weeks: [], range: null }),
    'GET /v1/hotspots/hot_000001': () => json(200, DETAIL),
    'GET /v1/cycle-owners': () =>
      json(200, {
        owners: [
          { id: 'user_lead01', displayName: 'Lee Lead', lead: true, mentor: false },
          { id: 'user_ment01', displayName: 'Mo Mentor', lead: false, mentor: true },
        ],
      }),
    ...overrides,
  });
}

async function openHotspot(server: ReturnType<typeof fakeServer>) {
  await sessionItem.setValue(LEAD);
  const state = createDashboardState({
    browser: fakeBrowser as never,
    fetchFn: server.fetchFn,
    location: { search: '?hotspot=hot_000001' },
    history: { replaceState: vi.fn() },
  });
  await state.init();
  render(
    <DashboardContext.Provider value={state}>
      <App />
    </DashboardContext.Provider>,
  );
  await screen.findByRole('heading', { name: 'ehr.example.org/medrec/:id' });
  return state;
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

const TOPICS = {
  topics: [
    { id: 'topic_00001', name: 'Medications', active: true },
    { id: 'topic_00002', name: 'Epic training', active: true },
  ],
};

describe('resolving a hotspot as a training gap', () => {
  it('asks the chosen topic’s mentors for a tip, with the lead’s note, then says who was asked', async () => {
    const asked: HotspotDetail = {
      ...DETAIL,
      status: 'resolved',
      resolution: 'training_gap',
      tipRequest: { id: 'tipreq_0001', topicId: 'topic_00002', requestedAt: '2026-03-02T10:00:00.000Z', tip: null },
    };
    const server = fakeServer({
      'GET /v1/topics': () => json(200, TOPICS),
      'POST /v1/hotspots/hot_000001/training-gap': () => json(200, asked),
    });
    await openHotspot(server);
    const topic = (await screen.findByLabelText('Mentors who write it')) as HTMLSelectElement;
    await waitFor(() => expect(topic.options).toHaveLength(2));
    fireEvent.change(topic, { target: { value: 'topic_00002' } });
    fireEvent.input(screen.getByLabelText(/What people struggled with/), {
      target: { value: 'Nobody showed us the Reconcile tab' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve as training gap' }));
    await screen.findByText(/Mentors of Epic training were asked for a tip for this screen/);
    expect(screen.getByText(/Resolved \(training gap\)/)).toBeTruthy();
    const [sent] = server.routes('POST /v1/hotspots/hot_000001/training-gap');
    expect(sent?.body).toMatchObject({ topicId: 'topic_00002', note: 'Nobody showed us the Reconcile tab' });
    expect((sent?.body as { clientId?: string } | undefined)?.clientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the tip once a mentor wrote it', async () => {
    const written: HotspotDetail = {
      ...DETAIL,
      status: 'resolved',
      resolution: 'training_gap',
      tipRequest: {
        id: 'tipreq_0001',
        topicId: 'topic_00001',
        requestedAt: '2026-03-02T10:00:00.000Z',
        tip: { id: 'tip_000001', text: 'Reconcile tab, then Refresh', publishedAt: '2026-03-03T10:00:00.000Z' },
      },
    };
    const server = fakeServer({
      'GET /v1/topics': () => json(200, TOPICS),
      'GET /v1/hotspots/hot_000001': () => json(200, written),
    });
    await openHotspot(server);
    await screen.findByText('Reconcile tab, then Refresh');
    expect(screen.queryByRole('button', { name: 'Resolve as training gap' })).toBeNull();
  });

  it('is not offered before the hotspot is in progress', async () => {
    const server = fakeServer({
      'GET /v1/topics': () => json(200, TOPICS),
      'GET /v1/hotspots/hot_000001': () => json(200, { ...DETAIL, status: 'acknowledged' }),
    });
    await openHotspot(server);
    await screen.findByRole('heading', { name: 'Status and public response' });
    expect(screen.queryByRole('button', { name: 'Resolve as training gap' })).toBeNull();
  });
});
