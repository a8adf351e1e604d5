import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { QueueActionResult } from '../../../shared/mentoring';
import { enroll, expectError, seedCatalog } from '../helpers';
import { act, answerBody, ask, item, mentor, mine, post, queue } from '../mentor-helpers';

const invite = (token: string, id: string, discipline: string) => post(`/v1/queue/${id}/invite`, token, { discipline });

/** A nurse's question held by a nursing mentor, and a pharmacist mentor who does not take its topic. */
async function setting() {
  const { topicId } = await seedCatalog();
  const other = await seedCatalog();
  const asker = await enroll(['clinician'], 'Nora Nurse');
  const holder = await mentor([topicId], { name: 'Nina Mentor', disciplines: ['nursing'] });
  const pharmacist = await mentor([other.topicId], { name: 'Pat Pharmacist', disciplines: ['pharmacy'] });
  const q = await ask(asker.token, topicId, { disciplineWanted: 'nursing' });
  await act(holder.token, q.id, 'claim');
  return { topicId, asker, holder, pharmacist, q };
}

describe('inviting a second discipline into a thread', () => {
  it('lets the holder invite pharmacy without handing off: the pharmacist reads and answers, the claim stays', async () => {
    const { asker, holder, pharmacist, q } = await setting();
    expect((await queue(pharmacist.token)).map((i) => i.id)).not.toContain(q.id);
    await expectError(await post(`/v1/queue/${q.id}/answer`, pharmacist.token, answerBody()), 404, 'not_found');

    const res = await invite(holder.token, q.id, 'pharmacy');
    expect(res.status, await res.clone().text()).toBe(200);
    const after = QueueActionResult.parse(await res.json()).item;
    expect(after.invites).toEqual(['pharmacy']);
    expect(after.claim.state).toBe('mine');
    expect((await invite(holder.token, q.id, 'pharmacy')).status).toBe(200); // twice is once
    expect(
      await env.DB.prepare('SELECT COUNT(*) AS n FROM question_invites WHERE question_id = ?1').bind(q.id).first('n'),
    ).toBe(1);

    const seen = await item(pharmacist.token, q.id);
    expect(seen.invitedMe).toBe(true);
    expect(seen.claim.state).toBe('other');
    // Invited, they cannot take the question over while the holder's claim stands.
    await expectError(await post(`/v1/queue/${q.id}/claim`, pharmacist.token), 409, 'conflict');
    await act(pharmacist.token, q.id, 'answer', answerBody('Give it with food; check the renal dose first.'));

    const [mineNow] = (await mine(asker.token)).filter((x) => x.id === q.id);
    expect(mineNow?.answers.map((a) => a.mentorName)).toEqual(['Pat Pharmacist']);
    const holderView = await item(holder.token, q.id);
    expect(holderView.claim.state).toBe('mine');
    await act(holder.token, q.id, 'answer', answerBody('And chart it on the MAR.'));
    expect((await item(holder.token, q.id)).answers).toHaveLength(2);
  });

  it('refuses an invite from anyone but the holder, and to other roles', async () => {
    const { topicId, asker, pharmacist, q } = await setting();
    const colleague = await mentor([topicId], { name: 'Col League', disciplines: ['nursing'] });
    await expectError(await invite(colleague.token, q.id, 'pharmacy'), 409, 'conflict');
    await expectError(await invite(pharmacist.token, q.id, 'pharmacy'), 404, 'not_found');
    await expectError(await invite(asker.token, q.id, 'pharmacy'), 403, 'forbidden');
    await expectError(await invite(colleague.token, q.id, 'any'), 400, 'validation_failed');
    expect(
      await env.DB.prepare('SELECT COUNT(*) AS n FROM question_invites WHERE question_id = ?1').bind(q.id).first('n'),
    ).toBe(0);
  });

  it('never lets the invited discipline answer while the question waits for the asker', async () => {
    const { holder, pharmacist, q } = await setting();
    await invite(holder.token, q.id, 'pharmacy');
    await act(holder.token, q.id, 'clarify', { text: 'Which drug is it?' });
    await expectError(await post(`/v1/queue/${q.id}/answer`, pharmacist.token, answerBody()), 409, 'conflict');
  });
});
