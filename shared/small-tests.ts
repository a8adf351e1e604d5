import { z } from 'zod';
import { ClientId, Id, IsoTime } from './ids';
import { PdsaCycle, PdsaDecision } from './pdsa';
import { ConfirmedSpans, freeText } from './text';

/**
 * Clinician-owned small tests: a framed idea from a coaching thread becomes a PDSA cycle the clinician
 * owns, the coach coaches and a lead sponsors. It moves only once the sponsor approves.
 */
export const Approval = z.enum(['pending', 'approved', 'changes', 'declined']);
export type Approval = z.infer<typeof Approval>;

export const APPROVAL_LABELS: Record<Approval, string> = {
  pending: 'Waiting for your sponsor',
  approved: 'Approved',
  changes: 'Your sponsor asked for changes',
  declined: 'Declined',
};

/** The decision as a reporter reads it, before the result sentence. */
export const DECISION_WORDS: Record<PdsaDecision, string> = {
  adopt: 'Adopted',
  adapt: 'Adapted',
  abandon: 'Abandoned',
};

const Plan = {
  changeIdea: freeText(500),
  prediction: freeText(500),
  measure: freeText(300),
};

export const SmallTestCreate = z
  .object({ clientId: ClientId, ...Plan, sponsorId: Id, confirmedSpans: ConfirmedSpans.optional() })
  .strict();
export type SmallTestCreate = z.input<typeof SmallTestCreate>;

export const SmallTestRevise = z.object({ ...Plan, confirmedSpans: ConfirmedSpans.optional() }).strict();
export type SmallTestRevise = z.input<typeof SmallTestRevise>;

export const ApprovalDecision = z
  .object({
    decision: z.enum(['approve', 'changes', 'decline']),
    /** The clinician reads it: needed to ask for changes or to decline. */
    reason: freeText(500).optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict()
  .refine((b) => b.decision === 'approve' || b.reason !== undefined, {
    path: ['reason'],
    message: 'Say why, so the clinician knows what to change',
  });
export type ApprovalDecision = z.input<typeof ApprovalDecision>;

export const SmallTestAdvance = z
  .object({
    stage: z.enum(['do', 'study', 'act']),
    notes: freeText(1000).optional(),
    decision: PdsaDecision.optional(),
    /** At Act: one sentence every reporter of the hotspot reads ("saves about 4 minutes per admission"). */
    result: freeText(300).optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict()
  .refine((b) => b.stage !== 'study' || b.notes !== undefined, {
    path: ['notes'],
    message: 'Study needs what happened, beside the prediction',
  })
  .refine((b) => b.stage !== 'act' || (b.decision !== undefined && b.result !== undefined), {
    path: ['result'],
    message: 'Act needs a decision and a sentence on the result for everyone who reported it',
  })
  .refine((b) => b.stage === 'act' || (b.decision === undefined && b.result === undefined), {
    path: ['decision'],
    message: 'Only the act stage takes a decision and a result',
  });
export type SmallTestAdvance = z.input<typeof SmallTestAdvance>;

export const SmallTestRole = z.enum(['owner', 'coach', 'sponsor']);
export type SmallTestRole = z.infer<typeof SmallTestRole>;

export const SmallTest = z.object({
  cycle: PdsaCycle,
  /** What I am to it. */
  role: SmallTestRole,
  approval: Approval,
  approvalReason: z.string().nullable(),
  sponsorName: z.string(),
  coachName: z.string().nullable(),
  result: z.string().nullable(),
  coachingQuestionId: Id.nullable(),
  createdAt: IsoTime,
});
export type SmallTest = z.infer<typeof SmallTest>;
export const SmallTestList = z.object({ tests: z.array(SmallTest) });
export type SmallTestList = z.infer<typeof SmallTestList>;

/** A lead who can sponsor, for the clinician's picker: names, never ids on screen. */
export const Sponsor = z.object({ id: Id, displayName: z.string() });
export const SponsorList = z.object({ sponsors: z.array(Sponsor) });
export type SponsorList = z.infer<typeof SponsorList>;
