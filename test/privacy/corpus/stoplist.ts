// Words a planted name must never be: ordinary English, chart shorthand, the names the public sample
// uses, and every word this corpus writes outside a name (templates, labels, clinical fillers). The
// last part is computed, so adding a word to a template can never turn a clean note into one that
// contains a planted name.

import { ENGLISH_WORDS } from './english-words.ts';
import * as lexicon from './lexicon.ts';
import { SAMPLE_NAMES } from './names-hand.ts';
import { createRng } from './prng.ts';
import { foldKey } from './split-owner.ts';
import { CLEAN_TEMPLATES, ID_TEMPLATES, RELATIONS } from './templates.ts';
import * as values from './values.ts';

const tokens = (text: string) =>
  foldKey(text)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

/** Sample many outputs of each clinical filler, so every word they can write is known. */
function fillerWords(): string[] {
  const rng = createRng('stoplist');
  const fillers = [
    lexicon.lab,
    lexicon.vital,
    lexicon.score,
    lexicon.dose,
    lexicon.room,
    lexicon.clock,
    lexicon.duration,
    lexicon.ticket,
    lexicon.extension,
    lexicon.youngAge,
    lexicon.cpt,
    lexicon.ndc,
  ];
  const out: string[] = [];
  for (const f of fillers) for (let i = 0; i < 400; i++) out.push(f(rng));
  return out;
}

function labelWords(): string[] {
  const out: string[] = [];
  for (const v of Object.values(values)) {
    if (!Array.isArray(v)) continue;
    for (const item of v) {
      if (typeof item === 'string') out.push(item);
      else if (item && typeof item === 'object') {
        const rec = item as { text?: unknown; label?: unknown };
        if (typeof rec.text === 'string') out.push(rec.text);
        if (Array.isArray(rec.label)) out.push(...rec.label.filter((l): l is string => typeof l === 'string'));
      }
    }
  }
  return out;
}

let cachedClinical: Set<string> | undefined;
let cached: Set<string> | undefined;

/** Every word the generator writes outside a planted value. */
export function corpusWords(): Set<string> {
  if (cachedClinical) return cachedClinical;
  const texts = [
    ...RELATIONS,
    ...[...ID_TEMPLATES, ...CLEAN_TEMPLATES].map((t) => t.t.replace(/\{[^}]*\}/g, ' ')),
    ...lexicon.EPONYMS,
    ...lexicon.DRUGS,
    ...lexicon.DEVICES,
    ...lexicon.VENDORS,
    ...lexicon.UNITS,
    ...lexicon.ROLES,
    ...lexicon.DIAGNOSES,
    ...lexicon.STATES,
    ...lexicon.COUNTRIES,
    ...lexicon.LANGUAGES,
    ...lexicon.ICD10,
    ...values.DEVICE_WORDS,
    ...labelWords(),
    ...fillerWords(),
  ];
  cachedClinical = new Set(texts.flatMap(tokens));
  return cachedClinical;
}

/** Words a planted name must never be. */
export function stopWords(): Set<string> {
  if (!cached) cached = new Set([...corpusWords(), ...[ENGLISH_WORDS, ...SAMPLE_NAMES].flatMap(tokens)]);
  return cached;
}
