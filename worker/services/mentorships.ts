import type { Context } from 'hono';
import type { Urgency } from '../../shared/enums';
import { MENTOR_FIRST_SLA_SHARE, type Mentorship } from '../../shared/mentorships';
import type { Settings } from '../../shared/settings';
import { addCounted, slaTargetMs } from '../../shared/sla';
import { getMentorship, mentorFirstFor, type StoredMentorship } from '../db/mentorships';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';

/** The viewer's side of a stored mentorship, or null when they are neither party nor a lead. */
export function sideOf(stored: StoredMentorship, user: { id: string; roles: readonly string[] }) {
  if (stored.menteeId === user.id) return 'mentee' as const;
  if (stored.mentorId !== null && stored.mentorId === user.id) return 'mentor' as const;
  if (user.roles.includes('lead')) return 'lead' as const;
  return null;
}

export const withSide = (stored: StoredMentorship, myRole: Mentorship['myRole']): Mentorship => ({
  ...stored.mentorship,
  myRole,
});

/**
 * A mentorship as the caller may see it: its two parties and programme leads. Anyone else gets the 404
 * of one that does not exist, so an id says nothing about who is paired with whom.
 */
export async function mentorshipFor(c: Context<AppEnv>, id: string): Promise<Mentorship> {
  const stored = await getMentorship(c.env.DB, id);
  const side = stored && sideOf(stored, requireAuth(c).user);
  if (!stored || !side) throw notFound('Mentorship');
  return withSide(stored, side);
}

/**
 * Where a mentee's question goes first: to their mentor alone (while the mentorship is active and the
 * mentor is not away) until this share of its SLA has passed, then normal routing. Null: normal routing.
 */
export async function mentorFirstRoute(
  db: D1Database,
  menteeId: string,
  urgency: Urgency,
  at: number,
  settings: Settings,
): Promise<{ mentorId: string; until: number } | null> {
  const mentorId = await mentorFirstFor(db, menteeId);
  if (!mentorId) return null;
  const share = Math.round(slaTargetMs(urgency, settings) * MENTOR_FIRST_SLA_SHARE);
  return { mentorId, until: addCounted(urgency, at, share, settings.timeZone) };
}
