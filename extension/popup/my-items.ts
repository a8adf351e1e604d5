import { creditLine } from '../../shared/credit';
import { FLAG_STATUS_LABELS, type Flag } from '../../shared/flags';
import { PDSA_STAGE_LABELS } from '../../shared/pdsa';
import type { Answer, Question, QuestionStatus } from '../../shared/questions';
import { DECISION_WORDS } from '../../shared/small-tests';
import { flagNews, questionNews } from '../lib/item-news';
import { type ItemsCache, itemsCacheItem } from '../lib/storage';
import { canSealFor, openerFor, openOrNull, sealFor } from '../lib/vault';

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  open: 'Waiting for a mentor',
  claimed: 'A mentor is on it',
  answered: 'Answered',
  closed: 'Closed',
};

export interface MyItem {
  id: string;
  kind: 'flag' | 'question';
  anonymous: boolean;
  /** Flags: the id the sender chose (an anonymous flag's receipt is kept under it). */
  clientId?: string;
  /** Flags: taken back by the sender; it no longer counts towards its hotspot. */
  withdrawn?: boolean;
  text: string;
  status: string;
  createdAt: string;
  answers: Answer[];
  /** Flags: the public response on their hotspot, and tests of change in progress. */
  response?: string | null;
  progress?: string[];
  /** Flags: after a training gap, the tip a mentor wrote for the screen. */
  tip?: string | null;
  /** Flags: "Raised by 6 nurses on 4 West…" (reporters who opted in, groups of at least k); '' when none. */
  credit?: string;
  /** Questions: the whole thing, for the thread (messages, reply, helpful, consent). */
  question?: Question;
  /** Seen-keys for what is new here; empty when nothing is. */
  unread: string[];
}

const unseen = (keys: string[], seen: Set<string>) => keys.filter((k) => !seen.has(k));

/** A test of change in words a person reads: "Adopted: the new order set saves about 4 minutes". */
export function progressWords(c: NonNullable<Flag['cycles']>[number]): string {
  if (c.decision) return `${DECISION_WORDS[c.decision]}: ${c.result ?? c.changeIdea}`;
  return `Testing a change (${PDSA_STAGE_LABELS[c.stage]}): ${c.changeIdea}`;
}

function fromFlag(f: Flag, seen: Set<string>): MyItem {
  return {
    id: f.id,
    kind: 'flag',
    anonymous: f.anonymous,
    clientId: f.clientId,
    withdrawn: f.withdrawn === true,
    text: f.text,
    status: f.withdrawn ? 'Withdrawn' : FLAG_STATUS_LABELS[f.status],
    createdAt: f.createdAt,
    answers: [],
    response: f.response ?? null,
    progress: (f.cycles ?? []).map(progressWords),
    tip: f.tip?.text ?? null,
    credit: creditLine(f.credit ?? []),
    unread: unseen(flagNews(f), seen),
  };
}

function fromQuestion(q: Question, seen: Set<string>): MyItem {
  return {
    id: q.id,
    kind: 'question',
    anonymous: false,
    text: q.text,
    status: q.needsReply
      ? 'Waiting for your reply'
      : q.kind === 'need_to_talk' && q.status === 'open'
        ? 'Waiting for a peer supporter'
        : QUESTION_STATUS_LABELS[q.status],
    createdAt: q.createdAt,
    answers: q.answers,
    question: q,
    // The same keys as the toolbar badge (background/badge.ts), so reading them here clears the badge.
    unread: unseen(questionNews(q), seen),
  };
}

/** One list, newest first: named flags, questions with answers, and anonymous flags by receipt. */
export function buildItems(cache: ItemsCache, seen: readonly string[]): MyItem[] {
  const seenSet = new Set(seen);
  const anonymous = cache.anonymous.filter((f): f is Flag => f !== null);
  const items = [
    ...cache.flags.map((f) => fromFlag(f, seenSet)),
    ...anonymous.map((f) => fromFlag(f, seenSet)),
    ...cache.questions.map((q) => fromQuestion(q, seenSet)),
  ];
  return items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** The cache with the API's copy of one flag or question put in place of the one it had. */
export function replaceInCache(cache: ItemsCache, changed: { flag?: Flag; question?: Question }): ItemsCache {
  const { flag, question } = changed;
  return {
    ...cache,
    flags: flag ? cache.flags.map((f) => (f.id === flag.id ? flag : f)) : cache.flags,
    anonymous: flag ? cache.anonymous.map((f) => (f?.id === flag.id ? flag : f)) : cache.anonymous,
    questions: question ? cache.questions.map((q) => (q.id === question.id ? question : q)) : cache.questions,
  };
}

type Lists = Omit<ItemsCache, 'userId' | 'fetchedAt'>;

/** The user's offline copy of My items, or null (none, someone else's, or their key not in memory). */
export async function readItemsCache(userId: string): Promise<ItemsCache | null> {
  const stored = await itemsCacheItem.getValue();
  if (stored?.userId !== userId || !stored.sealed) return null;
  const lists = await openOrNull<Lists>(await openerFor(userId), stored.sealed);
  return lists && { userId, fetchedAt: stored.fetchedAt, ...lists };
}

/**
 * Keeps the list for offline use, sealed: it holds the user's texts and their anonymous flags.
 * Not kept at all before the user's key first reached this device.
 */
export async function writeItemsCache({ userId, fetchedAt, ...lists }: ItemsCache): Promise<void> {
  if (!(await canSealFor(userId))) return;
  await itemsCacheItem.setValue({ userId, fetchedAt, sealed: await sealFor(userId, lists) });
}
