import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../extension/lib/storage';
import { json, mockManifest, SESSION } from '../extension/helpers';
import { fakeServer, renderPopup } from '../extension/popup/fixtures';

// Issue 13 §7, issue 20 §3: the person sees, in the popup of a device they already had, that an
// admin's sign-in code was used to sign a new device in as them, and can read who did it.
const SIGN_IN = {
  id: 'signin_0001',
  at: '2026-03-02T09:15:00.000Z',
  method: 'admin_code',
  issuedByName: 'Admin Mallory',
  label: 'Ward 5 PC',
};

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('a new device signed in as you', () => {
  it('is shown at the next popup open, with when, how, who and the device label, until acknowledged', async () => {
    const server = fakeServer({
      'GET /v1/me/sign-ins/new': () => json(200, { signIns: [SIGN_IN] }),
      'POST /v1/me/sign-ins/acknowledge': () => json(200, { ok: true }),
    });
    await renderPopup(server);
    // The first render loads the notice and the API client lazily: allow for a cold start.
    const notice = await screen.findByRole('region', { name: 'A new device signed in as you' }, { timeout: 5_000 });
    expect(notice.textContent).toContain('with a sign-in code made by Admin Mallory (admin)');
    expect(notice.textContent).toContain('Ward 5 PC');
    expect(within(notice).getByText(/2026/).getAttribute('datetime')).toBe(SIGN_IN.at);

    fireEvent.click(within(notice).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(server.routes('POST /v1/me/sign-ins/acknowledge')).toHaveLength(1));
    expect(server.routes('POST /v1/me/sign-ins/acknowledge')[0]?.body).toEqual({ upTo: SIGN_IN.at });
    await waitFor(() => expect(screen.queryByRole('region', { name: /signed in as you/ })).toBeNull());
  });

  it('shows nothing when no other device signed in', async () => {
    const server = fakeServer({ 'GET /v1/me/sign-ins/new': () => json(200, { signIns: [] }) });
    await renderPopup(server);
    await waitFor(() => expect(server.routes('GET /v1/me/sign-ins/new')).toHaveLength(1), { timeout: 5_000 });
    expect(screen.queryByRole('region', { name: /signed in as you/ })).toBeNull();
  });

  it('“Not me” signs every device out, this one included', async () => {
    const server = fakeServer({
      'GET /v1/me/sign-ins/new': () => json(200, { signIns: [SIGN_IN] }),
      'POST /v1/auth/logout-all': () => json(200, { ok: true }),
      'POST /v1/auth/logout': () => json(401, { error: { code: 'unauthorized', message: 'Your session has ended' } }),
    });
    const { state } = await renderPopup(server);
    // The first render loads the notice and the API client lazily: allow for a cold start.
    const notice = await screen.findByRole('region', { name: 'A new device signed in as you' }, { timeout: 5_000 });
    fireEvent.click(within(notice).getByRole('button', { name: 'Not me: sign out everywhere' }));
    await waitFor(() => expect(server.routes('POST /v1/auth/logout-all')).toHaveLength(1));
    await waitFor(() => expect(state.session.value).toBeNull());
  });
});

describe('sign-ins to my account', () => {
  const ENTRIES = [
    {
      id: 'audit_0003',
      at: '2026-03-02T09:15:00.000Z',
      action: 'user.signed_in_with_code',
      actorName: 'Admin Mallory',
      byYou: false,
      label: 'Ward 5 PC',
      thisDevice: false,
    },
    {
      id: 'audit_0002',
      at: '2026-03-02T09:14:00.000Z',
      action: 'code.created',
      actorName: 'Admin Mallory',
      byYou: false,
      label: 'Ward 5 PC',
      thisDevice: false,
    },
    {
      id: 'audit_0001',
      at: '2026-01-01T08:00:00.000Z',
      action: 'user.enrolled',
      actorName: 'Sam Rivera',
      byYou: true,
      label: null,
      thisDevice: true,
    },
  ];

  it('is reached from the popup’s menu and names the admin who signed in as you', async () => {
    const server = fakeServer({
      'GET /v1/me/sign-ins': () => json(200, { entries: ENTRIES, nextCursor: null }),
      'POST /v1/me/device-codes': () =>
        json(201, { code: 'ABCD-EFGH-JKMN-PQRS', expiresAt: '2026-03-02T09:30:00.000Z' }),
    });
    await renderPopup(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign-ins to my account' }));
    await screen.findByRole('heading', { name: 'Sign-ins to my account' }, { timeout: 5_000 });
    await screen.findByText(/A device signed in as you with a sign-in code made by Admin Mallory \(admin\)/);
    expect(screen.getByText(/Admin Mallory \(admin\) made a sign-in code for your account/)).toBeTruthy();
    expect(screen.getByText('You enrolled')).toBeTruthy();
    expect(screen.getByText(/this device/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in on another device' }));
    expect((await screen.findByTestId('device-code')).textContent).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(server.routes('POST /v1/me/device-codes')[0]?.body).toEqual({});
  });
});
