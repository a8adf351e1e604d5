import { endpoints } from '../../shared/api';
import type { Flag } from '../../shared/flags';
import type { Question } from '../../shared/questions';
import type { Api } from './api';
import type { ItemsCache, Receipt } from './storage';

/*
 * What is news on a user's own items, as keys: the popup's My items marks them "New" until seen
 * (popup/my-items.ts), and the background counts them on the badge and notifies each once
 * (background/badge.ts). One definition, so reading an item in My items clears its badge count.
 */

export const answerKey = (answerId: string) => `answer:${answerId}`;
export const clarifyKey = (q: Question) => `clarify:${q.messages.at(-1)?.id ?? q.id}`;
const statusKey = (id: string, status: string) => `status:${id}:${status}`;
const responseKey = (f: Flag) => `response:${f.id}:${f.respondedAt}`;

const tipKey = (f: Flag, tipId: string) => `tip:${f.id}:${tipId}`;

/** A flag's news: a status past "new", a new or changed response, and a tip written after a training gap, each once. */
export function flagNews(f: Flag): string[] {
  return [
    ...(f.status !== 'new' ? [statusKey(f.id, f.status)] : []),
    ...(f.respondedAt ? [responseKey(f)] : []),
    ...(f.tip ? [tipKey(f, f.tip.id)] : []),
  ];
}

/** A question's news: each answer, a status past "open", and a clarifying question waiting for a reply. */
export function questionNews(q: Question): string[] {
  return [
    ...q.answers.map((a) => answerKey(a.id)),
    ...(q.status !== 'open' ? [statusKey(q.id, q.status)] : []),
    ...(q.needsReply ? [clarifyKey(q)] : []),
  ];
}

const RECEIPT_BATCH = 200;

/**
 * Everything of the user's own: named flags, questions, and anonymous flags asked for by receipt
 * secret alone (the server cannot tell whose they are, nor that they belong together beyond a batch).
 */
export async function fetchItems(
  api: Api,
  userId: string,
  receipts: readonly Receipt[],
  now: number,
): Promise<ItemsCache> {
  const secrets = receipts.filter((r) => r.userId === userId).map((r) => r.secret);
  const batches: string[][] = [];
  for (let i = 0; i < secrets.length; i += RECEIPT_BATCH) batches.push(secrets.slice(i, i + RECEIPT_BATCH));
  const [flags, questions, anonymous] = await Promise.all([
    api.call(endpoints.myFlags, {}),
    api.call(endpoints.myQuestions, {}),
    Promise.all(batches.map((batch) => api.call(endpoints.receiptStatus, { body: { secrets: batch } }))),
  ]);
  return {
    userId,
    fetchedAt: now,
    flags: flags.flags,
    questions: questions.questions,
    anonymous: anonymous.flatMap((r) => r.flags),
  };
}
