import { z } from 'zod';
import { Discipline, Urgency } from './enums';
import { ClientId, Id, IsoTime } from './ids';
import { Answer, DisciplineWanted, QuestionKind, ThreadMessage } from './questions';
import { Screen } from './screen';
import { SlaState } from './sla';
import { ConfirmedSpans, freeText } from './text';

/** What a mentor takes: routing is by topic and by the disciplines they answer for. */
export const MentorProfile = z
  .object({
    topicIds: z.array(Id).max(100),
    disciplines: z.array(Discipline).max(Discipline.options.length),
    weeklyCapacity: z.number().int().min(0).max(200),
    away: z.boolean(),
  })
  .strict();
export type MentorProfile = z.infer<typeof MentorProfile>;

export const MentorProfileView = MentorProfile.extend({ answeredThisWeek: z.number().int() });
export type MentorProfileView = z.infer<typeof MentorProfileView>;

/** A colleague to hand a question to. */
export const MentorSummary = z.object({
  id: Id,
  displayName: z.string(),
  discipline: Discipline,
  topicIds: z.array(Id),
  away: z.boolean(),
  mentor: z.boolean(),
  peerSupporter: z.boolean(),
});
export type MentorSummary = z.infer<typeof MentorSummary>;
export const MentorList = z.object({ mentors: z.array(MentorSummary) });

/** Stored state of a question as mentors see it; `clarifying` waits for the asker. */
export const QueueStatus = z.enum(['open', 'clarifying', 'answered', 'closed']);
export type QueueStatus = z.infer<typeof QueueStatus>;

/** A page of the queue: how many questions it lists unless asked for another number, and at most. */
export const QUEUE_PAGE = 20;
export const QUEUE_PAGE_MAX = 200;

export const QueueFilter = z.enum(['all', 'unclaimed', 'mine']);
export type QueueFilter = z.infer<typeof QueueFilter>;

export const QueueQuery = z
  .object({
    filter: QueueFilter.default('all'),
    topicId: Id.optional(),
    urgency: Urgency.optional(),
    kind: QuestionKind.optional(),
    /** The most urgent first; the inbox summary counts the rest. */
    limit: z.coerce.number().int().min(1).max(QUEUE_PAGE_MAX).default(QUEUE_PAGE),
  })
  .strict();
export type QueueQuery = z.input<typeof QueueQuery>;

export const ClaimState = z.object({
  state: z.enum(['unclaimed', 'mine', 'other']),
  byName: z.string().nullable(),
  expiresAt: IsoTime.nullable(),
});
export type ClaimState = z.infer<typeof ClaimState>;

export const QueueItem = z.object({
  id: Id,
  kind: QuestionKind,
  text: z.string(),
  topicId: Id.nullable(),
  disciplineWanted: DisciplineWanted,
  urgency: Urgency,
  screen: Screen.nullable(),
  pageTitle: z.string().nullable(),
  status: QueueStatus,
  createdAt: IsoTime,
  askerDiscipline: Discipline,
  sla: SlaState,
  claim: ClaimState,
  /** Handed to me by name, whatever my routing. */
  handedToMe: z.boolean(),
  /** Need to talk, unclaimed for 30 minutes or more: every peer supporter is alerted. */
  escalated: z.boolean(),
  /** Moved here from another topic (the fallback route), nobody having claimed it in the organisation's time. */
  movedFrom: z.object({ topicId: Id, at: IsoTime }).nullable(),
  shareable: z.boolean(),
  /** A colleague holding it invited a discipline I answer for: I may answer in it, the claim stays theirs. */
  invitedMe: z.boolean().default(false),
});
export type QueueItem = z.infer<typeof QueueItem>;
export const QueueList = z.object({ items: z.array(QueueItem) });
export type QueueList = z.infer<typeof QueueList>;

export const HandOff = z.object({
  id: Id,
  fromName: z.string(),
  toTopicId: Id.nullable(),
  toDiscipline: DisciplineWanted.nullable(),
  toMentorName: z.string().nullable(),
  note: z.string(),
  createdAt: IsoTime,
});
export type HandOff = z.infer<typeof HandOff>;

export const QueueItemDetail = QueueItem.extend({
  answers: z.array(Answer),
  messages: z.array(ThreadMessage),
  handoffs: z.array(HandOff),
  /** Disciplines invited into the thread alongside whoever holds it. */
  invites: z.array(Discipline).default([]),
});

/** Invite a second discipline into a question I hold, without handing it off (issue 18). */
export const InviteCreate = z.object({ discipline: Discipline }).strict();
export type InviteCreate = z.infer<typeof InviteCreate>;
export type QueueItemDetail = z.infer<typeof QueueItemDetail>;

export const AnswerCreate = z
  .object({ clientId: ClientId, text: freeText(4000), confirmedSpans: ConfirmedSpans.optional() })
  .strict();
export type AnswerCreate = z.input<typeof AnswerCreate>;

export const ClarifyCreate = z.object({ text: freeText(1000), confirmedSpans: ConfirmedSpans.optional() }).strict();
export type ClarifyCreate = z.input<typeof ClarifyCreate>;

export const HandOffCreate = z
  .object({
    topicId: Id.optional(),
    disciplineWanted: DisciplineWanted.optional(),
    mentorId: Id.optional(),
    note: freeText(500),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict()
  .refine((b) => b.topicId || b.disciplineWanted || b.mentorId, {
    message: 'Hand off to a topic, a discipline or a named mentor',
    path: ['topicId'],
  });
export type HandOffCreate = z.input<typeof HandOffCreate>;

export const ShareableBody = z.object({ shareable: z.boolean() }).strict();

/** What publishing to the knowledge base came to after an action. */
export const Publication = z.object({
  published: z.boolean(),
  /** Why not, when not: each of these must hold before a copy is published. */
  waitingFor: z.array(z.enum(['answer', 'asker_consent', 'mentor_shareable'])),
  /** The texts were checked again and something still looks like an identifier: nothing is published. */
  identifiersFound: z.boolean(),
});
export type Publication = z.infer<typeof Publication>;

export const QueueActionResult = z.object({ item: QueueItemDetail, publication: Publication.optional() });
export type QueueActionResult = z.infer<typeof QueueActionResult>;

/** For the toolbar badge and notifications; counts and ids only. */
export const InboxSummary = z.object({
  /** Unclaimed questions in my routing or handed to me (zero while away, escalations aside). */
  unclaimed: z.number().int(),
  urgent: z.array(z.object({ id: Id, kind: QuestionKind, createdAt: IsoTime })),
  escalated: z.array(z.object({ id: Id, createdAt: IsoTime })),
});
export type InboxSummary = z.infer<typeof InboxSummary>;

export const PeerAuditEntry = z.object({
  at: IsoTime,
  change: z.enum(['granted', 'removed']),
  userName: z.string(),
  byName: z.string().nullable(),
});
export const PeerAudit = z.object({ entries: z.array(PeerAuditEntry) });
export type PeerAudit = z.infer<typeof PeerAudit>;
