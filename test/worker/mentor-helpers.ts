import { expect } from 'vitest';
import type { Session } from '../../shared/auth';
import type { Discipline, Role } from '../../shared/enums';
import { QueueActionResult, QueueItemDetail, QueueList } from '../../shared/mentoring';
import { Question, QuestionList } from '../../shared/questions';
import { api, enroll, questionBody } from './helpers';

/** POST with a JSON body ({} when the endpoint takes none). */
export const post = (path: string, token: string, body: unknown = {}) => api(path, { method: 'POST', token, body });

/** Enrolls a mentor (or peer supporter) and sets their routing profile. */
export async function mentor(
  topicIds: string[],
  opts: { disciplines?: Discipline[]; roles?: Role[]; name?: string; away?: boolean; weeklyCapacity?: number } = {},
): Promise<Session> {
  const s = await enroll(opts.roles ?? ['mentor'], opts.name);
  const res = await api('/v1/mentors/me', {
    method: 'PUT',
    token: s.token,
    body: {
      topicIds,
      disciplines: opts.disciplines ?? [],
      weeklyCapacity: opts.weeklyCapacity ?? 5,
      away: opts.away ?? false,
    },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return s;
}

export async function ask(token: string, topicId: string, overrides: Record<string, unknown> = {}): Promise<Question> {
  const res = await api('/v1/questions', { token, body: questionBody(topicId, overrides) });
  expect(res.status, await res.clone().text()).toBe(201);
  return Question.parse(await res.json());
}

export async function queue(token: string, query = ''): Promise<QueueList['items']> {
  const res = await api(`/v1/queue${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return QueueList.parse(await res.json()).items;
}

export async function item(token: string, id: string): Promise<QueueItemDetail> {
  const res = await api(`/v1/queue/${id}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return QueueItemDetail.parse(await res.json());
}

/** Runs a queue action that must succeed and parses the result. */
export async function act(token: string, id: string, action: string, body: unknown = {}) {
  const res = await post(`/v1/queue/${id}/${action}`, token, body);
  expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  return QueueActionResult.parse(await res.json());
}

export const answerBody = (text = 'Use the Reconcile tab, then Refresh external history.') => ({
  clientId: crypto.randomUUID(),
  text,
});

export async function mine(token: string): Promise<Question[]> {
  const res = await api('/v1/questions/mine', { token });
  expect(res.status).toBe(200);
  return QuestionList.parse(await res.json()).questions;
}

export async function setSettings(admin: Session, patch: Record<string, unknown>) {
  const res = await api('/v1/admin/settings', { method: 'PATCH', token: admin.token, body: patch });
  expect(res.status, await res.clone().text()).toBe(200);
}
