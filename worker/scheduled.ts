import type { Env } from './env';
import { runRetention } from './jobs/retention';
import { now } from './lib/clock';

/**
 * Every job the cron triggers run (wrangler.jsonc `triggers.crons`). Each job decides for itself what
 * is due at `now()`, so one daily trigger serves them all; add a job to JOBS rather than a new export.
 */
const JOBS: { name: string; run: (env: Env, at: number) => Promise<unknown> }[] = [
  { name: 'retention', run: runRetention },
];

export async function scheduled(_controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const at = now();
  const results = await Promise.allSettled(JOBS.map((job) => job.run(env, at)));
  const failed = JOBS.filter((_, i) => results[i]?.status === 'rejected').map((job) => job.name);
  // Job names and error kinds only: never row contents.
  if (failed.length > 0) {
    const errors = results.map((r) => (r.status === 'rejected' && r.reason instanceof Error ? r.reason.name : null));
    console.error(JSON.stringify({ scheduled: 'failed', jobs: failed, errors: errors.filter(Boolean) }));
    throw new Error(`Scheduled jobs failed: ${failed.join(', ')}`);
  }
}
