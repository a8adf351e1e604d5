import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { Coverage } from '../../../shared/routing';
import { json, mockManifest, SESSION } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

const TOPICS = [
  { id: 'topic_00001', name: 'Medications', active: true },
  { id: 'topic_coord', name: 'Clinical coordinators', active: true },
];

/** A server whose coverage answer depends on the route asked about, as the API's does. */
function serverWith(answer: (q: URLSearchParams) => Coverage) {
  return fakeServer({
    'GET /v1/topics': () => json(200, { topics: TOPICS }),
    'GET /v1/routing/coverage': (_body, url) => json(200, answer(url.searchParams)),
  });
}

const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function openAsk(server: ReturnType<typeof fakeServer>) {
  await renderPopup(server);
  fireEvent.click(await screen.findByRole('button', { name: 'Ask a mentor' }));
  await waitFor(() => expect(screen.getByRole('option', { name: 'Medications' })).toBeTruthy());
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('the Ask form says before sending when nobody takes the route', () => {
  it('says nothing while the route is covered, and asks only once a topic is chosen', async () => {
    const server = serverWith(() => ({ covered: true, suggestion: null, peerSupport: true }));
    await openAsk(server);
    expect(server.routes('GET /v1/routing/coverage')).toHaveLength(0);
    choose('Topic', 'topic_00001');
    await waitFor(() => expect(server.routes('GET /v1/routing/coverage')).toHaveLength(1));
    expect(screen.queryByText(/No mentor is taking/)).toBeNull();
  });

  it('offers the same topic from any discipline, by name, and takes it in one click', async () => {
    const server = serverWith((q) =>
      q.get('disciplineWanted') === 'any'
        ? { covered: true, suggestion: null, peerSupport: true }
        : {
            covered: false,
            suggestion: { reason: 'any_discipline', topicId: 'topic_00001', disciplineWanted: 'any' },
            peerSupport: true,
          },
    );
    await openAsk(server);
    choose('Topic', 'topic_00001');
    choose('Discipline', 'pharmacy');
    expect((await screen.findByRole('status')).textContent).toContain(
      'No mentor is taking Medications (Pharmacy) questions at the moment.',
    );
    expect(server.routes('GET /v1/routing/coverage').at(-1)?.url).toContain('disciplineWanted=pharmacy');
    fireEvent.click(screen.getByRole('button', { name: 'Ask any discipline' }));
    await waitFor(() => expect(screen.getByLabelText('Discipline')).toHaveProperty('value', 'any'));
    await waitFor(() => expect(screen.queryByText(/No mentor is taking/)).toBeNull());
  });

  it('offers the organisation’s fallback route by its topic name', async () => {
    const server = serverWith((q) =>
      q.get('topicId') === 'topic_coord'
        ? { covered: true, suggestion: null, peerSupport: true }
        : {
            covered: false,
            suggestion: { reason: 'fallback', topicId: 'topic_coord', disciplineWanted: 'any' },
            peerSupport: true,
          },
    );
    await openAsk(server);
    choose('Topic', 'topic_00001');
    await screen.findByText(/Clinical coordinators can take it instead/);
    expect(screen.queryByText(/topic_coord/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send to Clinical coordinators' }));
    await waitFor(() => expect(screen.getByLabelText('Topic')).toHaveProperty('value', 'topic_coord'));
    await waitFor(() => expect(screen.queryByText(/No mentor is taking/)).toBeNull());
  });

  it('says plainly that the question will wait when no route is covered', async () => {
    await openAsk(serverWith(() => ({ covered: false, suggestion: null, peerSupport: true })));
    choose('Topic', 'topic_00001');
    await screen.findByText('You can still send it: it waits until a mentor takes this topic.');
    expect(screen.getByRole('button', { name: 'Send question' })).toBeTruthy();
  });

  it('says nothing when the API cannot answer (offline), rather than guess', async () => {
    const server = fakeServer({ 'GET /v1/topics': () => json(200, { topics: TOPICS }) });
    await openAsk(server);
    choose('Topic', 'topic_00001');
    await waitFor(() => expect(server.routes('GET /v1/routing/coverage')).toHaveLength(1));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
