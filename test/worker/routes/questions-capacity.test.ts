import { afterEach, describe, expect, it } from 'vitest';
import { InboxSummary, MentorProfileView } from '../../../shared/mentoring';
import { DAY, resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, expectError, seedCatalog } from '../helpers';
import { act, answerBody, ask, mentor, post, queue } from '../mentor-helpers';

afterEach(() => resetClock());

const profile = async (token: string, body: Record<string, unknown>) => {
  const res = await api('/v1/mentors/me', { method: 'PUT', token, body });
  expect(res.status, await res.clone().text()).toBe(200);
  return MentorProfileView.parse(await res.json());
};

const ids = async (token: string, query = '') => (await queue(token, query)).map((i) => i.id);

describe('weekly capacity: a full mentor’s new questions spill to colleagues with room', () => {
  it('offers a full mentor only what no colleague with room takes, and everything again once the week has passed', async () => {
    const { topicId } = await seedCatalog();
    const t0 = Date.parse('2026-05-04T09:00:00Z');
    setClock(() => t0);
    const clinician = await enroll();
    const full = await mentor([topicId], { disciplines: ['nursing', 'pharmacy'], weeklyCapacity: 1, name: 'Full' });
    const roomy = await mentor([topicId], { weeklyCapacity: 5, name: 'Roomy' }); // nursing only
    const first = await ask(clinician.token, topicId);
    await act(full.token, first.id, 'claim');
    await act(full.token, first.id, 'answer', answerBody());
    const view = MentorProfileView.parse(await (await api('/v1/mentors/me', { token: full.token })).json());
    expect(view).toMatchObject({ weeklyCapacity: 1, answeredThisWeek: 1 });

    const nursing = await ask(clinician.token, topicId, { disciplineWanted: 'nursing' });
    const pharmacy = await ask(clinician.token, topicId, { disciplineWanted: 'pharmacy' });
    // Nursing spills to Roomy; pharmacy only Full takes, so Full is still offered it.
    expect(await ids(full.token, '?filter=unclaimed')).toEqual([pharmacy.id]);
    expect(await ids(roomy.token, '?filter=unclaimed')).toEqual([nursing.id]);
    // What Full already holds stays theirs.
    expect(await ids(full.token, '?filter=mine')).toEqual([first.id]);
    // The spilled question cannot be claimed, read or counted by Full: the rule is the routing itself.
    await expectError(await post(`/v1/queue/${nursing.id}/claim`, full.token), 404, 'not_found');
    await expectError(await api(`/v1/queue/${nursing.id}`, { token: full.token }), 404, 'not_found');
    const summary = InboxSummary.parse(await (await api('/v1/queue/summary', { token: full.token })).json());
    expect(summary.unclaimed).toBe(1);

    // Roomy away: nobody with room is there, so the question is Full's to take again.
    await profile(roomy.token, { topicIds: [topicId], disciplines: [], weeklyCapacity: 5, away: true });
    expect((await ids(full.token, '?filter=unclaimed')).sort()).toEqual([nursing.id, pharmacy.id].sort());
    // Roomy back but full too: everyone still sees it.
    await profile(roomy.token, { topicIds: [topicId], disciplines: [], weeklyCapacity: 0, away: false });
    expect((await ids(full.token, '?filter=unclaimed')).sort()).toEqual([nursing.id, pharmacy.id].sort());
    expect(await ids(roomy.token, '?filter=unclaimed')).toEqual([nursing.id]);
    await profile(roomy.token, { topicIds: [topicId], disciplines: [], weeklyCapacity: 5, away: false });
    expect(await ids(full.token, '?filter=unclaimed')).toEqual([pharmacy.id]);

    // A rolling week later Full's answer no longer counts.
    setClock(() => t0 + 7 * DAY + 60_000);
    expect((await ids(full.token, '?filter=unclaimed')).sort()).toEqual([nursing.id, pharmacy.id].sort());
  });

  it('still shows a full mentor a question handed to them by name', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const full = await mentor([topicId], { weeklyCapacity: 0 });
    const roomy = await mentor([topicId]);
    const q = await ask(clinician.token, topicId);
    expect(await ids(full.token, '?filter=unclaimed')).toEqual([]);
    await act(roomy.token, q.id, 'claim');
    await act(roomy.token, q.id, 'handoff', { mentorId: full.user.id, note: 'You know this screen best.' });
    expect(await ids(full.token, '?filter=unclaimed')).toEqual([q.id]);
    await act(full.token, q.id, 'claim');
  });
});
