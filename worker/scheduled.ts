import type { Env } from './env';
import { runDigests } from './jobs/digests';
import { runEscalation } from './jobs/escalation';
import { runMentorships } from './jobs/mentorships';
import { runRetention } from './jobs/retention';
import { runPendingRollups } from './jobs/rollups';
import { HOUR, now } from './lib/clock';

/** The triggers of wrangler.jsonc `triggers.crons`. */
export const DAILY_CRON = '17 3 * * *';
/** The rollup batch's: named flags reach dashboards within a minute (anonymous ones after their hour). */
export const MINUTE_CRON = '* * * * *';
/** The digests': each person's digest at the top of the hour. */
export const HOURLY_CRON = '0 * * * *';
/**
 * Escalation's and mentorships': a question's wait past the organisation's time (or past its share with the
 * asker's mentor) is at most a quarter hour longer, and a check-in reminder at most a quarter hour late.
 */
export const QUARTER_HOUR_CRON = '*/15 * * * *';

/**
 * Every job the cron triggers run, each on its trigger (any other trigger, such as a manual one, runs
 * them all). Each decides for itself what is due at `now()`. Add a job to JOBS rather than a new export.
 */
const JOBS: { name: string; cron: string; run: (env: Env, at: number) => Promise<unknown> }[] = [
  { name: 'retention', cron: DAILY_CRON, run: runRetention },
  { name: 'rollups', cron: MINUTE_CRON, run: runPendingRollups },
  { name: 'digests', cron: HOURLY_CRON, run: runDigests },
  { name: 'escalation', cron: QUARTER_HOUR_CRON, run: runEscalation },
  { name: 'mentorships', cron: QUARTER_HOUR_CRON, run: runMentorships },
];

export async function scheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const known = JOBS.some((job) => job.cron === controller.cron);
  // A manual trigger outside production (`wrangler dev --test-scheduled`, /__scheduled) runs as if an
  // hour had passed, so a local run or the browser suite sees the hourly batch without waiting for it.
  const at = now() + (!known && env.ENVIRONMENT !== 'production' ? HOUR : 0);
  const jobs = JOBS.filter((job) => !known || job.cron === controller.cron);
  const results = await Promise.allSettled(jobs.map((job) => job.run(env, at)));
  const failed = jobs.filter((_, i) => results[i]?.status === 'rejected').map((job) => job.name);
  // Job names and error kinds only: never row contents.
  if (failed.length > 0) {
    const errors = results.map((r) => (r.status === 'rejected' && r.reason instanceof Error ? r.reason.name : null));
    console.error(JSON.stringify({ scheduled: 'failed', jobs: failed, errors: errors.filter(Boolean) }));
    throw new Error(`Scheduled jobs failed: ${failed.join(', ')}`);
  }
}
