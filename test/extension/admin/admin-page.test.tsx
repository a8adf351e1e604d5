import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../extension/admin/App';
import { AdminContext, createAdminState } from '../../../extension/admin/state';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { json, mockManifest, SESSION, USER } from '../helpers';

const ADMIN: StoredSession = {
  ...SESSION,
  token: 'tok_admin',
  user: { ...USER, id: 'user_admin1', displayName: 'Ada Admin', roles: ['admin' as const] },
};
const UNIT = { id: 'unit_icu001', name: 'ICU', active: true };
const CODE = {
  id: 'code_000001',
  kind: 'enroll',
  roles: ['clinician'],
  unitId: null,
  discipline: 'nursing',
  userId: null,
  maxUses: 5,
  uses: 0,
  label: 'ICU starters',
  expiresAt: '2099-01-01T00:00:00.000Z',
  revokedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const SYSTEM = {
  id: 'sys_000001',
  host: 'epic.example.org',
  name: 'Epic',
  screenQueryKeys: [],
  active: true,
  screens: [],
};

type Handler = (body: unknown, url: URL) => Response | Promise<Response>;

function fakeServer(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'GET /v1/admin/codes': () => json(200, { codes: [CODE] }),
    'GET /v1/admin/units': () => json(200, { units: [UNIT] }),
    'GET /v1/admin/topics': () => json(200, { topics: [] }),
    'GET /v1/admin/users': () => json(200, { users: [{ ...USER, unitId: null }] }),
    'GET /v1/admin/settings': () => json(200, DEFAULT_SETTINGS),
    'GET /v1/admin/systems': () => json(200, { systems: [SYSTEM] }),
    'GET /v1/audit': () => json(200, { entries: [], nextCursor: null }),
    ...overrides,
  };
  const requests: { route: string; body: unknown; url: URL; token: string | undefined }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const route = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, body, url, token: (init?.headers as Record<string, string> | undefined)?.Authorization });
    const handler = handlers[route];
    return handler ? handler(body, url) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  const sent = (route: string) => requests.filter((r) => r.route === route);
  return { fetchFn, requests, sent };
}

async function renderAdmin(server = fakeServer(), session: StoredSession | null = ADMIN) {
  await sessionItem.setValue(session);
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((p: string) => `chrome-extension://curbsideid${p}`);
  const state = createAdminState({ browser: fakeBrowser as never, fetchFn: server.fetchFn });
  await state.init();
  render(
    <AdminContext.Provider value={state}>
      <App />
    </AdminContext.Provider>,
  );
  return { server, state };
}

const nav = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  location.hash = '';
});
afterEach(cleanup);

describe('admin page access', () => {
  it('is for admins only', async () => {
    await renderAdmin(fakeServer(), SESSION);
    expect(screen.getByRole('alert').textContent).toContain('admins only');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('asks to sign in when no one is, and closes when the session ends', async () => {
    const { state } = await renderAdmin();
    expect(screen.getByRole('navigation', { name: 'Administration sections' })).toBeTruthy();
    await sessionItem.setValue(null);
    await waitFor(() => expect(state.session.value).toBeNull());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('signed out'));
  });
});

describe('codes', () => {
  it('creates an enrollment code and shows it once, with a copyable link and a QR code', async () => {
    const server = fakeServer({
      'POST /v1/admin/codes': (body) =>
        json(201, { ...CODE, id: 'code_000002', ...(body as object), code: 'ABCD-EFGH-JKMN-PQRS' }),
    });
    await renderAdmin(server);
    await screen.findByText('ICU starters');
    fireEvent.click(screen.getByLabelText('Peer supporter'));
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: UNIT.id } });
    type('Number of uses', '5');
    type(/Label/, 'ICU starters');
    fireEvent.click(screen.getByRole('button', { name: 'Create code' }));

    expect(await screen.findByTestId('new-code')).toHaveProperty('textContent', 'ABCD-EFGH-JKMN-PQRS');
    expect(server.sent('POST /v1/admin/codes')[0]?.body).toMatchObject({
      kind: 'enroll',
      roles: ['clinician', 'peer_supporter'],
      unitId: UNIT.id,
      maxUses: 5,
      expiresInHours: 72,
      label: 'ICU starters',
    });
    const link = (screen.getByLabelText('Sign-in link') as HTMLInputElement).value;
    expect(link).toBe(
      `chrome-extension://curbsideid/popup.html#code=ABCD-EFGH-JKMN-PQRS&api=${encodeURIComponent(ADMIN.apiUrl)}`,
    );
    const qr = screen.getByRole('img', { name: /QR code of the sign-in link/ });
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100);

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('ABCD-EFGH-JKMN-PQRS')).toBeNull();
  });

  it('creates a sign-in code for a user found by search, and shows the API’s refusal', async () => {
    const server = fakeServer({
      'POST /v1/admin/codes': () =>
        json(400, {
          error: {
            code: 'validation_failed',
            message: 'That user is deactivated',
            details: [{ path: ['userId'], message: 'That user is deactivated' }],
          },
        }),
    });
    await renderAdmin(server);
    fireEvent.click(screen.getByLabelText(/Sign-in \(an existing user/));
    type('Find the user', 'Sam');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByRole('option', { name: USER.displayName });
    expect(server.sent('GET /v1/admin/users')[0]?.url.searchParams.get('q')).toBe('Sam');
    fireEvent.change(screen.getByLabelText('User'), { target: { value: USER.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Create code' }));
    await waitFor(() => expect(screen.getByLabelText('User').getAttribute('aria-invalid')).toBe('true'));
    expect(server.sent('POST /v1/admin/codes')[0]?.body).toEqual({
      kind: 'signin',
      userId: USER.id,
      expiresInHours: 72,
    });
    expect(screen.getByRole('alert').textContent).toBe('That user is deactivated');
  });

  it('offers no sign-in code for a peer supporter, and says the user will be told', async () => {
    const PEER = { ...USER, id: 'user_peer01', displayName: 'Pat Peer', roles: ['clinician', 'peer_supporter'] };
    const server = fakeServer({ 'GET /v1/admin/users': () => json(200, { users: [{ ...USER, unitId: null }, PEER] }) });
    await renderAdmin(server);
    fireEvent.click(screen.getByLabelText(/Sign-in \(an existing user/));
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const peer = (await screen.findByRole('option', { name: /Pat Peer/ })) as HTMLOptionElement;
    expect(peer.disabled).toBe(true);
    expect(peer.textContent).toContain('peer supporter: not by code');
    expect((screen.getByRole('option', { name: USER.displayName }) as HTMLOptionElement).disabled).toBe(false);
    expect(screen.getByText(/told on their other devices/)).toBeTruthy();
  });

  it('revokes an active code', async () => {
    const server = fakeServer({
      'POST /v1/admin/codes/code_000001/revoke': () => json(200, { ...CODE, revokedAt: '2026-01-02T00:00:00.000Z' }),
    });
    await renderAdmin(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke code ICU starters' }));
    await waitFor(() => expect(server.sent('POST /v1/admin/codes/code_000001/revoke')).toHaveLength(1));
  });
});

describe('users', () => {
  it('changes roles (peer supporter included) and unit, and deactivates only after confirming', async () => {
    const server = fakeServer({
      'PATCH /v1/admin/users/user_aaaaaa': (body) => json(200, { ...USER, ...(body as object) }),
      'POST /v1/admin/users/user_aaaaaa/deactivate': () => json(200, { ...USER, active: false }),
    });
    await renderAdmin(server);
    nav('Users');
    fireEvent.click(await screen.findByRole('button', { name: USER.displayName }));
    const editor = screen.getByRole('group', { name: `Edit ${USER.displayName}` });
    fireEvent.click(within(editor).getByLabelText('Peer supporter'));
    fireEvent.change(within(editor).getByLabelText('Unit'), { target: { value: UNIT.id } });
    fireEvent.click(within(editor).getByRole('button', { name: `Save ${USER.displayName}` }));
    await waitFor(() => expect(server.sent('PATCH /v1/admin/users/user_aaaaaa')).toHaveLength(1));
    expect(server.sent('PATCH /v1/admin/users/user_aaaaaa')[0]?.body).toEqual({
      roles: ['clinician', 'peer_supporter'],
      unitId: UNIT.id,
    });

    fireEvent.click(within(editor).getByRole('button', { name: 'Deactivate…' }));
    expect(server.sent('POST /v1/admin/users/user_aaaaaa/deactivate')).toHaveLength(0);
    fireEvent.click(within(editor).getByRole('button', { name: 'Yes, deactivate' }));
    await waitFor(() => expect(server.sent('POST /v1/admin/users/user_aaaaaa/deactivate')).toHaveLength(1));
  });

  it('shows the last-admin refusal', async () => {
    const server = fakeServer({
      'PATCH /v1/admin/users/user_aaaaaa': () =>
        json(409, { error: { code: 'conflict', message: 'Curbside needs at least one active admin' } }),
    });
    await renderAdmin(server);
    nav('Users');
    fireEvent.click(await screen.findByRole('button', { name: USER.displayName }));
    fireEvent.click(screen.getByRole('button', { name: `Save ${USER.displayName}` }));
    expect((await screen.findByRole('alert')).textContent).toContain('at least one active admin');
  });
});

describe('settings', () => {
  it('shows the API’s validation messages by each field and keeps what was typed', async () => {
    const server = fakeServer({
      'PATCH /v1/admin/settings': () =>
        json(400, {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid',
            details: [
              { path: ['kAnonymity'], message: 'Too small: expected number to be >=2' },
              { path: ['timeZone'], message: 'Unknown time zone' },
            ],
          },
        }),
    });
    await renderAdmin(server);
    nav('Settings');
    await screen.findByLabelText(/Smallest group shown/);
    type(/Smallest group shown/, '1');
    type('Time zone', 'Mars/Olympus');
    type('Sign out after idle (minutes)', '15');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(screen.getByText('Unknown time zone')).toBeTruthy());
    expect(server.sent('PATCH /v1/admin/settings')[0]?.body).toEqual({
      kAnonymity: 1,
      timeZone: 'Mars/Olympus',
      idleSignOutMinutes: 15,
    });
    const k = screen.getByLabelText(/Smallest group shown/);
    expect(k.getAttribute('aria-invalid')).toBe('true');
    expect(k.getAttribute('aria-describedby')).toContain('setting-kAnonymity-error');
    expect(screen.getByText('Too small: expected number to be >=2').id).toBe('setting-kAnonymity-error');
    expect((k as HTMLInputElement).value).toBe('1');
  });

  it('sends only what changed, nested multipliers whole', async () => {
    const server = fakeServer({
      'PATCH /v1/admin/settings': (body) => json(200, { ...DEFAULT_SETTINGS, ...(body as object) }),
    });
    await renderAdmin(server);
    nav('Settings');
    await screen.findByLabelText('Weekly multiplier: daily');
    type('Weekly multiplier: daily', '7');
    type('Incident-reporting link', 'https://incidents.example.org/report');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(server.sent('PATCH /v1/admin/settings')).toHaveLength(1));
    expect(server.sent('PATCH /v1/admin/settings')[0]?.body).toEqual({
      frequencyMultipliers: { ...DEFAULT_SETTINGS.frequencyMultipliers, daily: 7 },
      incidentReportingUrl: 'https://incidents.example.org/report',
    });
    expect((await screen.findByText('Settings saved.')).getAttribute('aria-live')).toBe('polite');
  });
});

describe('systems and screens', () => {
  it('adds a system and a screen, showing a refused template by its field', async () => {
    const server = fakeServer({
      'POST /v1/admin/systems': (body) => json(201, { ...SYSTEM, id: 'sys_000002', ...(body as object), screens: [] }),
      'POST /v1/admin/systems/sys_000001/screens': () =>
        json(400, {
          error: {
            code: 'validation_failed',
            message: 'Use the de-identified path /chart/:id/medrec (identifiers become :id)',
            details: [
              {
                path: ['pathTemplate'],
                message: 'Use the de-identified path /chart/:id/medrec (identifiers become :id)',
              },
            ],
          },
        }),
    });
    await renderAdmin(server);
    nav('Systems & screens');
    const form = await screen.findByRole('form', { name: 'New system' });
    fireEvent.input(within(form).getByLabelText('Host'), { target: { value: ' Cerner.Example.ORG ' } });
    fireEvent.input(within(form).getByLabelText('Display name'), { target: { value: 'Cerner' } });
    fireEvent.click(within(form).getByLabelText('tab'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add system' }));
    await waitFor(() => expect(server.sent('POST /v1/admin/systems')).toHaveLength(1));
    expect(server.sent('POST /v1/admin/systems')[0]?.body).toEqual({
      host: 'cerner.example.org',
      name: 'Cerner',
      screenQueryKeys: ['tab'],
    });

    const screens = screen.getByRole('form', { name: 'Add a screen to Epic' });
    fireEvent.input(within(screens).getByLabelText('Path template'), { target: { value: '/chart/12345/medrec' } });
    // The page shows what Curbside would store before the admin sends it.
    expect(within(screens).getByText('Curbside stores this as /chart/:id/medrec')).toBeTruthy();
    fireEvent.input(within(screens).getByLabelText('Screen name'), { target: { value: 'Med Rec' } });
    fireEvent.click(within(screens).getByRole('button', { name: 'Add screen' }));
    await waitFor(() =>
      expect(within(screens).getByLabelText('Path template').getAttribute('aria-invalid')).toBe('true'),
    );
  });
});

describe('renaming a screen', () => {
  const MEDREC = { id: 'scr_000001', systemId: SYSTEM.id, pathTemplate: '/chart/:id/medrec', name: 'Med Rec' };
  const withScreen = { ...SYSTEM, screens: [MEDREC] };

  it('renames in place and shows the new name; a refused name is said by its field', async () => {
    let systems = [withScreen];
    const server = fakeServer({
      'GET /v1/admin/systems': () => json(200, { systems }),
      'PATCH /v1/admin/screens/scr_000001': (body) => {
        const name = (body as { name: string }).name;
        if (name === 'x'.repeat(81))
          return json(400, {
            error: {
              code: 'validation_failed',
              message: 'Too long',
              details: [{ path: ['name'], message: 'At most 80 characters' }],
            },
          });
        systems = [{ ...withScreen, screens: [{ ...MEDREC, name }] }];
        return json(200, { ...MEDREC, name });
      },
    });
    await renderAdmin(server);
    nav('Systems & screens');
    fireEvent.click(await screen.findByRole('button', { name: 'Rename screen Med Rec' }));
    type('New name for /chart/:id/medrec', 'x'.repeat(81));
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByText('At most 80 characters');
    type('New name for /chart/:id/medrec', 'Medication reconciliation');
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByRole('button', { name: 'Rename screen Medication reconciliation' });
    expect(server.sent('PATCH /v1/admin/screens/scr_000001').map((r) => r.body)).toEqual([
      { name: 'x'.repeat(81) },
      { name: 'Medication reconciliation' },
    ]);
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Screen renamed to Medication reconciliation.',
    );
  });
});

describe('audit log', () => {
  it('filters by action and day, and pages with the cursor', async () => {
    const entry = (id: string) => ({
      id,
      at: '2026-02-01T10:00:00.000Z',
      actorId: ADMIN.user.id,
      actorName: 'Ada Admin',
      subjectId: null,
      subjectName: null,
      action: 'code.created',
      target: 'code_000001',
      details: { kind: 'enroll' },
    });
    const server = fakeServer({
      'GET /v1/audit': (_b, url) =>
        json(
          200,
          url.searchParams.get('cursor')
            ? { entries: [entry('audit_0002')], nextCursor: null }
            : { entries: [entry('audit_0001')], nextCursor: '1769940000000_audit_0001' },
        ),
    });
    await renderAdmin(server);
    nav('Audit log');
    await screen.findByText('kind: enroll');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'code.created' } });
    type('From (UTC day)', '2026-02-01');
    type('To (UTC day, inclusive)', '2026-02-01');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(server.sent('GET /v1/audit')).toHaveLength(2));
    const params = server.sent('GET /v1/audit')[1]?.url.searchParams;
    expect(Object.fromEntries(params ?? [])).toEqual({
      action: 'code.created',
      from: '2026-02-01T00:00:00Z',
      to: '2026-02-02T00:00:00Z',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Older entries' }));
    await waitFor(() => expect(screen.getAllByText('kind: enroll')).toHaveLength(2));
    expect(server.sent('GET /v1/audit')[2]?.url.searchParams.get('cursor')).toBe('1769940000000_audit_0001');
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
  });
});

describe('settings: the fallback route and escalation time', () => {
  const TOPICS = [
    { id: 'topic_00001', name: 'Medications', active: true },
    { id: 'topic_coord', name: 'Coordinators', active: true },
    { id: 'topic_olddk', name: 'Old desk', active: false },
  ];
  const ESCALATED = {
    id: 'audit_00001',
    at: '2026-03-02T10:15:00.000Z',
    actorId: null,
    actorName: null,
    subjectId: null,
    subjectName: null,
    action: 'questions.escalated',
    target: 'topic_coord',
    details: { count: 3, afterMinutes: 120 },
  };

  it('chooses the fallback route by topic name and sends its id, or null for none', async () => {
    const server = fakeServer({
      'GET /v1/admin/topics': () => json(200, { topics: TOPICS }),
      'PATCH /v1/admin/settings': (body) => json(200, { ...DEFAULT_SETTINGS, ...(body as object) }),
    });
    await renderAdmin(server);
    nav('Settings');
    const select = await screen.findByLabelText('Fallback route (a coordinator topic)');
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Coordinators' })).toBeTruthy());
    // A retired topic is not offered.
    expect(within(select).queryByRole('option', { name: /Old desk/ })).toBeNull();
    fireEvent.change(select, { target: { value: 'topic_coord' } });
    type('Move unclaimed questions to the fallback route after (minutes)', '45');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(server.sent('PATCH /v1/admin/settings')).toHaveLength(1));
    expect(server.sent('PATCH /v1/admin/settings')[0]?.body).toEqual({
      fallbackTopicId: 'topic_coord',
      escalateAfterMinutes: 45,
    });
    await screen.findByText('Settings saved.');
    fireEvent.change(screen.getByLabelText('Fallback route (a coordinator topic)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(server.sent('PATCH /v1/admin/settings')).toHaveLength(2));
    expect(server.sent('PATCH /v1/admin/settings')[1]?.body).toEqual({ fallbackTopicId: null });
  });

  it('shows the API’s refusal by the field', async () => {
    const server = fakeServer({
      'GET /v1/admin/topics': () => json(200, { topics: TOPICS }),
      'PATCH /v1/admin/settings': () =>
        json(400, {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid',
            details: [{ path: ['escalateAfterMinutes'], message: 'Too small: expected number to be >=15' }],
          },
        }),
    });
    await renderAdmin(server);
    nav('Settings');
    const field = await screen.findByLabelText('Move unclaimed questions to the fallback route after (minutes)');
    type('Move unclaimed questions to the fallback route after (minutes)', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Too small: expected number to be >=15');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('tells the admin what moved in the last week, by topic name', async () => {
    const server = fakeServer({
      'GET /v1/admin/topics': () => json(200, { topics: TOPICS }),
      'GET /v1/audit': () => json(200, { entries: [ESCALATED], nextCursor: null }),
    });
    await renderAdmin(server);
    nav('Settings');
    const notice = await screen.findByText(/nobody claimed in time moved to Coordinators/);
    expect(notice.textContent).toMatch(/^In the last 7 days 3 questions nobody claimed/);
    expect(notice.textContent).not.toContain('topic_coord');
    const asked = server.sent('GET /v1/audit').find((r) => r.url.searchParams.get('action') === 'questions.escalated');
    expect(asked).toBeTruthy();
  });

  it('says when nothing has needed the fallback route', async () => {
    await renderAdmin(fakeServer());
    nav('Settings');
    await screen.findByText('No question has needed the fallback route in the last 7 days.');
  });
});
