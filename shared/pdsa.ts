import { z } from 'zod';
import { ClientId, Id, IsoTime } from './ids';
import { ConfirmedSpans, freeText } from './text';

/**
 * A small test of change on a hotspot: Plan (change idea, prediction, measure), Do, Study (what
 * happened), Act (adopt, adapt or abandon). Stages move forward one at a time.
 */
export const PdsaStage = z.enum(['plan', 'do', 'study', 'act']);
export type PdsaStage = z.infer<typeof PdsaStage>;

export const PdsaDecision = z.enum(['adopt', 'adapt', 'abandon']);
export type PdsaDecision = z.infer<typeof PdsaDecision>;

export const PDSA_STAGE_LABELS: Record<PdsaStage, string> = {
  plan: 'Plan',
  do: 'Do',
  study: 'Study',
  act: 'Act',
};

export const PDSA_DECISION_LABELS: Record<PdsaDecision, string> = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
};

/** The stage a cycle must be in to move to `to`. */
export const PDSA_PREVIOUS: Record<Exclude<PdsaStage, 'plan'>, PdsaStage> = { do: 'plan', study: 'do', act: 'study' };

export const PdsaCycle = z.object({
  id: Id,
  hotspotId: Id,
  ownerId: Id,
  ownerName: z.string(),
  stage: PdsaStage,
  changeIdea: z.string(),
  prediction: z.string(),
  measure: z.string(),
  doNotes: z.string().nullable(),
  studyNotes: z.string().nullable(),
  decision: PdsaDecision.nullable(),
  actNotes: z.string().nullable(),
  createdAt: IsoTime,
  doAt: IsoTime.nullable(),
  studyAt: IsoTime.nullable(),
  actAt: IsoTime.nullable(),
  /** A clinician-owned cycle's result, in one sentence every reporter reads; null until it is decided. */
  result: z.string().nullable().optional(),
});
export type PdsaCycle = z.infer<typeof PdsaCycle>;

/** What reporters see of a cycle: the idea and how far it got, never owner or notes. */
export const PdsaProgress = PdsaCycle.pick({ id: true, stage: true, changeIdea: true, decision: true, result: true });
export type PdsaProgress = z.infer<typeof PdsaProgress>;

/** Who may own a cycle: an active lead or mentor, by name (the lead picks one when starting a cycle). */
export const CycleOwner = z.object({ id: Id, displayName: z.string(), lead: z.boolean(), mentor: z.boolean() });
export type CycleOwner = z.infer<typeof CycleOwner>;
export const CycleOwnerList = z.object({ owners: z.array(CycleOwner) });

export const PdsaCreate = z
  .object({
    /** Makes the create idempotent: a double click or a retry under the same id makes one cycle. */
    clientId: ClientId,
    changeIdea: freeText(500),
    prediction: freeText(500),
    measure: freeText(300),
    /** A lead or mentor; the caller when left out. */
    ownerId: Id.optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type PdsaCreate = z.input<typeof PdsaCreate>;

export const PdsaAdvance = z
  .object({
    stage: z.enum(['do', 'study', 'act']),
    notes: freeText(1000).optional(),
    decision: PdsaDecision.optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict()
  .refine((b) => b.stage !== 'act' || b.decision !== undefined, {
    path: ['decision'],
    message: 'Acting on a cycle needs a decision: adopt, adapt or abandon',
  })
  .refine((b) => b.stage === 'act' || b.decision === undefined, {
    path: ['decision'],
    message: 'Only the act stage takes a decision',
  })
  .refine((b) => b.stage !== 'study' || b.notes !== undefined, {
    path: ['notes'],
    message: 'Study needs a note on what happened',
  });
export type PdsaAdvance = z.input<typeof PdsaAdvance>;
