import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import { COACHING_TOPIC_ID, CoachingCreated } from '../../../shared/coaching';
import { Flag, FlagList } from '../../../shared/flags';
import { SmallTest, SmallTestList, SponsorList } from '../../../shared/small-tests';
import { api, enroll, expectError, flagBody, issuePaths } from '../helpers';
import { act, mentor, post } from '../mentor-helpers';

const plan = (sponsorId: string) => ({
  clientId: crypto.randomUUID(),
  changeIdea: 'Put the admission order set on the favourites bar',
  prediction: 'Admission orders take 4 minutes less',
  measure: 'Minutes from arrival to first order',
  sponsorId,
});

async function parsed(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return SmallTest.parse(await res.json());
}

async function mine(s: Session) {
  return SmallTestList.parse(await (await api('/v1/small-tests/mine', { token: s.token })).json()).tests;
}

/** A nurse's flag, coached by a mentor who claimed the thread, a sponsor lead and a second reporter. */
async function coachedFlag() {
  const nurse = await enroll(['clinician'], 'Nia Nurse');
  const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
  const screen = { host, path: '/admission/orders' };
  const flag = Flag.parse(await (await api('/v1/flags', { token: nurse.token, body: flagBody({ screen }) })).json());
  const colleague = await enroll(['clinician'], 'Cole Colleague');
  const also = await api('/v1/flags', { token: colleague.token, body: flagBody({ screen }) });
  expect(also.status).toBe(201);
  const coach = await mentor([COACHING_TOPIC_ID], { name: 'Coach Cal' });
  const asked = await post(`/v1/flags/${flag.id}/coaching`, nurse.token, {
    clientId: crypto.randomUUID(),
    text: 'How do I test a fix for this?',
  });
  expect(asked.status, await asked.clone().text()).toBe(201);
  const { question } = CoachingCreated.parse(await asked.json());
  await act(coach.token, question.id, 'claim');
  const sponsor = await enroll(['lead'], 'Sam Sponsor');
  return { nurse, colleague, coach, sponsor, flag, threadId: question.id };
}

describe('clinician-owned small tests', () => {
  it('needs the sponsor’s approval before it moves; then the owner runs it and every reporter reads the result', async () => {
    const { nurse, colleague, coach, sponsor, threadId } = await coachedFlag();
    const sponsors = SponsorList.parse(await (await api('/v1/sponsors', { token: nurse.token })).json());
    expect(sponsors.sponsors.map((s) => s.displayName)).toContain('Sam Sponsor');

    const proposed = await parsed(
      await post(`/v1/coaching/${threadId}/cycles`, nurse.token, plan(sponsor.user.id)),
      201,
    );
    expect(proposed).toMatchObject({
      role: 'owner',
      approval: 'pending',
      sponsorName: 'Sam Sponsor',
      coachName: 'Coach Cal',
      cycle: { ownerName: 'Nia Nurse', stage: 'plan' },
    });
    const id = proposed.cycle.id;

    // Not before approval: neither the owner nor a lead through the lead's own route.
    await expectError(await post(`/v1/small-tests/${id}/advance`, nurse.token, { stage: 'do' }), 409, 'conflict');
    const otherLead = await enroll(['lead'], 'Other Lead');
    await expectError(await post(`/v1/cycles/${id}/advance`, otherLead.token, { stage: 'do' }), 409, 'conflict');
    // And it is not yet shown to reporters.
    const before = FlagList.parse(await (await api('/v1/flags/mine', { token: colleague.token })).json());
    expect(before.flags[0]?.cycles ?? []).toEqual([]);

    // Only the sponsor decides: another lead gets a 404, the coach a 403 (not a lead).
    await expectError(
      await post(`/v1/small-tests/${id}/approval`, otherLead.token, { decision: 'approve' }),
      404,
      'not_found',
    );
    await expectError(
      await post(`/v1/small-tests/${id}/approval`, coach.token, { decision: 'approve' }),
      403,
      'forbidden',
    );
    // Sending it back needs a reason the clinician sees.
    const noReason = await post(`/v1/small-tests/${id}/approval`, sponsor.token, { decision: 'changes' });
    expect(issuePaths(await expectError(noReason, 400, 'validation_failed'))).toContain('reason');
    const back = await parsed(
      await post(`/v1/small-tests/${id}/approval`, sponsor.token, {
        decision: 'changes',
        reason: 'Measure a baseline week first',
      }),
    );
    expect(back).toMatchObject({ role: 'sponsor', approval: 'changes' });
    expect((await mine(nurse))[0]).toMatchObject({
      approval: 'changes',
      approvalReason: 'Measure a baseline week first',
    });

    const revised = await parsed(
      await post(`/v1/small-tests/${id}/revise`, nurse.token, {
        changeIdea: 'Favourites bar order set, after a baseline week',
        prediction: 'Admission orders take 4 minutes less than the baseline',
        measure: 'Minutes from arrival to first order',
      }),
    );
    expect(revised.approval).toBe('pending');
    await parsed(await post(`/v1/small-tests/${id}/approval`, sponsor.token, { decision: 'approve' }));

    // The owner alone moves it: the coach and the sponsor cannot.
    await expectError(await post(`/v1/small-tests/${id}/advance`, coach.token, { stage: 'do' }), 404, 'not_found');
    await parsed(await post(`/v1/small-tests/${id}/advance`, nurse.token, { stage: 'do' }));
    const studied = await parsed(
      await post(`/v1/small-tests/${id}/advance`, nurse.token, {
        stage: 'study',
        notes: 'Saved about 4 minutes on most admissions; nights less',
      }),
    );
    expect(studied.cycle).toMatchObject({
      prediction: 'Admission orders take 4 minutes less than the baseline',
      studyNotes: 'Saved about 4 minutes on most admissions; nights less',
    });
    const noResult = await post(`/v1/small-tests/${id}/advance`, nurse.token, { stage: 'act', decision: 'adopt' });
    await expectError(noResult, 400, 'validation_failed');
    await parsed(
      await post(`/v1/small-tests/${id}/advance`, nurse.token, {
        stage: 'act',
        decision: 'adopt',
        result: 'the new order set saves about 4 minutes per admission',
      }),
    );

    // Every reporter of the hotspot reads the decision and the result.
    const after = FlagList.parse(await (await api('/v1/flags/mine', { token: colleague.token })).json());
    expect(after.flags[0]?.cycles).toMatchObject([
      { decision: 'adopt', result: 'the new order set saves about 4 minutes per admission' },
    ]);
    // The coach sees it as theirs to coach.
    expect((await mine(coach)).map((t) => [t.cycle.id, t.role])).toEqual([[id, 'coach']]);
  });

  it('is proposed only by the thread’s asker, with an active lead as sponsor', async () => {
    const { nurse, coach, sponsor, threadId } = await coachedFlag();
    await expectError(
      await post(`/v1/coaching/${threadId}/cycles`, coach.token, plan(sponsor.user.id)),
      404,
      'not_found',
    );
    const stranger = await enroll();
    await expectError(
      await post(`/v1/coaching/${threadId}/cycles`, stranger.token, plan(sponsor.user.id)),
      404,
      'not_found',
    );
    const notLead = await post(`/v1/coaching/${threadId}/cycles`, nurse.token, plan(coach.user.id));
    expect(issuePaths(await expectError(notLead, 400, 'validation_failed'))).toContain('sponsorId');
  });

  it('declines with a reason the clinician reads, and a declined test never moves', async () => {
    const { nurse, sponsor, threadId } = await coachedFlag();
    const { cycle } = await parsed(
      await post(`/v1/coaching/${threadId}/cycles`, nurse.token, plan(sponsor.user.id)),
      201,
    );
    await parsed(
      await post(`/v1/small-tests/${cycle.id}/approval`, sponsor.token, {
        decision: 'decline',
        reason: 'The vendor fixes this screen next month',
      }),
    );
    expect((await mine(nurse))[0]).toMatchObject({
      approval: 'declined',
      approvalReason: 'The vendor fixes this screen next month',
    });
    await expectError(await post(`/v1/small-tests/${cycle.id}/advance`, nurse.token, { stage: 'do' }), 409, 'conflict');
    await expectError(
      await post(`/v1/small-tests/${cycle.id}/approval`, sponsor.token, { decision: 'approve' }),
      409,
      'conflict',
    );
  });
});
