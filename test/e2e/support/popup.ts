import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { captured, type ExtensionBrowser, openPopupFor } from './browser';

/** The popup over `tab`, loaded (it reopens on the view the user left). */
export async function openPopup(b: ExtensionBrowser, tab: Page): Promise<Page> {
  const popup = await openPopupFor(b, tab);
  await popup.locator('main h1').first().waitFor();
  return popup;
}

/** Signs in with a code from the signed-out popup; the API address is the one IT policy set. */
export async function signIn(popup: Page, code: string, name: string): Promise<void> {
  await popup.getByLabel('Code').fill(code);
  await popup.getByLabel('Your name (optional)').fill(name);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Flag friction' }).waitFor();
}

/** Back to the popup's home view from wherever it reopened. */
export async function goHome(popup: Page): Promise<void> {
  for (let i = 0; i < 5; i++) {
    if (await popup.getByRole('button', { name: 'Flag friction' }).isVisible()) return;
    await popup.getByRole('button', { name: 'Back', exact: true }).click();
  }
  await popup.getByRole('button', { name: 'Flag friction' }).waitFor();
}

/** The polite status line ("Flag sent.") the popup announces after an action. */
export async function expectStatus(page: Page, text: string): Promise<void> {
  try {
    await expect.poll(() => page.locator('.status').first().textContent()).toContain(text);
  } catch (e) {
    // Say what the API answered last, so a failure here explains itself.
    const last = (await captured(inject('apiUrl')))
      .slice(-8)
      .map((r) => `${r.method} ${r.url} → ${r.status ?? 'none'}`);
    throw new Error(`${(e as Error).message}\nlast requests at the API:\n  ${last.join('\n  ')}`);
  }
}
