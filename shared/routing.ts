import { z } from 'zod';
import { Id } from './ids';
import { DisciplineWanted } from './questions';

/** A route a question can take: a topic and the discipline wanted of its mentor. */
export const CoverageQuery = z
  .object({
    /** Left out by "Need to talk", which asks only whether a peer supporter is there. */
    topicId: Id.optional(),
    disciplineWanted: DisciplineWanted.default('any'),
  })
  .strict();
export type CoverageQuery = z.input<typeof CoverageQuery>;

/**
 * The nearest route that someone does take: the same topic from any discipline, else the
 * organisation's fallback route (a coordinator topic).
 */
export const RouteSuggestion = z.object({
  reason: z.enum(['any_discipline', 'fallback']),
  topicId: Id,
  disciplineWanted: DisciplineWanted,
});
export type RouteSuggestion = z.infer<typeof RouteSuggestion>;

/**
 * Whether anyone would see a question, before it is sent. Yes or no only, never who: a route is
 * covered when an active mentor other than the asker, not away, takes its topic and discipline.
 */
export const Coverage = z.object({
  /** Null when no topic was asked about. */
  covered: z.boolean().nullable(),
  /** Only when not covered; null when no nearer route is covered either. */
  suggestion: RouteSuggestion.nullable(),
  /** An active peer supporter other than the asker, not away, is there for "Need to talk". */
  peerSupport: z.boolean(),
});
export type Coverage = z.infer<typeof Coverage>;
