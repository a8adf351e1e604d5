// The record format of ../shared/phi-sample/sample.jsonl (UTF-16 offsets, end exclusive) and the kind
// names the detector reports (shared/phi/types.ts IDENTIFIER_KINDS).

import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/phi/types.ts';

// The detector's own kind names, so the corpus and the scorer can never disagree with it.
export const KINDS = IDENTIFIER_KINDS;
export type Kind = IdentifierKind;
export type Span = { start: number; end: number; kind: Kind };
export type Corpus2Record = { id: string; text: string; spans: Span[] };

/** A piece of a note: plain text, or an identifier's value (never its label). */
export type Seg = { text: string; kind?: Kind };
export const t = (text: string): Seg => ({ text });
export const v = (kind: Kind, text: string): Seg => ({ text, kind });
