import { afterEach, describe, expect, it } from 'vitest';
import { Question } from '../../../shared/questions';
import { clearSettingsCache } from '../../../worker/db/settings';
import { HOUR, resetClock, setClock } from '../../../worker/lib/clock';
import { api, count, enroll, enrollAdmin, expectError, issuePaths, seedCatalog } from '../helpers';
import { act, answerBody, ask, item, mentor, mine, post, queue, setSettings } from '../mentor-helpers';

afterEach(() => {
  resetClock();
  clearSettingsCache();
});

async function setup() {
  const { topicId } = await seedCatalog();
  const clinician = await enroll(['clinician'], 'Asker Clinician');
  const m = await mentor([topicId], { name: 'Mentor Mo' });
  return { topicId, clinician, m };
}

describe('thread flow', () => {
  it('clarify → asker replies → answer → helpful, seen by the asker in My items', async () => {
    const { topicId, clinician, m } = await setup();
    const q = await ask(clinician.token, topicId);
    await act(m.token, q.id, 'claim');
    expect((await mine(clinician.token))[0]?.status).toBe('claimed');

    const clarified = await act(m.token, q.id, 'clarify', { text: 'Which ward, and which order set?' });
    expect(clarified.item).toMatchObject({ status: 'clarifying', sla: { status: 'paused' } });
    // The queue list reads the thread's messages in its own statement: the same SLA as the item's.
    const listed = async () => (await queue(m.token, '?filter=mine')).find((x) => x.id === q.id);
    expect((await listed())?.sla).toEqual(clarified.item.sla);
    const waiting = (await mine(clinician.token)).find((x) => x.id === q.id);
    expect(waiting).toMatchObject({ status: 'open', needsReply: true });
    expect(waiting?.messages).toMatchObject([{ kind: 'clarification', authorName: 'Mentor Mo' }]);

    // The mentor cannot answer or clarify again while waiting for the asker.
    await expectError(await post(`/v1/queue/${q.id}/answer`, m.token, answerBody()), 409, 'conflict');

    const replied = await post(`/v1/questions/${q.id}/reply`, clinician.token, { text: 'Ward 4, the sepsis set' });
    expect(replied.status).toBe(200);
    const afterReply = Question.parse(await replied.json());
    expect(afterReply).toMatchObject({ status: 'claimed', needsReply: false });
    expect(afterReply.messages.map((x) => x.kind)).toEqual(['clarification', 'reply']);
    expect((await item(m.token, q.id)).claim.state).toBe('mine');
    const { status, dueAt } = (await item(m.token, q.id)).sla;
    expect((await listed())?.sla).toMatchObject({ status, dueAt });

    await act(m.token, q.id, 'answer', answerBody('Use the sepsis set from the favourites bar.'));
    const answered = (await mine(clinician.token)).find((x) => x.id === q.id);
    expect(answered).toMatchObject({ status: 'answered', answers: [{ mentorName: 'Mentor Mo' }] });

    const helpful = await post(`/v1/questions/${q.id}/helpful`, clinician.token, { helpful: true });
    expect(Question.parse(await helpful.json()).helpful).toBe(true);
  });

  it('refuses a reply when no clarifying question waits, and to anyone but the asker', async () => {
    const { topicId, clinician, m } = await setup();
    const q = await ask(clinician.token, topicId);
    await expectError(await post(`/v1/questions/${q.id}/reply`, clinician.token, { text: 'hello' }), 409, 'conflict');
    await act(m.token, q.id, 'claim');
    await act(m.token, q.id, 'clarify', { text: 'Which ward?' });
    const other = await enroll();
    await expectError(await post(`/v1/questions/${q.id}/reply`, other.token, { text: 'not mine' }), 404, 'not_found');
    await expectError(await post(`/v1/questions/${q.id}/helpful`, clinician.token, { helpful: true }), 409, 'conflict');
  });

  it('lets the asker close their own question, and nobody else', async () => {
    const { topicId, clinician } = await setup();
    const q = await ask(clinician.token, topicId);
    const other = await enroll();
    await expectError(await post(`/v1/questions/${q.id}/close`, other.token), 404, 'not_found');
    const closed = await post(`/v1/questions/${q.id}/close`, clinician.token);
    expect(Question.parse(await closed.json()).status).toBe('closed');
    await expectError(await post(`/v1/questions/${q.id}/close`, clinician.token), 409, 'conflict');
  });
});

describe('SLA in the queue, with a moved clock', () => {
  it('pauses while the asker is asked, resumes on the reply, and is not reset by a hand-off', async () => {
    const admin = await enrollAdmin();
    await setSettings(admin, { timeZone: 'UTC', slaTodayHours: 4, claimExpiryMinutes: 600 });
    const { topicId, clinician, m } = await setup();
    const other = await mentor([topicId]);
    const t0 = Date.parse('2026-06-01T08:00:00Z');
    setClock(() => t0);
    const q = await ask(clinician.token, topicId, { urgency: 'today' });
    expect((await item(m.token, q.id)).sla).toMatchObject({ status: 'on_track', dueAt: '2026-06-01T12:00:00.000Z' });

    setClock(() => t0 + HOUR);
    await act(m.token, q.id, 'claim');
    await act(m.token, q.id, 'clarify', { text: 'Which ward?' });
    setClock(() => t0 + 6 * HOUR); // far past the target, but the clock is paused
    expect((await item(m.token, q.id)).sla).toMatchObject({ status: 'paused', remainingMs: 3 * HOUR });

    await post(`/v1/questions/${q.id}/reply`, clinician.token, { text: 'Ward 4' });
    expect((await item(m.token, q.id)).sla).toMatchObject({ status: 'on_track', dueAt: '2026-06-01T17:00:00.000Z' });

    setClock(() => t0 + 7 * HOUR);
    await act(m.token, q.id, 'handoff', { mentorId: other.user.id, note: 'Over to you' });
    const handed = await item(other.token, q.id);
    expect(handed.sla).toMatchObject({ status: 'on_track', dueAt: '2026-06-01T17:00:00.000Z' });
    expect(handed.createdAt).toBe(q.createdAt);

    setClock(() => t0 + 9 * HOUR + 1);
    expect((await item(other.token, q.id)).sla.status).toBe('breached');
  });

  it('counts only working days for this_week in the organisation’s time zone', async () => {
    const admin = await enrollAdmin();
    await setSettings(admin, { timeZone: 'Europe/London', slaThisWeekWorkingDays: 2 });
    const { topicId, clinician, m } = await setup();
    setClock(() => Date.parse('2026-06-05T16:00:00Z')); // Friday 17:00 BST
    const q = await ask(clinician.token, topicId, { urgency: 'this_week' });
    expect((await item(m.token, q.id)).sla.dueAt).toBe('2026-06-09T16:00:00.000Z'); // Tuesday 17:00 BST
  });
});

describe('hand-off', () => {
  it('moves a question to another topic: the old routing loses it, the new one sees it with the note', async () => {
    const { topicId, clinician, m } = await setup();
    const other = (await seedCatalog()).topicId;
    const otherMentor = await mentor([other]);
    const q = await ask(clinician.token, topicId);
    await act(m.token, q.id, 'claim');
    const res = await act(m.token, q.id, 'handoff', { topicId: other, note: 'Belongs to pharmacy' });
    expect(res.item.claim.state).toBe('unclaimed');
    await expectError(await api(`/v1/queue/${q.id}`, { token: m.token }), 404, 'not_found');
    const seen = await item(otherMentor.token, q.id);
    expect(seen).toMatchObject({ topicId: other, handoffs: [{ note: 'Belongs to pharmacy', fromName: 'Mentor Mo' }] });
    // The asker never sees hand-off notes.
    expect(JSON.stringify(await mine(clinician.token))).not.toContain('Belongs to pharmacy');
  });

  it('refuses an unknown topic, an unknown mentor, a clinician, myself and no target', async () => {
    const { topicId, clinician, m } = await setup();
    const q = await ask(clinician.token, topicId);
    await act(m.token, q.id, 'claim');
    const handoff = (body: Record<string, unknown>) =>
      post(`/v1/queue/${q.id}/handoff`, m.token, { note: 'x', ...body });
    expect(
      issuePaths(await expectError(await handoff({ topicId: 'no-such-topic' }), 400, 'validation_failed')),
    ).toEqual(['topicId']);
    expect(
      issuePaths(await expectError(await handoff({ mentorId: 'no-such-mentor' }), 400, 'validation_failed')),
    ).toEqual(['mentorId']);
    await expectError(await handoff({ mentorId: clinician.user.id }), 400, 'validation_failed');
    await expectError(await handoff({ mentorId: m.user.id }), 400, 'validation_failed');
    await expectError(await handoff({}), 400, 'validation_failed');
    expect(await count('SELECT COUNT(*) AS n FROM handoffs WHERE question_id = ?1', q.id)).toBe(0);
  });

  it('refuses a mentor who is away, and a hand-off without a claim', async () => {
    const { topicId, clinician, m } = await setup();
    const away = await mentor([topicId], { away: true });
    const q = await ask(clinician.token, topicId);
    await expectError(await post(`/v1/queue/${q.id}/handoff`, m.token, { topicId, note: 'x' }), 409, 'conflict');
    await act(m.token, q.id, 'claim');
    await expectError(
      await post(`/v1/queue/${q.id}/handoff`, m.token, { mentorId: away.user.id, note: 'x' }),
      409,
      'conflict',
    );
  });
});
