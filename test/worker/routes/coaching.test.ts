import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import { COACHING_TOPIC_ID, Coaching, CoachingCreated, CoachingList } from '../../../shared/coaching';
import { Flag } from '../../../shared/flags';
import { api, count, enroll, enrollAdmin, expectError, flagBody, randomSecret, rows } from '../helpers';
import { act, answerBody, item, mentor, mine, post, queue } from '../mentor-helpers';

const put = (path: string, token: string, body: unknown) => api(path, { method: 'PUT', token, body });

async function namedFlag(s: Session, overrides: Record<string, unknown> = {}) {
  const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
  const res = await api('/v1/flags', {
    token: s.token,
    body: flagBody({ screen: { host, path: '/orders' }, ...overrides }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return Flag.parse(await res.json());
}

const coachBody = (text = 'I keep hitting this at shift change: how do I make it a project?') => ({
  clientId: crypto.randomUUID(),
  text,
});

async function askCoach(s: Session, flagId: string) {
  const res = await post(`/v1/flags/${flagId}/coaching`, s.token, coachBody());
  expect(res.status, await res.clone().text()).toBe(201);
  return CoachingCreated.parse(await res.json());
}

const card = (revision: number, problem = 'Orders time out while the screen is open') => ({
  revision,
  problem,
  affects: 'Night nurses on every admission',
  patients: 'Medicines given late',
  measure: 'Timeouts per week',
  smallestTest: 'Longer timeout on one ward for a week',
});

describe('"Help me shape this": coaching on a named flag', () => {
  it('opens a question on the coaching topic, tied to the flag and its screen, that reaches coaches', async () => {
    const nurse = await enroll(['clinician'], 'Nia Nurse');
    const flag = await namedFlag(nurse);
    const coach = await mentor([COACHING_TOPIC_ID], { name: 'Coach Cal' });
    const elsewhere = await mentor([], { name: 'Other Topic Mentor' });

    const created = await askCoach(nurse, flag.id);
    expect(created.question).toMatchObject({ topicId: COACHING_TOPIC_ID, kind: 'question', status: 'open' });
    expect(created.question.screen).toEqual(flag.screen);
    expect(created.coaching).toMatchObject({ flag: { id: flag.id, text: flag.text }, canEdit: true });
    expect(created.coaching.card).toMatchObject({ problem: '', revision: 0 });

    // The queue's routing applies: a coach on the topic sees it, another mentor does not.
    expect((await queue(coach.token)).map((q) => q.id)).toContain(created.question.id);
    expect((await queue(elsewhere.token)).map((q) => q.id)).not.toContain(created.question.id);
    expect((await mine(nurse.token)).map((q) => q.id)).toContain(created.question.id);
    const list = CoachingList.parse(await (await api('/v1/coaching/mine', { token: nurse.token })).json());
    expect(list.coaching.map((x) => x.flag.id)).toEqual([flag.id]);
  });

  it('is once per flag, and only for the asker’s own named flag', async () => {
    const nurse = await enroll();
    const flag = await namedFlag(nurse);
    await askCoach(nurse, flag.id);
    await expectError(await post(`/v1/flags/${flag.id}/coaching`, nurse.token, coachBody()), 409, 'conflict');

    const other = await enroll();
    const otherFlag = await namedFlag(other);
    await expectError(await post(`/v1/flags/${otherFlag.id}/coaching`, nurse.token, coachBody()), 404, 'not_found');
    const anon = await namedFlag(nurse, { anonymous: true, receiptSecret: randomSecret() });
    await expectError(await post(`/v1/flags/${anon.id}/coaching`, nurse.token, coachBody()), 404, 'not_found');
    expect(await count('SELECT COUNT(*) AS n FROM coaching WHERE flag_id IN (?1, ?2)', otherFlag.id, anon.id)).toBe(0);
  });

  it('says so when an admin has switched the coaching topic off', async () => {
    const admin = await enrollAdmin();
    const nurse = await enroll();
    const flag = await namedFlag(nurse);
    const off = await api(`/v1/admin/topics/${COACHING_TOPIC_ID}`, {
      method: 'PATCH',
      token: admin.token,
      body: { active: false },
    });
    expect(off.status, await off.clone().text()).toBe(200);
    try {
      await expectError(await post(`/v1/flags/${flag.id}/coaching`, nurse.token, coachBody()), 409, 'conflict');
    } finally {
      await api(`/v1/admin/topics/${COACHING_TOPIC_ID}`, {
        method: 'PATCH',
        token: admin.token,
        body: { active: true },
      });
    }
  });

  it('checks the request for identifiers like any question (422)', async () => {
    const nurse = await enroll();
    const flag = await namedFlag(nurse);
    const body = coachBody('This happened with Mr John Smith, MRN 12345678, last night');
    await expectError(await post(`/v1/flags/${flag.id}/coaching`, nurse.token, body), 422, 'identifiers_found');
    expect(await count('SELECT COUNT(*) AS n FROM questions WHERE client_id = ?1', body.clientId)).toBe(0);
  });
});

describe('the framing card', () => {
  async function thread() {
    const nurse = await enroll(['clinician'], 'Nia Nurse');
    const flag = await namedFlag(nurse);
    const coach = await mentor([COACHING_TOPIC_ID], { name: 'Coach Cal' });
    const second = await mentor([COACHING_TOPIC_ID], { name: 'Second Coach' });
    const { question } = await askCoach(nurse, flag.id);
    return { nurse, coach, second, question };
  }

  it('is edited by the asker and by the coach holding the question, each save over the last', async () => {
    const { nurse, coach, question } = await thread();
    const saved = await put(`/v1/coaching/${question.id}/card`, nurse.token, card(0));
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(Coaching.parse(await saved.json()).card).toMatchObject({ revision: 1, updatedByName: 'Nia Nurse' });

    // A coach in routing reads it, but edits only once holding the question.
    const read = Coaching.parse(await (await api(`/v1/coaching/${question.id}`, { token: coach.token })).json());
    expect(read).toMatchObject({ canEdit: false, card: { problem: 'Orders time out while the screen is open' } });
    await expectError(await put(`/v1/coaching/${question.id}/card`, coach.token, card(1)), 403, 'forbidden');
    await act(coach.token, question.id, 'claim');
    const coached = await put(`/v1/coaching/${question.id}/card`, coach.token, {
      ...card(1, 'Order entry times out before a full admission is done'),
    });
    expect(Coaching.parse(await coached.json()).card).toMatchObject({ revision: 2, updatedByName: 'Coach Cal' });
    // After answering, the coach still edits: the thread goes on.
    await act(coach.token, question.id, 'answer', answerBody('Start with one ward and count timeouts.'));
    expect((await put(`/v1/coaching/${question.id}/card`, coach.token, card(2))).status).toBe(200);
  });

  it('refuses a save over a revision someone else saved since (409) and keeps theirs', async () => {
    const { nurse, coach, question } = await thread();
    await act(coach.token, question.id, 'claim');
    expect((await put(`/v1/coaching/${question.id}/card`, coach.token, card(0, 'Coach version'))).status).toBe(200);
    const stale = await put(`/v1/coaching/${question.id}/card`, nurse.token, card(0, 'Nurse version'));
    const body = await expectError(stale, 409, 'conflict');
    expect(body.error.details).toMatchObject({ card: { problem: 'Coach version', revision: 1 } });
    expect(await rows('SELECT problem FROM coaching WHERE question_id = ?1', question.id)).toEqual([
      { problem: 'Coach version' },
    ]);
  });

  it('is a 404 to anyone the question does not reach, and checked for identifiers', async () => {
    const { nurse, question } = await thread();
    for (const s of [await enroll(), await enroll(['lead']), await mentor([], { name: 'Elsewhere' })]) {
      await expectError(await api(`/v1/coaching/${question.id}`, { token: s.token }), 404, 'not_found');
      await expectError(await put(`/v1/coaching/${question.id}/card`, s.token, card(0)), 404, 'not_found');
    }
    await expectError(
      await put(`/v1/coaching/${question.id}/card`, nurse.token, card(0, 'Like the patient DOB 03/04/1951 case')),
      422,
      'identifiers_found',
    );
  });

  it('follows the question through a hand-off to another coach', async () => {
    const { coach, second, question } = await thread();
    await act(coach.token, question.id, 'claim');
    await act(coach.token, question.id, 'handoff', { mentorId: second.user.id, note: 'You know this system' });
    expect((await item(second.token, question.id)).handedToMe).toBe(true);
    await act(second.token, question.id, 'claim');
    expect((await put(`/v1/coaching/${question.id}/card`, second.token, card(0))).status).toBe(200);
  });
});
