import { z } from 'zod';
import { Discipline, Urgency } from './enums';
import { ClientId, Id, IsoTime } from './ids';
import { Screen } from './screen';
import { ConfirmedSpans, freeText } from './text';

export const QuestionStatus = z.enum(['open', 'claimed', 'answered', 'closed']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const DisciplineWanted = z.union([Discipline, z.literal('any')]);

/** `need_to_talk` is peer support after a hard case: it reaches peer supporters only. */
export const QuestionKind = z.enum(['question', 'need_to_talk']);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const QuestionCreate = z
  .object({
    clientId: ClientId,
    text: freeText(1500),
    topicId: Id,
    disciplineWanted: DisciplineWanted.default('any'),
    urgency: Urgency,
    screen: Screen.optional(),
    pageTitle: freeText(300).optional(),
    /** A mentee's question goes to their mentor alone first (shared/mentorships.ts), then normal routing. */
    mentorFirst: z.boolean().optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type QuestionCreate = z.input<typeof QuestionCreate>;

export const Answer = z.object({
  id: Id,
  text: z.string(),
  mentorName: z.string(),
  createdAt: IsoTime,
});
export type Answer = z.infer<typeof Answer>;

/** A clarifying question from the mentor, or the asker's reply to one. */
export const ThreadMessage = z.object({
  id: Id,
  kind: z.enum(['clarification', 'reply']),
  text: z.string(),
  authorName: z.string(),
  createdAt: IsoTime,
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const Question = z.object({
  id: Id,
  clientId: ClientId,
  kind: QuestionKind,
  text: z.string(),
  /** Null for `need_to_talk`, which has no topic. */
  topicId: Id.nullable(),
  disciplineWanted: DisciplineWanted,
  urgency: Urgency,
  screen: Screen.nullable(),
  pageTitle: z.string().nullable(),
  status: QuestionStatus,
  createdAt: IsoTime,
  answers: z.array(Answer),
  /** Clarifying questions and replies, oldest first. */
  messages: z.array(ThreadMessage),
  /** A mentor asked a clarifying question and waits for the asker's reply. */
  needsReply: z.boolean(),
  helpful: z.boolean().nullable(),
  shareConsent: z.boolean(),
  /** A de-identified copy is in the knowledge base. */
  published: z.boolean(),
});
export type Question = z.infer<typeof Question>;

export const QuestionList = z.object({ questions: z.array(Question) });
export type QuestionList = z.infer<typeof QuestionList>;

export const ReplyCreate = z.object({ text: freeText(1500), confirmedSpans: ConfirmedSpans.optional() }).strict();
export type ReplyCreate = z.input<typeof ReplyCreate>;

export const HelpfulBody = z.object({ helpful: z.boolean() }).strict();
export const ConsentBody = z.object({ consent: z.boolean() }).strict();

export const NeedToTalkCreate = z
  .object({
    clientId: ClientId,
    /** Optional: asking to talk needs no explanation. */
    text: freeText(1500).optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type NeedToTalkCreate = z.input<typeof NeedToTalkCreate>;

/** The organisation's contacts, shown to the asker at once, before any peer supporter replies. */
export const SupportContacts = z.object({ employeeAssistance: z.string(), crisisContacts: z.string() });
export const NeedToTalkCreated = z.object({ question: Question, support: SupportContacts });
export type NeedToTalkCreated = z.infer<typeof NeedToTalkCreated>;
