import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiUser, apiClient } from './support/api';
import { axeViolations, printAccessibilityNotes } from './support/axe';
import { captured, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { badgeText, fireAlarm, notificationIds, openExtensionPage, sessionOf, stored } from './support/extension';
import { expectStatus, goHome, openPopup, signIn } from './support/popup';

// Synthetic patient details: in the EHR page's address (step 1) and typed into the flag. None may
// reach the API in any form (step 7).
const MRN = '00731942';
const ENCOUNTER = '55120934';
const NAME = 'Rosalind Quintero';
const DOB = '02/11/1961';
const EHR_PATH = `/chart/patients/${MRN}/encounters/${ENCOUNTER}/mar?activity=mar&mrn=${MRN}&name=QUINTERO%2C+ROSALIND&dob=1961-02-11#orders`;
const SCREEN_PATH = '/chart/patients/:id/encounters/:id/mar?activity=mar';
// Another patient's chart on the same screen, for the third clinician (step 5).
const OTHER_EHR_PATH = '/chart/patients/00488213/encounters/55230871/mar?activity=mar&mrn=00488213';
const NEVER_SENT = [MRN, ENCOUNTER, 'quintero', 'rosalind', DOB, '1961-02-11', '00488213', '55230871'];

const TOPIC = 'topic-ehr-doc';
const FLAG_TYPED = `Sorting the MAR by dose for ${NAME}, DOB ${DOB}, reloads the page and loses my place`;
const FLAG_SENT = 'Sorting the MAR by dose for [NAME], DOB [DATE], reloads the page and loses my place';
const FLAG_OFFLINE = 'The MAR jumps back to the top after every barcode scan';
const KB_QUESTION = 'How do I keep my place in the MAR after sorting it?';
const KB_ANSWER =
  'Pin the column instead of sorting: right-click the Dose header and choose Pin. The view then stays put.';
const QUESTION = 'Can the MAR remember my sort order between patients?';
const CLARIFY = 'Do you sort by dose or by time?';
const REPLY = 'By time, on every patient.';
const ANSWER = 'Yes: open the MAR settings (gear icon), choose Sort by time and tick Remember for all patients.';
const RESPONSE = 'Thank you: the vendor fix for the MAR sort is being tested on 4 West this month.';
const CHANGE_IDEA = 'Default the MAR to time order on 4 West';

/** The same text with percent-escapes and `+` undone, so an encoded identifier is found too. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
}

describe('the whole journey: three roles, one story', () => {
  const apiUrl = inject('apiUrl');
  const ehrUrl = inject('ehrUrl');
  const extensionDir = inject('extensionDir');
  const api = apiClient(apiUrl);
  const screen = { host: new URL(ehrUrl).host, path: SCREEN_PATH };
  const browsers: ExtensionBrowser[] = [];
  const launch = async () => {
    const b = await launchWithExtension(extensionDir);
    browsers.push(b);
    return b;
  };
  /** Every page in every state the story reaches: no serious or critical axe violation. */
  const accessible = async (page: Page, state: string) => expect(await axeViolations(page, state)).toEqual([]);
  const postsOf = async (path: string, clientId?: string) =>
    (await captured(apiUrl)).filter(
      (r) => r.method === 'POST' && r.url === path && (!clientId || r.body.includes(`"clientId":"${clientId}"`)),
    );

  let clinician: ExtensionBrowser;
  let ehr: Page;
  let nurse: ApiUser;
  let hotspotId = '';
  let third: ExtensionBrowser;
  let thirdChart: Page;

  beforeAll(async () => {
    // Before the story (step 3 shows it): a colleague asked from the same screen, a mentor answered
    // and marked it shareable, the colleague consented, so a de-identified copy is in the knowledge
    // base before the clinician first opens the popup (the popup caches a system's tips a while).
    const colleague = await api.enroll('DEMO-CLINICIAN', 'Jo Colleague');
    const senior = await api.enroll('DEMO-MENTOR', 'Sam Senior');
    await api.mentorTopics(senior, [TOPIC]);
    const earlier = await api.ask(colleague, { text: KB_QUESTION, topicId: TOPIC, screen });
    await api.call(senior, 'POST', `/v1/queue/${earlier.id}/claim`);
    await api.call(senior, 'POST', `/v1/queue/${earlier.id}/answer`, { clientId: randomUUID(), text: KB_ANSWER });
    await api.call(senior, 'POST', `/v1/queue/${earlier.id}/shareable`, { shareable: true });
    const consented = await api.call<{ publication: { published: boolean } }>(
      colleague,
      'POST',
      `/v1/questions/${earlier.id}/consent`,
      { consent: true },
    );
    expect(consented.publication.published).toBe(true);

    clinician = await launch();
    ehr = await clinician.context.newPage();
    await ehr.goto(`${ehrUrl}${EHR_PATH}`);
  });
  afterAll(async () => {
    await fetch(`${apiUrl}/__e2e/up`);
    await Promise.all(browsers.map((b) => b.close()));
    printAccessibilityNotes('journey');
  });

  it('1. a clinician enrolls, sees the screen de-identified, redacts a name and a date of birth, and flags', async () => {
    const popup = await openPopup(clinician, ehr);
    await accessible(popup, 'popup: sign in');
    await signIn(popup, 'DEMO-CLINICIAN', 'Casey Nurse');
    nurse = await sessionOf(clinician);
    await accessible(popup, 'popup: home');

    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await expect.poll(() => popup.textContent('body')).toContain(SCREEN_PATH);
    for (const secret of NEVER_SENT) expect((await popup.textContent('body'))?.toLowerCase()).not.toContain(secret);

    const text = popup.getByLabel('What got in the way?');
    await text.fill(FLAG_TYPED);
    // Both are highlighted, each with a way to redact it, before anything is sent.
    await expect.poll(() => popup.locator('#flag-text-ids mark').allTextContents()).toEqual([NAME, DOB]);
    await accessible(popup, 'popup: flag form, identifiers highlighted');
    await popup.getByRole('button', { name: 'Redact all' }).click();
    expect(await text.inputValue()).toBe(FLAG_SENT);
    expect(await popup.locator('#flag-text-ids').count()).toBe(0);

    await popup.getByLabel('Category').selectOption({ label: 'Orders & medications' });
    await popup.getByLabel('How often?').selectOption({ label: 'Every patient' });
    await popup.getByLabel('Minutes lost each time').fill('4');
    await popup.getByRole('button', { name: 'Send flag' }).click();
    await expectStatus(popup, 'Flag sent.');

    const [sent] = (await postsOf('/v1/flags')).filter((r) => r.body.includes(FLAG_SENT));
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ text: FLAG_SENT, screen, anonymous: false });
    await expect.poll(async () => (await api.myFlags(nurse)).flags.map((f) => f.text)).toEqual([FLAG_SENT]);
    // The minute's rollup batch (worker/jobs/rollups.ts) counts it: its screen's hotspot exists from then on.
    expect((await fetch(`${apiUrl}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)).status).toBe(200);
    hotspotId = (await api.myFlags(nurse)).flags[0]?.hotspotId ?? '';
    expect(hotspotId).not.toBe('');
    await popup.close();
  });

  it('2. with the API down a second flag waits on the device, and arrives exactly once when it is back', async () => {
    await fetch(`${apiUrl}/__e2e/down`);
    const popup = await openPopup(clinician, ehr);
    await goHome(popup);
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await popup.getByLabel('What got in the way?').fill(FLAG_OFFLINE);
    await popup.getByLabel('Category').selectOption({ label: 'Orders & medications' });
    await popup.getByLabel('How often?').selectOption({ label: 'Every shift' });
    await popup.getByLabel('Minutes lost each time').fill('3');
    await popup.getByRole('button', { name: 'Send flag' }).click();
    await popup.getByRole('heading', { name: 'Waiting to send (1)' }).waitFor();
    await accessible(popup, 'popup: home, waiting to send (1)');

    const outbox = (await stored<Array<{ clientId: string; nextAttemptAt: number }>>(clinician, 'outbox')) ?? [];
    expect(outbox).toHaveLength(1);
    const [queued] = outbox;
    if (!queued) throw new Error('nothing queued');
    expect(await postsOf('/v1/flags', queued.clientId)).toHaveLength(0);
    await popup.close();

    await fetch(`${apiUrl}/__e2e/up`);
    // The background retries when the failed attempt's backoff is over, on its alarm: let it fire then.
    await fireAlarm(clinician, 'outbox', queued.nextAttemptAt + 250);
    await expect
      .poll(async () => (await postsOf('/v1/flags', queued.clientId)).length, { timeout: 60_000, interval: 500 })
      .toBe(1);
    await expect.poll(async () => (await api.myFlags(nurse)).flags.length).toBe(2);
    await expect.poll(() => stored(clinician, 'outbox')).toEqual([]);
    // Another round of the alarm finds nothing to send: still exactly one request and one row.
    await fireAlarm(clinician, 'outbox');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await postsOf('/v1/flags', queued.clientId)).toHaveLength(1);
    const flags = (await api.myFlags(nurse)).flags;
    expect(flags.filter((f) => f.text === FLAG_OFFLINE)).toHaveLength(1);
    expect(flags.every((f) => f.hotspotId === hotspotId)).toBe(true);
  });

  it('3. starting a question, the clinician is shown a published answer for this screen, and asks anyway', async () => {
    const popup = await openPopup(clinician, ehr);
    await goHome(popup);
    await popup.getByRole('button', { name: 'Ask a mentor' }).click();
    const tips = popup.getByRole('region', { name: 'Others asked this here' });
    await tips.getByRole('button', { name: KB_QUESTION }).click();
    await expect.poll(() => tips.textContent()).toContain(KB_ANSWER);
    await accessible(popup, 'popup: ask, answers for this screen');

    await popup.getByLabel('Your question').fill(QUESTION);
    await expect.poll(() => popup.getByRole('region', { name: 'Answers that may help' }).count()).toBe(1);
    await accessible(popup, 'popup: ask, matches while typing');
    await popup.getByLabel('Topic').selectOption({ label: 'EHR documentation' });
    await popup.getByLabel('Urgency').selectOption({ label: 'Today' });
    await popup.getByRole('button', { name: 'Send question' }).click();
    await expectStatus(popup, 'Question sent.');
    const [asked] = await postsOf('/v1/questions').then((r) => r.filter((x) => x.body.includes(QUESTION)));
    expect(JSON.parse(asked?.body ?? '{}')).toMatchObject({ text: QUESTION, topicId: TOPIC, screen });
    await popup.close();
  });

  it('4. a mentor sees the badge, claims, asks back; the clinician replies; the answer is shared with consent', async () => {
    const mentor = await launch();
    const blank = await mentor.context.newPage();
    await blank.goto(`${ehrUrl}/`);
    const mentorPopup = await openPopup(mentor, blank);
    await signIn(mentorPopup, 'DEMO-MENTOR', 'Morgan Mentor');
    await mentorPopup.close();
    // The mentor's routing (topics they answer) is set through the API.
    await api.mentorTopics(await sessionOf(mentor), [TOPIC]);

    await fireAlarm(mentor, 'badge');
    await expect.poll(() => badgeText(mentor), { timeout: 15_000 }).toBe('1');
    // The poll raised a notification for the urgent question; what its click opens is the inbox page at
    // that question (inbox.html#question=ID), in Chrome, Edge and Firefox alike.
    // The badge is set before the notification is created, so the notification is waited for too.
    let urgent: string[] | undefined;
    await expect
      .poll(
        async () => {
          urgent = (await notificationIds(mentor)).map((id) => id.split('|')).find(([surface]) => surface === 'inbox');
          return urgent?.[2];
        },
        { timeout: 15_000 },
      )
      .toMatch(/^urgent:/);
    expect(urgent?.[2]).toBe(`urgent:${urgent?.[1]}`);
    const atQuestion = await openExtensionPage(mentor, `inbox.html#question=${urgent?.[1]}`);
    await expect.poll(() => atQuestion.getByRole('list', { name: 'Thread' }).count()).toBe(1);
    expect(await atQuestion.textContent('main')).toContain(QUESTION);
    await atQuestion.close();

    const inbox = await openExtensionPage(mentor, 'sidepanel.html');
    const item = inbox.getByRole('button', { name: new RegExp(QUESTION.replace(/[?]/g, '\\?')) });
    await item.waitFor();
    await accessible(inbox, 'inbox: queue');
    await item.click();
    await inbox.getByRole('button', { name: 'Claim', exact: true }).click();
    await inbox.getByLabel('Ask the asker something first').fill(CLARIFY);
    await accessible(inbox, 'inbox: thread, claimed');
    await inbox.getByRole('button', { name: 'Ask back' }).click();
    await expect.poll(() => inbox.getByRole('list', { name: 'Thread' }).textContent()).toContain(CLARIFY);

    const popup = await openPopup(clinician, ehr);
    await goHome(popup);
    await popup.getByRole('button', { name: 'My items' }).click();
    await expect.poll(() => popup.textContent('main')).toContain(CLARIFY);
    await accessible(popup, 'popup: my items, a clarifying question');
    await popup.getByLabel('Your reply').fill(REPLY);
    await popup.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect.poll(() => popup.textContent('main')).toContain('You replied');

    await inbox.getByRole('button', { name: '← Back to the queue' }).click();
    await inbox.getByRole('button', { name: 'Refresh' }).click();
    await item.click();
    await expect.poll(() => inbox.getByRole('list', { name: 'Thread' }).textContent()).toContain(REPLY);
    await inbox.getByLabel('Your answer').fill(ANSWER);
    await inbox.getByRole('button', { name: 'Send answer' }).click();
    const shareable = inbox.getByRole('checkbox', { name: /Shareable to the knowledge base/ });
    // Saved on the server first, then shown checked.
    await shareable.click();
    await expect.poll(() => shareable.isChecked()).toBe(true);
    await accessible(inbox, 'inbox: thread, answered and shareable');

    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.textContent('main')).toContain(ANSWER);
    const helped = popup.getByRole('button', { name: 'This helped' });
    await helped.click();
    await expect.poll(() => helped.getAttribute('aria-pressed')).toBe('true');
    await popup.getByRole('button', { name: 'Share this answer' }).click();
    await expect.poll(() => popup.textContent('main')).toContain('It is in the knowledge base now');
    await accessible(popup, 'popup: my items, answered, helpful, shared');

    const { questions } = await api.call<{
      questions: Array<{ text: string; helpful: boolean | null; shareConsent: boolean; published: boolean }>;
    }>(nurse, 'GET', '/v1/questions/mine');
    expect(questions.find((q) => q.text === QUESTION)).toMatchObject({
      helpful: true,
      shareConsent: true,
      published: true,
    });
    await popup.close();
  });

  it('5. a third clinician flags the same screen anonymously with “me too”', async () => {
    third = await launch();
    thirdChart = await third.context.newPage();
    await thirdChart.goto(`${ehrUrl}${OTHER_EHR_PATH}`);
    const popup = await openPopup(third, thirdChart);
    await signIn(popup, 'DEMO-CLINICIAN', 'Riley Nurse');
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    const already = popup.getByRole('region', { name: 'Already flagged' });
    await expect.poll(() => already.textContent()).toContain('Already flagged on this screen');
    await accessible(popup, 'popup: flag form, already flagged on this screen');
    // The form's "Send anonymously" choice goes with a "me too" too: it is a flag from this reporter.
    await popup.getByRole('checkbox', { name: 'Send anonymously' }).check();
    await already.getByRole('button', { name: 'Me too' }).click();
    await expectStatus(popup, 'Added your “me too”.');

    const [meToo] = await postsOf(`/v1/hotspots/${hotspotId}/me-too`);
    const body = JSON.parse(meToo?.body ?? '{}') as { anonymous?: boolean; receiptSecret?: string };
    expect(body.anonymous).toBe(true);
    expect(body.receiptSecret).toMatch(/^[0-9a-f]{64}$/);
    await popup.close();
  });

  it('6. a lead finds the hotspot ranked by cost, responds, starts a PDSA cycle; both reporters see it', async () => {
    // Elsewhere in the organisation: a cheaper hotspot that more flags point at.
    const [a, b] = [await api.enroll('DEMO-CLINICIAN', 'Alex Nurse'), await api.enroll('DEMO-CLINICIAN', 'Bo Nurse')];
    const notes = { host: screen.host, path: '/chart/patients/:id/encounters/:id/notes?activity=notes' };
    for (const who of [a, a, b, b])
      await api.flag(who, { text: 'Note templates load slowly', screen: notes, frequency: 'daily', minutesLost: 1 });
    // The rollup batch as if the hour had passed: those flags and the anonymous "me too" count from then on.
    expect((await fetch(`${apiUrl}/__scheduled`)).status).toBe(200);

    const lead = await launch();
    const blank = await lead.context.newPage();
    await blank.goto(`${ehrUrl}/`);
    const leadPopup = await openPopup(lead, blank);
    await signIn(leadPopup, 'DEMO-LEAD', 'Lee Lead');
    await leadPopup.close();

    const dashboard = await openExtensionPage(lead, 'dashboard.html');
    const rows = dashboard.locator('table.hotspots tbody tr');
    await rows.first().waitFor();
    await accessible(dashboard, 'dashboard: hotspots');
    const ours = `${screen.host}${SCREEN_PATH}`;
    // Ranked by cost (minutes lost per week), not by the number of flags.
    expect(await rows.first().locator('th').textContent()).toBe(ours);
    const numbers = async (row: ReturnType<typeof rows.first>) =>
      (await row.locator('td.num').allTextContents()).map(Number);
    const [ourFlags, , ourMinutes] = await numbers(rows.first());
    const [otherFlags, , otherMinutes] = await numbers(rows.filter({ hasText: `${notes.host}${notes.path}` }));
    expect(ourFlags).toBe(3);
    expect(otherFlags).toBeGreaterThan(ourFlags ?? 0);
    expect(ourMinutes).toBeGreaterThan(otherMinutes ?? 0);

    await rows.first().getByRole('button', { name: ours }).click();
    await dashboard.getByRole('heading', { name: ours }).waitFor();
    // The trend is a real chart (uPlot on a canvas, drawn after first paint), and hovering reads a week.
    const trend = dashboard.locator('.hotspot-view .chart-box');
    await trend.locator('canvas').waitFor();
    await trend.hover({ position: { x: 200, y: 60 } });
    await expect
      .poll(() => trend.locator('.u-legend').textContent())
      .toMatch(/Week of\s*\d{1,2} [A-Z][a-z]{2}.*flags\s*\d/);
    await accessible(dashboard, 'dashboard: hotspot');
    await dashboard.getByRole('button', { name: 'Mark acknowledged' }).click();
    await dashboard.getByRole('button', { name: 'Mark in progress' }).click();
    await expect.poll(() => dashboard.textContent('.hotspot-view > p')).toContain('In progress');
    await dashboard.getByLabel('Response to reporters').fill(RESPONSE);
    await dashboard.getByRole('button', { name: 'Publish response' }).click();
    await expectStatus(dashboard, 'Response published');
    await dashboard.getByLabel('Change idea').fill(CHANGE_IDEA);
    await dashboard.getByLabel('Prediction').fill('Fewer lost places: under one a shift');
    await dashboard.getByLabel('Measure').fill('Flags on this screen per week');
    await dashboard.getByRole('button', { name: 'Start cycle' }).click();
    await expect.poll(() => dashboard.textContent('.hotspot-view')).toContain(CHANGE_IDEA);
    await accessible(dashboard, 'dashboard: hotspot in progress, response, PDSA cycle');
    await dashboard.getByRole('button', { name: 'Programme health' }).click();
    await dashboard.getByRole('heading', { level: 2 }).first().waitFor();
    await expect.poll(() => dashboard.locator('.charts .chart-box canvas').count()).toBe(2);
    await accessible(dashboard, 'dashboard: programme health');

    // Both reporters are told: each one's next poll raises a notification that opens My items at the
    // flag (popup.html#item=ID where no popup can open), the anonymous one found by its receipt alone.
    for (const [who, kind] of [
      [clinician, 'Flag'],
      [third, 'Anonymous flag'],
    ] as const) {
      await fireAlarm(who, 'badge');
      const flagNotice = async () =>
        (await notificationIds(who))
          .map((id) => id.split('|'))
          .find(([surface, , key]) => surface === 'items' && /^(status|response):/.test(key ?? ''));
      await expect.poll(flagNotice, { timeout: 15_000 }).toBeDefined();
      expect(await badgeText(who)).not.toBe('');
      const atFlag = await openExtensionPage(who, `popup.html#item=${(await flagNotice())?.[1]}`);
      const current = atFlag.locator('li.item[aria-current="true"]');
      await expect.poll(() => current.textContent()).toContain(RESPONSE);
      expect(await current.locator('.kind').textContent()).toBe(kind);
      expect(await atFlag.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
      await accessible(atFlag, `popup: my items opened at a ${kind.toLowerCase()} from its notification`);
      await atFlag.close();
    }

    // The named reporter, in My items.
    const popup = await openPopup(clinician, ehr);
    await goHome(popup);
    await popup.getByRole('button', { name: 'My items' }).click();
    await expect.poll(() => popup.textContent('main')).toContain(RESPONSE);
    await accessible(popup, 'popup: my items, the response');
    // The anonymous reporter, through the receipt kept on their device.
    const anonymousPopup = await openPopup(third, thirdChart);
    await goHome(anonymousPopup);
    await anonymousPopup.getByRole('button', { name: 'My items' }).click();
    const item = anonymousPopup.locator('li.item', { hasText: 'Anonymous flag' });
    await expect.poll(() => item.textContent()).toContain(RESPONSE);
    expect(await item.textContent()).toContain(CHANGE_IDEA);
    await accessible(anonymousPopup, 'popup: my items, an anonymous flag through its receipt');
    const statusRequests = await postsOf('/v1/receipts/status');
    expect(statusRequests.length).toBeGreaterThan(0);
    // The status is asked by receipt alone: no token goes with it.
    for (const r of statusRequests) expect(r.headers.authorization).toBeUndefined();
  });

  it('7. nothing the API received carries the MRN, encounter id, name or date of birth', async () => {
    const requests = await captured(apiUrl);
    expect(requests.length).toBeGreaterThan(20);
    for (const r of requests) {
      const seen = `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`.toLowerCase();
      const seenDecoded = decoded(seen);
      for (const secret of NEVER_SENT) {
        expect(seen, `${r.method} ${r.url}`).not.toContain(secret);
        expect(seenDecoded, `${r.method} ${r.url}`).not.toContain(secret);
      }
    }
  });
});
