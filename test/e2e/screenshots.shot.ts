import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type ApiUser, apiClient } from './support/api';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { openExtensionPage, sessionOf } from './support/extension';
import { goHome, openPopup, signIn } from './support/popup';
import { startReceiver } from './support/receiver';

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
  /** Nothing may overflow at 380 px: each screen that does is named here, and the run fails on it. */
  const overflows: string[] = [];
  /**
   * A screen read as a person would at both widths: 380 px (the popup, a narrow side panel) as
   * `<name>-380.png`, and full width (a tab, a maximised window) as `<name>-wide.png`, each scrolled to `focus`.
   */
  const bothWidths = async (page: Page, name: string, focus?: Locator) => {
    for (const [width, suffix] of [
      [380, '380'],
      [1280, 'wide'],
    ] as const) {
      await page.setViewportSize({ width, height: 720 });
      // 380 px of content: the scroll bar comes on top, as Chrome sizes a popup to its body.
      const bar = await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
      if (width === 380 && bar > 0) await page.setViewportSize({ width: width + bar, height: 720 });
      await focus?.scrollIntoViewIfNeeded();
      if (width === 380) {
        const wider = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (wider > 0) overflows.push(`${name}: ${wider} px wider than 380`);
      }
      await shot(page, `${name}-${suffix}`);
    }
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

    // The rollup batch as if the hour had passed: the flags (the anonymous one too) join their hotspots.
    expect((await fetch(`${apiUrl}/__scheduled`)).status).toBe(200);
    const hotspotOf = async (who: ApiUser, id: string) =>
      (await api.myFlags(who)).flags.find((f) => f.id === id)?.hotspotId ?? '';
    const [marHotspot, notesHotspot, ordersHotspot] = [
      await hotspotOf(ana, mar.id),
      await hotspotOf(cleo, notes.id),
      await hotspotOf(ben, orders.id),
    ];

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
    const hotspot = `/v1/hotspots/${marHotspot}`;
    await api.call(lead, 'PATCH', hotspot, { title: 'MAR loses the sort order' });
    // Leads name hotspots as they triage them.
    await api.call(lead, 'PATCH', `/v1/hotspots/${notesHotspot}`, { title: 'Note templates load slowly' });
    await api.call(lead, 'PATCH', `/v1/hotspots/${ordersHotspot}`, {
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

    await issue16Screens({ nurse, mentor, leadProfile, adminProfile, admin, dashboard, adminPage });
    expect(browsers).toHaveLength(4);
    expect(overflows).toEqual([]);
  }, 360_000);

  type Profile = Awaited<ReturnType<typeof profile>>;
  /**
   * Issue 16's screens, each at 380 px and at full width: the notification preferences, the Ask form's
   * coverage notice, withdrawing a flag and closing a question, signing out everywhere, the mentor's
   * tips editor, hand-off to a discipline and the peer-support audit, the lead's hotspot title, PDSA
   * owner, charts, By unit tab and weekly digest, the admin's screen rename and digest channels with a
   * failed delivery, and the "Update Curbside" notice.
   */
  async function issue16Screens(s: {
    nurse: Profile;
    mentor: Profile;
    leadProfile: Profile;
    adminProfile: Profile;
    admin: ApiUser;
    dashboard: Page;
    adminPage: Page;
  }) {
    // The popup as a page of its own: what a notification opens where no popup can, at either width.
    const popupPage = async (b: ExtensionBrowser, tab: Page) => {
      const page = await openPopup(b, tab);
      await goHome(page);
      return page;
    };
    let popup = await popupPage(s.nurse.b, s.nurse.tab);
    const prefs = popup.locator('details.prefs');
    await prefs.locator('summary').click();
    await bothWidths(popup, 'popup-notifications', prefs);

    // A topic no mentor takes, with the organisation's fallback route offered instead.
    await api.call(s.admin, 'PATCH', '/v1/admin/settings', {
      fallbackTopicId: 'topic-handoff',
      escalateAfterMinutes: 60,
    });
    await popup.getByRole('button', { name: 'Ask a mentor' }).click();
    await popup.getByLabel('Your question').fill('Which infusion pump channel should a secondary bag hang on?');
    await popup.getByLabel('Topic').selectOption({ label: 'Equipment and devices' });
    const coverage = popup.getByRole('status').filter({ hasText: 'No mentor is taking' });
    await coverage.waitFor();
    await bothWidths(popup, 'popup-ask-coverage', coverage);
    await popup.close();

    popup = await popupPage(s.nurse.b, s.nurse.tab);
    await popup.getByRole('button', { name: 'My items' }).click();
    const flagItem = popup.locator('li.item', { hasText: 'The MAR dose sort resets' });
    await flagItem.getByRole('button', { name: 'Withdraw' }).click();
    await bothWidths(popup, 'popup-withdraw-flag', flagItem);
    await flagItem.getByRole('button', { name: 'Keep it' }).click();
    const questionItem = popup.locator('li.item', { hasText: 'Can the MAR remember my sort order' });
    await questionItem.getByRole('button', { name: 'Close question' }).click();
    await bothWidths(popup, 'popup-close-question', questionItem);
    await questionItem.getByRole('button', { name: 'Keep it' }).click();
    await popup.close();

    popup = await popupPage(s.nurse.b, s.nurse.tab);
    await popup.getByRole('button', { name: 'Sign-ins to my account' }).click();
    await popup.getByRole('button', { name: 'Sign out everywhere' }).click();
    const confirm = popup.locator('.confirm');
    await confirm.waitFor();
    await bothWidths(popup, 'popup-sign-out-everywhere', confirm);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.close();

    // The mentor: a tip for the MAR screen, a hand-off to another discipline, the peer-support audit.
    const mar = await s.mentor.b.context.newPage();
    await mar.goto(`${ehrUrl}/chart/patients/00488213/encounters/55230871/mar?activity=mar`);
    const mentorPopup = await popupPage(s.mentor.b, mar);
    await mentorPopup.getByRole('button', { name: 'Write a tip for this screen' }).click();
    const tips = mentorPopup.getByRole('region', { name: 'Your tips for this screen' });
    await tips
      .getByRole('textbox')
      .first()
      .fill('Pin the Dose column rather than sorting by it: the view then stays put.');
    await bothWidths(mentorPopup, 'popup-tip-editor', tips);
    await mentorPopup.close();

    const mentorId = (await sessionOf(s.mentor.b)).user.id;
    await api.call(s.admin, 'PATCH', `/v1/admin/users/${mentorId}`, { roles: ['mentor', 'peer_supporter'] });
    // The extension learns roles at sign-in: give the kept session the role the server now holds.
    await s.mentor.b.serviceWorker.evaluate(async () => {
      const local = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: { get: (k: string) => Promise<{ session: { user: object } }>; set: (v: object) => Promise<void> };
            };
          };
        }
      ).chrome.storage.local;
      const { session } = await local.get('session');
      await local.set({ session: { ...session, user: { ...session.user, roles: ['mentor', 'peer_supporter'] } } });
    });
    const inbox = await openExtensionPage(s.mentor.b, 'sidepanel.html');
    await inbox.getByRole('list', { name: 'Questions' }).waitFor();
    await inbox.getByRole('button', { name: /held dose/ }).click();
    await inbox.getByRole('button', { name: 'Hand off…' }).click();
    const handOff = inbox.getByRole('form', { name: 'Hand off' });
    await handOff.waitFor();
    const handTo = handOff.getByLabel('Hand to');
    await handTo.selectOption({ label: 'Discipline: Pharmacy' });
    await handOff.getByLabel('Note for them').fill('A pharmacist knows the held-dose reasons better than I do.');
    await bothWidths(inbox, 'mentor-hand-off', handOff);
    await inbox.getByRole('button', { name: '← Back to the queue' }).click();
    const audit = inbox.getByRole('region', { name: 'Who is a peer supporter' });
    await audit.getByRole('button', { name: 'Show every change to the peer supporter role' }).click();
    await audit.locator('ul.items li').first().waitFor();
    await bothWidths(inbox, 'mentor-peer-support-audit', audit);

    // The lead: the hotspot's title, the trend chart, a PDSA cycle's owner, programme health, By unit, the digest.
    const dashboard = s.dashboard;
    await dashboard.getByRole('button', { name: 'Edit title' }).click();
    const title = dashboard.getByLabel('Title (reporters see it too)');
    await title.waitFor();
    await bothWidths(dashboard, 'lead-hotspot-title', title);
    await dashboard.locator('.title-editor').getByRole('button', { name: 'Cancel' }).click();
    const trend = dashboard.locator('.hotspot-view .chart-box').first();
    await trend.locator('canvas').waitFor();
    await bothWidths(dashboard, 'lead-hotspot-chart', trend);
    const cycle = dashboard.getByRole('form', { name: 'Plan a PDSA cycle' });
    await cycle.getByLabel('Change idea').fill('Barcode scan keeps the MAR scroll position');
    await cycle.getByLabel('Prediction').fill('Fewer lost places after scanning');
    await cycle.getByLabel('Measure').fill('Flags on the MAR per week');
    await cycle.getByLabel('Owner').waitFor();
    await bothWidths(dashboard, 'lead-cycle-owner', cycle);
    await dashboard.getByRole('button', { name: 'Programme health' }).click();
    await dashboard.locator('.charts .chart-box canvas').nth(1).waitFor();
    await bothWidths(dashboard, 'lead-programme-charts', dashboard.locator('.charts'));
    await dashboard.getByRole('button', { name: 'By unit' }).click();
    await dashboard.getByRole('heading', { name: 'Flags by unit' }).waitFor();
    await bothWidths(dashboard, 'lead-by-unit');
    await dashboard.getByRole('button', { name: 'Hotspots', exact: true }).click();
    const digest = dashboard.locator('details.digest');
    await digest.locator('summary').click();
    await digest.locator('ol, p.muted').first().waitFor();
    await bothWidths(dashboard, 'lead-digest', digest);

    // The admin: renaming a screen, and the digest channels with a delivery that failed.
    const adminPage = s.adminPage;
    await adminPage.getByRole('button', { name: 'Rename screen Orders' }).click();
    const rename = adminPage.getByRole('form', { name: 'Rename screen Orders' });
    await rename.getByRole('textbox').fill('Orders and order sets');
    await bothWidths(adminPage, 'admin-rename-screen', rename);
    const receiver = await startReceiver();
    try {
      for (const [label, path, digestRoles] of [
        ['Leads on Teams', 'teams/ok/shots', ['lead']],
        ['Mentors on Slack', 'slack/fail/shots', ['mentor']],
      ] as const)
        await api.call(s.admin, 'POST', '/v1/admin/channels', {
          clientId: randomUUID(),
          kind: path.split('/')[0],
          label,
          webhookUrl: `${receiver.url}/${path}`,
          digestRoles,
          urgentAlerts: false,
        });
      expect((await fetch(`${apiUrl}/__scheduled?cron=${encodeURIComponent('0 * * * *')}`)).status).toBe(200);
    } finally {
      await receiver.close();
    }
    await adminPage.goto(`chrome-extension://${s.adminProfile.b.extensionId}/admin.html#channels`);
    await adminPage.reload();
    const failed = adminPage.getByRole('table', { name: 'Messages that failed' });
    await failed.waitFor();
    await bothWidths(adminPage, 'admin-channels', failed);

    // Last, as it refuses this version from now on: the organisation needs a newer Curbside; the flag waits.
    await api.call(s.admin, 'PATCH', '/v1/admin/settings', {
      minExtensionVersion: '9.0.0',
      updateInstructions:
        'IT pushes the update overnight. To get it now, restart Chrome or call the service desk on 4-4357.',
    });
    popup = await popupPage(s.nurse.b, s.nurse.tab);
    await popup.getByRole('button', { name: 'Flag friction' }).click();
    await popup.getByLabel('What got in the way?').fill('The MAR barcode scan jumps back to the top');
    await popup.getByLabel('Category').selectOption({ label: 'Orders & medications' });
    await popup.getByLabel('How often?').selectOption({ label: 'Every shift' });
    await popup.getByLabel('Minutes lost each time').fill('2');
    await popup.getByRole('button', { name: 'Send flag' }).click();
    const update = popup.getByRole('region', { name: 'Update Curbside' });
    await update.waitFor();
    await bothWidths(popup, 'popup-update-curbside', update);
    await popup.close();
  }
});
