import { z } from 'zod';
import { Category, Urgency } from './enums';
import { ClientId, Id, IsoTime } from './ids';
import { Question } from './questions';
import { ConfirmedSpans, freeText } from './text';

/**
 * "Help me shape this": coaching on a named flag. The request is a question on this topic (made by
 * migration 0019), so routing, claims, SLA and hand-offs apply as to any question; mentors who take
 * it add the topic to their profile.
 */
export const COACHING_TOPIC_ID = 'improvement_coach';

/** The framing card, field by field, with the question each answers. */
export const FRAMING_FIELDS = {
  problem: 'The problem in one sentence',
  affects: 'Who it affects, and how often',
  patients: 'What matters to patients',
  measure: 'How we would know it improved (a measure)',
  smallestTest: 'The smallest test worth trying',
} as const;
export type FramingField = keyof typeof FRAMING_FIELDS;

export const FramingText = z.object({
  problem: z.string(),
  affects: z.string(),
  patients: z.string(),
  measure: z.string(),
  smallestTest: z.string(),
});
export type FramingText = z.infer<typeof FramingText>;

export const FramingCard = FramingText.extend({
  /** Bumped by every save; a save names the revision it edited. */
  revision: z.number().int(),
  updatedByName: z.string().nullable(),
  updatedAt: IsoTime.nullable(),
});
export type FramingCard = z.infer<typeof FramingCard>;

/** The whole card as its editor sees it; a field left out is cleared. */
export const FramingUpdate = z
  .object({
    revision: z.number().int().min(0),
    problem: freeText(300).optional(),
    affects: freeText(300).optional(),
    patients: freeText(300).optional(),
    measure: freeText(300).optional(),
    smallestTest: freeText(300).optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type FramingUpdate = z.input<typeof FramingUpdate>;

export const CoachingCreate = z
  .object({
    clientId: ClientId,
    /** What the clinician would like help with. */
    text: freeText(1500),
    urgency: Urgency.default('this_week'),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type CoachingCreate = z.input<typeof CoachingCreate>;

/** The flag a coaching thread is about, as the asker wrote it. */
export const CoachedFlag = z.object({ id: Id, text: z.string(), category: Category, createdAt: IsoTime });

export const Coaching = z.object({
  questionId: Id,
  flag: CoachedFlag,
  card: FramingCard,
  /** The asker, and the mentor who holds or answered the question, edit the card; others in routing read it. */
  canEdit: z.boolean(),
});
export type Coaching = z.infer<typeof Coaching>;
export const CoachingList = z.object({ coaching: z.array(Coaching) });
export type CoachingList = z.infer<typeof CoachingList>;

export const CoachingCreated = z.object({ question: Question, coaching: Coaching });
export type CoachingCreated = z.infer<typeof CoachingCreated>;
