// generateCorpus({ split }) returns the notes of one split in the record format of
// ../shared/phi-sample/sample.jsonl. Deterministic: the same records on every machine.

import type { Person } from './names.ts';
import { createRng, type Rng } from './prng.ts';
import { type Ctx, renderTemplate, templateKinds } from './slots.ts';
import { applyStyle, pickStyle } from './style.ts';
import { CLEAN_TEMPLATES, ID_TEMPLATES, type Template } from './templates.ts';
import { type CorpusRecord, inSplit, KINDS, type Kind, type Seg, type Span, type Split } from './types.ts';

export type { CorpusRecord, Kind, Span, Split } from './types.ts';
export { KINDS, SPLITS } from './types.ts';

export type CorpusOptions = {
  split: Split;
  /** Number of notes (default 1,200 per split). */
  size?: number;
  /** Share of notes with no identifier (default 0.45). */
  cleanShare?: number;
};

/** Different seeds per split: the two splits share no random stream. */
const SEEDS: Record<Split, string> = { tune: 'curbside-corpus/tune/v1', heldout: 'curbside-corpus/heldout/v1' };
export const DEFAULT_SIZE = 1400;
export const DEFAULT_CLEAN_SHARE = 0.45;

function toRecord(id: string, segs: Seg[]): CorpusRecord {
  let text = '';
  const spans: Span[] = [];
  for (const s of segs) {
    if (s.kind && s.text.length) spans.push({ start: text.length, end: text.length + s.text.length, kind: s.kind });
    text += s.text;
  }
  return { id, text, spans };
}

const JOINERS = [' ', '. ', '. ', ' - ', '\n', '\n', ' / ', '; ', ' -- ', '. also ', '. Also: '];

function cleanNote(rng: Rng, ctx: Ctx, templates: readonly Template[]): Seg[] {
  const first = renderTemplate(ctx, rng.pick(templates).t);
  if (!rng.chance(0.3)) return first;
  return [...first, { text: rng.pick(JOINERS) }, ...renderTemplate(ctx, rng.pick(templates).t)];
}

/** The order identifier notes target kinds: every kind equally often, shuffled in rounds. */
function kindSchedule(rng: Rng, count: number): Kind[] {
  const out: Kind[] = [];
  while (out.length < count) out.push(...rng.shuffle(KINDS));
  return out.slice(0, count);
}

export function generateCorpus(options: CorpusOptions): CorpusRecord[] {
  const { split } = options;
  const size = options.size ?? DEFAULT_SIZE;
  const cleanShare = options.cleanShare ?? DEFAULT_CLEAN_SHARE;
  const rng = createRng(SEEDS[split]);
  const idTemplates = ID_TEMPLATES.filter((t) => inSplit(t, split));
  const cleanTemplates = CLEAN_TEMPLATES.filter((t) => inSplit(t, split));
  const byKind = new Map<Kind, Template[]>(KINDS.map((k) => [k, idTemplates.filter((t) => templateKinds(t.t).has(k))]));

  const cleanCount = Math.ceil(size * cleanShare);
  const isClean = rng.shuffle(Array.from({ length: size }, (_, i) => i < cleanCount));
  const schedule = kindSchedule(rng, size - cleanCount);
  const prefix = split === 'tune' ? 'curb-t' : 'curb-h';

  const records: CorpusRecord[] = [];
  for (let i = 0; i < size; i++) {
    const noteRng = rng.fork(`note-${i}`);
    const ctx: Ctx = { rng: noteRng, split, people: new Map<string, Person>(), relations: new Map() };
    let segs: Seg[];
    if (isClean[i]) {
      segs = cleanNote(noteRng, ctx, cleanTemplates);
    } else {
      const kind = schedule.shift() ?? 'name';
      const candidates = byKind.get(kind) ?? [];
      segs = renderTemplate(ctx, noteRng.pick(candidates.length ? candidates : idTemplates).t);
      // Clinical context around the identifiers, before or after, as real notes have.
      if (noteRng.chance(0.4)) {
        const extra = renderTemplate(ctx, noteRng.pick(cleanTemplates).t);
        const joiner = { text: noteRng.pick(JOINERS) };
        segs = noteRng.chance(0.5) ? [...extra, joiner, ...segs] : [...segs, joiner, ...extra];
      }
    }
    segs = applyStyle(noteRng, segs, pickStyle(noteRng, split));
    records.push(toRecord(`${prefix}-${String(i + 1).padStart(4, '0')}`, segs));
  }
  return records;
}

/** One call per split for the bench: `corpus('heldout')`. Cached: generating takes a moment. */
const memo = new Map<Split, CorpusRecord[]>();
export function corpus(split: Split): CorpusRecord[] {
  let records = memo.get(split);
  if (!records) {
    records = generateCorpus({ split });
    memo.set(split, records);
  }
  return records;
}

export function toJsonl(records: readonly CorpusRecord[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
