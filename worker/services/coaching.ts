import type { Context } from 'hono';
import type { Coaching } from '../../shared/coaching';
import { getCoaching } from '../db/coaching';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { getQueueItem, viewerFor } from './queue';

/**
 * Who may read and edit a coaching thread's card, by the question rules: its asker reads and edits; a
 * mentor reads it while the question is in their routing (as they read the question) and edits it while
 * they hold it or after they answered it. Anyone else gets the 404 of a thread that does not exist.
 */
export async function coachingFor(c: Context<AppEnv>, questionId: string): Promise<Coaching> {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const stored = await getCoaching(db, questionId);
  if (!stored) throw notFound('Coaching thread');
  if (stored.askerId === user.id) return { ...stored.coaching, canEdit: true };
  if (!user.roles.includes('mentor')) throw notFound('Coaching thread');
  const item = await getQueueItem(db, await viewerFor(c), questionId);
  if (!item) throw notFound('Coaching thread');
  return { ...stored.coaching, canEdit: item.claim.state === 'mine' };
}
