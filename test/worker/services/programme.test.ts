import { afterEach, describe, expect, it } from 'vitest';
import { ProgrammeHealth } from '../../../shared/programme';
import { resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, questionBody, seedCatalog } from '../helpers';
import { mentor as routedMentor } from '../mentor-helpers';

const HOUR = 3_600_000;

async function health(token: string) {
  const res = await api('/v1/programme/health', { token });
  expect(res.status).toBe(200);
  return ProgrammeHealth.parse(await res.json());
}

const total = (weeks: Array<{ count: number }>) => weeks.reduce((n, w) => n + w.count, 0);

describe('programme health and peer support', () => {
  afterEach(() => resetClock());

  it('never counts a need-to-talk request, while an ordinary question counts', async () => {
    const { topicId } = await seedCatalog();
    const lead = await enroll(['lead']);
    const clinician = await enroll(['clinician']);
    const before = await health(lead.token);

    const talk = await api('/v1/need-to-talk', { token: clinician.token, body: { clientId: crypto.randomUUID() } });
    expect(talk.status).toBe(201);
    const start = Date.now();
    setClock(() => start + 6 * HOUR);
    const afterTalk = await health(lead.token);
    expect(total(afterTalk.questionsPerWeek)).toBe(total(before.questionsPerWeek));
    expect(afterTalk.openPastSla).toBe(before.openPastSla);

    const asked = await api('/v1/questions', {
      token: clinician.token,
      body: questionBody(topicId, { urgency: 'today' }),
    });
    expect(asked.status).toBe(201);
    setClock(() => start + 12 * HOUR);
    const afterQuestion = await health(lead.token);
    expect(total(afterQuestion.questionsPerWeek)).toBe(total(before.questionsPerWeek) + 1);
  });

  it('stops the SLA clock while a question waits for the asker, in within-SLA and past-SLA alike', async () => {
    const { topicId } = await seedCatalog();
    const lead = await enroll(['lead']);
    const clinician = await enroll(['clinician']);
    const mentor = await routedMentor([topicId]);
    // Both readings at the same clock, so what other tests left behind counts alike in each.
    const t0 = Date.now();
    setClock(() => t0 + 30 * HOUR);
    const before = await health(lead.token);
    setClock(() => t0);
    const ask = async () => {
      const res = await api('/v1/questions', {
        token: clinician.token,
        body: questionBody(topicId, { urgency: 'today' }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const act = async (path: string, token: string, body: unknown = {}) => {
      const res = await api(path, { method: 'POST', token, body });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    // Answered 11 hours after asking, 9 of them waiting for the asker: 2 counted hours of a 4-hour target.
    const answered = await ask();
    const waiting = await ask();
    setClock(() => t0 + HOUR);
    for (const id of [answered, waiting]) {
      await act(`/v1/queue/${id}/claim`, mentor.token);
      await act(`/v1/queue/${id}/clarify`, mentor.token, { text: 'Which list do you mean?' });
    }
    setClock(() => t0 + 10 * HOUR);
    await act(`/v1/questions/${answered}/reply`, clinician.token, { text: 'The outside pharmacy list' });
    setClock(() => t0 + 11 * HOUR);
    await act(`/v1/queue/${answered}/claim`, mentor.token);
    await act(`/v1/queue/${answered}/answer`, mentor.token, {
      clientId: crypto.randomUUID(),
      text: 'Refresh the external history first.',
    });
    // The other still waits for its asker: paused, so not past its SLA however long it waits.
    setClock(() => t0 + 30 * HOUR);
    const after = await health(lead.token);
    const met = (h: typeof before) => Math.round((h.firstAnswer.withinSla ?? 0) * h.firstAnswer.answered);
    expect(after.firstAnswer.answered).toBe(before.firstAnswer.answered + 1);
    expect(met(after)).toBe(met(before) + 1);
    expect(after.openPastSla).toBe(before.openPastSla);
  });
});
