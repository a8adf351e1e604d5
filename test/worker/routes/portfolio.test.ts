import { describe, expect, it } from 'vitest';
import { COACHING_TOPIC_ID, CoachingCreated } from '../../../shared/coaching';
import { Flag } from '../../../shared/flags';
import { Portfolio } from '../../../shared/portfolio';
import { SmallTest } from '../../../shared/small-tests';
import { answeredQuestion, reflectionBody } from '../growth-helpers';
import { api, enroll, flagBody } from '../helpers';
import { flag as countedFlag } from '../hotspots-helpers';
import { act, mentor, post } from '../mentor-helpers';

async function portfolio(token: string) {
  const res = await api('/v1/portfolio/mine', { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return Portfolio.parse(await res.json());
}

describe('my portfolio', () => {
  it('gathers my questions with what I learnt, my reflections and, for a mentor, thanks and counts', async () => {
    const { asker, mentor: m, question } = await answeredQuestion({ askerName: 'Pat Portfolio' });
    expect((await post(`/v1/questions/${question.id}/helpful`, asker.token, { helpful: true })).status).toBe(200);
    const reflected = await post(
      '/v1/reflections',
      asker.token,
      reflectionBody('question', question.id, 'Check the pharmacy list date first'),
    );
    expect(reflected.status).toBe(201);
    const thanked = await post(`/v1/questions/${question.id}/thanks`, asker.token, {
      clientId: crypto.randomUUID(),
      text: 'That saved a phone call',
    });
    expect(thanked.status).toBe(201);
    // Need to talk is peer support: never in a portfolio.
    await post('/v1/need-to-talk', asker.token, { clientId: crypto.randomUUID(), text: 'A hard night on the ward' });

    const mine = await portfolio(asker.token);
    expect(mine).toMatchObject({ name: 'Pat Portfolio', mentoring: null });
    expect(mine.questions).toMatchObject([
      { text: question.text, answered: true, helpful: true, learnt: ['Check the pharmacy list date first'] },
    ]);
    expect(mine.reflections).toMatchObject([{ on: question.text, text: 'Check the pharmacy list date first' }]);
    expect(JSON.stringify(mine)).not.toContain('A hard night');

    const tip = await post('/v1/tips', m.token, {
      clientId: crypto.randomUUID(),
      screen: { host: 'ehr.example.org', path: '/orders' },
      text: 'Favourites tab lists the common sets',
    });
    expect(tip.status, await tip.clone().text()).toBe(201);
    // Another mentor's tip is not this mentor's.
    const other = await mentor([]);
    await post('/v1/tips', other.token, {
      clientId: crypto.randomUUID(),
      screen: { host: 'ehr.example.org', path: '/orders' },
      text: 'Not theirs',
    });

    const theirs = await portfolio(m.token);
    // Hours given at the stated rates: 15 minutes for the answer, 5 for the tip.
    expect(theirs.mentoring).toMatchObject({ answersGiven: 1, markedHelpful: 1, tipsWritten: 1, minutesGiven: 20 });
    expect(theirs.thanksReceived).toMatchObject([{ text: 'That saved a phone call' }]);
    // The mentor's portfolio holds none of the asker's reflections.
    expect(JSON.stringify(theirs)).not.toContain('pharmacy list date');
  });

  it('shows a flag that led to change, and the small test I owned and the one I coached', async () => {
    const nurse = await enroll(['clinician'], 'Nia Nurse');
    const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
    const flag = await countedFlag(nurse.token, { screen: { host, path: '/orders' } });
    const coach = await mentor([COACHING_TOPIC_ID], { name: 'Coach Cal' });
    const asked = await post(`/v1/flags/${flag.id}/coaching`, nurse.token, {
      clientId: crypto.randomUUID(),
      text: 'How do I test a fix?',
    });
    const { question } = CoachingCreated.parse(await asked.json());
    await act(coach.token, question.id, 'claim');
    const sponsor = await enroll(['lead'], 'Sam Sponsor');
    const proposed = await post(`/v1/coaching/${question.id}/cycles`, nurse.token, {
      clientId: crypto.randomUUID(),
      changeIdea: 'Longer timeout on one ward',
      prediction: 'No lost orders',
      measure: 'Timeouts per week',
      sponsorId: sponsor.user.id,
    });
    const { cycle } = SmallTest.parse(await proposed.json());
    expect((await post(`/v1/small-tests/${cycle.id}/approval`, sponsor.token, { decision: 'approve' })).status).toBe(
      200,
    );
    for (const body of [
      { stage: 'do' },
      { stage: 'study', notes: 'One timeout all week' },
      { stage: 'act', decision: 'adopt', result: 'the longer timeout stops lost orders' },
    ]) {
      const res = await post(`/v1/small-tests/${cycle.id}/advance`, nurse.token, body);
      expect(res.status, await res.clone().text()).toBe(200);
    }

    const mine = await portfolio(nurse.token);
    expect(mine.flagsThatLedToChange).toMatchObject([
      { text: flag.text, change: 'Adopted: the longer timeout stops lost orders' },
    ]);
    expect(mine.cycles).toMatchObject([
      { role: 'owner', decision: 'adopt', result: 'the longer timeout stops lost orders' },
    ]);
    const coached = await portfolio(coach.token);
    expect(coached.cycles).toMatchObject([{ role: 'coach', changeIdea: 'Longer timeout on one ward' }]);
    expect(coached.mentoring?.coachingThreads).toBe(1);
    // Claimed, not answered: 30 minutes for the coaching thread, nothing for an answer not given.
    expect(coached.mentoring).toMatchObject({ answersGiven: 0, tipsWritten: 0, minutesGiven: 30 });
    // The sponsor's portfolio does not take the clinician's test as theirs.
    expect((await portfolio(sponsor.token)).cycles).toEqual([]);
  });

  it('is not for admins (no portfolio of their own to read)', async () => {
    const admin = await enroll(['admin']);
    expect((await api('/v1/portfolio/mine', { token: admin.token })).status).toBe(403);
  });
});
