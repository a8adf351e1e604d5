import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiUser, apiClient } from './support/api';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { sessionOf } from './support/extension';
import { expectStatus, goHome, openPopup, signIn } from './support/popup';

const EHR_PATH = '/orders/entry?activity=orders';
const FLAG = 'Admission orders time out before I can sign them, and I re-enter the whole set';
const ASK = 'Could this become a small test on our ward?';
const CHANGE = 'Longer order-entry timeout on 4 West';
const PREDICTION = 'No re-entered admission orders for a week';
const MEASURE = 'Re-entered order sets per week';
const FOUND = 'One re-entry all week, on a night shift';
const RESULT = 'the longer timeout stops re-entered admission orders';
const READ = `Adopted: ${RESULT}`;
const TIP = 'Sign admission orders in two batches: the timer restarts with each Sign.';

/**
 * The growth chapter (issue 18): a nurse's flag is coached into a small test she owns, her sponsor
 * approves it, she runs it Plan → Do → Study → Act and adopts it; every reporter of the hotspot (named
 * and anonymous) reads the result in words, and her portfolio shows the test. Then the lead resolves
 * the hotspot as a training gap and a mentor's tip reaches every reporter. The nurse works in the
 * popup; the coach, the lead and the other reporters act through the API.
 */
describe('growth: from a flag to an adopted small test', () => {
  const apiUrl = inject('apiUrl');
  const ehrUrl = inject('ehrUrl');
  const api = apiClient(apiUrl);
  let browser: ExtensionBrowser;
  let ehr: Page;
  let nurse: ApiUser;
  let coach: ApiUser;
  let lead: ApiUser;
  let colleague: ApiUser;
  const secret = randomBytes(32).toString('hex');
  let hotspotId = '';
  let questionId = '';
  let testId = '';

  const myItems = async () => {
    const popup = await openPopup(browser, ehr);
    await goHome(popup);
    await popup.getByRole('button', { name: 'My items' }).click();
    await popup.getByText(FLAG).first().waitFor();
    return popup;
  };

  beforeAll(async () => {
    coach = await api.enroll('DEMO-MENTOR', 'Cal Coach');
    await api.mentorTopics(coach, ['improvement_coach']);
    lead = await api.enroll('DEMO-LEAD', 'Sam Sponsor');
    colleague = await api.enroll('DEMO-CLINICIAN', 'Robin Reporter');
    browser = await launchWithExtension(inject('extensionDir'));
    ehr = await browser.context.newPage();
    await ehr.goto(`${ehrUrl}${EHR_PATH}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('1. a nurse flags, and two colleagues (one anonymous) say "me too"', async () => {
    const popup = await openPopup(browser, ehr);
    await signIn(popup, 'DEMO-CLINICIAN', 'Nell Nurse');
    nurse = await sessionOf(browser);
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await popup.getByLabel('What got in the way?').fill(FLAG);
    await popup.getByLabel('Category').selectOption({ label: 'Orders & medications' });
    await popup.getByRole('button', { name: 'Send flag' }).click();
    await expectStatus(popup, 'Flag sent.');
    await popup.close();
    expect((await fetch(`${apiUrl}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)).status).toBe(200);
    hotspotId = (await api.myFlags(nurse)).flags[0]?.hotspotId ?? '';
    expect(hotspotId).not.toBe('');
    await api.call(colleague, 'POST', `/v1/hotspots/${hotspotId}/me-too`, { clientId: randomUUID() });
    await api.call(colleague, 'POST', `/v1/hotspots/${hotspotId}/me-too`, {
      clientId: randomUUID(),
      anonymous: true,
      receiptSecret: secret,
    });
    // The rollup batch as if the hour had passed: the anonymous "me too" counts from then on.
    expect((await fetch(`${apiUrl}/__scheduled`)).status).toBe(200);
  });

  it('2. she asks for coaching from My items; the coach frames the smallest test with her', async () => {
    const popup = await myItems();
    await popup.getByText('Help me shape this').click();
    await popup.getByLabel('What would you like help with?').fill(ASK);
    await popup.getByRole('button', { name: 'Ask a coach' }).click();
    await expect.poll(() => popup.textContent('body')).toContain('You asked a coach to help shape this');
    await popup.close();

    const { coaching } = await api.call<{ coaching: Array<{ questionId: string; card: { revision: number } }> }>(
      nurse,
      'GET',
      '/v1/coaching/mine',
    );
    questionId = coaching[0]?.questionId ?? '';
    await api.call(coach, 'POST', `/v1/queue/${questionId}/claim`);
    await api.call(coach, 'PUT', `/v1/coaching/${questionId}/card`, {
      revision: coaching[0]?.card.revision ?? 0,
      problem: 'Admission order sets are lost to a timeout',
      measure: MEASURE,
      smallestTest: CHANGE,
    });
    await api.call(coach, 'POST', `/v1/queue/${questionId}/answer`, {
      clientId: randomUUID(),
      text: 'Try it on one ward for a week, and count the re-entries.',
    });
  });

  it('3. she proposes a small test she owns; nothing moves until her sponsor approves it', async () => {
    let popup = await myItems();
    await popup.getByText('Turn this into a small test').click();
    await popup.getByLabel('The change to test').fill(CHANGE);
    await popup.getByLabel('What you predict will happen').fill(PREDICTION);
    await popup.getByLabel('How you will measure it').fill(MEASURE);
    await popup.getByLabel('Sponsor (a lead who approves it)').selectOption({ label: 'Sam Sponsor' });
    await popup.getByRole('button', { name: 'Ask for approval' }).click();
    await expect.poll(() => popup.textContent('body')).toContain('Waiting for your sponsor');
    await popup.close();

    const { tests } = await api.call<{ tests: Array<{ cycle: { id: string }; role: string }> }>(
      lead,
      'GET',
      '/v1/small-tests/mine',
    );
    testId = tests.find((t) => t.role === 'sponsor')?.cycle.id ?? '';
    expect(testId).not.toBe('');
    // Reporters see nothing of a test still waiting for approval.
    const before = await api.myFlags(colleague);
    expect(JSON.stringify(before)).not.toContain(CHANGE);
    await api.call(lead, 'POST', `/v1/small-tests/${testId}/approval`, { decision: 'approve' });

    popup = await myItems();
    await popup.getByRole('button', { name: 'Move to Do' }).click();
    await expectStatus(popup, 'Moved to Do.');
    await popup.getByLabel('What happened, beside your prediction').fill(FOUND);
    await popup.getByRole('button', { name: 'Move to Study' }).click();
    await expect.poll(() => popup.textContent('body')).toContain(`Predicted: ${PREDICTION}. Found: ${FOUND}`);
    await popup.getByLabel('Adopt').check();
    await popup.getByLabel('The result in one sentence, for everyone who flagged this').fill(RESULT);
    await popup.getByRole('button', { name: 'Move to Act' }).click();
    await expectStatus(popup, 'Moved to Act.');
    await expect.poll(() => popup.textContent('body')).toContain(RESULT);
    await popup.close();
  });

  it('4. every reporter reads the result in words, and her portfolio shows the test', async () => {
    const popup = await myItems();
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.textContent('body')).toContain(READ);
    await popup.close();

    const named = await api.call<{
      flags: Array<{ cycles?: Array<{ decision: string | null; result: string | null }> }>;
    }>(colleague, 'GET', '/v1/flags/mine');
    expect(named.flags.flatMap((f) => f.cycles ?? [])).toContainEqual(
      expect.objectContaining({ decision: 'adopt', result: RESULT }),
    );
    const sealed = await api.call<{ flags: Array<{ cycles?: Array<{ result: string | null }> } | null> }>(
      null,
      'POST',
      '/v1/receipts/status',
      { secrets: [secret] },
    );
    expect(sealed.flags[0]?.cycles?.map((c) => c.result)).toContain(RESULT);

    const portfolio = JSON.stringify(await api.call(nurse, 'GET', '/v1/portfolio/mine'));
    expect(portfolio).toContain(CHANGE);
    expect(portfolio).toContain(RESULT);
  });

  it('5. resolved as a training gap, a mentor’s tip reaches every reporter and the screen', async () => {
    for (const status of ['acknowledged', 'in_progress']) {
      await api.call(lead, 'PATCH', `/v1/hotspots/${hotspotId}`, { status });
    }
    await api.call(lead, 'POST', `/v1/hotspots/${hotspotId}/training-gap`, {
      clientId: randomUUID(),
      topicId: 'improvement_coach',
      note: 'Nobody showed us that signing in batches restarts the timer',
    });
    const { requests } = await api.call<{ requests: Array<{ id: string }> }>(coach, 'GET', '/v1/tip-requests');
    expect(requests).toHaveLength(1);
    await api.call(coach, 'POST', `/v1/tip-requests/${requests[0]?.id}/tip`, { clientId: randomUUID(), text: TIP });

    const popup = await myItems();
    await popup.getByRole('button', { name: 'Refresh' }).click();
    const item = popup.locator('li.item', { has: popup.locator('.item-text', { hasText: FLAG }) });
    await expect.poll(() => item.textContent()).toContain(TIP);
    await popup.close();
    const sealed = await api.call<{ flags: Array<{ tip?: { text: string } | null } | null> }>(
      null,
      'POST',
      '/v1/receipts/status',
      { secrets: [secret] },
    );
    expect(sealed.flags[0]?.tip?.text).toBe(TIP);
    const host = new URL(ehrUrl).host;
    const tips = await api.call<{ tips: Array<{ text: string }> }>(colleague, 'GET', `/v1/kb/screen-tips?host=${host}`);
    expect(tips.tips.map((t) => t.text)).toContain(TIP);
  });
});
