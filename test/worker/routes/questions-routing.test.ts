import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { MentorProfileView } from '../../../shared/mentoring';
import { queueListSql } from '../../../worker/db/queue';
import { resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, expectError, issuePaths, seedCatalog } from '../helpers';
import { act, answerBody, ask, item, mentor, post, queue } from '../mentor-helpers';

afterEach(() => resetClock());

async function twoTopics() {
  const a = (await seedCatalog()).topicId;
  const b = (await seedCatalog()).topicId;
  return { a, b };
}

describe('mentor profile', () => {
  it('starts with no topics and the mentor’s own discipline, and saves what is set', async () => {
    const { a } = await twoTopics();
    const m = await enroll(['mentor']);
    const before = MentorProfileView.parse(await (await api('/v1/mentors/me', { token: m.token })).json());
    expect(before).toEqual({
      topicIds: [],
      disciplines: ['nursing'],
      weeklyCapacity: 5,
      away: false,
      answeredThisWeek: 0,
    });
    const res = await api('/v1/mentors/me', {
      method: 'PUT',
      token: m.token,
      body: { topicIds: [a], disciplines: ['pharmacy', 'medicine'], weeklyCapacity: 3, away: true },
    });
    expect(MentorProfileView.parse(await res.json())).toEqual({
      topicIds: [a],
      disciplines: ['medicine', 'pharmacy'],
      weeklyCapacity: 3,
      away: true,
      answeredThisWeek: 0,
    });
  });

  it('refuses an unknown topic and unknown fields', async () => {
    const m = await enroll(['mentor']);
    const body = { topicIds: ['no-such-topic'], disciplines: [], weeklyCapacity: 3, away: false };
    const err = await expectError(
      await api('/v1/mentors/me', { method: 'PUT', token: m.token, body }),
      400,
      'validation_failed',
    );
    expect(issuePaths(err)).toEqual(['topicIds.0']);
    await expectError(
      await api('/v1/mentors/me', { method: 'PUT', token: m.token, body: { ...body, topicIds: [], userId: 'x' } }),
      400,
      'validation_failed',
    );
  });
});

describe('routing matrix: topic × wanted discipline', () => {
  it('shows each mentor exactly the questions of their topics and disciplines, through every endpoint', async () => {
    const { a, b } = await twoTopics();
    const clinician = await enroll(['clinician']);
    const pharmA = await mentor([a], { disciplines: ['pharmacy'] });
    const nurseA = await mentor([a]); // no disciplines named: their own (nursing)
    const anyB = await mentor([b], { disciplines: ['pharmacy', 'nursing', 'medicine'] });
    const noTopics = await mentor([]);

    const q = {
      aAny: await ask(clinician.token, a, { disciplineWanted: 'any' }),
      aPharmacy: await ask(clinician.token, a, { disciplineWanted: 'pharmacy' }),
      aNursing: await ask(clinician.token, a, { disciplineWanted: 'nursing' }),
      aMedicine: await ask(clinician.token, a, { disciplineWanted: 'medicine' }),
      bAny: await ask(clinician.token, b, { disciplineWanted: 'any' }),
    };
    const expected: Record<string, (keyof typeof q)[]> = {
      pharmA: ['aAny', 'aPharmacy'],
      nurseA: ['aAny', 'aNursing'],
      anyB: ['bAny'],
      noTopics: [],
    };
    const sessions = { pharmA, nurseA, anyB, noTopics };
    for (const [who, s] of Object.entries(sessions)) {
      const visible = (await queue(s.token)).map((i) => i.id).filter((id) => Object.values(q).some((x) => x.id === id));
      const want = (expected[who] ?? []).map((k) => q[k].id);
      expect(visible.sort(), who).toEqual([...want].sort());
      for (const question of Object.values(q)) {
        if (want.includes(question.id)) continue;
        // Outside routing: no get, no claim, no action says it exists.
        await expectError(await api(`/v1/queue/${question.id}`, { token: s.token }), 404, 'not_found');
        await expectError(await post(`/v1/queue/${question.id}/claim`, s.token), 404, 'not_found');
        await expectError(await post(`/v1/queue/${question.id}/answer`, s.token, answerBody()), 404, 'not_found');
      }
    }
  });

  it('never shows a mentor their own question', async () => {
    const { a } = await twoTopics();
    const m = await mentor([a]);
    const own = await ask(m.token, a);
    expect((await queue(m.token)).map((i) => i.id)).not.toContain(own.id);
    await expectError(await post(`/v1/queue/${own.id}/claim`, m.token), 404, 'not_found');
  });

  it('refuses clinicians, leads and admins the queue', async () => {
    for (const role of ['clinician', 'lead', 'admin'] as const) {
      const s = await enroll([role]);
      await expectError(await api('/v1/queue', { token: s.token }), 403, 'forbidden');
    }
  });
});

describe('queue order, filters and claim state', () => {
  it('orders by urgency (today first) then age (oldest first)', async () => {
    const { a } = await twoTopics();
    const clinician = await enroll();
    const m = await mentor([a]);
    const t0 = Date.parse('2026-05-04T09:00:00Z');
    setClock(() => t0);
    const weekOld = await ask(clinician.token, a, { urgency: 'this_week' });
    setClock(() => t0 + 60_000);
    const todayNew = await ask(clinician.token, a, { urgency: 'today' });
    setClock(() => t0 + 120_000);
    const weekNew = await ask(clinician.token, a, { urgency: 'this_week' });
    setClock(() => t0 - 60_000);
    const todayOld = await ask(clinician.token, a, { urgency: 'today' });
    setClock(() => t0 + 180_000);
    const ids = (await queue(m.token, `?topicId=${a}`)).map((i) => i.id);
    expect(ids).toEqual([todayOld.id, todayNew.id, weekOld.id, weekNew.id]);
    const today = (await queue(m.token, `?topicId=${a}&urgency=today`)).map((i) => i.id);
    expect(today).toEqual([todayOld.id, todayNew.id]);
  });

  it('lists a page of the most urgent, walking the queue-order index rather than sorting every question', async () => {
    const { a } = await twoTopics();
    const clinician = await enroll();
    const m = await mentor([a]);
    const t0 = Date.parse('2026-05-04T09:00:00Z');
    const asked: Array<{ id: string; urgency: string }> = [];
    for (const [i, urgency] of ['this_week', 'today', 'this_week', 'today', 'this_week'].entries()) {
      setClock(() => t0 + i * 60_000);
      asked.push({ id: (await ask(clinician.token, a, { urgency })).id, urgency });
    }
    const expected = [...asked.filter((q) => q.urgency === 'today'), ...asked.filter((q) => q.urgency !== 'today')];
    expect((await queue(m.token, `?topicId=${a}&limit=3`)).map((i) => i.id)).toEqual(
      expected.slice(0, 3).map((q) => q.id),
    );
    expect((await queue(m.token, `?topicId=${a}`)).map((i) => i.id)).toEqual(expected.map((q) => q.id));
    for (const limit of ['0', '201', 'many']) {
      await expectError(await api(`/v1/queue?limit=${limit}`, { token: m.token }), 400, 'validation_failed');
    }
    // The viewer's binds, a mentor with room and one at capacity (?5, the window spill counts from), then the filters.
    for (const [filter, capacityFrom] of [
      ['all', null],
      ['unclaimed', null],
      ['unclaimed', t0],
    ] as const) {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${queueListSql(filter)}`)
        .bind(m.user.id, 1, 0, 0, capacityFrom, null, null, null, 50)
        .all<{ detail: string }>();
      const steps = plan.results.map((r) => r.detail);
      expect(steps).toContain('SCAN q USING INDEX questions_in_queue_order');
      // Only the page itself (at most `limit` rows) is sorted again (a full mentor's spill check counts
      // their colleagues' distinct answers, which is no sort of the queue).
      expect(steps.filter((d) => d.includes('TEMP B-TREE FOR ORDER BY'))).toHaveLength(1);
    }
  });

  it('filters unclaimed and mine, and shows who holds a claim', async () => {
    const { a } = await twoTopics();
    const clinician = await enroll();
    const m1 = await mentor([a], { name: 'Mentor One' });
    const m2 = await mentor([a], { name: 'Mentor Two' });
    const q1 = await ask(clinician.token, a);
    const q2 = await ask(clinician.token, a);
    await act(m1.token, q1.id, 'claim');
    const ids = async (token: string, filter: string) =>
      (await queue(token, `?topicId=${a}&filter=${filter}`)).map((i) => i.id);
    expect(await ids(m1.token, 'mine')).toEqual([q1.id]);
    expect(await ids(m1.token, 'unclaimed')).toEqual([q2.id]);
    expect(await ids(m2.token, 'mine')).toEqual([]);
    const seenByM2 = (await queue(m2.token, `?topicId=${a}`)).find((i) => i.id === q1.id);
    expect(seenByM2?.claim).toMatchObject({ state: 'other', byName: 'Mentor One' });
    expect((await item(m1.token, q1.id)).claim.state).toBe('mine');
    await expectError(await api('/v1/queue?filter=everything', { token: m1.token }), 400, 'validation_failed');
  });
});

describe('hand-off to a named mentor', () => {
  it('makes the question visible to them whatever their routing, and keeps the SLA', async () => {
    const { a, b } = await twoTopics();
    const clinician = await enroll();
    const from = await mentor([a]);
    const to = await mentor([b], { name: 'Named Mentor' });
    const q = await ask(clinician.token, a, { urgency: 'today' });
    expect((await queue(to.token)).map((i) => i.id)).not.toContain(q.id);
    const before = (await act(from.token, q.id, 'claim')).item.sla;
    const res = await act(from.token, q.id, 'handoff', { mentorId: to.user.id, note: 'Pharmacy side, please' });
    expect(res.item.claim.state).toBe('unclaimed');
    const seen = await item(to.token, q.id);
    expect(seen.handedToMe).toBe(true);
    expect(seen.sla.dueAt).toBe(before.dueAt);
    expect(seen.handoffs).toMatchObject([{ toMentorName: 'Named Mentor', note: 'Pharmacy side, please' }]);
    await act(to.token, q.id, 'claim');
    const answered = await act(to.token, q.id, 'answer', answerBody());
    expect(answered.item.status).toBe('answered');
  });
});
