import { expect } from 'vitest';
import type { Session } from '../../shared/auth';
import { Flag } from '../../shared/flags';
import type { Question } from '../../shared/questions';
import { api, enroll, flagBody, seedCatalog } from './helpers';
import { act, answerBody, ask, mentor, post } from './mentor-helpers';

/** A clinician's question, answered by a mentor: the subject of a reflection or a thank-you. */
export async function answeredQuestion(opts: { askerName?: string; mentorName?: string } = {}) {
  const { topicId } = await seedCatalog();
  const asker = await enroll(['clinician'], opts.askerName ?? 'Asker Ash');
  const m = await mentor([topicId], { name: opts.mentorName ?? 'Mentor Mo' });
  const q = await ask(asker.token, topicId);
  await act(m.token, q.id, 'claim');
  await act(m.token, q.id, 'answer', answerBody());
  return { topicId, asker, mentor: m, question: q };
}

/** A cycle on a fresh hotspot, owned by `owner`, moved on to `stage`. */
export async function cycleAt(owner: Session, stage: 'plan' | 'do' | 'study') {
  const lead = await enroll(['lead'], 'Lee Lead');
  const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
  const flag = Flag.parse(
    await (await api('/v1/flags', { token: lead.token, body: flagBody({ screen: { host, path: '/orders' } }) })).json(),
  );
  const res = await post(`/v1/hotspots/${flag.hotspotId}/cycles`, lead.token, {
    clientId: crypto.randomUUID(),
    changeIdea: 'Put the sepsis order set on the favourites bar',
    prediction: 'Orders placed two minutes sooner',
    measure: 'Minutes from triage to first order',
    ownerId: owner.user.id,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const steps = stage === 'plan' ? [] : stage === 'do' ? ['do'] : ['do', 'study'];
  for (const s of steps) {
    const moved = await post(`/v1/cycles/${id}/advance`, owner.token, {
      stage: s,
      ...(s === 'study' ? { notes: 'Orders went in sooner on most shifts' } : {}),
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
  }
  return { id, lead };
}

export const reflectionBody = (subjectKind: 'question' | 'cycle', subjectId: string, text: string) => ({
  clientId: crypto.randomUUID(),
  subjectKind,
  subjectId,
  text,
});

export type { Question };
