import { afterEach, describe, expect, it } from 'vitest';
import { ProgrammeHealth } from '../../shared/programme';
import { resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, questionBody, seedCatalog } from './helpers';

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
});
