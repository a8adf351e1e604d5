import type { z } from 'zod';
import type { Coverage, CoverageQuery } from '../../shared/routing';
import { coverageOf } from '../db/routing';

/**
 * Coverage of a route for one asker, and when nobody takes it the nearest route someone does:
 * the same topic from any discipline, else the organisation's fallback topic. Yes or no only.
 */
export async function routeCoverage(
  db: D1Database,
  askerId: string,
  query: z.output<typeof CoverageQuery>,
  fallbackTopicId: string | null,
): Promise<Coverage> {
  const topicId = query.topicId ?? null;
  const wanted = query.disciplineWanted;
  const fallback = fallbackTopicId !== topicId ? fallbackTopicId : null;
  const row = await coverageOf(db, askerId, topicId, wanted, fallback);
  const peerSupport = row?.peer === 1;
  if (topicId === null) return { covered: null, suggestion: null, peerSupport };
  if (row?.exact === 1) return { covered: true, suggestion: null, peerSupport };
  const suggestion =
    wanted !== 'any' && row?.any_discipline === 1
      ? { reason: 'any_discipline' as const, topicId, disciplineWanted: 'any' as const }
      : fallback !== null && row?.fallback === 1
        ? { reason: 'fallback' as const, topicId: fallback, disciplineWanted: 'any' as const }
        : null;
  return { covered: false, suggestion, peerSupport };
}
