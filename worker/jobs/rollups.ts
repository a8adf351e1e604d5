import { applyPendingFlags } from '../db/pending-rollups';
import type { Env } from '../env';
import { floorToHour } from '../lib/clock';
import { newId } from '../lib/crypto';

/**
 * The hourly batch: counts every flag waiting for its rollups (anonymous flags) that was sent before
 * the current hour began. An anonymous flag's stored time is its hour, so a flag reaches hotspots and
 * counters at the first run after the hour it was sent in ends — at most an hour and the cron's own
 * delay later — together with every other anonymous flag of that hour. A missed run is caught up by
 * the next: nothing waits longer than the runs that do not happen.
 */
export async function runPendingRollups(env: Env, at: number) {
  return applyPendingFlags(env.DB, floorToHour(at), newId);
}
