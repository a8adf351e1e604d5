import { afterEach, describe, expect, it } from 'vitest';
import { Coverage } from '../../../shared/routing';
import { api, enroll, enrollAdmin, expectError, issuePaths, rows, seedCatalog } from '../helpers';
import { mentor, setSettings } from '../mentor-helpers';

const path = (query: Record<string, string>) => `/v1/routing/coverage?${new URLSearchParams(query)}`;

async function coverage(token: string, query: Record<string, string>): Promise<Coverage> {
  const res = await api(path(query), { token });
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await res.json();
  // Yes or no and a route, never who: exactly these keys, and no user id anywhere in the body.
  expect(Object.keys(body as object).sort()).toEqual(['covered', 'peerSupport', 'suggestion']);
  return Coverage.parse(body);
}

afterEach(async () => {
  await setSettings(await enrollAdmin(), { fallbackTopicId: null });
});

describe('route coverage before a question is sent', () => {
  it('says a topic × discipline is covered only while an active mentor other than the asker takes it and is not away', async () => {
    const { topicId } = await seedCatalog();
    const asker = await enroll(['clinician', 'mentor']);
    const q = { topicId, disciplineWanted: 'pharmacy' };
    expect(await coverage(asker.token, q)).toMatchObject({ covered: false });

    // The asker's own profile does not cover their question.
    await api('/v1/mentors/me', {
      method: 'PUT',
      token: asker.token,
      body: { topicIds: [topicId], disciplines: ['pharmacy'], weeklyCapacity: 5, away: false },
    });
    expect(await coverage(asker.token, q)).toMatchObject({ covered: false });

    await mentor([topicId], { disciplines: ['pharmacy'], away: true });
    expect(await coverage(asker.token, q)).toMatchObject({ covered: false });
    await mentor([topicId]); // answers for their own discipline, nursing
    expect(await coverage(asker.token, q)).toMatchObject({ covered: false });
    expect(await coverage(asker.token, { topicId, disciplineWanted: 'nursing' })).toEqual({
      covered: true,
      suggestion: null,
      peerSupport: expect.any(Boolean),
    });

    const pharmacist = await mentor([topicId], { disciplines: ['pharmacy'] });
    expect(await coverage(asker.token, q)).toMatchObject({ covered: true, suggestion: null });
    await rows('UPDATE users SET active = 0 WHERE id = ?1', pharmacist.user.id);
    expect(await coverage(asker.token, q)).toMatchObject({ covered: false });
  });

  it('offers the same topic from any discipline first, then the fallback route, then nothing', async () => {
    const { topicId } = await seedCatalog();
    const { topicId: coordinators } = await seedCatalog();
    const clinician = await enroll();
    const admin = await enrollAdmin();
    const q = { topicId, disciplineWanted: 'medicine' };

    expect(await coverage(clinician.token, q)).toMatchObject({ covered: false, suggestion: null });

    // A fallback route nobody covers is no route.
    await setSettings(admin, { fallbackTopicId: coordinators });
    expect(await coverage(clinician.token, q)).toMatchObject({ covered: false, suggestion: null });
    await mentor([coordinators], { disciplines: ['admin'] });
    expect(await coverage(clinician.token, q)).toMatchObject({
      covered: false,
      suggestion: { reason: 'fallback', topicId: coordinators, disciplineWanted: 'any' },
    });

    await mentor([topicId], { disciplines: ['pharmacy'] });
    expect(await coverage(clinician.token, q)).toMatchObject({
      covered: false,
      suggestion: { reason: 'any_discipline', topicId, disciplineWanted: 'any' },
    });
    expect(await coverage(clinician.token, { topicId, disciplineWanted: 'any' })).toMatchObject({
      covered: true,
      suggestion: null,
    });

    // A retired fallback topic is suggested no more.
    const { topicId: other } = await seedCatalog();
    await rows('UPDATE topics SET active = 0 WHERE id = ?1', coordinators);
    expect(await coverage(clinician.token, { topicId: other })).toMatchObject({ covered: false, suggestion: null });
  });

  it('says whether a peer supporter is there for need to talk, without a topic', async () => {
    const clinician = await enroll();
    // Start from an organisation without peer supporters (earlier tests in this file may have made some).
    await rows(
      "UPDATE users SET active = 0 WHERE id IN (SELECT user_id FROM user_roles WHERE role = 'peer_supporter')",
    );
    expect(await coverage(clinician.token, {})).toEqual({ covered: null, suggestion: null, peerSupport: false });
    const peer = await mentor([], { roles: ['clinician', 'peer_supporter'], away: true });
    expect((await coverage(clinician.token, {})).peerSupport).toBe(false);
    await api('/v1/mentors/me', {
      method: 'PUT',
      token: peer.token,
      body: { topicIds: [], disciplines: [], weeklyCapacity: 5, away: false },
    });
    expect((await coverage(clinician.token, {})).peerSupport).toBe(true);
    // A peer supporter asking is not their own support.
    expect((await coverage(peer.token, {})).peerSupport).toBe(false);
  });

  it('refuses bad input in the one error shape, and callers who never ask', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const bad = async (query: Record<string, string>, field: string) =>
      expect(
        issuePaths(await expectError(await api(path(query), { token: clinician.token }), 400, 'validation_failed')),
      ).toEqual([field]);
    await bad({ topicId, disciplineWanted: 'surgery' }, 'disciplineWanted');
    await bad({ topicId: 'x' }, 'topicId');
    await bad({ topicId: 'topic-that-does-not-exist' }, 'topicId');
    await expectError(
      await api(path({ topicId, mentorId: 'someone' }), { token: clinician.token }),
      400,
      'validation_failed',
    );
    await expectError(await api(path({ topicId }), {}), 401, 'unauthorized');
    await expectError(await api(path({ topicId }), { token: (await enrollAdmin()).token }), 403, 'forbidden');
  });
});
