// The record format of ../shared/phi-sample (sample.jsonl): UTF-16 offsets, end exclusive.

export const KINDS = [
  'name',
  'date',
  'age',
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'account',
  'health_plan',
  'license',
  'vehicle',
  'device',
  'url',
  'ip',
  'address',
  'zip',
  'other_id',
] as const;
export type Kind = (typeof KINDS)[number];

export type Span = { start: number; end: number; kind: Kind };
export type CorpusRecord = { id: string; text: string; spans: Span[] };

export type Split = 'tune' | 'heldout';
export const SPLITS: readonly Split[] = ['tune', 'heldout'];

/** A piece of a note: plain text, or an identifier's value (never its label). */
export type Seg = { text: string; kind?: Kind };

/** Something offered to one split only, or to both when `only` is absent. */
export type SplitScoped = { only?: Split };
export const inSplit = (item: SplitScoped, split: Split) => !item.only || item.only === split;
