import { afterEach, describe, expect, it } from 'vitest';
import { clearSettingsCache } from '../../../worker/db/settings';
import { HOUR, resetClock, setClock } from '../../../worker/lib/clock';
import { api, count, enroll, enrollAdmin, expectError, seedCatalog } from '../helpers';
import { act, answerBody, ask, mentor, post, setSettings } from '../mentor-helpers';

afterEach(() => {
  resetClock();
  clearSettingsCache();
});

async function setup(mentors = 2) {
  const { topicId } = await seedCatalog();
  const clinician = await enroll();
  const ms = [];
  for (let i = 0; i < mentors; i++) ms.push(await mentor([topicId], { name: `Mentor ${i + 1}` }));
  const q = await ask(clinician.token, topicId);
  return { topicId, clinician, ms, q };
}

describe('claim race', () => {
  it('lets exactly one of two mentors claiming at once win; the other gets 409', async () => {
    const { ms, q } = await setup(2);
    const [a, b] = ms;
    if (!a || !b) throw new Error('setup');
    const responses = await Promise.all([
      post(`/v1/queue/${q.id}/claim`, a.token),
      post(`/v1/queue/${q.id}/claim`, b.token),
    ]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409);
    if (!loser) throw new Error('no loser');
    await expectError(loser, 409, 'conflict');
    expect(await count('SELECT COUNT(*) AS n FROM questions WHERE id = ?1 AND claimed_by IS NOT NULL', q.id)).toBe(1);
  });

  it('stays exclusive with five mentors racing', async () => {
    const { ms, q } = await setup(5);
    const responses = await Promise.all(ms.map((m) => post(`/v1/queue/${q.id}/claim`, m.token)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(4);
  });

  it('lets the holder claim again (refreshing the claim)', async () => {
    const { ms, q } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    await act(a.token, q.id, 'claim');
  });
});

describe('claim expiry', () => {
  it('returns an abandoned claim to the queue after claimExpiryMinutes, in the same conditional write', async () => {
    const admin = await enrollAdmin();
    await setSettings(admin, { claimExpiryMinutes: 30 });
    const { ms, q } = await setup(2);
    const [a, b] = ms;
    if (!a || !b) throw new Error('setup');
    const t0 = Date.now();
    setClock(() => t0);
    const claimed = await act(a.token, q.id, 'claim');
    expect(claimed.item.claim.expiresAt).toBe(new Date(t0 + 30 * 60_000).toISOString());

    setClock(() => t0 + 30 * 60_000 - 1);
    await expectError(await post(`/v1/queue/${q.id}/claim`, b.token), 409, 'conflict');

    setClock(() => t0 + 30 * 60_000);
    const taken = await act(b.token, q.id, 'claim');
    expect(taken.item.claim.state).toBe('mine');
    // The first mentor's claim is gone: answering now is refused.
    await expectError(await post(`/v1/queue/${q.id}/answer`, a.token, answerBody()), 409, 'conflict');
  });

  it('refuses answering on a claim that expired without anyone else taking it', async () => {
    const { ms, q } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    const t0 = Date.now();
    setClock(() => t0);
    await act(a.token, q.id, 'claim');
    setClock(() => t0 + 2 * HOUR); // default expiry: 60 minutes
    const err = await expectError(await post(`/v1/queue/${q.id}/answer`, a.token, answerBody()), 409, 'conflict');
    expect(err.error.message).toMatch(/claim/i);
  });
});

describe('release', () => {
  it('gives the question back; only the holder can release', async () => {
    const { ms, q } = await setup(2);
    const [a, b] = ms;
    if (!a || !b) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    await expectError(await post(`/v1/queue/${q.id}/release`, b.token), 409, 'conflict');
    const released = await act(a.token, q.id, 'release');
    expect(released.item.claim.state).toBe('unclaimed');
    await act(b.token, q.id, 'claim');
  });
});

describe('answering', () => {
  it('refuses an unclaimed question', async () => {
    const { ms, q } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    await expectError(await post(`/v1/queue/${q.id}/answer`, a.token, answerBody()), 409, 'conflict');
    expect(await count('SELECT COUNT(*) AS n FROM answers WHERE question_id = ?1', q.id)).toBe(0);
  });

  it('refuses a question someone else has claimed', async () => {
    const { ms, q } = await setup(2);
    const [a, b] = ms;
    if (!a || !b) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    const err = await expectError(await post(`/v1/queue/${q.id}/answer`, b.token, answerBody()), 409, 'conflict');
    expect(err.error.message).toMatch(/another/i);
  });

  it('refuses a closed question', async () => {
    const { ms, q } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    await act(a.token, q.id, 'close');
    const err = await expectError(await post(`/v1/queue/${q.id}/answer`, a.token, answerBody()), 409, 'conflict');
    expect(err.error.message).toMatch(/closed/i);
  });

  it('answers, records the first answer time, lets the answerer add more, and stores a retry once', async () => {
    const { ms, q, clinician } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    const body = answerBody();
    const first = await act(a.token, q.id, 'answer', body);
    expect(first.item.status).toBe('answered');
    expect(first.item.sla.status).toBe('met');
    const retry = await act(a.token, q.id, 'answer', body);
    expect(retry.item.answers).toHaveLength(1);
    await act(a.token, q.id, 'answer', answerBody('And check the allergy banner first.'));
    expect(await count('SELECT COUNT(*) AS n FROM answers WHERE question_id = ?1', q.id)).toBe(2);
    await expectError(
      await post(`/v1/queue/${q.id}/answer`, a.token, { ...body, text: 'Something else' }),
      422,
      'idempotency_mismatch',
    );
    const mine = await api('/v1/questions/mine', { token: clinician.token });
    expect(JSON.stringify(await mine.json())).toContain('allergy banner');
  });

  it('refuses an answer that holds a patient identifier, unless confirmed', async () => {
    const { ms, q } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    await expectError(
      await post(`/v1/queue/${q.id}/answer`, a.token, answerBody('Call Mrs Jane Doe on 555-867-5309 about it')),
      422,
      'identifiers_found',
    );
  });

  it('refuses unknown fields and empty text', async () => {
    const { ms, q } = await setup(1);
    const [a] = ms;
    if (!a) throw new Error('setup');
    await act(a.token, q.id, 'claim');
    await expectError(
      await post(`/v1/queue/${q.id}/answer`, a.token, { ...answerBody(), mentorId: 'x' }),
      400,
      'validation_failed',
    );
    await expectError(
      await post(`/v1/queue/${q.id}/answer`, a.token, { ...answerBody(), text: '  ' }),
      400,
      'validation_failed',
    );
  });
});
