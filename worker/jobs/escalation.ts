import { claimCutoff } from '../db/claims';
import { escalateStatements } from '../db/escalation';
import { getSettings } from '../db/settings';
import type { Env } from '../env';
import { newId } from '../lib/crypto';

/**
 * Nothing waits unseen: a question nobody has claimed within the organisation's escalation time
 * moves to its fallback route (a coordinator topic), and admins find the move in the audit. Without
 * a fallback route set, nothing moves. Runs every quarter hour, so a move is at most that late.
 */
export async function runEscalation(env: Env, at: number) {
  const settings = await getSettings(env.DB);
  if (!settings.fallbackTopicId) return { moved: 0 };
  const [moved] = await env.DB.batch(
    escalateStatements(env.DB, {
      at,
      cutoff: at - settings.escalateAfterMinutes * 60_000,
      claimCutoff: claimCutoff(at, settings.claimExpiryMinutes),
      fallbackTopicId: settings.fallbackTopicId,
      afterMinutes: settings.escalateAfterMinutes,
      auditId: newId(),
    }),
  );
  return { moved: moved?.results.length ?? 0 };
}
