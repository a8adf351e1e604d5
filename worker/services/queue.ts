import type { Context } from 'hono';
import type { Publication } from '../../shared/mentoring';
import { findIdentifiers } from '../../shared/phi';
import { publicationSource, publishStatements, unpublishStatements } from '../db/kb';
import { getQueueItem, type Viewer, visibleState } from '../db/queue';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { ApiError, conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';

export async function viewerFor(c: Context<AppEnv>): Promise<Viewer> {
  const { user } = requireAuth(c);
  return {
    userId: user.id,
    isMentor: user.roles.includes('mentor'),
    isPeer: user.roles.includes('peer_supporter'),
    now: now(),
    settings: await getSettings(c.env.DB),
  };
}

export async function claimCutoff(c: Context<AppEnv>): Promise<number> {
  return now() - (await getSettings(c.env.DB)).claimExpiryMinutes * 60_000;
}

/** The item after an action; it is in the caller's routing, or the action would have been refused. */
export async function itemFor(db: D1Database, v: Viewer, id: string) {
  const item = await getQueueItem(db, v, id);
  if (!item) throw notFound('Question');
  return item;
}

/**
 * Says why a conditional write changed nothing. The rule itself was decided by the write; this
 * read only picks the message, and answers 404 for anything outside the caller's routing.
 */
export async function refusal(db: D1Database, v: Viewer, id: string, action: string): Promise<never> {
  const s = await visibleState(db, v, id);
  if (!s) throw notFound('Question');
  if (s.status === 'closed') throw conflict('This question is closed', { status: s.status });
  if (s.claimed_by && s.claimed_by !== v.userId && s.claim_active === 1 && s.status === 'open') {
    throw conflict('Another colleague has claimed this question', { claim: 'other' });
  }
  if (s.status === 'clarifying') throw conflict('This question waits for the asker’s reply', { status: s.status });
  if (s.claimed_by !== v.userId || (s.status === 'open' && s.claim_active !== 1)) {
    throw conflict(`Claim this question before you ${action} it`, { claim: 'none' });
  }
  throw conflict(`You cannot ${action} this question while it is ${s.status}`, { status: s.status });
}

export function identifiersIn(texts: string[]): boolean {
  return texts.some((t) => findIdentifiers(t).length > 0);
}

/**
 * Brings the knowledge-base copy in line with the question: published when it is answered, the
 * asker consented and the mentor marked it shareable, and its texts pass the identifier check
 * again (spans confirmed by the writer are not trusted for publishing); withdrawn otherwise.
 */
export async function syncPublication(db: D1Database, questionId: string, at: number): Promise<Publication> {
  const src = await publicationSource(db, questionId);
  if (src?.kind !== 'question') return { published: false, waitingFor: [], identifiersFound: false };
  const waitingFor: Publication['waitingFor'] = [];
  if (src.first_answered_at === null) waitingFor.push('answer');
  if (src.share_consent !== 1) waitingFor.push('asker_consent');
  if (src.shareable !== 1) waitingFor.push('mentor_shareable');
  const identifiersFound = identifiersIn([src.text, ...src.answers]);
  if (waitingFor.length > 0 || identifiersFound) {
    if (src.published === 1) await db.batch(unpublishStatements(db, questionId));
    return { published: false, waitingFor, identifiersFound };
  }
  // Retention has cleared the question's text (never empty otherwise): the copy published before
  // stays as it was, rather than be overwritten with nothing.
  if (src.text === '') return { published: src.published === 1, waitingFor: [], identifiersFound: false };
  await db.batch(publishStatements(db, questionId, newId(), src.answers, at));
  return { published: true, waitingFor: [], identifiersFound: false };
}

export const identifiersRemain = () =>
  new ApiError(
    422,
    'identifiers_found',
    'The question or its answers still hold what looks like patient identifiers, so they cannot be shared',
  );
