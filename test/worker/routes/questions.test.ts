import { describe, expect, it } from 'vitest';
import { Question, QuestionList } from '../../../shared/questions';
import { api, count, enroll, expectError, issuePaths, questionBody, seedCatalog } from '../helpers';

type Issue = { path: (string | number)[]; message: string; code: string };

const ask = (token: string, body: unknown) => api('/v1/questions', { token, body });

describe('creating and listing questions', () => {
  it('creates a question and lists it, with no answers yet, as the asker’s', async () => {
    const { topicId } = await seedCatalog();
    const s = await enroll(['clinician']);
    const body = questionBody(topicId, {
      disciplineWanted: 'pharmacy',
      urgency: 'today',
      screen: { host: 'ehr.example.org', path: '/orders/:id' },
    });
    const res = await ask(s.token, body);
    expect(res.status).toBe(201);
    const question = Question.parse(await res.json());
    expect(question).toMatchObject({
      clientId: body.clientId,
      topicId,
      disciplineWanted: 'pharmacy',
      urgency: 'today',
      status: 'open',
      answers: [],
    });

    const list = QuestionList.parse(await (await api('/v1/questions/mine', { token: s.token })).json());
    expect(list.questions).toEqual([question]);
  });

  it('defaults the wanted discipline to any', async () => {
    const { topicId } = await seedCatalog();
    const s = await enroll(['mentor']);
    const question = Question.parse(await (await ask(s.token, questionBody(topicId))).json());
    expect(question.disciplineWanted).toBe('any');
  });

  it('lists only the caller’s own questions', async () => {
    const { topicId } = await seedCatalog();
    const mine = await enroll();
    const theirs = await enroll();
    await ask(mine.token, questionBody(topicId, { text: 'mine' }));
    await ask(theirs.token, questionBody(topicId, { text: 'theirs' }));
    const list = QuestionList.parse(await (await api('/v1/questions/mine', { token: mine.token })).json());
    expect(list.questions.map((q) => q.text)).toEqual(['mine']);
  });
});

describe('question validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing text', { text: undefined }, 'text'],
    ['text over 1500 characters', { text: 'x'.repeat(1501) }, 'text'],
    ['an unknown urgency', { urgency: 'yesterday' }, 'urgency'],
    ['an unknown wanted discipline', { disciplineWanted: 'astrology' }, 'disciplineWanted'],
    ['a missing topic', { topicId: undefined }, 'topicId'],
  ];

  for (const [what, overrides, path] of cases) {
    it(`rejects ${what} with validation_failed on ${path}`, async () => {
      const { topicId } = await seedCatalog();
      const s = await enroll();
      const body = await expectError(await ask(s.token, questionBody(topicId, overrides)), 400, 'validation_failed');
      expect(issuePaths(body)).toContain(path);
    });
  }

  it('rejects an unknown topic', async () => {
    const s = await enroll();
    const body = await expectError(await ask(s.token, questionBody('no-such-topic')), 400, 'validation_failed');
    expect(issuePaths(body)).toEqual(['topicId']);
  });

  it('rejects an inactive topic', async () => {
    const { topicId } = await seedCatalog();
    const admin = await enroll(['admin']);
    await api(`/v1/admin/topics/${topicId}`, { method: 'PATCH', token: admin.token, body: { active: false } });
    const s = await enroll();
    await expectError(await ask(s.token, questionBody(topicId)), 400, 'validation_failed');
  });

  for (const field of ['userId', 'status', 'role', 'answers']) {
    it(`rejects the unknown or privileged field ${field}`, async () => {
      const { topicId } = await seedCatalog();
      const s = await enroll();
      const body = await expectError(
        await ask(s.token, questionBody(topicId, { [field]: field === 'answers' ? [] : 'x' })),
        400,
        'validation_failed',
      );
      expect((body.error.details as Issue[]).some((i) => i.code === 'unrecognized_keys')).toBe(true);
    });
  }

  it('refuses a screen path that still holds an identifier', async () => {
    const { topicId } = await seedCatalog();
    const s = await enroll();
    const body = questionBody(topicId, { screen: { host: 'ehr.example.org', path: '/patients/00482913/chart' } });
    await expectError(await ask(s.token, body), 422, 'identifiers_found');
  });
});

describe('idempotent retry of a question', () => {
  it('returns the original with 200 and stores one row', async () => {
    const { topicId } = await seedCatalog();
    const s = await enroll();
    const body = questionBody(topicId);
    const original = Question.parse(await (await ask(s.token, body)).json());
    const retry = await ask(s.token, body);
    expect(retry.status).toBe(200);
    expect(Question.parse(await retry.json())).toEqual(original);
    expect(await count('SELECT COUNT(*) AS n FROM questions WHERE client_id = ?1', body.clientId)).toBe(1);
  });

  it('refuses the same clientId with a different body', async () => {
    const { topicId } = await seedCatalog();
    const s = await enroll();
    const body = questionBody(topicId);
    await ask(s.token, body);
    await expectError(await ask(s.token, { ...body, urgency: 'today' }), 422, 'idempotency_mismatch');
  });

  it('answers a retry with the original even after its topic was deactivated', async () => {
    const { topicId } = await seedCatalog();
    const admin = await enroll(['admin']);
    const s = await enroll();
    const body = questionBody(topicId);
    const original = Question.parse(await (await ask(s.token, body)).json());
    await api(`/v1/admin/topics/${topicId}`, { method: 'PATCH', token: admin.token, body: { active: false } });
    const retry = await ask(s.token, body);
    expect(retry.status).toBe(200);
    expect(Question.parse(await retry.json())).toEqual(original);
    // A new question on that topic is refused, and nothing is stored for it.
    const fresh = questionBody(topicId);
    await expectError(await ask(s.token, fresh), 400, 'validation_failed');
    expect(await count('SELECT COUNT(*) AS n FROM questions WHERE client_id = ?1', fresh.clientId)).toBe(0);
  });

  it('refuses another user reusing my clientId', async () => {
    const { topicId } = await seedCatalog();
    const me = await enroll();
    const other = await enroll();
    const body = questionBody(topicId, { text: 'my private question' });
    await ask(me.token, body);
    const err = await expectError(await ask(other.token, body), 422, 'idempotency_mismatch');
    expect(JSON.stringify(err)).not.toContain('my private question');
  });
});
