import { z } from 'zod';
import { ClientId, Id, IsoTime } from './ids';
import { ConfirmedSpans, freeText } from './text';

/**
 * Growth (issue 18): private reflections and "This helped" thank-yous. A reflection is its author's
 * alone; a thank-you reaches every mentor who answered, without the asker's name.
 */

/** What a reflection looks back on: a question the author asked and had answered, or a cycle they own at Study or later. */
export const ReflectionSubject = z.enum(['question', 'cycle']);
export type ReflectionSubject = z.infer<typeof ReflectionSubject>;

export const REFLECTION_PROMPT = 'What will you do differently?';
export const REFLECTION_MAX = 1500;
export const THANKS_MAX = 500;

export const ReflectionCreate = z
  .object({
    clientId: ClientId,
    subjectKind: ReflectionSubject,
    subjectId: Id,
    text: freeText(REFLECTION_MAX),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type ReflectionCreate = z.input<typeof ReflectionCreate>;

export const Reflection = z.object({
  id: Id,
  clientId: ClientId,
  subjectKind: ReflectionSubject,
  subjectId: Id,
  /** What it looks back on, in the author's own words (the question's text, the cycle's change idea). */
  subjectText: z.string(),
  text: z.string(),
  createdAt: IsoTime,
});
export type Reflection = z.infer<typeof Reflection>;
export const ReflectionList = z.object({ reflections: z.array(Reflection) });
export type ReflectionList = z.infer<typeof ReflectionList>;

export const ThanksCreate = z
  .object({ clientId: ClientId, text: freeText(THANKS_MAX), confirmedSpans: ConfirmedSpans.optional() })
  .strict();
export type ThanksCreate = z.input<typeof ThanksCreate>;

/** A thank-you as its sender sees it. */
export const ThanksSent = z.object({
  id: Id,
  clientId: ClientId,
  questionId: Id,
  text: z.string(),
  createdAt: IsoTime,
});
export type ThanksSent = z.infer<typeof ThanksSent>;
export const ThanksSentList = z.object({ thanks: z.array(ThanksSent) });
export type ThanksSentList = z.infer<typeof ThanksSentList>;

/** A thank-you as a mentor who answered sees it: the words and the topic, never who sent it. */
export const ThanksReceived = z.object({
  id: Id,
  text: z.string(),
  topicName: z.string().nullable(),
  createdAt: IsoTime,
});
export type ThanksReceived = z.infer<typeof ThanksReceived>;

/**
 * Hours given is counted at stated rates, not timed. Curbside keeps no lasting record of how long a
 * mentor spent: a claim can be left open overnight, a reply re-times it and a close clears it, so a
 * "timer" would overstate some mentors and miss others. Rates the mentor can check against their counts
 * are honest evidence; the rule is printed beside the figure.
 */
export const MINUTES_PER = { answer: 15, tip: 5, coaching: 30 } as const;
export const HOURS_GIVEN_RULE = `an estimate, not a timer: ${MINUTES_PER.answer} minutes for each question answered, ${MINUTES_PER.tip} for each tip written and ${MINUTES_PER.coaching} more for each improvement coaching thread`;

export function minutesGiven(m: { answersGiven: number; tipsWritten: number; coachingThreads: number }): number {
  return (
    m.answersGiven * MINUTES_PER.answer + m.tipsWritten * MINUTES_PER.tip + m.coachingThreads * MINUTES_PER.coaching
  );
}

/** Minutes as hours, to the quarter hour the rates allow. */
export const hoursGiven = (minutes: number) => Math.round(minutes / 15) / 4;

/** "1.25 hours given (an estimate, …)", the figure with its rule. */
export function hoursGivenText(minutes: number): string {
  const hours = hoursGiven(minutes);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'} given (${HOURS_GIVEN_RULE})`;
}

/** A mentor's own impact: their counts alone, never beside anyone else's. */
export const MentorImpact = z.object({
  /** Questions I answered. */
  answersGiven: z.number().int(),
  /** Of those, how many the asker said helped. */
  markedHelpful: z.number().int(),
  /** Opens of published answers I wrote. */
  publishedReads: z.number().int(),
  /** Improvement coaching threads I claimed or answered in. */
  coachingThreads: z.number().int(),
  /** Screen tips I wrote (asked for after a training gap or not) that are still up. */
  tipsWritten: z.number().int(),
  /** An estimate at stated rates (HOURS_GIVEN_RULE), never a timer. */
  minutesGiven: z.number().int(),
  thanks: z.array(ThanksReceived),
});
export type MentorImpact = z.infer<typeof MentorImpact>;
