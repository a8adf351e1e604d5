import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { captured, type ExtensionBrowser, inRealPopup, launchWithExtension, openPopupFor } from './support/browser';

// Synthetic identifiers planted in the EHR page's URL; none may reach the API.
const MRN = '00731942';
const ENCOUNTER = '55120934';

describe('a clinician flags friction from an EHR page', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(inject('extensionDir'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('enrolls, flags with a de-identified screen, and sees the flag in My items', async () => {
    const apiUrl = inject('apiUrl');
    const ehr = await browser.context.newPage();
    await ehr.goto(`${inject('ehrUrl')}/ehr/patients/${MRN}/encounters/${ENCOUNTER}/medrec?mrn=${MRN}&view=medrec#top`);

    const popup = await openPopupFor(browser, ehr);
    // The API address comes from the managed policy written for this browser, and is locked.
    await expect.poll(() => popup.getByLabel('API address').inputValue()).toBe(apiUrl);
    expect(await popup.getByLabel('API address').isEditable()).toBe(false);
    await popup.getByLabel('Code').fill('DEMO-CLINICIAN');
    await popup.getByLabel('Your name (optional)').fill('E2E Nurse');
    await popup.getByRole('button', { name: 'Sign in' }).click();

    await popup.getByRole('button', { name: 'Flag friction' }).click();
    const expectedPath = '/ehr/patients/:id/encounters/:id/medrec?view=medrec';
    await expect.poll(() => popup.textContent('body')).toContain(expectedPath);
    expect(await popup.textContent('body')).not.toContain(MRN);

    const text = 'Sorting the med rec list by dose reloads the page and loses my place';
    await popup.getByLabel('What got in the way?').fill(text);
    await popup.getByLabel('Minutes lost each time').fill('3');
    await popup.getByRole('button', { name: 'Send flag' }).click();

    // At the API: exactly one flag arrived, with the de-identified screen and no identifier anywhere.
    // (Other files share the recording proxy, so this flag is told apart by its text.)
    const flagPosts = async () =>
      (await captured(apiUrl)).filter((r) => r.method === 'POST' && r.url === '/v1/flags' && r.body.includes(text));
    await expect.poll(async () => (await flagPosts()).length).toBe(1);
    const requests = await captured(apiUrl);
    const [flagRequest] = await flagPosts();
    const sent = JSON.parse(flagRequest?.body ?? '{}') as { screen?: { host: string; path: string }; text?: string };
    expect(sent.screen).toEqual({ host: new URL(inject('ehrUrl')).host, path: expectedPath });
    expect(sent.text).toBe(text);
    for (const r of requests) {
      expect(`${r.url} ${r.body}`).not.toContain(MRN);
      expect(`${r.url} ${r.body}`).not.toContain(ENCOUNTER);
    }

    // The proxy records a request as it passes; the row is there once the worker has answered.
    const auth = String(flagRequest?.headers.authorization ?? '');
    const mine = async () =>
      (await (await fetch(`${apiUrl}/v1/flags/mine`, { headers: { authorization: auth } })).json()) as {
        flags: Array<{ text: string; screen: { path: string } | null }>;
      };
    await expect.poll(async () => (await mine()).flags.length).toBe(1);
    expect((await mine()).flags[0]?.screen?.path).toBe(expectedPath);

    await popup.getByRole('button', { name: 'My items' }).click();
    await expect.poll(() => popup.textContent('body')).toContain(text);

    // The real toolbar popup, opened over the EHR tab as a click opens it, captures the same screen.
    const realText = await inRealPopup<string>(
      browser,
      ehr,
      `(async () => {
        const wait = (ms) => new Promise((r) => setTimeout(r, ms));
        const button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
        // The popup reopens where the user left it; go back home, then open Flag friction.
        for (let i = 0; i < 50 && !button('Flag friction'); i++) {
          button('Back')?.click();
          await wait(100);
        }
        button('Flag friction')?.click();
        for (let i = 0; i < 50 && !document.body.innerText.includes('/ehr/'); i++) await wait(100);
        return document.body.innerText;
      })()`,
    );
    expect(realText).toContain(expectedPath);
    expect(realText).not.toContain(MRN);
  });
});
