import { describe, expect, it } from 'vitest';
import { ProgrammeHealth } from '../../../shared/programme';
import { answeredQuestion, cycleAt } from '../growth-helpers';
import { api, enroll } from '../helpers';
import { flag } from '../hotspots-helpers';
import { post } from '../mentor-helpers';

async function health(token: string) {
  const res = await api('/v1/programme/health', { token });
  expect(res.status).toBe(200);
  return ProgrammeHealth.parse(await res.json());
}

describe('programme health: growth', () => {
  it('counts thank-yous, helpful answers and mentors thanked, for the organisation and never per mentor', async () => {
    const lead = await enroll(['lead']);
    const before = await health(lead.token);
    const { asker, question } = await answeredQuestion();
    expect((await post(`/v1/questions/${question.id}/helpful`, asker.token, { helpful: true })).status).toBe(200);
    expect(
      (
        await post(`/v1/questions/${question.id}/thanks`, asker.token, {
          clientId: crypto.randomUUID(),
          text: 'Thanks',
        })
      ).status,
    ).toBe(201);
    const after = await health(lead.token);
    expect(after.growth.thanks - before.growth.thanks).toBe(1);
    expect(after.growth.markedHelpful - before.growth.markedHelpful).toBe(1);
    expect(after.growth.mentorsThanked - before.growth.mentorsThanked).toBe(1);
    // Counts only: no mentor's id or name anywhere in the answer.
    const raw = JSON.stringify(after);
    expect(raw).not.toContain('Mentor Mo');
    expect(Object.keys(after.growth).sort()).toEqual([
      'markedHelpful',
      'mentorsThanked',
      'tested',
      'thanks',
      'tipsWritten',
    ]);
  });

  it('counts the share of flags whose hotspot became a test of change', async () => {
    const lead = await enroll(['lead']);
    const owner = await enroll(['mentor'], 'Owen Owner');
    const before = await health(lead.token);
    await cycleAt(owner, 'plan');
    // A flag on a hotspot with no test moves the share the other way.
    await flag((await enroll()).token, {
      screen: { host: `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`, path: '/orders' },
    });
    const after = await health(lead.token);
    const tested = (h: ProgrammeHealth) => Math.round((h.growth.tested ?? 0) * h.loop.flags);
    expect(tested(after) - tested(before)).toBe(1);
    expect(after.loop.flags - before.loop.flags).toBe(2);
  });
});
