// Object-level rights: user B reaching for user A's things. Each case names the contract entry it
// needs; one not built yet is skipped with that reason rather than silently passing.
import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/api';
import type { Session } from '../../shared/auth';
import { Flag } from '../../shared/flags';
import { Question } from '../../shared/questions';
import { api, count, enroll, expectError, flagBody, questionBody, randomSecret, rows, seedCatalog } from './helpers';
import { flag as countedFlag } from './hotspots-helpers';

const has = (name: string) => name in endpoints;
const itIf = (name: string) => (has(name) ? it : it.skip);
const post = (path: string, token: string, body: unknown = {}) => api(path, { method: 'POST', token, body });

let topicId: string;
let clinA: Session;
let clinB: Session;
let flagA: Flag;
let anonSecretA: string;
let anonFlagA: Flag;
let questionA: Question;

async function created<T>(res: Response, parse: (v: unknown) => T): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(201);
  return parse(await res.json());
}

async function mentor(name: string): Promise<Session> {
  const s = await enroll(['mentor'], name);
  if (has('putMentorProfile')) {
    const res = await api('/v1/mentors/me', {
      method: 'PUT',
      token: s.token,
      body: { topicIds: [topicId], disciplines: [], weeklyCapacity: 5, away: false },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  return s;
}

beforeAll(async () => {
  ({ topicId } = await seedCatalog());
  clinA = await enroll(['clinician'], 'Alex Asker');
  clinB = await enroll(['clinician'], 'Blair Bystander');
  const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
  // Sent and counted by the minute's rollup batch, so it names its hotspot.
  flagA = await countedFlag(clinA.token, { screen: { host, path: '/medrec/:id' } });
  anonSecretA = randomSecret();
  anonFlagA = await created(
    await api('/v1/flags', { token: clinA.token, body: flagBody({ anonymous: true, receiptSecret: anonSecretA }) }),
    (v) => Flag.parse(v),
  );
  questionA = await created(await api('/v1/questions', { token: clinA.token, body: questionBody(topicId) }), (v) =>
    Question.parse(v),
  );
});

describe('flags and receipts', () => {
  itIf('withdrawFlag')('refuses B withdrawing A’s named flag with 404, and changes nothing', async () => {
    await expectError(await post(`/v1/flags/${flagA.id}/withdraw`, clinB.token), 404, 'not_found');
    const link = await rows<{ withdrawn: string | null }>('SELECT withdrawn FROM flags WHERE id = ?1', flagA.id);
    for (const row of link) expect(row.withdrawn).toBeNull();
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE id = ?1', flagA.id)).toBe(1);
  });

  itIf('withdrawFlag')('answers B withdrawing a flag that does not exist with the same 404', async () => {
    const unknown = await post(`/v1/flags/${crypto.randomUUID().replace(/-/g, '')}/withdraw`, clinB.token);
    const other = await post(`/v1/flags/${flagA.id}/withdraw`, clinB.token);
    const [a, b] = [await expectError(unknown, 404, 'not_found'), await expectError(other, 404, 'not_found')];
    expect(a).toEqual(b);
  });

  itIf('withdrawFlag')(
    'refuses withdrawing an anonymous flag by id, even to its sender (only the receipt can)',
    async () => {
      await expectError(await post(`/v1/flags/${anonFlagA.id}/withdraw`, clinB.token), 404, 'not_found');
      await expectError(await post(`/v1/flags/${anonFlagA.id}/withdraw`, clinA.token), 404, 'not_found');
    },
  );

  it('shows B none of A’s flags or questions in B’s own lists', async () => {
    const flags = (await (await api('/v1/flags/mine', { token: clinB.token })).json()) as { flags: Flag[] };
    const questions = (await (await api('/v1/questions/mine', { token: clinB.token })).json()) as {
      questions: Question[];
    };
    expect(flags.flags.map((f) => f.id)).not.toContain(flagA.id);
    expect(flags.flags.map((f) => f.id)).not.toContain(anonFlagA.id);
    expect(questions.questions.map((q) => q.id)).not.toContain(questionA.id);
  });

  it('tells a receipt’s status only to the holder of its secret', async () => {
    const res = await api('/v1/receipts/status', { body: { secrets: [randomSecret(), randomSecret()] } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).not.toContain(anonFlagA.id);
    const own = await api('/v1/receipts/status', { body: { secrets: [anonSecretA] } });
    expect(JSON.stringify(await own.json())).toContain(anonFlagA.id);
  });

  itIf('withdrawReceipt')('refuses withdrawing with a secret that is not the receipt’s', async () => {
    await expectError(await api('/v1/receipts/withdraw', { body: { secret: randomSecret() } }), 404, 'not_found');
  });

  it('refuses B reusing A’s clientId, without revealing A’s flag', async () => {
    const res = await api('/v1/flags', { token: clinB.token, body: { ...flagBody(), clientId: flagA.clientId } });
    const body = await expectError(res, 422, 'idempotency_mismatch');
    expect(JSON.stringify(body)).not.toContain(flagA.id);
    expect(JSON.stringify(body)).not.toContain(flagA.text);
    // Even replaying A's exact body: a clientId belongs to its sender.
    const same = { ...flagBody(), clientId: flagA.clientId, text: flagA.text };
    await expectError(await api('/v1/flags', { token: clinB.token, body: same }), 422, 'idempotency_mismatch');
  });
});

describe('questions: the asker’s actions', () => {
  for (const [name, action, body] of [
    ['replyToQuestion', 'reply', { text: 'Here is more detail about the screen' }],
    ['markHelpful', 'helpful', { helpful: false }],
    ['consentToShare', 'consent', { consent: true }],
    ['closeMyQuestion', 'close', {}],
  ] as const) {
    itIf(name)(`refuses B’s ${action} on A’s question with 404 and changes nothing`, async () => {
      const before = await rows('SELECT * FROM questions WHERE id = ?1', questionA.id);
      await expectError(await post(`/v1/questions/${questionA.id}/${action}`, clinB.token, body), 404, 'not_found');
      expect(await rows('SELECT * FROM questions WHERE id = ?1', questionA.id)).toEqual(before);
    });
  }

  it('refuses B reusing A’s question clientId', async () => {
    const res = await api('/v1/questions', {
      token: clinB.token,
      body: { ...questionBody(topicId), clientId: questionA.clientId },
    });
    await expectError(res, 422, 'idempotency_mismatch');
  });
});

describe('the mentor queue: claims and answers', () => {
  let mentorA: Session;
  let mentorB: Session;
  let question: Question;

  beforeAll(async () => {
    if (!has('claimQuestion')) return;
    mentorA = await mentor('Morgan Mentor');
    mentorB = await mentor('Bailey Mentor');
    question = Question.parse(
      await (await api('/v1/questions', { token: clinA.token, body: questionBody(topicId) })).json(),
    );
    const res = await post(`/v1/queue/${question.id}/claim`, mentorA.token);
    expect(res.status, await res.clone().text()).toBe(200);
  });

  const claimOf = async () =>
    (await rows<{ claimed_by: string | null }>('SELECT claimed_by FROM questions WHERE id = ?1', question.id))[0]
      ?.claimed_by;

  for (const [name, action, body] of [
    ['claimQuestion', 'claim', {}],
    ['releaseQuestion', 'release', {}],
    ['answerQuestion', 'answer', { clientId: crypto.randomUUID(), text: 'Try the Reconcile tab first.' }],
    ['clarifyQuestion', 'clarify', { text: 'Which screen were you on?' }],
    ['handOffQuestion', 'handoff', { topicId: 'TOPIC', note: 'Passing this on' }],
    ['closeQueueQuestion', 'close', {}],
  ] as const) {
    itIf(name)(`refuses mentor B’s ${action} on a question mentor A has claimed, keeping A’s claim`, async () => {
      const sent = JSON.parse(JSON.stringify(body).replace('"TOPIC"', JSON.stringify(topicId)));
      const res = await post(`/v1/queue/${question.id}/${action}`, mentorB.token, sent);
      expect([403, 404, 409], `${action}: ${res.status} ${await res.clone().text()}`).toContain(res.status);
      expect(res.status).not.toBe(200);
      expect(await claimOf()).toBe(mentorA.user.id);
      expect(await count('SELECT COUNT(*) AS n FROM answers WHERE question_id = ?1', question.id)).toBe(0);
    });
  }

  itIf('markShareable')('refuses mentor B marking mentor A’s answer shareable', async () => {
    const answered = await post(`/v1/queue/${question.id}/answer`, mentorA.token, {
      clientId: crypto.randomUUID(),
      text: 'Open the Reconcile tab, then refresh external history.',
    });
    expect(answered.status, await answered.clone().text()).toBe(200);
    const res = await post(`/v1/queue/${question.id}/shareable`, mentorB.token, { shareable: true });
    expect([403, 404, 409], `${res.status} ${await res.clone().text()}`).toContain(res.status);
    // And B cannot reuse A's answer clientId to overwrite or read it.
    const [answer] = await rows<{ client_id: string; text: string }>(
      'SELECT client_id, text FROM answers WHERE question_id = ?1',
      question.id,
    );
    const reuse = await post(`/v1/queue/${question.id}/answer`, mentorB.token, {
      clientId: answer?.client_id,
      text: 'Something else entirely',
    });
    expect([403, 404, 409, 422]).toContain(reuse.status);
    expect(await rows('SELECT text FROM answers WHERE question_id = ?1', question.id)).toEqual([
      { text: answer?.text },
    ]);
  });

  itIf('queueItem')('does not show a clinician’s question to a clinician through the queue', async () => {
    await expectError(await api(`/v1/queue/${question.id}`, { token: clinB.token }), 403, 'forbidden');
  });
});

describe('tips and improvement cycles', () => {
  itIf('deleteTip')('refuses mentor B deleting mentor A’s tip', async () => {
    const a = await mentor('Tip Author');
    const b = await mentor('Tip Remover');
    const tip = await post('/v1/tips', a.token, {
      clientId: crypto.randomUUID(),
      screen: { host: 'ehr.example.org', path: '/orders/:id' },
      text: 'Use the favourites list to find order sets faster',
    });
    expect(tip.status, await tip.clone().text()).toBe(201);
    const { id } = (await tip.json()) as { id: string };
    await expectError(await api(`/v1/tips/${id}`, { method: 'DELETE', token: b.token }), 404, 'not_found');
    expect(await count('SELECT COUNT(*) AS n FROM tips WHERE id = ?1', id)).toBe(1);
  });

  itIf('advanceCycle')('refuses a mentor advancing a cycle another person owns', async () => {
    const lead = await enroll(['lead'], 'Lee Lead');
    const owner = await mentor('Owner Mentor');
    const other = await mentor('Other Mentor');
    const cycle = await post(`/v1/hotspots/${flagA.hotspotId}/cycles`, lead.token, {
      clientId: crypto.randomUUID(),
      changeIdea: 'Autosave the medication reconciliation draft',
      prediction: 'Fewer lost drafts each week',
      measure: 'Flags about lost drafts per week',
      ownerId: owner.user.id,
    });
    expect(cycle.status, await cycle.clone().text()).toBe(201);
    const { id } = (await cycle.json()) as { id: string };
    await expectError(await post(`/v1/cycles/${id}/advance`, other.token, { stage: 'do' }), 404, 'not_found');
    expect((await post(`/v1/cycles/${id}/advance`, owner.token, { stage: 'do' })).status).toBe(200);
  });
});
