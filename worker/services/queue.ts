import type { Context } from 'hono';
import type { z } from 'zod';
import type { HandOffCreate, Publication, QueueItem, QueueItemDetail } from '../../shared/mentoring';
import { slaState } from '../../shared/sla';
import { claimCutoff, claimIsActive } from '../db/claims';
import { publicationSource, publishStatements, unpublishStatements } from '../db/kb';
import { handOffTarget } from '../db/mentors';
import {
  claimCutoffOf,
  getQueueItemRows,
  inboxSummary,
  listQueueRows,
  type QueueListFilter,
  type QueueRow,
  type Viewer,
  visibleState,
} from '../db/queue';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { now, toIso } from '../lib/clock';
import { newId } from '../lib/crypto';
import { anyIdentifiers, type Detector } from '../lib/detector';
import { ApiError, conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { type Pause, pausesFrom, pausesOf } from './sla-pauses';
import { invalid, requireActiveTopic } from './validation';

/** Need to talk unclaimed this long alerts every peer supporter. */
export const ESCALATE_AFTER_MS = 30 * 60_000;

/** The caller as the queue sees them (whether new questions spill past a mentor at capacity is the statements' to work out: db/routing.ts atCapacitySince). */
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

/** The asker's view of claims: expired ones are shown as unclaimed. */
export async function claimCutoffNow(c: Context<AppEnv>): Promise<number> {
  return claimCutoff(now(), (await getSettings(c.env.DB)).claimExpiryMinutes);
}

/** A mentor's view of one question: its SLA state (paused while the asker is asked), claim and escalation. */
function toQueueItem(row: QueueRow, v: Viewer, pauses: Pause[]): QueueItem {
  const claimActive = claimIsActive(row, claimCutoffOf(v));
  const claimedForMe = row.claimed_by === v.userId && (claimActive || row.status !== 'open');
  const unclaimed = row.status === 'open' && !claimActive;
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    topicId: row.topic_id,
    disciplineWanted: row.discipline_wanted,
    urgency: row.urgency,
    screen: row.host && row.path ? { host: row.host, path: row.path } : null,
    pageTitle: row.page_title,
    status: row.status,
    createdAt: toIso(row.created_at),
    askerDiscipline: row.asker_discipline,
    sla: slaState(
      { urgency: row.urgency, askedAt: row.created_at, answeredAt: row.first_answered_at, pauses, now: v.now },
      v.settings,
    ),
    claim: claimedForMe
      ? { state: 'mine', byName: row.claimer_name, expiresAt: claimExpiry(row, v) }
      : claimActive && row.status === 'open'
        ? { state: 'other', byName: row.claimer_name, expiresAt: claimExpiry(row, v) }
        : { state: 'unclaimed', byName: null, expiresAt: null },
    handedToMe: row.handed_to === v.userId,
    escalated: row.kind === 'need_to_talk' && unclaimed && v.now - row.created_at >= ESCALATE_AFTER_MS,
    movedFrom:
      row.escalated_from_topic_id !== null && row.escalated_at !== null
        ? { topicId: row.escalated_from_topic_id, at: toIso(row.escalated_at) }
        : null,
    shareable: row.shareable === 1,
    invitedMe: row.invited_me === 1,
  };
}

function claimExpiry(row: QueueRow, v: Viewer): string | null {
  return row.status === 'open' && row.claimed_at !== null
    ? toIso(row.claimed_at + v.settings.claimExpiryMinutes * 60_000)
    : null;
}

export async function listQueue(db: D1Database, v: Viewer, f: QueueListFilter): Promise<QueueItem[]> {
  return (await listQueueRows(db, v, f)).map((row) => toQueueItem(row, v, pausesOf(row.messages)));
}

/** One question as a mentor sees it, or null when it is outside their routing. */
export async function getQueueItem(db: D1Database, v: Viewer, id: string): Promise<QueueItemDetail | null> {
  const found = await getQueueItemRows(db, v, id);
  if (!found) return null;
  const { row, thread, handoffs, invites } = found;
  const pauses = pausesFrom(thread.messages.map((m) => ({ kind: m.kind, at: Date.parse(m.createdAt) })));
  return { ...toQueueItem(row, v, pauses), answers: thread.answers, messages: thread.messages, handoffs, invites };
}

/** The badge's counts; need to talk escalates after `ESCALATE_AFTER_MS` unclaimed. */
export function queueSummary(db: D1Database, v: Viewer, away: boolean) {
  return inboxSummary(db, v, away, v.now - ESCALATE_AFTER_MS);
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

/**
 * Brings the knowledge-base copy in line with the question: published when it is answered, the
 * asker consented and the mentor marked it shareable, and its texts pass the identifier check
 * again (spans confirmed by the writer are not trusted for publishing); withdrawn otherwise.
 */
export async function syncPublication(
  db: D1Database,
  detector: Detector,
  questionId: string,
  at: number,
): Promise<Publication> {
  const src = await publicationSource(db, questionId);
  if (src?.kind !== 'question') return { published: false, waitingFor: [], identifiersFound: false };
  const waitingFor: Publication['waitingFor'] = [];
  if (src.first_answered_at === null) waitingFor.push('answer');
  if (src.share_consent !== 1) waitingFor.push('asker_consent');
  if (src.shareable !== 1) waitingFor.push('mentor_shareable');
  const identifiersFound = await anyIdentifiers(detector, [src.text, ...src.answers]);
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

/** Hand-off rules: need to talk goes to a named peer supporter only; a named colleague must exist, be another and not be away. */
export async function handOffTargets(
  db: D1Database,
  v: Viewer,
  kind: 'question' | 'need_to_talk',
  body: z.output<typeof HandOffCreate>,
) {
  if (kind === 'need_to_talk' && (body.topicId || body.disciplineWanted)) {
    throw invalid('topicId', 'Need to talk goes to peer supporters only: hand it to a named peer supporter');
  }
  if (body.topicId) await requireActiveTopic(db, body.topicId);
  if (body.mentorId) {
    if (body.mentorId === v.userId) throw invalid('mentorId', 'Hand the question to someone else');
    const target = await handOffTarget(db, body.mentorId, kind === 'need_to_talk' ? 'peer_supporter' : 'mentor');
    if (!target) throw invalid('mentorId', kind === 'need_to_talk' ? 'Unknown peer supporter' : 'Unknown mentor');
    if (target.away === 1) throw new ApiError(409, 'conflict', 'That colleague is away; choose someone else');
  }
}
