// HIPAA Safe Harbor identifier detector: finds the 18 kinds of identifier in a
// clinician's free-text note so the extension can warn and redact before the
// note leaves the browser. Pure functions, no dependencies; the rules live in
// shared/phi/rules-*.ts, the name lists in shared/phi-names.ts and the
// not-a-name vocabulary in shared/phi-vocab.ts.
//
// It deliberately leaves alone what Safe Harbor allows and a mentor needs:
// room and bed numbers, doses, vitals, scores, years, ages up to 89, eponyms,
// products, billing codes, ticket numbers and internal extensions.

import { foreign, inLists } from './phi/name-tokens';
import { fold, unfold } from './phi/normalise';
import { addressRules } from './phi/rules-address';
import { contactRules } from './phi/rules-contact';
import { ageRules, dateRules } from './phi/rules-dates';
import { idRules } from './phi/rules-ids';
import { nameRules } from './phi/rules-names';
import { type Candidate, type IdentifierKind, type IdentifierSpan, P_LABELLED } from './phi/types';
import { isEnglishWord } from './phi-names';
import { isVocab } from './phi-vocab';

export type { IdentifierKind, IdentifierSpan } from './phi/types';
export { IDENTIFIER_KINDS } from './phi/types';

/** Human phrase for each kind, for "this note seems to contain …" warnings. */
export const KIND_LABELS: Record<IdentifierKind, string> = {
  name: 'a name',
  date: 'a date (e.g. date of birth)',
  age: 'an age over 89',
  phone: 'a phone number',
  fax: 'a fax number',
  email: 'an e-mail address',
  ssn: 'a Social Security number',
  mrn: 'a medical record number',
  account: 'an account or encounter number',
  health_plan: 'a health plan or insurance ID',
  license: "a driver's licence number",
  vehicle: 'a licence plate or VIN',
  device: 'a device serial number',
  url: 'a web address',
  ip: 'an IP address',
  address: 'a street address or city',
  zip: 'a ZIP code',
  other_id: 'an identifying number',
};

/**
 * Keep the best of overlapping candidates: the higher priority (a labelled
 * value beats a shape guess), then the longer span. The result is sorted and
 * non-overlapping.
 */
function resolve(cands: Candidate[]): IdentifierSpan[] {
  cands.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of cands) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ start, end, kind }) => ({ start, end, kind }));
}

/**
 * Find every identifier in `text`. Offsets are UTF-16 code units of `text` as given, end exclusive.
 * The rules read a folded copy (shared/phi/normalise.ts), so look-alike letters, full-width digits
 * and invisible characters change nothing; spans are mapped back onto the original characters.
 */
export function findIdentifiers(text: string): IdentifierSpan[] {
  if (!text) return [];
  const folded = fold(text);
  if (!folded) return detect(text);
  return unfold(detect(folded.text), folded);
}

function detect(text: string): IdentifierSpan[] {
  const cands: Candidate[] = [];
  idRules(text, cands);
  contactRules(text, cands);
  dateRules(text, cands, new Date().getFullYear());
  ageRules(text, cands);
  addressRules(text, cands);
  // In a note typed all in capitals, capitals say nothing about names: the name rules read it in lower
  // case, where a name needs the lists or a cue ("GLENN SHUNT", "PATRICK TEST" are not people).
  if (!shouting(text)) nameRules(text, cands);
  else {
    nameRules(
      text.replace(/[A-Z]/g, (c) => c.toLowerCase()),
      cands,
    );
    // What capitals still say: a name after a title or relation word, a banner's "OKAFOR,NGOZI", names
    // every word of which the lists know and no dictionary does, a name in another script.
    const upper: Candidate[] = [];
    nameRules(text, upper);
    for (const c of upper)
      if (capitalsSay(text.slice(c.start, c.end), c.priority, text.slice(Math.max(0, c.start - 16), c.start)))
        cands.push(c);
  }
  return resolve(cands);
}

function capitalsSay(name: string, priority: number, before: string): boolean {
  if (priority >= P_LABELLED || name.includes(',') || /[^\x00-\x7f]/.test(name)) return true;
  const words = name.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
  if (words.length < 2) return false;
  if (words.every((w) => w.length === 1 || (inLists(w) && !isEnglishWord(w) && !isVocab(w)))) return true;
  // Words no list or dictionary knows, right after a word that introduces a person ("FOR ZORBLAT QUENFEL").
  return PERSON_CUE.test(before) && words.every((w) => w.length === 1 || (foreign(w) && w.length >= 3));
}
const PERSON_CUE =
  /\b(?:for|with|w|from|per|by|called|call|cb|about|to|pt|patient|re|msg|visit|spoke|saw|see|reached)\W{0,2}\s+$/i;

/** Is the note typed in capitals (at least 40 letters, nine in ten of them capitals)? */
function shouting(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper + lower >= 40 && upper >= 9 * lower;
}

/** Replace each span by its kind in brackets: "Mrs. [NAME], DOB [DATE]". */
export function redactIdentifiers(text: string, spans: IdentifierSpan[] = findIdentifiers(text)): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out += `${text.slice(pos, s.start)}[${s.kind.toUpperCase()}]`;
    pos = s.end;
  }
  return out + text.slice(pos);
}
