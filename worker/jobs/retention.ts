import { auditStatement } from '../db/audit';
import { clearOldFreeText } from '../db/retention';
import { getSettings } from '../db/settings';
import type { Env } from '../env';
import { DAY } from '../lib/clock';

/**
 * Clears the free text of flags and questions older than `retentionDays` (a setting, 365 by default),
 * and records the counts — never any text — in the audit log.
 */
export async function runRetention(env: Env, at: number) {
  const { retentionDays } = await getSettings(env.DB);
  const cutoff = at - retentionDays * DAY;
  const cleared = await clearOldFreeText(env.DB, cutoff);
  const any = Object.values(cleared).some((n) => n > 0);
  if (any) {
    await auditStatement(env.DB, {
      at,
      actorId: null,
      action: 'retention.cleared_free_text',
      details: { retentionDays, cutoff: new Date(cutoff).toISOString(), ...cleared },
    }).run();
  }
  return { cutoff, cleared };
}
