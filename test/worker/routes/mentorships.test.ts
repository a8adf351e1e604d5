import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import {
  MentorChoiceList,
  Mentorship,
  MentorshipList,
  ProgrammeMentorships,
  RHYTHM_DAYS,
} from '../../../shared/mentorships';
import worker from '../../../worker/index';
import { resetClock, setClock } from '../../../worker/lib/clock';
import { QUARTER_HOUR_CRON } from '../../../worker/scheduled';
import { api, enroll, enrollAdmin, expectError, rows, seedCatalog } from '../helpers';
import { act, ask, mentor, post, queue, setSettings } from '../mentor-helpers';

const MINUTE = 60_000;
const DAY = 86_400_000;

afterEach(() => resetClock());

const requestBody = (overrides: Record<string, unknown> = {}) => ({
  clientId: crypto.randomUUID(),
  purpose: 'My residency year on 4 West',
  goals: 'Lead a handover; present at the unit meeting',
  rhythm: 'fortnightly',
  ...overrides,
});

async function request(mentee: Session, overrides: Record<string, unknown> = {}) {
  const res = await post('/v1/mentorships', mentee.token, requestBody(overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return Mentorship.parse(await res.json());
}

async function mentorshipAct(s: Session, id: string, action: string, body?: unknown) {
  const res = await api(`/v1/mentorships/${id}/${action}`, { method: 'POST', token: s.token, body: body ?? {} });
  expect(res.status, await res.clone().text()).toBe(200);
  return Mentorship.parse(await res.json());
}

async function mineOf(s: Session) {
  const res = await api('/v1/mentorships/mine', { token: s.token });
  expect(res.status).toBe(200);
  return MentorshipList.parse(await res.json()).mentorships;
}

/** A mentor and a mentee paired (the mentee asked, the mentor accepted). */
async function paired(opts: { capacity?: number; topicIds?: string[] } = {}) {
  const mentee = await enroll(['clinician'], 'Nia Newgrad');
  const theMentor = await mentor(opts.topicIds ?? [], { name: 'Mo Mentor', weeklyCapacity: opts.capacity ?? 5 });
  const asked = await request(mentee, { mentorId: theMentor.user.id });
  const active = await mentorshipAct(theMentor, asked.id, 'accept');
  return { mentee, mentor: theMentor, mentorship: active };
}

async function runCron(at: number) {
  setClock(() => at);
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: QUARTER_HOUR_CRON });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('mentorships: asking, accepting, assigning', () => {
  it('a mentee asks a named mentor, who accepts: agreed goals, a rhythm and the first check-in one rhythm on', async () => {
    const t0 = Date.parse('2026-05-04T09:00:00Z');
    setClock(() => t0);
    const mentee = await enroll(['clinician'], 'Nia Newgrad');
    const m = await mentor([], { name: 'Mo Mentor' });
    const asked = await request(mentee, { mentorId: m.user.id });
    expect(asked).toMatchObject({ status: 'requested', awaiting: 'mentor', myRole: 'mentee', nextCheckInAt: null });
    expect(asked.mentor?.displayName).toBe('Mo Mentor');

    const [waiting] = await mineOf(m);
    expect(waiting).toMatchObject({ id: asked.id, status: 'requested', myRole: 'mentor', purpose: asked.purpose });

    const active = await mentorshipAct(m, asked.id, 'accept');
    expect(active).toMatchObject({ status: 'active', awaiting: null, myRole: 'mentor' });
    expect(Date.parse(active.nextCheckInAt ?? '')).toBe(t0 + RHYTHM_DAYS.fortnightly * DAY);

    const goals = await api(`/v1/mentorships/${asked.id}/goals`, {
      method: 'PUT',
      token: mentee.token,
      body: { goals: 'Lead two handovers by March', rhythm: 'weekly' },
    });
    expect(goals.status).toBe(200);
    expect(Mentorship.parse(await goals.json())).toMatchObject({
      goals: 'Lead two handovers by March',
      rhythm: 'weekly',
    });
    expect((await mineOf(m))[0]?.goals).toBe('Lead two handovers by March');
  });

  it('retries of a request with its clientId return the one request; a second live request is refused', async () => {
    const mentee = await enroll();
    const body = requestBody();
    const first = await post('/v1/mentorships', mentee.token, body);
    expect(first.status).toBe(201);
    const again = await post('/v1/mentorships', mentee.token, body);
    expect(again.status).toBe(200);
    expect(Mentorship.parse(await again.json()).id).toBe(Mentorship.parse(await first.json()).id);
    await expectError(await post('/v1/mentorships', mentee.token, requestBody()), 409, 'conflict');
  });

  it('checks purpose and goals for identifiers like any free text (422)', async () => {
    const mentee = await enroll();
    const body = requestBody({ goals: 'Talk through the case of Mr John Smith, MRN 12345678' });
    await expectError(await post('/v1/mentorships', mentee.token, body), 422, 'identifiers_found');
    const { mentorship, mentor: m } = await paired();
    const res = await api(`/v1/mentorships/${mentorship.id}/goals`, {
      method: 'PUT',
      token: m.token,
      body: { goals: 'Review DOB 03/04/1951 admission together' },
    });
    await expectError(res, 422, 'identifiers_found');
  });
});

describe('mentorships respect capacity (weeklyCapacity: each mentee takes a weekly slot)', () => {
  it('a mentor at capacity cannot be asked, cannot accept and cannot be assigned; one with room can', async () => {
    const { mentor: full } = await paired({ capacity: 1 });
    const lead = await enroll(['lead']);

    // Asked by name: refused, and the choices say so (without the load).
    const second = await enroll();
    await expectError(
      await post('/v1/mentorships', second.token, requestBody({ mentorId: full.user.id })),
      409,
      'conflict',
    );
    const choices = MentorChoiceList.parse(
      await (await api('/v1/mentorships/mentors', { token: second.token })).json(),
    );
    const listed = choices.mentors.find((m) => m.id === full.user.id);
    expect(listed).toEqual({
      id: full.user.id,
      displayName: 'Mo Mentor',
      discipline: expect.any(String),
      hasRoom: false,
    });

    // A request for anyone: the lead cannot assign the full mentor, and can assign one with room.
    const anyone = await request(second);
    expect(anyone).toMatchObject({ status: 'requested', awaiting: 'lead', mentor: null });
    await expectError(
      await post(`/v1/mentorships/${anyone.id}/assign`, lead.token, { mentorId: full.user.id }),
      409,
      'conflict',
    );
    const roomy = await mentor([], { name: 'Rae Roomy', weeklyCapacity: 2 });
    const assigned = await mentorshipAct(lead, anyone.id, 'assign', { mentorId: roomy.user.id });
    expect(assigned).toMatchObject({ status: 'active', myRole: 'lead', mentor: { id: roomy.user.id } });

    const programme = ProgrammeMentorships.parse(
      await (await api('/v1/mentorships/programme', { token: lead.token })).json(),
    );
    expect(programme.mentors.find((m) => m.id === full.user.id)).toMatchObject({
      mentees: 1,
      weeklyCapacity: 1,
      hasRoom: false,
    });
    expect(programme.mentors.find((m) => m.id === roomy.user.id)).toMatchObject({
      mentees: 1,
      weeklyCapacity: 2,
      hasRoom: true,
    });
  });

  it('a request made while the mentor had room cannot be accepted once they are full, nor while they are away', async () => {
    const m = await mentor([], { weeklyCapacity: 1 });
    const a = await request(await enroll(), { mentorId: m.user.id });
    const b = await request(await enroll(), { mentorId: m.user.id });
    await mentorshipAct(m, a.id, 'accept');
    await expectError(await post(`/v1/mentorships/${b.id}/accept`, m.token), 409, 'conflict');

    const away = await mentor([], { away: true });
    const c = await enroll();
    // An away mentor cannot be asked either.
    await expectError(await post('/v1/mentorships', c.token, requestBody({ mentorId: away.user.id })), 409, 'conflict');
    const lead = await enroll(['lead']);
    const anyone = await request(c);
    await expectError(
      await post(`/v1/mentorships/${anyone.id}/assign`, lead.token, { mentorId: away.user.id }),
      409,
      'conflict',
    );
  });

  it('two leads assigning the last slot at once: one pairing starts, the other is refused', async () => {
    const m = await mentor([], { weeklyCapacity: 1 });
    const lead = await enroll(['lead']);
    const [x, y] = [await request(await enroll()), await request(await enroll())];
    const results = await Promise.all(
      [x, y].map((r) => post(`/v1/mentorships/${r?.id}/assign`, lead.token, { mentorId: m.user.id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await rows("SELECT id FROM mentorships WHERE mentor_id = ?1 AND status = 'active'", m.user.id)).toHaveLength(
      1,
    );
  });
});

describe('mentorships are seen by the two parties and programme leads only', () => {
  it('every other caller gets a 404 for its id, and neither list nor programme view shows it to them', async () => {
    const { mentorship, mentee, mentor: m } = await paired();
    const outsiders = [await enroll(), await mentor([]), await enroll(['mentor', 'clinician'])];
    for (const s of outsiders) {
      expect((await mineOf(s)).map((x) => x.id)).not.toContain(mentorship.id);
      for (const action of ['end', 'check-in', 'accept', 'decline']) {
        const res = await post(`/v1/mentorships/${mentorship.id}/${action}`, s.token);
        expect([403, 404], `${action} ${res.status}`).toContain(res.status);
        if (res.status === 403) expect(action === 'accept' || action === 'decline').toBe(true);
        else await expectError(res, 404, 'not_found');
      }
      const goals = await api(`/v1/mentorships/${mentorship.id}/goals`, {
        method: 'PUT',
        token: s.token,
        body: { goals: 'Not mine to write' },
      });
      await expectError(goals, 404, 'not_found');
      await expectError(await api('/v1/mentorships/programme', { token: s.token }), 403, 'forbidden');
    }
    const admin = await enrollAdmin();
    await expectError(await api('/v1/mentorships/mine', { token: admin.token }), 403, 'forbidden');
    await expectError(await api('/v1/mentorships/programme', { token: admin.token }), 403, 'forbidden');

    // A lead reads it but is not a side of it: they cannot end it or write its goals.
    const lead = await enroll(['lead']);
    const programme = ProgrammeMentorships.parse(
      await (await api('/v1/mentorships/programme', { token: lead.token })).json(),
    );
    expect(programme.mentorships.find((x) => x.id === mentorship.id)).toMatchObject({ myRole: 'lead' });
    await expectError(await post(`/v1/mentorships/${mentorship.id}/end`, lead.token), 403, 'forbidden');
    expect((await mineOf(mentee))[0]?.status).toBe('active');
    expect((await mineOf(m))[0]?.status).toBe('active');
  });
});

describe('either side ends a mentorship, with no reason asked', () => {
  it('the mentee ends one, the mentor another; no reason is taken or stored, and a new request may follow', async () => {
    const first = await paired();
    const ended = await mentorshipAct(first.mentee, first.mentorship.id, 'end');
    expect(ended).toMatchObject({ status: 'ended', nextCheckInAt: null });
    expect(ended.endedAt).not.toBeNull();
    await expectError(await post(`/v1/mentorships/${first.mentorship.id}/end`, first.mentor.token), 409, 'conflict');

    const second = await paired();
    expect((await mentorshipAct(second.mentor, second.mentorship.id, 'end')).status).toBe('ended');
    const columns = await rows<{ name: string }>("SELECT name FROM pragma_table_info('mentorships')");
    expect(columns.map((c) => c.name).filter((n) => /reason|why|note/.test(n))).toEqual([]);

    // The ended slot is free again, and the mentee may ask again.
    const again = await request(first.mentee, { mentorId: first.mentor.user.id });
    expect((await mentorshipAct(first.mentor, again.id, 'accept')).status).toBe('active');
  });

  it('the mentor asked declines without a reason; the mentee may withdraw a request the same way as ending', async () => {
    const m = await mentor([]);
    const mentee = await enroll();
    const asked = await request(mentee, { mentorId: m.user.id });
    expect((await mentorshipAct(m, asked.id, 'decline')).status).toBe('declined');
    await expectError(await post(`/v1/mentorships/${asked.id}/accept`, m.token), 409, 'conflict');
    const withdrawn = await mentorshipAct(mentee, (await request(mentee)).id, 'end');
    expect(withdrawn.status).toBe('ended');
  });
});

describe('check-in reminders go out from the scheduled job on the chosen rhythm', () => {
  it('reminds each due check-in once, moves the next one a rhythm on, and a recorded check-in answers it', async () => {
    const t0 = Date.parse('2026-05-04T09:00:00Z');
    setClock(() => t0);
    const { mentee, mentor: m, mentorship } = await paired();
    const due = t0 + 14 * DAY;

    await runCron(due - 15 * MINUTE);
    expect((await mineOf(mentee))[0]?.remindedAt).toBeNull();

    await runCron(due + MINUTE);
    const [reminded] = await mineOf(mentee);
    expect(reminded?.remindedAt).toBe(new Date(due + MINUTE).toISOString());
    expect(Date.parse(reminded?.nextCheckInAt ?? '')).toBe(due + 14 * DAY);
    expect((await mineOf(m))[0]?.remindedAt).toBe(reminded?.remindedAt);

    // The next quarter hour reminds nothing new.
    await runCron(due + 16 * MINUTE);
    expect((await mineOf(mentee))[0]?.remindedAt).toBe(reminded?.remindedAt);

    const met = await mentorshipAct(m, mentorship.id, 'check-in');
    expect(met.remindedAt).toBeNull();
    expect(Date.parse(met.nextCheckInAt ?? '')).toBe(due + 16 * MINUTE + 14 * DAY);

    // An ended mentorship is never reminded.
    await mentorshipAct(mentee, mentorship.id, 'end');
    await runCron(due + 20 * DAY);
    expect((await mineOf(mentee))[0]).toMatchObject({ status: 'ended', remindedAt: null });
  });
});

describe("a mentee's questions go to their mentor first", () => {
  it('only the mentor sees it until its share of the SLA has passed unclaimed, then normal routing', async () => {
    const { topicId } = await seedCatalog();
    const t0 = Date.parse('2026-05-05T13:00:00Z');
    setClock(() => t0);
    const { mentee, mentor: m } = await paired();
    const colleague = await mentor([topicId], { name: 'Col League' });

    const q = await ask(mentee.token, topicId, { mentorFirst: true, urgency: 'today' });
    expect((await queue(m.token)).map((i) => i.id)).toContain(q.id);
    // The mentor's badge counts it.
    const summary = (await (await api('/v1/queue/summary', { token: m.token })).json()) as { unclaimed: number };
    expect(summary.unclaimed).toBe(1);
    expect((await queue(colleague.token)).map((i) => i.id)).not.toContain(q.id);
    await expectError(await post(`/v1/queue/${q.id}/claim`, colleague.token), 404, 'not_found');

    // The SLA for today is 4 hours by default: the mentor has it alone for three.
    await runCron(t0 + 2 * 60 * MINUTE);
    expect((await queue(colleague.token)).map((i) => i.id)).not.toContain(q.id);
    await runCron(t0 + 3 * 60 * MINUTE);
    expect((await queue(colleague.token)).map((i) => i.id)).toContain(q.id);
    await act(colleague.token, q.id, 'claim');
  });

  it('the mentor claiming it keeps it; an away or deactivated mentor, or an ended mentorship, passes it on at once', async () => {
    const { topicId } = await seedCatalog();
    const colleague = await mentor([topicId]);

    const one = await paired();
    const kept = await ask(one.mentee.token, topicId, { mentorFirst: true });
    await act(one.mentor.token, kept.id, 'claim');
    expect((await queue(colleague.token)).map((i) => i.id)).not.toContain(kept.id);

    const two = await paired();
    const whileAway = await ask(two.mentee.token, topicId, { mentorFirst: true });
    expect((await queue(colleague.token)).map((i) => i.id)).not.toContain(whileAway.id);
    const away = await api('/v1/mentors/me', {
      method: 'PUT',
      token: two.mentor.token,
      body: { topicIds: [], disciplines: [], weeklyCapacity: 5, away: true },
    });
    expect(away.status).toBe(200);
    expect((await queue(colleague.token)).map((i) => i.id)).toContain(whileAway.id);

    const four = await paired();
    const whileGone = await ask(four.mentee.token, topicId, { mentorFirst: true });
    const admin = await enrollAdmin();
    const gone = await post(`/v1/admin/users/${four.mentor.user.id}/deactivate`, admin.token);
    expect(gone.status, await gone.clone().text()).toBe(200);
    expect((await queue(colleague.token)).map((i) => i.id)).toContain(whileGone.id);

    const three = await paired();
    const afterEnd = await ask(three.mentee.token, topicId, { mentorFirst: true });
    await mentorshipAct(three.mentee, three.mentorship.id, 'end');
    expect((await queue(colleague.token)).map((i) => i.id)).toContain(afterEnd.id);
    expect((await queue(three.mentor.token)).map((i) => i.id)).not.toContain(afterEnd.id);
  });

  it('an urgent question for the mentor alone stays off the mentors’ channels; an ordinary one alerts them', async () => {
    const { topicId } = await seedCatalog();
    const admin = await enrollAdmin();
    const channel = await post('/v1/admin/channels', admin.token, {
      clientId: crypto.randomUUID(),
      kind: 'teams',
      label: 'Urgent questions',
      webhookUrl: 'https://teams.example.invalid/workflows/abc',
      digestRoles: [],
      urgentAlerts: true,
    });
    expect(channel.status, await channel.clone().text()).toBe(201);
    const { mentee } = await paired();
    const mine = await ask(mentee.token, topicId, { mentorFirst: true, urgency: 'today' });
    const open = await ask(mentee.token, topicId, { urgency: 'today' });
    const alerts = (id: string) => rows('SELECT id FROM digest_deliveries WHERE dedupe_key = ?1', `urgent:${id}`);
    await expect.poll(async () => (await alerts(open.id)).length).toBeGreaterThan(0);
    expect(await alerts(mine.id)).toEqual([]);
    await api(`/v1/admin/channels/${((await channel.json()) as { id: string }).id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { active: false },
    });
  });

  it('escalation waits for the mentor-first time to pass, then moves the question as any other', async () => {
    const { topicId } = await seedCatalog();
    const { topicId: coordinators } = await seedCatalog();
    const admin = await enrollAdmin();
    const coordinator = await mentor([coordinators]);
    const t0 = Date.parse('2026-05-04T13:00:00Z');
    setClock(() => t0);
    const { mentee } = await paired();
    const q = await ask(mentee.token, topicId, { mentorFirst: true, urgency: 'today' });
    await setSettings(admin, { fallbackTopicId: coordinators, escalateAfterMinutes: 60 });
    try {
      await runCron(t0 + 61 * MINUTE);
      expect((await queue(coordinator.token)).map((i) => i.id)).not.toContain(q.id);
      // Not moved behind the mentor's back either: its route and the audit stay as they were.
      expect(await rows('SELECT topic_id, escalated_at FROM questions WHERE id = ?1', q.id)).toEqual([
        { topic_id: topicId, escalated_at: null },
      ]);
      await runCron(t0 + 3 * 60 * MINUTE);
      // Released by the mentorships job and moved by escalation in the same quarter hour, or the next.
      await runCron(t0 + 3 * 60 * MINUTE + 15 * MINUTE);
      expect((await queue(coordinator.token)).map((i) => i.id)).toContain(q.id);
    } finally {
      await setSettings(admin, { fallbackTopicId: null, escalateAfterMinutes: 120 });
    }
  });

  it('without an active mentorship the choice is ignored: the question routes as any', async () => {
    const { topicId } = await seedCatalog();
    const colleague = await mentor([topicId]);
    const loner = await enroll();
    const q = await ask(loner.token, topicId, { mentorFirst: true });
    expect((await queue(colleague.token)).map((i) => i.id)).toContain(q.id);
    expect(await rows('SELECT mentor_first_id FROM questions WHERE id = ?1', q.id)).toEqual([
      { mentor_first_id: null },
    ]);
  });
});
