import { z } from 'zod';
import { Discipline, Urgency } from './enums';
import { ClientId, Id, IsoTime } from './ids';
import { Screen } from './screen';
import { ConfirmedSpans, freeText } from './text';

export const QuestionStatus = z.enum(['open', 'claimed', 'answered', 'closed']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const DisciplineWanted = z.union([Discipline, z.literal('any')]);

export const QuestionCreate = z
  .object({
    clientId: ClientId,
    text: freeText(1500),
    topicId: Id,
    disciplineWanted: DisciplineWanted.default('any'),
    urgency: Urgency,
    screen: Screen.optional(),
    pageTitle: freeText(300).optional(),
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

export const Question = z.object({
  id: Id,
  clientId: ClientId,
  text: z.string(),
  topicId: Id,
  disciplineWanted: DisciplineWanted,
  urgency: Urgency,
  screen: Screen.nullable(),
  pageTitle: z.string().nullable(),
  status: QuestionStatus,
  createdAt: IsoTime,
  answers: z.array(Answer),
});
export type Question = z.infer<typeof Question>;

export const QuestionList = z.object({ questions: z.array(Question) });
export type QuestionList = z.infer<typeof QuestionList>;
