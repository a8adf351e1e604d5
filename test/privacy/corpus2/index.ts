// generateCorpus2(): corpus2, an evaluation corpus for the identifier detector that nobody tunes on,
// in the record format of ../shared/phi-sample/sample.jsonl. Deterministic: the same records everywhere.

import { cleanNote, idNote } from './notes.ts';
import { seeded } from './rand.ts';
import { applyStyle, disguise, fullWidthDigits, pickStyle } from './style.ts';
import { type Corpus2Record, KINDS, type Kind, type Seg, type Span } from './types.ts';

export type { Corpus2Record, Kind, Seg, Span } from './types.ts';
export { KINDS } from './types.ts';

export const SEED = 'curbside/corpus2/v1';
export const SIZE = 3200;
export const CLEAN_SHARE = 0.45;
/** Share of identifier notes with one disguised value (full-width digits, invisible characters, look-alikes). */
export const DISGUISED_SHARE = 0.05;

function toRecord(id: string, segs: Seg[]): Corpus2Record {
  let text = '';
  const spans: Span[] = [];
  for (const s of segs) {
    if (s.kind && s.text.length) spans.push({ start: text.length, end: text.length + s.text.length, kind: s.kind });
    text += s.text;
  }
  return { id, text, spans };
}

/** The notes as segments (labels as plain text, values marked), before offsets are counted. */
export function generateNotes(size = SIZE, seed = SEED): Seg[][] {
  const r = seeded(seed);
  const cleanCount = Math.ceil(size * CLEAN_SHARE);
  const clean = r.mix(Array.from({ length: size }, (_, i) => i < cleanCount));
  // Every kind targeted equally often, in shuffled rounds.
  const targets: Kind[] = [];
  while (targets.length < size - cleanCount) targets.push(...r.mix(KINDS));
  let next = 0;
  return clean.map((isClean, i) => {
    const nr = r.child(`note/${i}`);
    let segs: Seg[];
    if (isClean) {
      segs = cleanNote(nr);
      if (nr.coin(0.02)) segs = segs.map((s) => ({ ...s, text: fullWidthDigits(s.text) }));
    } else {
      segs = idNote(nr, targets[next++] ?? 'name');
      if (nr.coin(DISGUISED_SHARE)) segs = disguise(nr, segs);
    }
    return applyStyle(nr, segs, pickStyle(nr));
  });
}

export const recordId = (i: number) => `c2-${String(i + 1).padStart(4, '0')}`;

export function generateCorpus2(size = SIZE, seed = SEED): Corpus2Record[] {
  return generateNotes(size, seed).map((segs, i) => toRecord(recordId(i), segs));
}

let memo: Corpus2Record[] | undefined;
/** The corpus at its default size and seed, generated once per process. */
export function corpus2(): Corpus2Record[] {
  memo ??= generateCorpus2();
  return memo;
}

export function toJsonl(records: readonly Corpus2Record[]): string {
  return `${records.map((rec) => JSON.stringify(rec)).join('\n')}\n`;
}
