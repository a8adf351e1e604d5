import { z } from 'zod';
import { ClientId, Id, IsoTime } from './ids';
import { Screen } from './screen';
import { ConfirmedSpans, freeText } from './text';

/** The draft travels redacted, in the body; the server re-checks it like any typed text. */
export const KbSearch = z
  .object({
    query: freeText(500),
    topicId: Id.optional(),
    limit: z.number().int().min(1).max(10).default(3),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type KbSearch = z.input<typeof KbSearch>;

/** Highlighted text as segments, so no client ever renders server-made markup. */
export const Highlighted = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlighted = z.infer<typeof Highlighted>;

export const KbHit = z.object({
  id: Id,
  topicId: Id.nullable(),
  title: Highlighted,
  snippet: Highlighted,
  screen: Screen.nullable(),
  publishedAt: IsoTime,
});
export type KbHit = z.infer<typeof KbHit>;
export const KbSearchResult = z.object({ results: z.array(KbHit) });
export type KbSearchResult = z.infer<typeof KbSearchResult>;

/** A published, de-identified copy: no asker, no mentor names, the day only. */
export const KbEntry = z.object({
  id: Id,
  topicId: Id.nullable(),
  question: z.string(),
  answers: z.array(z.string()),
  screen: Screen.nullable(),
  publishedAt: IsoTime,
});
export type KbEntry = z.infer<typeof KbEntry>;

export const ScreenTipsQuery = z.object({ host: Screen.shape.host }).strict();

export const ScreenTip = z.object({
  id: Id,
  kind: z.enum(['answer', 'tip']),
  path: z.string(),
  /** The question, for a published answer; null for a tip. */
  title: z.string().nullable(),
  text: z.string(),
  createdAt: IsoTime,
  /** A tip the viewer wrote (they may remove it). */
  mine: z.boolean().optional(),
});
export type ScreenTip = z.infer<typeof ScreenTip>;
export const ScreenTipList = z.object({ tips: z.array(ScreenTip) });
export type ScreenTipList = z.infer<typeof ScreenTipList>;

export const TipCreate = z
  .object({
    /** Makes the create idempotent: a double click or a retry under the same id makes one tip. */
    clientId: ClientId,
    screen: Screen,
    text: freeText(500),
    topicId: Id.optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict();
export type TipCreate = z.input<typeof TipCreate>;
