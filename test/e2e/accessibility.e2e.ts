import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, printAccessibilityNotes } from './support/axe';
import { captured, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { openExtensionPage } from './support/extension';
import { expectStatus, openPopup, signIn } from './support/popup';

/** The accessible name of what has focus now: its label, aria-label or text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el || el === document.body) return '';
    const name = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return name.replace(/\s+/g, ' ').trim();
  });

/** Presses Tab (only) until the control named `name` has focus. */
async function tabTo(page: Page, name: string, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached “${name}”; it went through: ${seen.join(' | ')}`);
}

describe('accessibility', () => {
  const apiUrl = inject('apiUrl');
  const ehrUrl = inject('ehrUrl');
  const browsers: ExtensionBrowser[] = [];
  const launch = async () => {
    const b = await launchWithExtension(inject('extensionDir'));
    browsers.push(b);
    return b;
  };

  beforeAll(async () => {
    await launch();
  });
  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    printAccessibilityNotes('admin page and keyboard flows');
  });

  it('signs in, flags friction and asks a mentor with the keyboard alone', async () => {
    const b = browsers[0];
    if (!b) throw new Error('no browser');
    const ehr = await b.context.newPage();
    await ehr.goto(`${ehrUrl}/chart/patients/00977321/encounters/55001234/orders?activity=orders&mrn=00977321`);
    const popup = await openPopup(b, ehr);
    // No mouse from here on: Tab, typing and Enter only.
    await tabTo(popup, 'Code');
    await popup.keyboard.type('DEMO-CLINICIAN');
    await tabTo(popup, 'Your name (optional)');
    await popup.keyboard.type('Kim Keyboard');
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Flag friction' }).waitFor();

    await tabTo(popup, 'Flag friction');
    await popup.keyboard.press('Enter');
    await tabTo(popup, 'What got in the way?');
    const flagText = 'The orders screen logs me out while I am still typing an order';
    await popup.keyboard.type(flagText);
    await tabTo(popup, 'Category');
    await popup.keyboard.type('Doc');
    expect(await popup.getByLabel('Category').inputValue()).toBe('documentation_ehr');
    await tabTo(popup, 'How often?');
    await popup.keyboard.type('Daily');
    expect(await popup.getByLabel('How often?').inputValue()).toBe('daily');
    await tabTo(popup, 'Minutes lost each time');
    await popup.keyboard.type('2');
    await tabTo(popup, 'Send flag');
    await popup.keyboard.press('Enter');
    await expectStatus(popup, 'Flag sent.');

    await tabTo(popup, 'Ask a mentor');
    await popup.keyboard.press('Enter');
    await tabTo(popup, 'Your question');
    const question = 'Is there a faster way to repeat yesterday’s orders?';
    await popup.keyboard.type(question);
    await tabTo(popup, 'Topic');
    await popup.keyboard.type('Orders');
    expect(await popup.getByLabel('Topic').inputValue()).toBe('topic-orders');
    await tabTo(popup, 'Send question');
    await popup.keyboard.press('Enter');
    await expectStatus(popup, 'Question sent.');

    const posts = (await captured(apiUrl)).filter((r) => r.method === 'POST');
    expect(posts.some((r) => r.url === '/v1/flags' && r.body.includes(flagText))).toBe(true);
    expect(
      posts.some((r) => r.url === '/v1/questions' && JSON.parse(r.body).text === question && r.body.includes('orders')),
    ).toBe(true);
  });

  it('the admin page has no serious or critical axe violations in any section', async () => {
    const admin = await launch();
    const blank = await admin.context.newPage();
    await blank.goto(`${ehrUrl}/`);
    const popup = await openPopup(admin, blank);
    await signIn(popup, 'DEMO-ADMIN', 'Ari Admin');
    await popup.close();

    const page = await openExtensionPage(admin, 'admin.html');
    const nav = page.getByRole('navigation', { name: 'Administration sections' });
    await nav.waitFor();
    const problems: string[] = [];
    for (const section of await nav.getByRole('button').allTextContents()) {
      await nav.getByRole('button', { name: section }).click();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      problems.push(...(await axeViolations(page, `admin: ${section}`)));
    }
    await nav.getByRole('button', { name: 'Codes' }).click();
    await page.getByRole('button', { name: 'Create code' }).click();
    await page.getByRole('heading', { name: /Code created/ }).waitFor();
    problems.push(...(await axeViolations(page, 'admin: a code just created')));
    expect(problems).toEqual([]);
  });
});
