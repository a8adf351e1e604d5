import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HotspotDetail } from '../../../shared/hotspots';
import { json, mockManifest, type RouteHandler } from '../helpers';
import { hotspotDetail, hotspotServer, openHotspot } from './fixtures';

const DETAIL = hotspotDetail({ status: 'in_progress' });
const fakeServer = (overrides: Record<string, RouteHandler> = {}) => hotspotServer(DETAIL, overrides);

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
