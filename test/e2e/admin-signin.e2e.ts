import { afterAll, describe, expect, inject, it } from 'vitest';
import { captured, type ExtensionBrowser, launchWithExtension, openPopupFor } from './support/browser';

// Issue 6: an admin sets up a system and a sign-in code; the user signs in with it on a second
// workstation (profile), flags from a page of that system and sees the friendly screen name.
describe('an admin brings a user onto a second workstation', () => {
  const browsers: ExtensionBrowser[] = [];
  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
  });

  it('creates a system and a sign-in code; the user signs in with it and flags a named screen', async () => {
    const apiUrl = inject('apiUrl');
    const ehrUrl = inject('ehrUrl');
    const ehrHost = new URL(ehrUrl).host;

    const adminBrowser = await launchWithExtension(inject('extensionDir'));
    browsers.push(adminBrowser);
    const start = await adminBrowser.context.newPage();
    await start.goto(ehrUrl);
    const signIn = await openPopupFor(adminBrowser, start);
    await signIn.getByLabel('Code').fill('DEMO-ADMIN');
    await signIn.getByLabel('Your name (optional)').fill('E2E Admin');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.getByRole('button', { name: 'Sign out' }).waitFor();

    const admin = await adminBrowser.context.newPage();
    await admin.goto(`chrome-extension://${adminBrowser.extensionId}/admin.html#systems`);
    const newSystem = admin.getByRole('form', { name: 'New system' });
    await newSystem.getByLabel('Host').fill(ehrHost);
    await newSystem.getByLabel('Display name').fill('Epic');
    await newSystem.getByRole('button', { name: 'Add system' }).click();
    const addScreen = admin.getByRole('form', { name: 'Add a screen to Epic' });
    await addScreen.getByLabel('Path template').fill('/ehr/patients/:id/medrec');
    await addScreen.getByLabel('Screen name').fill('Med Rec');
    await addScreen.getByRole('button', { name: 'Add screen' }).click();
    await expect.poll(() => admin.textContent('body')).toContain('/ehr/patients/:id/medrec');

    await admin.goto(`chrome-extension://${adminBrowser.extensionId}/admin.html#codes`);
    await admin.reload();
    const newCode = admin.getByRole('form', { name: 'New code' });
    await newCode.getByLabel('Sign-in (an existing user on another device)').check();
    await newCode.getByLabel('Find the user').fill('Dana');
    await newCode.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => newCode.getByLabel('User', { exact: true }).locator('option').allTextContents())
      .toContain('Dana Clinician');
    await newCode.getByLabel('User', { exact: true }).selectOption({ label: 'Dana Clinician' });
    await newCode.getByRole('button', { name: 'Create code' }).click();
    const code = ((await admin.getByTestId('new-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);

    // The second workstation: a fresh profile, the API address from IT policy, the code typed in.
    const userBrowser = await launchWithExtension(inject('extensionDir'));
    browsers.push(userBrowser);
    const ehr = await userBrowser.context.newPage();
    await ehr.goto(`${ehrUrl}/ehr/patients/40411877/medrec`);
    const popup = await openPopupFor(userBrowser, ehr);
    await expect.poll(() => popup.getByLabel('API address').inputValue()).toBe(apiUrl);
    await popup.getByLabel('Code').fill(code.toLowerCase());
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => popup.textContent('body')).toContain('Dana Clinician');

    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await expect.poll(() => popup.textContent('body')).toContain('Epic › Med Rec');
    await popup.getByLabel('What got in the way?').fill('Allergy banner covers the dose column on this screen');
    await popup.getByLabel('Category').selectOption({ label: 'Documentation / EHR' });
    await popup.getByLabel('How often?').selectOption({ label: 'Every patient' });
    await popup.getByLabel('Minutes lost each time').fill('2');
    await popup.getByRole('button', { name: 'Send flag' }).click();

    await expect
      .poll(async () =>
        (await captured(apiUrl)).some(
          (r) => r.method === 'POST' && r.url === '/v1/flags' && r.body.includes('/ehr/patients/:id/medrec'),
        ),
      )
      .toBe(true);
    for (const r of await captured(apiUrl)) expect(`${r.url} ${r.body}`).not.toContain('40411877');

    // A sign-in code works once.
    const again = await fetch(`${apiUrl}/v1/auth/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(401);
  });
});
