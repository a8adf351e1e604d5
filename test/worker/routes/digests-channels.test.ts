import { env } from 'cloudflare:test';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Channel, ChannelList, DigestSettings } from '../../../shared/digests';
import { findIdentifiers } from '../../../shared/phi';
import { HOUR, now } from '../../../worker/lib/clock';
import { BACKOFF_MS, enqueue, MAX_ATTEMPTS } from '../../../worker/services/deliveries';
import {
  createChannel,
  deliveries,
  quietChannels,
  type Received,
  received,
  receivedAtLeast,
  receiverUrl,
} from '../digest-helpers';
import { api, enroll, enrollAdmin, expectError, issuePaths, seedCatalog, sha256Hex } from '../helpers';
import { flag, hourlyBatch, lead, screen, uniqueHost } from '../hotspots-helpers';
import { ask, mentor } from '../mentor-helpers';

// Words planted in what people write: none may reach a channel unless the organisation allows free text.
const FLAG_WORDS = 'zebraflag saw the screen freeze';
const TITLE = 'Pelicantitle med rec freeze';
const QUESTION_WORDS = 'How do I override the narwhalask dose alert safely?';

afterEach(async () => {
  await quietChannels();
  await env.DB.prepare("DELETE FROM settings WHERE key = 'digest'").run();
});

/** Everything a receiver was sent, as one string, to look for planted words. */
const everything = (got: Received[]) => JSON.stringify(got);

/** A hotspot with three named reporters (k) and a lead's title, and one with two (below k). */
async function seedHotspots() {
  const shown = uniqueHost();
  const hidden = uniqueHost();
  const heavy = { frequency: 'every_patient', minutesLost: 240, impact: 'harm' };
  let shownId = '';
  for (let i = 0; i < 3; i++) {
    const s = await enroll();
    shownId = (await flag(s.token, { screen: screen(shown), text: FLAG_WORDS, ...heavy })).hotspotId ?? '';
  }
  for (let i = 0; i < 2; i++) {
    const s = await enroll();
    await flag(s.token, { screen: screen(hidden), text: FLAG_WORDS, ...heavy });
  }
  const l = await lead();
  const res = await api(`/v1/hotspots/${shownId}`, { method: 'PATCH', token: l.token, body: { title: TITLE } });
  expect(res.status, await res.clone().text()).toBe(200);
  return { shown, hidden, shownId };
}

async function mailChannel(admin: Awaited<ReturnType<typeof enrollAdmin>>, url: string, extra = {}) {
  return createChannel(admin, {
    kind: 'email',
    label: 'Mail',
    to: ['quality-leads@hospital.example'],
    from: 'curbside@hospital.example',
    via: 'mailgun',
    apiUrl: url,
    apiKey: inject('mailgunKey'),
    ...extra,
  });
}

describe('channels', () => {
  it('keep the address server-side: admins read a mask, never the webhook or the API key', async () => {
    const admin = await enrollAdmin();
    const slack = receiverUrl('slack');
    const mail = receiverUrl('mail');
    await createChannel(admin, { kind: 'slack', label: 'Leads', webhookUrl: slack.url });
    await mailChannel(admin, mail.url);
    const res = await api('/v1/admin/channels', { token: admin.token });
    const text = await res.text();
    expect(text).not.toContain(slack.name);
    expect(text).not.toContain(mail.name);
    expect(text).not.toContain(inject('mailgunKey'));
    const { channels } = ChannelList.parse(JSON.parse(text));
    expect(channels.map((c) => c.target)).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${new URL(slack.url).port}/…${slack.name.slice(-4)}`,
        expect.stringMatching(/^q…@hospital\.example via Mailgun http:\/\/127\.0\.0\.1:\d+\/…/),
      ]),
    );
  });

  it('accept https, refuse other schemes and addresses, and need the Mailgun key', async () => {
    const admin = await enrollAdmin();
    const post = (body: Record<string, unknown>) =>
      api('/v1/admin/channels', {
        token: admin.token,
        body: { clientId: crypto.randomUUID(), label: 'X', digestRoles: [], urgentAlerts: true, ...body },
      });
    for (const webhookUrl of [
      'http://hooks.example.org/x',
      'ftp://hooks.example.org/x',
      'http://localhost:9/x',
      'http://10.0.0.1/x',
      'javascript:alert(1)',
    ]) {
      const err = await expectError(await post({ kind: 'slack', webhookUrl }), 400, 'validation_failed');
      expect(issuePaths(err)).toEqual(['webhookUrl']);
    }
    await expectError(
      await post({ kind: 'teams', webhookUrl: 'https://user:pw@hooks.example.org/x' }),
      400,
      'validation_failed',
    );
    expect((await post({ kind: 'teams', webhookUrl: 'https://teams.example.invalid/workflows/abc' })).status).toBe(201);
    const mail = {
      kind: 'email',
      to: ['a@hospital.example'],
      from: 'b@hospital.example',
      via: 'mailgun',
      apiUrl: null,
      apiKey: null,
    };
    await expectError(await post(mail), 400, 'validation_failed');
  });

  it('are created once per clientId: a retry gets the same channel, another body under it 422', async () => {
    const admin = await enrollAdmin();
    const body = {
      clientId: crypto.randomUUID(),
      kind: 'slack',
      label: 'Once',
      digestRoles: ['lead'],
      urgentAlerts: false,
      webhookUrl: receiverUrl('slack').url,
    };
    const first = await api('/v1/admin/channels', { token: admin.token, body });
    const again = await api('/v1/admin/channels', { token: admin.token, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(Channel.parse(await again.json()).id).toBe(Channel.parse(await first.json()).id);
    await expectError(
      await api('/v1/admin/channels', { token: admin.token, body: { ...body, label: 'Other' } }),
      422,
      'idempotency_mismatch',
    );
  });

  it('are for admins only', async () => {
    const l = await lead();
    await expectError(await api('/v1/admin/channels', { token: l.token }), 403, 'forbidden');
    await expectError(await api('/v1/admin/deliveries', { token: l.token }), 403, 'forbidden');
  });
});

describe('weekly digest to Teams, Slack and e-mail', () => {
  it('parses on every platform, names only hotspots with k named reporters and carries no free text', async () => {
    const { shown, hidden } = await seedHotspots();
    const admin = await enrollAdmin();
    const teams = receiverUrl('teams');
    const slack = receiverUrl('slack');
    const mail = receiverUrl('mail');
    await createChannel(admin, { kind: 'teams', label: 'Teams leads', webhookUrl: teams.url });
    await createChannel(admin, { kind: 'slack', label: 'Slack leads', webhookUrl: slack.url });
    await mailChannel(admin, mail.url);

    await hourlyBatch();
    const [card] = await received(teams.name);
    const [blocks] = await received(slack.name);
    const [email] = await received(mail.name);

    expect(card?.parseError).toBeUndefined();
    expect(card?.envelope).toEqual({
      type: 'message',
      attachments: 1,
      contentType: 'application/vnd.microsoft.card.adaptive',
    });
    expect(card?.card?.events).toEqual([]);
    expect(card?.card?.version).toBe('1.5');
    expect(card?.card?.texts[0]).toBe('Weekly digest for leads');
    expect(blocks?.slack?.problems).toEqual([]);
    expect(email?.authorized).toBe(true);
    expect(email?.to).toEqual(['quality-leads@hospital.example']);
    expect(email?.email).toMatchObject({ from: 'curbside@hospital.example', to: ['quality-leads@hospital.example'] });
    expect(email?.email?.subject).toMatch(/^Weekly digest for leads · /);
    expect(email?.email?.messageId).toBeTruthy();

    // Named by screen and category, never by the lead's title, and never the hotspot below k.
    for (const got of [card, blocks, email]) {
      const all = everything(got ? [got] : []);
      expect(all).toContain(`Documentation / EHR · ${shown}/medrec/:id`);
      expect(all).not.toContain(hidden);
      expect(all).not.toMatch(/zebraflag|pelicantitle/i);
    }
    expect(email?.email?.text).toContain(shown);
    expect(email?.email?.html).toContain(shown);
  });

  it('sends each week once per channel however often the job runs, and the title only with free text on', async () => {
    const { shown } = await seedHotspots();
    const admin = await enrollAdmin();
    const patch = await api('/v1/admin/digest-settings', {
      method: 'PATCH',
      token: admin.token,
      body: { freeText: true },
    });
    expect(DigestSettings.parse(await patch.json()).freeText).toBe(true);
    const slack = receiverUrl('slack');
    await createChannel(admin, {
      kind: 'slack',
      label: 'Slack leads',
      webhookUrl: slack.url,
      digestRoles: ['lead', 'mentor'],
    });
    await hourlyBatch();
    await hourlyBatch(now() + 2 * HOUR);
    const got = await received(slack.name);
    expect(got.map((g) => g.slack?.texts[0]).sort()).toEqual(['Weekly digest for leads', 'Weekly digest for mentors']);
    expect(everything(got)).toContain(TITLE);
    expect(everything(got)).not.toContain(`${shown}/medrec`);
    expect(everything(got)).not.toMatch(/zebraflag/i);
    await api('/v1/admin/digest-settings', { method: 'PATCH', token: admin.token, body: { freeText: false } });
  });

  it('goes through Cloudflare Email’s send_email binding, which parses the message', async () => {
    const admin = await enrollAdmin();
    await createChannel(admin, {
      kind: 'email',
      label: 'Binding',
      to: ['leads@hospital.example'],
      from: 'curbside@hospital.example',
      via: 'cloudflare',
      apiUrl: null,
      apiKey: null,
    });
    await hourlyBatch();
    expect(await deliveries(admin)).toEqual([]);
  });
});

describe('urgent questions', () => {
  it('alert the mentors’ channel with a link that opens the question, without its text', async () => {
    const { topicId } = await seedCatalog();
    const admin = await enrollAdmin();
    const teams = receiverUrl('teams');
    const slack = receiverUrl('slack');
    await createChannel(admin, {
      kind: 'teams',
      label: 'Mentors',
      webhookUrl: teams.url,
      digestRoles: [],
      urgentAlerts: true,
    });
    await createChannel(admin, {
      kind: 'slack',
      label: 'Mentors',
      webhookUrl: slack.url,
      digestRoles: [],
      urgentAlerts: true,
    });
    await mentor([topicId]);
    const asker = await enroll();
    await ask(asker.token, topicId, { text: 'Where is the leave form?' });
    const q = await ask(asker.token, topicId, { urgency: 'today', text: QUESTION_WORDS });
    const [card] = await receivedAtLeast(teams.name, 1);
    const [blocks] = await receivedAtLeast(slack.name, 1);
    expect(card?.card?.events).toEqual([]);
    expect(card?.card?.texts[0]).toBe('Urgent question waiting for a mentor');
    expect(card?.card?.texts).toContain(`Topic: Topic ${topicId}`);
    expect(card?.card?.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in the mentor inbox', url: `http://api.test/go/question/${q.id}` },
    ]);
    expect(blocks?.slack?.problems).toEqual([]);
    expect(blocks?.slack?.buttons).toEqual([`http://api.test/go/question/${q.id}`]);
    expect(everything([card as Received, blocks as Received])).not.toMatch(/narwhalask|leave form/);
    // Free text on (next test) puts the question in a TextRun, which Teams never reads as markdown.
    // A retried create (same clientId) sends nothing more.
    expect((await received(teams.name)).length).toBe(1);
  });

  it('carry the text only when the organisation allows free text and the text holds no identifier', async () => {
    const { topicId } = await seedCatalog();
    const admin = await enrollAdmin();
    await api('/v1/admin/digest-settings', { method: 'PATCH', token: admin.token, body: { freeText: true } });
    const slack = receiverUrl('slack');
    const teams = receiverUrl('teams');
    const urgentOnly = { digestRoles: [], urgentAlerts: true };
    await createChannel(admin, { kind: 'slack', label: 'Mentors', webhookUrl: slack.url, ...urgentOnly });
    await createChannel(admin, { kind: 'teams', label: 'Mentors', webhookUrl: teams.url, ...urgentOnly });
    const asker = await enroll();
    await ask(asker.token, topicId, { urgency: 'today', text: QUESTION_WORDS });
    const [card] = await receivedAtLeast(teams.name, 1);
    expect(everything(await receivedAtLeast(slack.name, 1))).toContain('narwhalask');
    // In a TextRun, which Teams never reads as markdown.
    expect(card?.card?.events).toEqual([]);
    expect(card?.card?.texts).toContain(`• ${QUESTION_WORDS}`);

    // The asker sent a detected identifier anyway ("send with the highlighted text"): the text stays home.
    const withName = 'Patient John Smitherson MRN 00482913 needs a dose check, narwhalsecond';
    const spans = findIdentifiers(withName);
    expect(spans.length).toBeGreaterThan(0);
    const confirmedSpans = await Promise.all(
      spans.map(async (sp) => ({ kind: sp.kind, sha256: await sha256Hex(withName.slice(sp.start, sp.end)) })),
    );
    await ask(asker.token, topicId, { urgency: 'today', text: withName, confirmedSpans });
    const both = await receivedAtLeast(slack.name, 2);
    expect(both).toHaveLength(2);
    expect(everything(both)).not.toMatch(/narwhalsecond|Smitherson|00482913/);
  });
});

describe('failed deliveries', () => {
  const ofChannel = async (admin: Awaited<ReturnType<typeof enrollAdmin>>, label: string) =>
    (await deliveries(admin)).filter((d) => d.channelLabel === label);

  it('retry with backoff from the hourly job, show to admins, and give up after the last attempt', async () => {
    const admin = await enrollAdmin();
    const slack = receiverUrl('slack', 'fail');
    const label = `Broken ${slack.name}`;
    await createChannel(admin, { kind: 'slack', label, webhookUrl: slack.url });
    let at = now();
    await hourlyBatch(at);
    const [first] = await ofChannel(admin, label);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', kind: 'digest' });
    // Not yet due: nothing is sent.
    await hourlyBatch(at + 60_000);
    expect((await received(slack.name)).length).toBe(1);
    for (const wait of BACKOFF_MS) {
      at += wait;
      await hourlyBatch(at);
    }
    const d = (await ofChannel(admin, label)).find((x) => x.id === first?.id);
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null, lastError: 'HTTP 500' });
  });

  it('are sent again by an admin, and leave the list once delivered', async () => {
    const admin = await enrollAdmin();
    const teams = receiverUrl('teams', 'flaky');
    const label = `Flaky ${teams.name}`;
    await createChannel(admin, { kind: 'teams', label, webhookUrl: teams.url });
    await hourlyBatch();
    const [d] = await ofChannel(admin, label);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    const res = await api(`/v1/admin/deliveries/${d?.id}/retry`, { method: 'POST', token: admin.token, body: {} });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(await ofChannel(admin, label)).toEqual([]);
    expect((await received(teams.name)).map((r) => r.failed)).toEqual([true, false]);
  });

  it('to a channel turned off fail at once, without retries', async () => {
    const admin = await enrollAdmin();
    const slack = receiverUrl('slack');
    const label = `Off ${slack.name}`;
    const channel = await createChannel(admin, {
      kind: 'slack',
      label,
      webhookUrl: slack.url,
      urgentAlerts: true,
      digestRoles: [],
    });
    // Enqueued while on; the channel goes off before the message is sent.
    const digest = {
      role: 'mentor',
      from: new Date(0).toISOString(),
      to: new Date(0).toISOString(),
      openQuestions: 0,
      urgentOpen: 0,
      answered: 0,
      thanks: 0,
      answersRead: 0,
    } as const;
    await enqueue(env.DB, [
      {
        channel,
        kind: 'digest',
        dedupeKey: 'test',
        message: { kind: 'digest', organisation: 'O', link: null, digest },
      },
    ]);
    const off = await api(`/v1/admin/channels/${channel.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    await hourlyBatch();
    expect(await ofChannel(admin, label)).toMatchObject([{ status: 'failed', attempts: 1, lastError: 'channel off' }]);
    expect(await received(slack.name)).toEqual([]);
  });
});
