import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PUBLIC_CLIENT, startOidcProvider } from '../../scripts/oidc-dev-provider.mjs';
import { apiClient } from './support/api';
import { launchWithExtension, openPopupFor } from './support/browser';

// Issue 17: "Sign in with your organisation". The provider is the real oidc-provider on a loopback port;
// the sign-in window is the one browser.identity.launchWebAuthFlow opens (headless Chromium shows it as
// a page Playwright can drive), and Chromium itself hands the redirect back to the extension.
describe('a clinician signs in with the organisation’s identity provider', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    // The browser first, so the provider has no open connection left when it closes.
    for (const close of closers.reverse()) await close();
  });

  it('signs in through the provider’s login page and the popup shows the signed-in clinician', async () => {
    const provider = await startOidcProvider();
    closers.push(provider.close);
    // IT's part, done at the API: the provider as the admin page's SSO panel saves it (public client, PKCE).
    const api = apiClient(inject('apiUrl'));
    const admin = await api.enroll('DEMO-ADMIN', 'E2E Admin');
    const saved = await api.call<{ id: string }>(admin, 'POST', '/v1/admin/sso/providers', {
      label: 'Demo hospital',
      issuer: provider.issuer,
      oidcClientId: DEMO_PUBLIC_CLIENT.clientId,
      secretName: null,
      scopes: 'openid email profile groups',
      mode: 'jit',
    });
    // The suite shares one database: later files' popups should not offer a provider that has stopped.
    closers.push(() => api.call(admin, 'DELETE', `/v1/admin/sso/providers/${saved.id}`));

    const b = await launchWithExtension(inject('extensionDir'));
    closers.push(b.close);
    const ehr = await b.context.newPage();
    await ehr.goto(inject('ehrUrl'));
    const popup = await openPopupFor(b, ehr);
    const loginWindow = b.context.waitForEvent('page', (p: Page) => p.url().startsWith(provider.issuer));
    await popup.getByRole('button', { name: 'Sign in with your organisation' }).click();
    const login = await loginWindow;
    await login.getByRole('heading', { name: 'Demo hospital identity provider' }).waitFor();
    await login.getByRole('button', { name: 'Ada Demo (nurse.ada)' }).click();

    // The background completes the sign-in and the popup starts again from the stored session.
    await popup.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect.poll(() => popup.textContent('body')).toContain('Ada Demo');
    await popup.getByRole('button', { name: 'Flag friction' }).waitFor();
  });
});
