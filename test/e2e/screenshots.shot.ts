import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type ApiUser, apiClient } from './support/api';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { openExtensionPage, sessionOf } from './support/extension';
import { goHome, openPopup, signIn } from './support/popup';

// `npm run screenshots`: the demo seed plus a little demo data made through the API, then the
// popup (380×600), the mentor inbox, the lead dashboard and the admin page (1280×800) as PNGs.
const OUT = join(new URL('../..', import.meta.url).pathname, 'docs', 'screenshots');
const MAR = '/chart/patients/:id/encounters/:id/mar?activity=mar';
const NOTES = '/chart/patients/:id/encounters/:id/notes?activity=notes';
const ORDERS = '/chart/patients/:id/orders?activity=orders';
const ALL_TOPICS = ['topic-ehr-doc', 'topic-med-admin', 'topic-orders', 'topic-handoff', 'topic-skills'];

describe('screenshots', () => {
  const apiUrl = inject('apiUrl');
  const ehrUrl = inject('ehrUrl');
  const host = new URL(ehrUrl).host;
  const api = apiClient(apiUrl);
  const browsers: ExtensionBrowser[] = [];
  const launch = async () => {
    const b = await launchWithExtension(inject('extensionDir'));
    browsers.push(b);
    return b;
  };
  const shot = async (page: Page, name: string) => {
    // The caret would blink into the picture; lazy parts and fonts settle meanwhile.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
  };
  /** Chrome sizes a popup to its content: 380 px of body plus the scroll bar once it scrolls. */
  const popupShot = async (page: Page, name: string) => {
    const bar = await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 380 + bar, height: 600 });
    await shot(page, name);
  };
  /** A signed-in profile for one role, with a tab on the demo EHR. */
  const profile = async (code: string, name: string, path = '/') => {
    const b = await launch();
    const tab = await b.context.newPage();
    await tab.goto(`${ehrUrl}${path}`);
    const popup = await openPopup(b, tab);
    await signIn(popup, code, name);
    return { b, tab, popup };
  };

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
  });

  it('writes the PNGs into docs/screenshots', async () => {
    mkdirSync(OUT, { recursive: true });

    // The organisation: a named system with friendly screen names.
    const admin = await api.enroll('DEMO-ADMIN', 'Ari Admin');
    const system = await api.call<{ id: string }>(admin, 'POST', '/v1/admin/systems', {
      host,
      name: 'Epic (demo)',
      screenQueryKeys: ['activity'],
    });
    for (const [pathTemplate, name] of [
      [MAR, 'Medication administration record'],
      [NOTES, 'Progress notes'],
      [ORDERS, 'Orders'],
    ])
      await api.call(admin, 'POST', `/v1/admin/systems/${system.id}/screens`, { pathTemplate, name });

    // Colleagues' flags: the MAR costs the most, notes are flagged most often.
    const [ana, ben, cleo] = [
      await api.enroll('DEMO-CLINICIAN', 'Ana Nurse'),
      await api.enroll('DEMO-CLINICIAN', 'Ben Pharmacist'),
      await api.enroll('DEMO-CLINICIAN', 'Cleo Therapist'),
    ] as [ApiUser, ApiUser, ApiUser];
    const flag = (who: ApiUser, path: string | null, body: Record<string, unknown>) =>
      api.flag(who, { ...(path ? { screen: { host, path } } : {}), ...body });
    const mar = await flag(ana, MAR, {
      text: 'Sorting the MAR by dose reloads the page and loses my place',
      category: 'orders_medications',
      frequency: 'every_patient',
      minutesLost: 3,
      impact: 'delay',
      idea: 'Keep the sort order between patients',
    });
    await flag(ben, MAR, {
      text: 'MAR jumps to the top after every barcode scan',
      category: 'orders_medications',
      frequency: 'every_shift',
      minutesLost: 4,
      impact: 'risk',
    });
    await flag(cleo, MAR, {
      text: 'Lost my place in the MAR twice during the 08:00 round',
      category: 'orders_medications',
      frequency: 'daily',
      minutesLost: 5,
      anonymous: true,
      receiptSecret: randomBytes(32).toString('hex'),
    });
    const notes = await flag(cleo, NOTES, {
      text: 'Note templates take ages to load',
      category: 'documentation_ehr',
      frequency: 'daily',
      minutesLost: 1,
    });
    for (const who of [ana, ben, ana])
      await flag(who, NOTES, {
        text: 'Note templates take ages to load',
        category: 'documentation_ehr',
        frequency: 'daily',
        minutesLost: 1,
      });
    const orders = await flag(ben, ORDERS, {
      text: 'Order set search does not find common abbreviations',
      category: 'orders_medications',
      frequency: 'every_shift',
      minutesLost: 2,
    });
    await flag(cleo, null, {
      text: 'Only one working bladder scanner on the unit at night',
      category: 'equipment_supplies',
      frequency: 'every_shift',
      minutesLost: 10,
      impact: 'delay',
    });

    // A published answer for the MAR screen, and questions waiting in the mentors' queue.
    const senior = await api.enroll('DEMO-MENTOR', 'Sam Senior');
    await api.mentorTopics(senior, ALL_TOPICS);
    const earlier = await api.ask(ana, {
      text: 'How do I keep my place in the MAR after sorting it?',
      topicId: 'topic-ehr-doc',
      screen: { host, path: MAR },
    });
    await api.call(senior, 'POST', `/v1/queue/${earlier.id}/claim`);
    await api.call(senior, 'POST', `/v1/queue/${earlier.id}/answer`, {
      clientId: randomUUID(),
      text: 'Pin the column instead of sorting: right-click the Dose header and choose Pin. The view then stays put.',
    });
    await api.call(senior, 'POST', `/v1/queue/${earlier.id}/shareable`, { shareable: true });
    await api.call(ana, 'POST', `/v1/questions/${earlier.id}/consent`, { consent: true });
    await api.ask(ben, {
      text: 'What is the quickest way to document a held dose with a reason?',
      topicId: 'topic-med-admin',
      urgency: 'today',
    });
    await api.ask(cleo, {
      text: 'Which order set do I use for a post-op mobility referral?',
      topicId: 'topic-orders',
      urgency: 'this_week',
    });
    await api.ask(ana, {
      text: 'Is there a handoff template for transfers from the ICU?',
      topicId: 'topic-handoff',
      urgency: 'this_week',
    });

    // The clinician at the toolbar: one flag and one question of their own, sent from the popup.
    const nurse = await profile(
      'DEMO-CLINICIAN',
      'Dana Clinician',
      '/chart/patients/00731942/encounters/55120934/mar?activity=mar',
    );
    const clinicianPopup = nurse.popup;
    await clinicianPopup.getByRole('button', { name: 'Ask a mentor' }).click();
    await clinicianPopup.getByLabel('Your question').fill('Can the MAR remember my sort order between patients?');
    await clinicianPopup.getByLabel('Topic').selectOption({ label: 'EHR documentation' });
    await clinicianPopup.getByRole('button', { name: 'Send question' }).click();
    await clinicianPopup.getByText('Question sent.').waitFor();
    const dana = await sessionOf(nurse.b);
    const mine = await api.call<{ questions: Array<{ id: string }> }>(dana, 'GET', '/v1/questions/mine');
    const danasQuestion = mine.questions[0]?.id ?? '';
    await api.flag(dana, {
      text: 'The MAR dose sort resets when I open the next patient',
      category: 'orders_medications',
      frequency: 'every_patient',
      minutesLost: 2,
      screen: { host, path: MAR },
    });

    // A mentor answers Dana; the lead responds on the MAR hotspot and starts a test of change.
    await api.call(senior, 'POST', `/v1/queue/${danasQuestion}/claim`);
    await api.call(senior, 'POST', `/v1/queue/${danasQuestion}/answer`, {
      clientId: randomUUID(),
      text: 'Yes: open the MAR settings (gear icon), choose Sort by time and tick “Remember for all patients”.',
    });
    const lead = await api.enroll('DEMO-LEAD', 'Lee Lead');
    const hotspot = `/v1/hotspots/${mar.hotspotId}`;
    await api.call(lead, 'PATCH', hotspot, { title: 'MAR loses the sort order' });
    // Leads name hotspots as they triage them.
    await api.call(lead, 'PATCH', `/v1/hotspots/${notes.hotspotId}`, { title: 'Note templates load slowly' });
    await api.call(lead, 'PATCH', `/v1/hotspots/${orders.hotspotId}`, {
      title: 'Order set search misses abbreviations',
    });
    await api.call(lead, 'PATCH', hotspot, { status: 'acknowledged' });
    await api.call(lead, 'PATCH', hotspot, {
      status: 'in_progress',
      response: 'The vendor fix for the MAR sort is being tested on 4 West this month. Thank you for flagging it.',
    });
    await api.call(lead, 'POST', `${hotspot}/cycles`, {
      clientId: crypto.randomUUID(),
      changeIdea: 'Default the MAR to time order on 4 West',
      prediction: 'Lost-place flags halve within two weeks',
      measure: 'Flags on the MAR screen per week',
    });

    // The popup: ask (answers for this screen and while typing), flag (already flagged, an
    // identifier caught before sending), my items (an answer and a response).
    let popup = await openPopup(nurse.b, nurse.tab);
    await goHome(popup);
    await popup.getByRole('button', { name: 'Ask a mentor' }).click();
    await popup.getByRole('region', { name: 'Others asked this here' }).getByRole('button').first().click();
    await popup.getByText('Pin the column').waitFor();
    await popupShot(popup, 'popup-ask');
    await goHome(popup);
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await popup.getByRole('region', { name: 'Already flagged' }).waitFor();
    await popup
      .getByLabel('What got in the way?')
      .fill('Sorting by dose for Mrs Quintero reloads the page and loses my place');
    await popup.locator('#flag-text-ids').waitFor();
    await popupShot(popup, 'popup-flag');
    await popup.close();
    popup = await openPopup(nurse.b, nurse.tab);
    await goHome(popup);
    await popup.getByRole('button', { name: 'My items' }).click();
    await popup.getByText('Remember for all patients').waitFor();
    await popupShot(popup, 'popup-my-items');

    // The mentor inbox, the lead dashboard and the admin page, each in its role's profile.
    const mentor = await profile('DEMO-MENTOR', 'Morgan Mentor');
    await api.mentorTopics(await sessionOf(mentor.b), ALL_TOPICS);
    // The side panel as Chrome shows it: a narrow column beside the page.
    const inbox = await openExtensionPage(mentor.b, 'sidepanel.html');
    await inbox.setViewportSize({ width: 400, height: 800 });
    await inbox.getByRole('list', { name: 'Questions' }).waitFor();
    await shot(inbox, 'mentor-inbox');
    await inbox.getByRole('button', { name: /held dose/ }).click();
    await inbox.getByRole('button', { name: 'Claim', exact: true }).click();
    await inbox
      .getByLabel('Your answer')
      .fill('Right-click the dose on the MAR, choose Not given, then pick the reason.');
    await shot(inbox, 'mentor-thread');

    const leadProfile = await profile('DEMO-LEAD', 'Lee Lead');
    const dashboard = await openExtensionPage(leadProfile.b, 'dashboard.html');
    await dashboard.locator('table.hotspots tbody tr').first().waitFor();
    await shot(dashboard, 'lead-dashboard');
    await dashboard.getByRole('button', { name: 'MAR loses the sort order' }).click();
    await dashboard.getByRole('heading', { name: 'MAR loses the sort order' }).waitFor();
    await shot(dashboard, 'lead-hotspot');

    const adminProfile = await profile('DEMO-ADMIN', 'Ari Admin');
    const adminPage = await openExtensionPage(adminProfile.b, 'admin.html');
    await adminPage.getByRole('button', { name: 'Create code' }).waitFor();
    await shot(adminPage, 'admin');
    await adminPage.getByRole('button', { name: 'Systems & screens' }).click();
    await adminPage.getByText('Epic (demo)').first().waitFor();
    await shot(adminPage, 'admin-systems');

    expect(browsers).toHaveLength(4);
  });
});
