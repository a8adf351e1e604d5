import { applyPendingFlags } from '../db/pending-rollups';
import type { Env } from '../env';
import { floorToHour } from '../lib/clock';
import { newId } from '../lib/crypto';

/**
 * The rollup batch, every minute: counts every waiting named flag, and every anonymous flag sent before
 * the current hour began. So a named flag reaches hotspots, dashboards and exports within a minute (plus
 * the cron's own delay). An anonymous flag's stored time is its hour, so it counts at the first run
 * after that hour ends, together with every other anonymous flag of the hour — at most an hour and the
 * cron's delay later. A missed run is caught up by the next: nothing waits longer than the runs that do
 * not happen.
 */
export async function runPendingRollups(env: Env, at: number) {
  return applyPendingFlags(env.DB, floorToHour(at), newId);
}
