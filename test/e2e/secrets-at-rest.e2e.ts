import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiUser, apiClient } from './support/api';
import { captured, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { fireAlarm, openExtensionPage, sessionOf, stored } from './support/extension';
import { expectStatus, goHome, openPopup, signIn } from './support/popup';

// Issue 13 §8 in real Chromium, on one shared workstation (one browser profile): after every step
// of a clinician's and then a mentor's session, everything in chrome.storage (local, session and
// sync) is read as the next person at the workstation could read it. No receipt secret, no text
// anyone typed or received, no token or key once they signed out; and nothing accepted is lost.

const TOPIC = 'topic-ehr-doc';
const DRAFT = 'Mr Okonkwo-Baptiste in bed 9: the pump library is out of date again';
const QUESTION = 'How do I get the pump library for bed 9 updated before night shift?';
const LATE = 'The barcode scanner at the nurses station drops the connection every hour';
const ANSWER_DRAFT = 'Ask pharmacy for library v42; Mr Okonkwo-Baptiste can stay on the old one till then';
const HEX64 = /[0-9a-f]{64}/g;

type Areas = { local: string; session: string; sync: string };
type Chrome = { chrome: { storage: Record<'local' | 'session' | 'sync', { get: (k: null) => Promise<object> }> } };

/** All of chrome.storage, as the service worker (any extension page) can read it. */
async function everything(b: ExtensionBrowser): Promise<Areas> {
  return b.serviceWorker.evaluate(async () => {
    const { storage } = (globalThis as unknown as Chrome).chrome;
    const [local, session, sync] = await Promise.all([
      storage.local.get(null),
      storage.session.get(null),
      storage.sync.get(null),
    ]);
    return { local: JSON.stringify(local), session: JSON.stringify(session), sync: JSON.stringify(sync) };
  });
}

async function expectNowhere(b: ExtensionBrowser, ...needles: string[]) {
  const areas = await everything(b);
  for (const needle of needles)
    for (const [area, text] of Object.entries(areas))
      expect(text.toLowerCase(), `chrome.storage.${area} holds “${needle}”`).not.toContain(needle.toLowerCase());
}

/**
 * Nothing shaped like a 256-bit secret on disk but the signed-in user's own token (their session,
 * which sign-out removes); in memory only their own key.
 */
async function expectNoSecretShapes(b: ExtensionBrowser) {
  const { local, session, sync } = await everything(b);
  const token = (JSON.parse(local) as { session?: { token: string } }).session?.token;
  expect((local.match(HEX64) ?? []).filter((s) => s !== token)).toEqual([]);
  expect(sync.match(HEX64) ?? []).toEqual([]);
  const key = (JSON.parse(session) as { receiptKey?: { key: string } }).receiptKey?.key;
  expect((session.match(HEX64) ?? []).filter((s) => s !== key)).toEqual([]);
}

describe('secrets at rest on a shared workstation (real Chromium)', () => {
  const apiUrl = inject('apiUrl');
  const ehrUrl = inject('ehrUrl');
  const api = apiClient(apiUrl);
  let workstation: ExtensionBrowser;
  let ehr: Page;
  let nurse: ApiUser;
  let nurseToken = '';
  let receiptSecret = '';

  const flagPosts = async (text: string) =>
    (await captured(apiUrl)).filter((r) => r.method === 'POST' && r.url === '/v1/flags' && r.body.includes(text));

  beforeAll(async () => {
    workstation = await launchWithExtension(inject('extensionDir'));
    ehr = await workstation.context.newPage();
    await ehr.goto(`${ehrUrl}/chart/patients/00913377/orders`);
  });
  afterAll(async () => {
    await fetch(`${apiUrl}/__e2e/up`);
    await workstation?.close();
  });

  it('1. a draft typed with a name, an anonymous flag waiting offline, then My items: nothing readable', async () => {
    const popup = await openPopup(workstation, ehr);
    await signIn(popup, 'DEMO-CLINICIAN', 'Ines Nurse');
    nurse = await sessionOf(workstation);
    nurseToken = nurse.token;
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await popup.getByLabel('What got in the way?').fill(DRAFT);

    // Another popup opened meanwhile finds the draft (opened with the key in memory) once it is
    // saved; sealed in storage all the while.
    let again: Page | undefined;
    await expect
      .poll(async () => {
        await again?.close();
        again = await openPopup(workstation, ehr);
        const field = again.getByLabel('What got in the way?');
        await field.waitFor();
        return field.inputValue();
      })
      .toBe(DRAFT);
    await popup.close();
    if (!again) throw new Error('no popup');
    await expectNowhere(workstation, DRAFT, 'Okonkwo');

    await fetch(`${apiUrl}/__e2e/down`);
    await again.getByLabel('Minutes lost each time').fill('4');
    await again.getByLabel('Send anonymously').check();
    await again.getByRole('button', { name: 'Send flag' }).click();
    // The name was typed before the check: the clinician confirms it (only its hash is sent with it).
    await again.getByRole('button', { name: 'Send with the highlighted text' }).click();
    await again.getByRole('heading', { name: 'Waiting to send (1)' }).waitFor();
    await expectNowhere(workstation, 'Okonkwo', 'pump library');
    await expectNoSecretShapes(workstation);
    await again.close();

    await fetch(`${apiUrl}/__e2e/up`);
    const [queued] = (await stored<Array<{ nextAttemptAt: number }>>(workstation, 'outbox')) ?? [];
    await fireAlarm(workstation, 'outbox', (queued?.nextAttemptAt ?? Date.now()) + 250);
    await expect.poll(async () => (await flagPosts('pump library')).length, { timeout: 60_000 }).toBe(1);
    const [sent] = await flagPosts('pump library');
    receiptSecret = (JSON.parse(sent?.body ?? '{}') as { receiptSecret?: string }).receiptSecret ?? '';
    expect(receiptSecret).toMatch(/^[0-9a-f]{64}$/);
    await expectNowhere(workstation, receiptSecret, 'Okonkwo');

    const items = await openPopup(workstation, ehr);
    await goHome(items);
    await items.getByRole('button', { name: 'My items' }).click();
    await expect.poll(() => items.textContent('main')).toContain(DRAFT);
    await expect.poll(async () => (await everything(workstation)).local).toContain('itemsCache');
    await expectNowhere(workstation, DRAFT, 'Okonkwo', receiptSecret);
    await expectNoSecretShapes(workstation);
    await items.close();
  });

  it('2. a question sent, a flag waiting offline, sign-out: no token, key or text is left readable', async () => {
    const popup = await openPopup(workstation, ehr);
    await goHome(popup);
    await popup.getByRole('button', { name: 'Ask a mentor' }).click();
    await popup.getByLabel('Your question').fill(QUESTION);
    await popup.getByLabel('Topic').selectOption({ label: 'EHR documentation' });
    await popup.getByLabel('Urgency').selectOption({ label: 'Today' });
    await popup.getByRole('button', { name: 'Send question' }).click();
    await expectStatus(popup, 'Question sent.');

    await fetch(`${apiUrl}/__e2e/down`);
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await popup.getByLabel('What got in the way?').fill(LATE);
    await popup.getByLabel('Minutes lost each time').fill('2');
    await popup.getByRole('button', { name: 'Send flag' }).click();
    await popup.getByRole('heading', { name: 'Waiting to send (1)' }).waitFor();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('1 of your items stay on this device');
    await popup.close();

    await expectNowhere(workstation, nurseToken, QUESTION, LATE, DRAFT, receiptSecret, 'barcode scanner');
    const { session } = await everything(workstation);
    expect(session.match(HEX64) ?? []).toEqual([]);
    await fetch(`${apiUrl}/__e2e/up`);
  });

  it('3. a mentor at the same workstation: their answer draft is sealed and goes with them', async () => {
    const popup = await openPopup(workstation, ehr);
    await signIn(popup, 'DEMO-MENTOR', 'Tomas Mentor');
    const mentor = await sessionOf(workstation);
    await api.mentorTopics(mentor, [TOPIC]);
    // The clinician's waiting flag is not the mentor's to send, nor to read.
    await expectNowhere(workstation, LATE, 'barcode scanner');

    const inbox = await openExtensionPage(workstation, 'sidepanel.html');
    await inbox.getByRole('button', { name: new RegExp(QUESTION.replace(/[?]/g, '\\?')) }).click();
    await inbox.getByRole('button', { name: 'Claim', exact: true }).click();
    await inbox.getByLabel('Your answer').fill(ANSWER_DRAFT);
    await expect.poll(async () => (await everything(workstation)).local).toContain('inboxDrafts');
    await expectNowhere(workstation, ANSWER_DRAFT, 'library v42', QUESTION);
    await inbox.close();

    // Reopened, the draft is there; after sign-out it is gone, with the mentor's token and key.
    const reopened = await openExtensionPage(workstation, 'sidepanel.html');
    await reopened.getByRole('button', { name: new RegExp(QUESTION.replace(/[?]/g, '\\?')) }).click();
    await expect.poll(() => reopened.getByLabel('Your answer').inputValue()).toBe(ANSWER_DRAFT);
    await reopened.close();
    await goHome(popup);
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectNowhere(workstation, mentor.token, ANSWER_DRAFT, 'library v42');
    const { local, session } = await everything(workstation);
    expect((JSON.parse(local) as { inboxDrafts?: unknown }).inboxDrafts ?? null).toBeNull();
    expect(session.match(HEX64) ?? []).toEqual([]);
    await popup.close();
  });

  it('4. the clinician comes back with a sign-in code: the flag that waited for them goes at once, exactly once', async () => {
    const admin = await api.enroll('DEMO-ADMIN', 'Ada Admin');
    const { code } = await api.call<{ code: string }>(admin, 'POST', '/v1/admin/codes', {
      kind: 'signin',
      userId: nurse.user.id,
      label: `e2e ${randomUUID().slice(0, 8)}`,
    });
    const popup = await openPopup(workstation, ehr);
    await popup.getByLabel('Code').fill(code);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => popup.textContent('body')).toContain('Ines Nurse');
    // Signing in sends what waited for them at once, whatever the backoff said.
    await expect.poll(async () => (await flagPosts('barcode scanner')).length).toBe(1);
    await expect.poll(() => stored(workstation, 'outbox')).toEqual([]);
    await expectNowhere(workstation, LATE, QUESTION, receiptSecret);
    await expectNoSecretShapes(workstation);
    await popup.close();
  });
});
