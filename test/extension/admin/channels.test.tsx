import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../extension/admin/App';
import { AdminContext, createAdminState } from '../../../extension/admin/state';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER } from '../helpers';

const ADMIN: StoredSession = {
  ...SESSION,
  token: 'tok_admin',
  user: { ...USER, id: 'user_admin1', displayName: 'Ada Admin', roles: ['admin' as const] },
};
const CHANNEL = {
  id: 'chan_000001',
  kind: 'teams',
  label: 'Quality leads',
  target: 'https://prod-01.westeurope.logic.azure.com/…S3cr',
  digestRoles: ['lead'],
  urgentAlerts: false,
  active: true,
  createdAt: '2026-11-30T08:00:00.000Z',
};
const FAILED = {
  id: 'deliv_000001',
  channelLabel: 'Quality leads',
  channelKind: 'teams',
  kind: 'digest',
  status: 'failed',
  attempts: 6,
  lastError: 'HTTP 404',
  nextAttemptAt: null,
  createdAt: '2026-11-30T08:00:00.000Z',
};

type Handler = (body: unknown) => Response | Promise<Response>;

function fakeServer(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'GET /v1/admin/codes': () => json(200, { codes: [] }),
    'GET /v1/admin/units': () => json(200, { units: [] }),
    'GET /v1/admin/channels': () => json(200, { channels: [CHANNEL] }),
    'GET /v1/admin/deliveries': () => json(200, { deliveries: [FAILED] }),
    'GET /v1/admin/digest-settings': () => json(200, { freeText: false, linkBase: null }),
    ...overrides,
  };
  const requests: { route: string; body: unknown }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const route = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, body });
    const handler = handlers[route];
    return handler ? handler(body) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchFn, sent: (route: string) => requests.filter((r) => r.route === route) };
}

async function renderChannels(server = fakeServer()) {
  await sessionItem.setValue(ADMIN);
  location.hash = '#channels';
  const state = createAdminState({ browser: fakeBrowser as never, fetchFn: server.fetchFn });
  await state.init();
  render(
    <AdminContext.Provider value={state}>
      <App />
    </AdminContext.Provider>,
  );
  await screen.findByRole('heading', { name: 'Digests and chat' });
  return server;
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('Digests and chat (admin)', () => {
  it('lists channels by their masked address and the messages that failed, and sends one again', async () => {
    const server = await renderChannels(
      fakeServer({
        'POST /v1/admin/deliveries/deliv_000001/retry': () =>
          json(200, { ...FAILED, status: 'sent', attempts: 7, lastError: null }),
      }),
    );
    expect(await screen.findByText(CHANNEL.target)).toBeTruthy();
    expect(screen.getByText('leads’ digest')).toBeTruthy();
    expect(screen.getByText('HTTP 404')).toBeTruthy();
    expect(screen.getByText('Given up')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send again now' }));
    await screen.findByText('Sent to Quality leads.');
    expect(server.sent('POST /v1/admin/deliveries/deliv_000001/retry')).toHaveLength(1);
  });

  it('adds a Slack channel once per clientId and forgets the address it sent', async () => {
    let calls = 0;
    const server = await renderChannels(
      fakeServer({
        'POST /v1/admin/channels': () => {
          calls++;
          return calls === 1
            ? json(400, {
                error: {
                  code: 'validation_failed',
                  message: 'The request is not valid',
                  details: [{ path: ['webhookUrl'], message: 'Must be an https address' }],
                },
              })
            : json(201, { ...CHANNEL, id: 'chan_000002', kind: 'slack', label: 'Mentors' });
        },
      }),
    );
    fireEvent.change(screen.getByLabelText('Where'), { target: { value: 'slack' } });
    fireEvent.input(screen.getByLabelText('Name (for admins)'), { target: { value: 'Mentors' } });
    fireEvent.input(screen.getByLabelText('Webhook address (https)'), {
      target: { value: 'http://hooks.slack.com/x' },
    });
    fireEvent.click(screen.getByLabelText(/An alert for each urgent question/));
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByText('Must be an https address')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Webhook address (https)'), {
      target: { value: 'https://hooks.slack.com/services/T/B/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    await screen.findByText(/Added Mentors/);
    const [first, second] = server.sent('POST /v1/admin/channels');
    expect(first?.body).toMatchObject({ kind: 'slack', label: 'Mentors', urgentAlerts: true, digestRoles: ['lead'] });
    // The retry after a refusal is the same create: one clientId.
    const idOf = (r: { body: unknown } | undefined) => (r?.body as { clientId?: string } | undefined)?.clientId;
    expect(idOf(second)).toBe(idOf(first));
    expect(idOf(first)).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect((screen.getByLabelText('Webhook address (https)') as HTMLInputElement).value).toBe(''));
  });

  it('turns free text on only when the admin ticks it', async () => {
    const server = await renderChannels(
      fakeServer({ 'PATCH /v1/admin/digest-settings': (body) => json(200, { linkBase: null, ...(body as object) }) }),
    );
    const box = (await screen.findByLabelText(/Let messages carry free text/)) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(server.sent('PATCH /v1/admin/digest-settings')).toHaveLength(1));
    expect(server.sent('PATCH /v1/admin/digest-settings')[0]?.body).toEqual({ freeText: true });
  });
});
