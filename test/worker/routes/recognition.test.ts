import { describe, expect, it } from 'vitest';
import { MentorImpact, ThanksSent, ThanksSentList } from '../../../shared/growth';
import { KbSearchResult } from '../../../shared/kb';
import { answeredQuestion } from '../growth-helpers';
import { api, count, enroll, expectError } from '../helpers';
import { act, answerBody, ask, mentor, post } from '../mentor-helpers';

const thanksBody = (text = 'That saved me a phone call, thank you') => ({ clientId: crypto.randomUUID(), text });

async function impact(token: string) {
  const res = await api('/v1/mentors/me/impact', { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return MentorImpact.parse(await res.json());
}

describe('"This helped": the asker thanks the mentors who answered', () => {
  it('reaches the answering mentor without the asker’s name, once per question', async () => {
    const { asker, mentor: m, question, topicId } = await answeredQuestion({ askerName: 'Quinn Quietly' });
    const res = await post(`/v1/questions/${question.id}/thanks`, asker.token, thanksBody());
    expect(res.status, await res.clone().text()).toBe(201);
    const sent = ThanksSent.parse(await res.json());
    expect(sent).toMatchObject({ questionId: question.id, text: 'That saved me a phone call, thank you' });

    const seen = await impact(m.token);
    expect(seen.thanks).toMatchObject([{ text: sent.text, topicName: `Topic ${topicId}` }]);
    expect(JSON.stringify(seen)).not.toContain('Quinn');
    expect(JSON.stringify(seen)).not.toContain(asker.user.id);

    const list = ThanksSentList.parse(await (await api('/v1/thanks/sent', { token: asker.token })).json());
    expect(list.thanks.map((t) => t.id)).toEqual([sent.id]);

    // A second thank-you for the same answer is refused; the first stays the only one.
    await expectError(await post(`/v1/questions/${question.id}/thanks`, asker.token, thanksBody()), 409, 'conflict');
    expect(await count('SELECT COUNT(*) AS n FROM thanks WHERE question_id = ?1', question.id)).toBe(1);
  });

  it('refuses before an answer (409), on someone else’s question (404) and on need to talk (404)', async () => {
    const { topicId, asker, question } = await answeredQuestion();
    const open = await ask(asker.token, topicId);
    await expectError(await post(`/v1/questions/${open.id}/thanks`, asker.token, thanksBody()), 409, 'conflict');
    const other = await enroll();
    await expectError(await post(`/v1/questions/${question.id}/thanks`, other.token, thanksBody()), 404, 'not_found');
    const talk = await post('/v1/need-to-talk', asker.token, { clientId: crypto.randomUUID() });
    const { question: t } = (await talk.json()) as { question: { id: string } };
    await expectError(await post(`/v1/questions/${t.id}/thanks`, asker.token, thanksBody()), 404, 'not_found');
    const ids = [open.id, question.id, t.id];
    expect(await count('SELECT COUNT(*) AS n FROM thanks WHERE question_id IN (?1, ?2, ?3)', ...ids)).toBe(0);
  });

  it('checks the words for identifiers like all text (422)', async () => {
    const { asker, question } = await answeredQuestion();
    const body = thanksBody('Thanks, Mrs Jane Smith in bed 4 is settled now, DOB 03/04/1951');
    await expectError(await post(`/v1/questions/${question.id}/thanks`, asker.token, body), 422, 'identifiers_found');
    expect(await count('SELECT COUNT(*) AS n FROM thanks WHERE client_id = ?1', body.clientId)).toBe(0);
  });
});

describe('a mentor’s impact: their own numbers, never a ranking', () => {
  it('counts answers given, marked helpful and reads of published answers, for this mentor alone', async () => {
    const { asker, mentor: m, question, topicId } = await answeredQuestion();
    const second = await ask(asker.token, topicId);
    await act(m.token, second.id, 'claim');
    await act(m.token, second.id, 'answer', answerBody('Use the quick-order panel.'));
    expect((await post(`/v1/questions/${question.id}/helpful`, asker.token, { helpful: true })).status).toBe(200);

    // Publish the first answer (asker consents, mentor marks shareable), then two colleagues open it.
    expect((await post(`/v1/questions/${question.id}/consent`, asker.token, { consent: true })).status).toBe(200);
    await act(m.token, question.id, 'shareable', { shareable: true });
    const search = await post('/v1/kb/search', asker.token, { query: 'reconcile home meds pharmacy list' });
    const kbId = KbSearchResult.parse(await search.json()).results[0]?.id;
    expect(kbId).toBeTruthy();
    for (let i = 0; i < 2; i += 1) expect((await post(`/v1/kb/${kbId}/open`, asker.token)).status).toBe(200);

    // Another mentor's work is not counted here.
    const other = await mentor([topicId], { name: 'Other Mentor' });
    const third = await ask(asker.token, topicId);
    await act(other.token, third.id, 'claim');
    await act(other.token, third.id, 'answer', answerBody());

    const mine = await impact(m.token);
    expect(mine).toMatchObject({ answersGiven: 2, markedHelpful: 1, publishedReads: 2, thanks: [] });
    expect(await impact(other.token)).toMatchObject({ answersGiven: 1, markedHelpful: 0, publishedReads: 0 });
    // The response carries nobody else's numbers: no list of mentors, no rank.
    expect(Object.keys(mine).sort()).toEqual([
      'answersGiven',
      'coachingThreads',
      'markedHelpful',
      'minutesGiven',
      'publishedReads',
      'thanks',
      'tipsWritten',
    ]);
    // Hours given at the stated rates: two answers, no tips, no coaching.
    expect(mine).toMatchObject({ tipsWritten: 0, coachingThreads: 0, minutesGiven: 30 });
  });

  it('is for mentors only', async () => {
    for (const role of ['clinician', 'lead', 'admin'] as const) {
      await expectError(await api('/v1/mentors/me/impact', { token: (await enroll([role])).token }), 403, 'forbidden');
    }
  });
});
