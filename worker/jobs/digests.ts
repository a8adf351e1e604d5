import type { Env } from '../env';
import { deliverDue } from '../services/deliveries';
import { enqueueWeeklyDigests } from '../services/dispatch';

/** Hourly: enqueue the week's digests where still missing, then send whatever is due (new and retries). */
export async function runDigests(env: Env, at: number): Promise<{ enqueued: number; sent: number }> {
  const enqueued = (await enqueueWeeklyDigests(env, at)).length;
  const sent = await deliverDue(env, at);
  return { enqueued, sent };
}
