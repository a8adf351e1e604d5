import { describe, expect, it } from 'vitest';
import { Reflection, ReflectionList } from '../../../shared/growth';
import { answeredQuestion, cycleAt, reflectionBody } from '../growth-helpers';
import { api, count, enroll, expectError, rows } from '../helpers';
import { ask, mentor, post } from '../mentor-helpers';
import { operations } from '../rights-helpers';

async function reflect(token: string, body: ReturnType<typeof reflectionBody>) {
  const res = await post('/v1/reflections', token, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return Reflection.parse(await res.json());
}

async function mineOf(token: string) {
  const res = await api('/v1/reflections/mine', { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return ReflectionList.parse(await res.json()).reflections;
}

describe('reflections: written by the author on their own answered question or studied cycle', () => {
  it('stores a reflection on an answered question and lists it to its author with the question', async () => {
    const { asker, question } = await answeredQuestion();
    const r = await reflect(asker.token, reflectionBody('question', question.id, 'Check the favourites bar first'));
    expect(r).toMatchObject({ subjectKind: 'question', subjectId: question.id, subjectText: question.text });
    expect((await mineOf(asker.token)).map((x) => x.id)).toEqual([r.id]);
  });

  it('refuses a question without an answer yet (409) and someone else’s question as unknown (404)', async () => {
    const { topicId, asker, question } = await answeredQuestion();
    const open = await ask(asker.token, topicId);
    await expectError(
      await post('/v1/reflections', asker.token, reflectionBody('question', open.id, 'x')),
      409,
      'conflict',
    );
    const other = await enroll();
    const theirs = await post('/v1/reflections', other.token, reflectionBody('question', question.id, 'x'));
    const unknown = await post('/v1/reflections', other.token, reflectionBody('question', 'nosuchquestion', 'x'));
    expect(await expectError(theirs, 404, 'not_found')).toEqual(await expectError(unknown, 404, 'not_found'));
    expect(await count('SELECT COUNT(*) AS n FROM reflections WHERE subject_id = ?1', question.id)).toBe(0);
  });

  it('refuses "need to talk" as a subject: peer support stays out of reflections and portfolios', async () => {
    const asker = await enroll();
    const res = await post('/v1/need-to-talk', asker.token, { clientId: crypto.randomUUID() });
    const { question } = (await res.json()) as { question: { id: string } };
    await expectError(
      await post('/v1/reflections', asker.token, reflectionBody('question', question.id, 'x')),
      404,
      'not_found',
    );
  });

  it('takes a cycle from its owner once it reaches Study, not before, and never from anyone else', async () => {
    const owner = await mentor([], { name: 'Owner Mentor' });
    const early = await cycleAt(owner, 'do');
    await expectError(
      await post('/v1/reflections', owner.token, reflectionBody('cycle', early.id, 'Too soon')),
      409,
      'conflict',
    );
    const studied = await cycleAt(owner, 'study');
    await expectError(
      await post('/v1/reflections', studied.lead.token, reflectionBody('cycle', studied.id, 'Not mine')),
      404,
      'not_found',
    );
    const r = await reflect(owner.token, reflectionBody('cycle', studied.id, 'Measure before the change next time'));
    expect(r.subjectText).toBe('Put the sepsis order set on the favourites bar');
  });

  it('refuses text that looks like a patient identifier (422) and stores nothing', async () => {
    const { asker, question } = await answeredQuestion();
    const body = reflectionBody('question', question.id, 'Next time I will call about MRN 12345678 sooner');
    await expectError(await post('/v1/reflections', asker.token, body), 422, 'identifiers_found');
    expect(await count('SELECT COUNT(*) AS n FROM reflections WHERE client_id = ?1', body.clientId)).toBe(0);
  });

  it('lets the author delete their own, and nobody else', async () => {
    const { asker, mentor: m, question } = await answeredQuestion();
    const r = await reflect(asker.token, reflectionBody('question', question.id, 'Ask earlier in the shift'));
    const remove = (token: string) => api(`/v1/reflections/${r.id}`, { method: 'DELETE', token });
    for (const s of [m, await enroll(['lead']), await enroll()]) {
      await expectError(await remove(s.token), 404, 'not_found');
    }
    // An admin is no author: refused by role before anything is looked up.
    await expectError(await remove((await enroll(['admin'])).token), 403, 'forbidden');
    expect(await count('SELECT COUNT(*) AS n FROM reflections WHERE id = ?1', r.id)).toBe(1);
    expect((await api(`/v1/reflections/${r.id}`, { method: 'DELETE', token: asker.token })).status).toBe(200);
    expect(await mineOf(asker.token)).toEqual([]);
  });
});

describe('reflections are invisible to every other role', () => {
  it('no route answers the mentor who answered, a lead, an admin, a peer supporter or a colleague with it', async () => {
    const { asker, mentor: m, question } = await answeredQuestion();
    const marker = 'Ask the charge nurse before the huddle next time';
    const r = await reflect(asker.token, reflectionBody('question', question.id, marker));
    const owner = await mentor([], { name: 'Cycle Owner' });
    const cycle = await cycleAt(owner, 'study');
    const cycleMarker = 'Measure the baseline for a week before changing anything';
    await reflect(owner.token, reflectionBody('cycle', cycle.id, cycleMarker));

    const others = [
      m,
      cycle.lead,
      await enroll(['lead']),
      await enroll(['admin']),
      await enroll(['peer_supporter']),
      await enroll(['clinician']),
      await enroll(['clinician', 'mentor', 'lead', 'admin']),
    ];
    const ids = [question.id, r.id, cycle.id, asker.user.id, owner.user.id];
    const reads = (await operations()).filter((o) => o.method === 'get');
    expect(reads.map((o) => o.path)).toContain('/v1/reflections/mine');
    let answered = 0;
    for (const op of reads) {
      const paths = op.path.includes('{') ? ids.map((id) => op.path.replace(/\{\w+\}/g, id)) : [op.path];
      for (const path of paths) {
        for (const s of others) {
          const res = await api(path, { token: s.token });
          const text = await res.text();
          if (res.status === 200) answered += 1;
          expect(text, `${path} as ${s.user.displayName}`).not.toContain(marker);
          expect(text, `${path} as ${s.user.displayName}`).not.toContain(cycleMarker);
        }
      }
    }
    // The sweep is not empty: many reads answered these people, none with a reflection.
    expect(answered).toBeGreaterThan(20);
    // The author still has both: the one on the question, and the other author's stays theirs.
    expect((await mineOf(asker.token)).map((x) => x.text)).toEqual([marker]);
    expect((await mineOf(owner.token)).map((x) => x.text)).toEqual([cycleMarker]);
  });

  it('stores no audit entry that names a reflection', async () => {
    const { asker, question } = await answeredQuestion();
    const r = await reflect(asker.token, reflectionBody('question', question.id, 'Write the steps down'));
    expect(await rows('SELECT action FROM audit WHERE target = ?1 OR details LIKE ?2', r.id, `%${r.id}%`)).toEqual([]);
  });
});
