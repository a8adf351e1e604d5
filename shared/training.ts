import { z } from 'zod';
import { Category } from './enums';
import { ClientId, Id, IsoTime } from './ids';
import { Screen } from './screen';
import { ConfirmedSpans, freeText } from './text';

/**
 * Training gap → tip (issue 18): a lead resolves a hotspot as "training gap" (the tool can do it; nobody
 * showed us), which asks the mentors of a topic for a tip on its screen. Published, the tip shows on the
 * popup of everyone who opens Curbside there, and every reporter of the hotspot reads it in My items.
 */

export const Resolution = z.enum(['fixed', 'training_gap']);
export type Resolution = z.infer<typeof Resolution>;

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  fixed: 'Fixed',
  training_gap: 'Training gap',
};

export const TrainingGapCreate = z
  .object({
    /** One request per click: a retry under the same id is answered with the first. */
    clientId: ClientId,
    /** The mentors who take this topic are asked (every mentor when nobody available takes it). */
    topicId: Id,
    /** What people struggled with, for the mentor. */
    note: freeText(500).optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type TrainingGapCreate = z.input<typeof TrainingGapCreate>;

/** What a hotspot shows of its request: open until a tip is written, then the tip. */
export const TipRequestState = z.object({
  id: Id,
  topicId: Id,
  requestedAt: IsoTime,
  tip: z.object({ id: Id, text: z.string(), publishedAt: IsoTime }).nullable(),
});
export type TipRequestState = z.infer<typeof TipRequestState>;

/** An open request as a mentor sees it in the inbox: the screen, the hotspot's words, the lead's note. */
export const TipRequest = z.object({
  id: Id,
  screen: Screen,
  category: Category,
  title: z.string().nullable(),
  topicId: Id,
  note: z.string().nullable(),
  requestedAt: IsoTime,
});
export type TipRequest = z.infer<typeof TipRequest>;

export const TipRequestList = z.object({ requests: z.array(TipRequest) });
export type TipRequestList = z.infer<typeof TipRequestList>;

export const RequestedTipCreate = z
  .object({ clientId: ClientId, text: freeText(500), confirmedSpans: ConfirmedSpans.optional() })
  .strict();
export type RequestedTipCreate = z.input<typeof RequestedTipCreate>;

/** The tip written for a flag's hotspot after a training gap, as every reporter reads it. */
export const FlagTip = z.object({ id: Id, text: z.string(), publishedAt: IsoTime });
export type FlagTip = z.infer<typeof FlagTip>;
