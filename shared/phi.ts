// HIPAA Safe Harbor identifier detector: finds the 18 kinds of identifier in a
// clinician's free-text note so the extension can warn and redact before the
// note leaves the browser. Pure functions, no dependencies; the rules live in
// shared/phi/rules-*.ts, the name lists in shared/phi-names.ts and the
// not-a-name vocabulary in shared/phi-vocab.ts.
//
// It deliberately leaves alone what Safe Harbor allows and a mentor needs:
// room and bed numbers, doses, vitals, scores, years, ages up to 89, eponyms,
// products, billing codes, ticket numbers and internal extensions.

import { fold, unfold } from './phi/normalise';
import { addressRules } from './phi/rules-address';
import { contactRules } from './phi/rules-contact';
import { ageRules, dateRules } from './phi/rules-dates';
import { idRules } from './phi/rules-ids';
import { nameRules } from './phi/rules-names';
import type { Candidate, IdentifierKind, IdentifierSpan } from './phi/types';

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
  nameRules(text, cands);
  return resolve(cands);
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
