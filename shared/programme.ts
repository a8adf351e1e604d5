import { z } from 'zod';
import { Id, IsoTime } from './ids';

export const ProgrammeQuery = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '"to" must not be before "from"' });
export type ProgrammeQuery = z.input<typeof ProgrammeQuery>;

export const WeekCount = z.object({ week: IsoTime, count: z.number().int() });

/** Share of flags whose hotspot got a public response, and that led to a change. */
export const LoopShares = z.object({
  flags: z.number().int(),
  responded: z.number().nullable(),
  changed: z.number().nullable(),
});

const UnitLoop = z.object({
  flags: z.number().int(),
  responded: z.number().nullable(),
  changed: z.number().nullable(),
});

export const ProgrammeHealth = z.object({
  k: z.number().int(),
  range: z.object({ from: IsoTime, to: IsoTime }),
  loop: LoopShares,
  /** The anchor programme's aim for both shares. */
  loopTarget: z.number(),
  flagsPerWeek: z.array(WeekCount),
  questionsPerWeek: z.array(WeekCount),
  /** Minutes from asking to the first answer, over questions asked in the range that have one. */
  firstAnswer: z.object({
    answered: z.number().int(),
    medianMinutes: z.number().nullable(),
    p90Minutes: z.number().nullable(),
    /** Null until the shared SLA function exists (mentor queue work). */
    withinSla: z.number().nullable(),
  }),
  /** Null until the shared SLA function exists. */
  openPastSla: z.number().int().nullable(),
  /** Answers per mentor in the range. */
  mentorLoad: z.object({
    mentors: z.number().int(),
    min: z.number().int().nullable(),
    median: z.number().nullable(),
    max: z.number().int().nullable(),
  }),
  /** Published answers opened in the range. */
  kbDeflections: z.number().int().nullable(),
  /** Loop shares per unit where shown (shared/kanon.ts); `unitId` null: flags without a unit. */
  byUnit: z.array(UnitLoop.extend({ unitId: Id.nullable() })),
  /** Every unit cell held back, pooled with no unit. */
  otherUnits: UnitLoop,
  /**
   * Growth (issue 18), organisation-wide over the range, never per person: the share of flags whose
   * hotspot became a test of change (a PDSA cycle running or decided, not one waiting for approval), and
   * mentor recognition as counts — thank-yous, answers marked helpful, mentors thanked, tips written.
   */
  growth: z.object({
    tested: z.number().nullable(),
    thanks: z.number().int(),
    markedHelpful: z.number().int(),
    mentorsThanked: z.number().int(),
    tipsWritten: z.number().int(),
  }),
  notes: z.array(z.string()),
});
export type ProgrammeHealth = z.infer<typeof ProgrammeHealth>;
