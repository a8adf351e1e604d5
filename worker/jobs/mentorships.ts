import { releaseMentorFirst, remindDueCheckIns } from '../db/mentorships';
import type { Env } from '../env';

/**
 * Mentorships, every quarter hour: each active pairing whose check-in has fallen due is reminded once
 * (both sides read it in the popup and the inbox until one records the check-in), and a mentee's
 * question left with their mentor alone past its share of the SLA joins normal routing.
 */
export async function runMentorships(env: Env, at: number) {
  const [reminded, released] = await Promise.all([remindDueCheckIns(env.DB, at), releaseMentorFirst(env.DB, at)]);
  return { reminded: reminded.length, released };
}
