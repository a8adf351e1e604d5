// Names read from the identifier beside them. A note that gives a person's record number, phone,
// member ID or birth date most often names the person right before it, with at most a short label
// in between: "Katryn Meintjies Rx # 1217885", "franic, cvijetin hosp no. 51705881", "Leib Katz
// 920 249 5042", "emel atli / date of birth dec 20 1943". The other rules have already found the
// identifier; this one reads back over the label to the words of the name. No identifier, no
// name: a clean note is never flagged by this rule.

import { isEnglishWord, isFirstName } from '../phi-names';
import { FUNCTION_WORDS, isCommonWord } from '../phi-vocab';
import {
  at,
  blockedName,
  CLINICIAN,
  clinicalEnding,
  foreign,
  inLists,
  RELATIONS,
  TITLES,
  type Tok,
} from './name-tokens';
import { type Candidate, type IdentifierKind, P_CONTEXT } from './types';

const PERSONAL: ReadonlySet<IdentifierKind> = new Set([
  'date',
  'phone',
  'ssn',
  'mrn',
  'account',
  'health_plan',
  'license',
  'other_id',
]);
// What may stand between the name and its label or value: spaces, a comma, a colon, a bracket, a
// bar, a dash, one line break.
const GAP = /^[ \t]*(?:[,:;(|/-][ \t]*)?(?:\n[ \t]*)?$/;
// Words that may open the run before a name: a clause's start or a word that introduces a person.
const BEFORE = new Set([
  'for',
  'say',
  'says',
  'also',
  'with',
  'and',
  'to',
  're',
  'pt',
  'patient',
  'name',
  'from',
  'by',
  'per',
  'attn',
  'contact',
  'poa',
  'nok',
  'hcpoa',
  'is',
]);
const MAX_LABEL = 4;

/** A listed name that is no English word ("Katz", "Leib"): never part of a label, even when vocabulary too. */
const listedName = (t: Tok): boolean => inLists(t.key) && !isEnglishWord(t.key) && t.key.length >= 3;

/** A word the label of an identifier is made of ("medical record number", "Rx", "member ID", "EDIPI"). */
function labelWord(t: Tok): boolean {
  if (listedName(t) && t.shape !== 'upper') return false;
  return (
    t.shape === 'initial' ||
    t.key.length <= 3 ||
    isEnglishWord(t.key) ||
    isCommonWord(t.key) ||
    blockedName(t.key) ||
    (t.shape === 'upper' && t.text.length <= 6 && !inLists(t.key))
  );
}

/**
 * A word that can be part of a person's name here: listed or foreign, never everyday. Capitalised, a
 * word with a drug's ending may be a name too ("Afolarin", "Barin"): right before a record number a
 * drug is rare, and the vocabulary still vetoes the drugs it knows.
 */
function nameWord(t: Tok): boolean {
  if (t.shape === 'initial' || t.key.length < 2 || FUNCTION_WORDS.has(t.key) || RELATIONS.has(t.key)) return false;
  if (TITLES.has(t.key) || CLINICIAN.has(t.key)) return false;
  if (listedName(t)) return true;
  if (blockedName(t.key) || isCommonWord(t.key)) return false;
  if (inLists(t.key) || foreign(t.key)) return true;
  return t.shape !== 'lower' && t.key.length >= 4 && clinicalEnding(t.key) && !isEnglishWord(t.key);
}

/** The second half of a census pair ("OMANI,COMFORT"): a listed or foreign word, an everyday one too, written like the first. */
function censusSecond(text: string, toks: Tok[], j: number): boolean {
  const t = at(toks, j);
  return (
    nameAfterComma(text, toks, j) &&
    t.shape !== 'initial' &&
    t.key.length >= 3 &&
    (inLists(t.key) || foreign(t.key)) &&
    !FUNCTION_WORDS.has(t.key) &&
    !RELATIONS.has(t.key) &&
    !TITLES.has(t.key) &&
    (t.shape === 'lower') === (at(toks, j - 1).shape === 'lower')
  );
}

export function namesBeforeIds(text: string, toks: Tok[], ids: Candidate[], out: Candidate[]): void {
  for (const id of ids) {
    if (!PERSONAL.has(id.kind)) continue;
    // The last word before the identifier.
    let j = -1;
    for (let x = toks.length - 1; x >= 0; x--)
      if (at(toks, x).end <= id.start) {
        j = x;
        break;
      }
    // Over the label, back to the name's last word.
    let labels = 0;
    while (j >= 0 && labels < MAX_LABEL && labelWord(at(toks, j)) && !nameAfterComma(text, toks, j)) {
      j--;
      labels++;
    }
    if (j < 0) continue;
    // Between the name and the value: the label, on the same line or the next, no sentence's end.
    const between = text.slice(at(toks, j).end, id.start);
    if (between.length > 32 || /\n[\s\S]*\n|[;!?]|\.\s+[A-Z]/.test(between)) continue;
    if (!labels && !GAP.test(between.replace(/[#.]|\b[A-Za-z]{2,5}\b/g, ''))) continue;
    // A census initial closing the name: "SUTHAR, ANAL L #829-16-541".
    let last = j;
    if (at(toks, j).shape === 'initial' && j > 0 && /^[A-Z]$/.test(at(toks, j).text)) last = j - 1;
    const first = runStart(text, toks, last);
    if (first < 0) continue;
    const words = toks.slice(first, last + 1);
    if (
      words.length < 2 ||
      !words.some((t) => t.key.length >= 3 && (foreign(t.key) || isFirstName(t.key) || listedName(t)))
    )
      continue;
    if (first > 0) {
      const prev = at(toks, first - 1);
      const gap = text.slice(prev.end, at(toks, first).start);
      if (!/[\n.:;|([\]-]/.test(gap) && !BEFORE.has(prev.key)) continue;
    }
    // Ahead of a shorter reading of the same words ("Xuan Minh EDIPI" in "Vu Xuan Minh EDIPI 7727…").
    out.push({ start: at(toks, first).start, end: at(toks, j).end, kind: 'name', priority: P_CONTEXT + 1 });
  }
}

/** "tran, ngoc tho": is token j the word after a census comma whose first half is a name? */
function nameAfterComma(text: string, toks: Tok[], j: number): boolean {
  return j > 0 && /^, ?$/.test(text.slice(at(toks, j - 1).end, at(toks, j).start)) && nameWord(at(toks, j - 1));
}

/** First token of the name ending at `last`: up to four name words written alike, one census comma. */
function runStart(text: string, toks: Tok[], last: number): number {
  const end = at(toks, last);
  if (!nameWord(end) && !censusSecond(text, toks, last)) return -1;
  const lower = end.shape === 'lower';
  let i = last;
  let comma = false;
  while (i > 0 && last - i < 3) {
    const prev = at(toks, i - 1);
    const gap = text.slice(prev.end, at(toks, i).start);
    const isComma = /^, ?$/.test(gap);
    if (!(gap === ' ' || (isComma && !comma)) || prev.poss) break;
    if (!nameWord(prev) || (prev.shape === 'lower') !== lower) break;
    if (isComma) comma = true;
    i--;
  }
  return i;
}

// "dob Jul 29 1992, vu thanh hieu - label wrong", "MRN 4471120, Okafor Ngozi: …": a name after the
// identifier and a comma, closing its clause. A date counts only behind a birth label.
const BIRTH_BEFORE = /\b(?:dob|d\.o\.b\.?|born|b\.|birthday|bday|date\s+of\s+birth|birth\s*date)\s*[:#-]?\s*$/i;
const CLOSES =
  /^(?:\s*(?:$|[.,;:)(|\n]|-\s|–)|\s+(?:was|is|has|had|in|on|at|and|but|who|says|said|asked|wants|called|needs))/;

export function namesAfterIds(text: string, toks: Tok[], ids: Candidate[], out: Candidate[]): void {
  for (const id of ids) {
    if (!PERSONAL.has(id.kind) || !/^,[ \t]+[A-Za-z]/.test(text.slice(id.end, id.end + 4))) continue;
    if (id.kind === 'date' && !BIRTH_BEFORE.test(text.slice(Math.max(0, id.start - 20), id.start))) continue;
    let i = 0;
    while (i < toks.length && at(toks, i).start < id.end) i++;
    if (i >= toks.length || !nameWord(at(toks, i))) continue;
    const lower = at(toks, i).shape === 'lower';
    let k = i;
    while (
      k + 1 < toks.length &&
      k - i < 2 &&
      text.slice(at(toks, k).end, at(toks, k + 1).start) === ' ' &&
      nameWord(at(toks, k + 1)) &&
      (at(toks, k + 1).shape === 'lower') === lower
    )
      k++;
    const end = at(toks, k);
    if (!CLOSES.test(text.slice(end.end + (end.poss ? 2 : 0), end.end + 12))) continue;
    const words = toks.slice(i, k + 1);
    if (words.length < 2 ? !(isFirstName(end.key) && !isCommonWord(end.key)) : !words.some((t) => t.key.length >= 3))
      continue;
    out.push({ start: at(toks, i).start, end: end.end, kind: 'name', priority: P_CONTEXT });
  }
}
