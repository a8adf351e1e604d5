import { z } from 'zod';
import { Discipline } from './enums';
import { ClientId, Id, IsoTime } from './ids';
import { ConfirmedSpans, freeText } from './text';

/**
 * Mentorships: an opt-in standing pairing for a period (a residency year, a new role). The mentee asks a
 * named mentor (who accepts or declines) or asks for anyone (a programme lead assigns a mentor with
 * room). Each mentee a mentor holds takes one of their weekly slots (`weeklyCapacity`), so a mentor at
 * capacity, or away, is neither assigned nor able to accept. Either side ends it, with no reason asked.
 */
export const MentorshipStatus = z.enum(['requested', 'active', 'declined', 'ended']);
export type MentorshipStatus = z.infer<typeof MentorshipStatus>;

/** Who a request waits on: the named mentor, or a programme lead to assign one. */
export const MentorshipAwaiting = z.enum(['mentor', 'lead']);
export type MentorshipAwaiting = z.infer<typeof MentorshipAwaiting>;

export const Rhythm = z.enum(['weekly', 'fortnightly', 'monthly']);
export type Rhythm = z.infer<typeof Rhythm>;

export const RHYTHM_LABELS: Record<Rhythm, string> = {
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every four weeks',
};

const DAY_MS = 86_400_000;
/** A rhythm's step, in days (monthly is four weeks, so a check-in keeps its weekday). */
export const RHYTHM_DAYS: Record<Rhythm, number> = { weekly: 7, fortnightly: 14, monthly: 28 };
export const rhythmMs = (r: Rhythm) => RHYTHM_DAYS[r] * DAY_MS;

export const MENTORSHIP_STATUS_LABELS: Record<MentorshipStatus, string> = {
  requested: 'Waiting for an answer',
  active: 'Active',
  declined: 'Not taken up',
  ended: 'Ended',
};

export const MentorshipRequest = z
  .object({
    clientId: ClientId,
    /** A named mentor, or none: a programme lead assigns one with room. */
    mentorId: Id.optional(),
    /** What the pairing is for: "my residency year", "new to the charge nurse role". */
    purpose: freeText(200),
    /** The goals the mentee brings; both sides edit them once it starts. */
    goals: freeText(1500).optional(),
    rhythm: Rhythm.default('fortnightly'),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type MentorshipRequest = z.input<typeof MentorshipRequest>;

export const MentorshipAssign = z.object({ mentorId: Id }).strict();
export type MentorshipAssign = z.input<typeof MentorshipAssign>;

export const MentorshipGoals = z
  .object({
    goals: freeText(1500),
    rhythm: Rhythm.optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type MentorshipGoals = z.input<typeof MentorshipGoals>;

export const MentorshipPerson = z.object({ id: Id, displayName: z.string(), discipline: Discipline });
export type MentorshipPerson = z.infer<typeof MentorshipPerson>;

export const Mentorship = z.object({
  id: Id,
  clientId: ClientId,
  status: MentorshipStatus,
  /** Set while requested. */
  awaiting: MentorshipAwaiting.nullable(),
  mentee: MentorshipPerson,
  mentor: MentorshipPerson.nullable(),
  purpose: z.string(),
  goals: z.string(),
  rhythm: Rhythm,
  createdAt: IsoTime,
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  /** While active: when the next check-in falls. */
  nextCheckInAt: IsoTime.nullable(),
  /** The scheduled job's last reminder of a check-in due (both sides read it). */
  remindedAt: IsoTime.nullable(),
  /** The viewer's side: mentee, mentor, or a lead looking after the programme. */
  myRole: z.enum(['mentee', 'mentor', 'lead']),
});
export type Mentorship = z.infer<typeof Mentorship>;

export const MentorshipList = z.object({ mentorships: z.array(Mentorship) });
export type MentorshipList = z.infer<typeof MentorshipList>;

/** A mentor a mentee may ask: whether they have room, never their load. */
export const MentorChoice = MentorshipPerson.extend({ hasRoom: z.boolean() });
export const MentorChoiceList = z.object({ mentors: z.array(MentorChoice) });
export type MentorChoiceList = z.infer<typeof MentorChoiceList>;

/** A lead's view of each mentor: mentees held against weekly capacity. */
export const MentorLoad = MentorshipPerson.extend({
  mentees: z.number().int(),
  weeklyCapacity: z.number().int(),
  away: z.boolean(),
  hasRoom: z.boolean(),
});
export const ProgrammeMentorships = z.object({
  mentorships: z.array(Mentorship),
  mentors: z.array(MentorLoad),
});
export type ProgrammeMentorships = z.infer<typeof ProgrammeMentorships>;

/** A mentee's questions reach their mentor alone first, for this share of the SLA (then normal routing). */
export const MENTOR_FIRST_SLA_SHARE = 0.75;
