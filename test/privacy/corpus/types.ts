// The record format of ../shared/phi-sample (sample.jsonl): UTF-16 offsets, end exclusive.

import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/phi/types.ts';

// The detector's own kind names, so the corpus and the scorer can never disagree with it.
export const KINDS = IDENTIFIER_KINDS;
export type Kind = IdentifierKind;

export type Span = { start: number; end: number; kind: Kind };
export type CorpusRecord = { id: string; text: string; spans: Span[] };

export type Split = 'tune' | 'heldout';
export const SPLITS: readonly Split[] = ['tune', 'heldout'];

/** A piece of a note: plain text, or an identifier's value (never its label). */
export type Seg = { text: string; kind?: Kind };

/** Something offered to one split only, or to both when `only` is absent. */
export type SplitScoped = { only?: Split };
export const inSplit = (item: SplitScoped, split: Split) => !item.only || item.only === split;
