import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SsoPanel } from '../../../extension/admin/SsoPanel';
import { createSsoState } from '../../../extension/admin/sso-state';
import { AdminContext, createAdminState } from '../../../extension/admin/state';
import { registerSsoSignIn, signInWithSso } from '../../../extension/background/sso';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER } from '../helpers';

const API = 'https://curbside.example.org';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const AUTHORIZE = 'https://idp.example.org/authorize?state=S1';

/** The API's side of the flow, recorded; the provider's window is the browser's, so it is stood in for. */
function fakeApi() {
  const requests: { route: string; body: unknown }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const route = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, body });
    if (route === 'POST /v1/auth/sso/start') return json(200, { authorizeUrl: AUTHORIZE, state: 'S1' });
    if (route === 'POST /v1/auth/sso/complete')
      return json(200, { token: 'tok_sso', expiresAt: '2026-12-01T00:00:00.000Z', user: USER });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchFn, requests, sent: (r: string) => requests.filter((x) => x.route === r) };
}

function identity(answer: string | undefined) {
  const launchWebAuthFlow = vi.fn(async () => answer);
  const b = {
    identity: { getRedirectURL: () => REDIRECT, launchWebAuthFlow },
    runtime: { getManifest: () => ({ version: '1.0.0' }) },
  };
  return { b: b as never, launchWebAuthFlow };
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('signInWithSso', () => {
  it('starts at the API with this browser’s redirect URL, opens the provider, completes and stores the session', async () => {
    const api = fakeApi();
    const { b, launchWebAuthFlow } = identity(`${REDIRECT}?code=C0DE&state=S1`);
    const session = await signInWithSso({ apiUrl: API, providerId: 'prov_0001' }, { browser: b, fetchFn: api.fetchFn });
    expect(api.sent('POST /v1/auth/sso/start')[0]?.body).toEqual({ providerId: 'prov_0001', redirectUri: REDIRECT });
    expect(launchWebAuthFlow).toHaveBeenCalledWith({ url: AUTHORIZE, interactive: true });
    expect(api.sent('POST /v1/auth/sso/complete')[0]?.body).toEqual({ state: 'S1', code: 'C0DE' });
    expect(session.token).toBe('tok_sso');
    expect(await sessionItem.getValue()).toMatchObject({ token: 'tok_sso', apiUrl: API });
  });

  it('exchanges nothing when the state that comes back is not the one sent', async () => {
    const api = fakeApi();
    const { b } = identity(`${REDIRECT}?code=C0DE&state=SOMEONE-ELSES`);
    await expect(
      signInWithSso({ apiUrl: API, providerId: 'prov_0001' }, { browser: b, fetchFn: api.fetchFn }),
    ).rejects.toThrow(/does not belong/);
    expect(api.sent('POST /v1/auth/sso/complete')).toEqual([]);
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('says what the provider refused, and exchanges nothing', async () => {
    const api = fakeApi();
    const { b } = identity(`${REDIRECT}?error=access_denied&error_description=Not%20assigned&state=S1`);
    await expect(
      signInWithSso({ apiUrl: API, providerId: 'prov_0001' }, { browser: b, fetchFn: api.fetchFn }),
    ).rejects.toThrow('Not assigned');
    expect(api.sent('POST /v1/auth/sso/complete')).toEqual([]);
  });
});

describe('the admin page’s SSO panel', () => {
  const ADMIN: StoredSession = { ...SESSION, apiUrl: API, user: { ...USER, roles: ['admin'] } };
  const VIEW = {
    settings: { requireSso: false, mappings: [] },
    providers: [],
    scimTokenCreatedAt: null,
  };

  async function renderPanel(handlers: Record<string, (body: unknown) => Response>) {
    const requests: { route: string; body: unknown }[] = [];
    const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
      const route = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      requests.push({ route, body });
      return handlers[route]?.(body) ?? json(404, { error: { code: 'not_found', message: 'Not found' } });
    });
    await sessionItem.setValue(ADMIN);
    const admin = createAdminState({ browser: fakeBrowser as never, fetchFn });
    await admin.init();
    const state = createSsoState(admin, { identity: { getRedirectURL: () => REDIRECT } } as never);
    render(
      <AdminContext.Provider value={admin}>
        <SsoPanel state={state} />
      </AdminContext.Provider>,
    );
    return requests;
  }

  it('shows the redirect URL and SCIM address to register, and a new SCIM token once', async () => {
    const requests = await renderPanel({
      'GET /v1/admin/sso': () => json(200, VIEW),
      'POST /v1/admin/sso/scim-token': () => json(201, { token: 'scim_abc123', createdAt: '2026-12-06T10:00:00.000Z' }),
    });
    await screen.findByText(REDIRECT);
    expect(screen.getByText(`${API}/scim/v2`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make a new SCIM token' }));
    await screen.findByText('scim_abc123');
    expect(requests.filter((r) => r.route === 'POST /v1/admin/sso/scim-token')).toHaveLength(1);
  });

  it('saves a provider with the secret’s name, not a secret', async () => {
    const requests = await renderPanel({
      'GET /v1/admin/sso': () => json(200, VIEW),
      'POST /v1/admin/sso/providers': (body) =>
        json(201, { ...(body as object), id: 'prov_0001', updatedAt: '2026-12-06T10:00:00.000Z' }),
    });
    await screen.findByLabelText('Issuer URL');
    fireEvent.input(screen.getByLabelText('Name shown to staff'), { target: { value: 'Hospital account' } });
    fireEvent.input(screen.getByLabelText('Issuer URL'), { target: { value: 'https://login.example.org/t/v2.0' } });
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: 'abc-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save provider' }));
    await waitFor(() => expect(requests.some((r) => r.route === 'POST /v1/admin/sso/providers')).toBe(true));
    expect(requests.find((r) => r.route === 'POST /v1/admin/sso/providers')?.body).toEqual({
      kind: 'oidc',
      label: 'Hospital account',
      issuer: 'https://login.example.org/t/v2.0',
      oidcClientId: 'abc-123',
      secretName: 'SSO_CLIENT_SECRET',
      scopes: 'openid email profile',
      mode: 'jit',
    });
  });

  it('turns on require SSO', async () => {
    const requests = await renderPanel({
      'GET /v1/admin/sso': () => json(200, VIEW),
      'PATCH /v1/admin/sso/settings': (body) => json(200, { ...VIEW.settings, ...(body as object) }),
    });
    fireEvent.click(await screen.findByLabelText(/Staff sign in with the organisation/));
    await waitFor(() =>
      expect(requests.find((r) => r.route === 'PATCH /v1/admin/sso/settings')?.body).toEqual({ requireSso: true }),
    );
  });
});

describe('the popup’s “Sign in with your organisation”', () => {
  it('lists the providers through the background and signs in there', async () => {
    const { fakeServer, renderPopup } = await import('../popup/fixtures');
    const api = fakeApi();
    const providers = { providers: [{ id: 'prov_0001', label: 'Hospital', kind: 'oidc' }], requireSso: true };
    const fetchFn = vi.fn<typeof fetch>(async (input, init) =>
      new URL(String(input)).pathname === '/v1/auth/sso/providers' ? json(200, providers) : api.fetchFn(input, init),
    );
    const { launchWebAuthFlow } = identity(`${REDIRECT}?error=access_denied&state=S1`);
    // The background's listener, on the fake runtime the popup sends to; only the provider's window is stood in for.
    registerSsoSignIn(
      { runtime: fakeBrowser.runtime, identity: { getRedirectURL: () => REDIRECT, launchWebAuthFlow } } as never,
      {
        fetchFn,
      },
    );
    await renderPopup(fakeServer());
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with your organisation' }));
    await screen.findByText('Your organisation refused: access_denied');
    expect(screen.getByText(/Codes are for admins only/)).toBeTruthy();
    expect(api.sent('POST /v1/auth/sso/start')[0]?.body).toEqual({ providerId: 'prov_0001', redirectUri: REDIRECT });
    expect(api.sent('POST /v1/auth/sso/complete')).toEqual([]);
  });

  describe('with the provider preset by IT policy (storage.managed ssoProviderId)', () => {
    const providers = {
      providers: [
        { id: 'prov_0001', label: 'Hospital', kind: 'oidc' },
        { id: 'prov_0002', label: 'Community trust', kind: 'oidc' },
      ],
      requireSso: false,
    };
    async function renderWith(policy: Record<string, unknown>) {
      const { fakeServer, renderPopup } = await import('../popup/fixtures');
      await fakeBrowser.storage.managed.set(policy);
      const api = fakeApi();
      const fetchFn = vi.fn<typeof fetch>(async (input, init) =>
        new URL(String(input)).pathname === '/v1/auth/sso/providers' ? json(200, providers) : api.fetchFn(input, init),
      );
      const { launchWebAuthFlow } = identity(`${REDIRECT}?error=access_denied&state=S1`);
      registerSsoSignIn(
        { runtime: fakeBrowser.runtime, identity: { getRedirectURL: () => REDIRECT, launchWebAuthFlow } } as never,
        { fetchFn },
      );
      await renderPopup(fakeServer());
      return api;
    }

    it('offers that provider alone and signs in with it', async () => {
      const api = await renderWith({ ssoProviderId: 'prov_0002' });
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in with your organisation' }));
      await screen.findByText('Your organisation refused: access_denied');
      expect(screen.queryAllByRole('button', { name: /Sign in with your organisation/ })).toHaveLength(1);
      expect(api.sent('POST /v1/auth/sso/start')[0]?.body).toEqual({ providerId: 'prov_0002', redirectUri: REDIRECT });
    });

    it('offers every provider when the preset one is not among them, so nobody is left without a way in', async () => {
      await renderWith({ ssoProviderId: 'prov_gone' });
      await screen.findByRole('button', { name: 'Sign in with your organisation (Hospital)' });
      expect(screen.getByRole('button', { name: 'Sign in with your organisation (Community trust)' })).toBeTruthy();
    });
  });
});
