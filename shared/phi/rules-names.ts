// Patient and relative names.
//
// A regex cannot tell "Mrs. Okafor" from "Foley catheter", so names are read
// from word tokens with three kinds of evidence, strongest first:
//   1. a cue before the name: a title (Mr/Mrs/Ms/Miss), a relation word
//      (daughter, husband…), "pt"/"patient"/"re:", or a weaker preposition
//      ("for", "to", "belongs to") that needs the name lists to agree;
//   2. a cue after it: DOB, MRN, DL, an age ("Linda, 90 y/o"), a banner bar;
//   3. the name lists alone: a known first name followed by a known surname
//      ("Carmen Chen", "james jablonski"), "Last, First", "J. Whitfield".
// The vocabulary list (eponyms, drugs, products, roles) vetoes weak evidence.

import { isEnglishWord, isFirstName, isSurname } from '../phi-names';
import { COMMON_WORDS, EPONYM_PAIRS, FUNCTION_WORDS, isCommonWord, isVocab } from '../phi-vocab';
import { allMatches } from './matches';
import {
  at,
  CLINICIAN,
  clinicalEnding,
  eponymAfter,
  foreign,
  inLists,
  RELATIONS,
  TITLES,
  type Tok,
  tokenize,
} from './name-tokens';
import { nameCueRules } from './rules-names-cues';
import { namesAfterIds, namesBeforeIds } from './rules-names-ids';
import { otherScriptNameRules } from './rules-names-scripts';
import { type Candidate, P_CONTEXT, P_LABELLED } from './types';

type Mode = 'strong' | 'medium' | 'list';

/** Two neighbouring words of tokens [i, j) that together name an eponym ("Marcus Gunn pupil"). */
function eponymPair(toks: Tok[], i: number, j: number): boolean {
  for (let k = Math.max(0, i - 1); k + 1 < Math.min(toks.length, j + 1); k++) {
    const a = at(toks, k).key;
    if (EPONYM_FIRST.has(a) && EPONYM_PAIRS.has(`${a} ${at(toks, k + 1).key}`)) return true;
  }
  return false;
}
const EPONYM_FIRST = new Set([...EPONYM_PAIRS].map((p) => p.split(' ')[0] ?? ''));

/**
 * A given name that is nothing else: no everyday word, no clinical term ("james", "elizabeth",
 * "Deborah"; not "will", "grace", "Frank"). After one, a listed surname is the person's even when it
 * is also a trade or an eponym ("james parker", "Elizabeth Turner", "lisa young").
 */
const plainFirstName = (k: string): boolean =>
  isFirstName(k) && !isEnglishWord(k) && !isCommonWord(k) && !FUNCTION_WORDS.has(k);
// An everyday word only when it is one of the known name-words ("young", "white"), never "driver" or "mom".
const surnameAfterFirst = (k: string): boolean =>
  isSurname(k) &&
  k.length >= 3 &&
  !FUNCTION_WORDS.has(k) &&
  !RELATIONS.has(k) &&
  !TITLES.has(k) &&
  (!isEnglishWord(k) || COMMON_WORDS.has(k));

/** Could this token be part of a name, given how strong the surrounding cue is? */
function nameish(t: Tok, mode: Mode, afterFirst: boolean): boolean {
  const k = t.key;
  if (t.shape === 'initial') return false;
  if (FUNCTION_WORDS.has(k) || TITLES.has(k) || RELATIONS.has(k)) return false;
  // Two capitals are a state, a unit or a role (KY, MS, RN) far more often than a name.
  if (t.shape === 'upper' && t.text.length < 3) return false;
  if (t.shape === 'lower') {
    if (isCommonWord(k)) return false;
    if (mode === 'strong') return k.length >= 2 && (!isEnglishWord(k) || inLists(k));
    // A word no list knows, English or name, may be a name the lists lack ("nephew gudakesha pilla");
    // after a known first name, an unknown lower-case word may be the surname.
    return inLists(k) || foreign(k) || (afterFirst && k.length >= 3 && !isEnglishWord(k));
  }
  // After a title and a first name a surname may be an eponym too ("Ms Evangelina Galeazzi").
  if (mode === 'strong')
    return !isVocab(k) || isSurname(k) || isFirstName(k) || (afterFirst && t.shape === 'cap' && !FUNCTION_WORDS.has(k));
  if (isVocab(k)) return false;
  // "pt Age: 96": a capitalised English word the lists do not know is not a name.
  if (isEnglishWord(k) && !inLists(k)) return false;
  if (mode === 'medium') return true;
  return inLists(k) || afterFirst;
}

const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'la',
  'le',
  'da',
  'di',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'bin',
  'binti',
  'ibn',
  'al',
  'el',
  'y',
  'ben',
  'bint',
  'abu',
]);
const LEADING_PARTICLE =
  /^(?:van|von|de|del|della|der|den|da|di|du|la|le|al|el|ter|ten|dos|das|bin|ibn|abu|Van|Von|De|Del|Da|Di|Du|La|Le|Al|El|Ter|Ten|Dos|Bin|Ibn|Abu)$/;
const GAP_SPACE = /^[ \t]+$/;
const GAP_COMMA = /^\s?,\s?$|^,$/;

/**
 * Collect a name starting at token i. Returns the index one past the last token,
 * or i when nothing fits. Handles "First M. Last", "LAST, FIRST M", "J. Last".
 */
function collect(text: string, toks: Tok[], i: number, mode: Mode): number {
  let j = i;
  let count = 0;
  let commaUsed = false;
  let prevFirst = false;
  while (j < toks.length && count < 4) {
    const t = at(toks, j);
    if (j > i) {
      const gap = text.slice(at(toks, j - 1).end, t.start);
      const prev = at(toks, j - 1);
      const initialGap = prev.shape === 'initial' && /^\.?\s?$/.test(gap);
      if (GAP_COMMA.test(gap)) {
        // "Last, First": only after a single token, and the second must look like a first name.
        if (commaUsed || count !== 1) break;
        const okFirst =
          (isFirstName(t.key) && !(t.shape === 'upper' && t.text.length < 3)) ||
          (t.shape === 'upper' && prev.shape === 'upper' && !isVocab(t.key)) ||
          (isSurname(prev.key) && t.shape !== 'lower' && !isCommonWord(t.key));
        if (!okFirst || (isVocab(t.key) && !isFirstName(t.key))) break;
        commaUsed = true;
      } else if (!(GAP_SPACE.test(gap) || initialGap || (/^\.\s$/.test(gap) && prev.shape === 'initial'))) {
        break;
      }
    }
    if (t.shape === 'initial') {
      // A middle or leading initial: "Rose F. Delgado", "J. Oyelaran", trailing "GLORIA L".
      const next = toks[j + 1];
      const gap = next ? text.slice(t.end, next.start) : '';
      const leadsName =
        next && /^\.?\s?$/.test(gap) && gap.length > 0 && nameish(next, mode === 'list' ? 'medium' : mode, true);
      const trailing =
        count > 0 &&
        t.text === t.text.toUpperCase() &&
        (!next || !/^ \S/.test(text.slice(t.end, t.end + 2)) || at(toks, j - 1).shape === 'upper');
      if (leadsName && /^[A-Za-z]$/.test(t.text) && (count > 0 || gap.startsWith('.'))) {
        j++;
        count++;
        continue;
      }
      if (trailing && commaUsed) {
        j++;
        count++;
      }
      break;
    }
    // "Luz Maria de la Cruz", "Ludwig van Beethoven": lower-case particles inside a name.
    // "Mrs. al Masri", "Mrs. van den Berg": after a title a name may start with its particle.
    if (
      (count > 0 || mode === 'strong') &&
      PARTICLES.has(t.text) &&
      toks[j + 1] &&
      /^\s+$/.test(text.slice(t.end, at(toks, j + 1).start))
    ) {
      let k = j + 1;
      while (k < toks.length && PARTICLES.has(at(toks, k).text)) k++;
      const after = toks[k];
      if (after && (after.shape === 'cap' || after.shape === 'upper' || mode === 'strong') && !isVocab(after.key)) {
        j = k;
        continue;
      }
    }
    const afterPlainFirst = count > 0 && plainFirstName(at(toks, j - 1).key) && surnameAfterFirst(t.key);
    if (!afterPlainFirst && !nameish(t, count === 0 ? mode : mode === 'list' ? 'medium' : mode, prevFirst || count > 0))
      break;
    if (t.shape === 'lower' && count > 0 && at(toks, i).shape !== 'lower' && at(toks, i).shape !== 'initial') break;
    prevFirst = isFirstName(t.key);
    j++;
    count++;
  }
  // Never end on a lone leading initial.
  if (j - i === 1 && at(toks, i).shape === 'initial') return i;
  return j;
}

function spanOf(text: string, toks: Tok[], i: number, j: number): [number, number] {
  let end = at(toks, j - 1).end;
  // "Rose F. Delgado": include an initial's period only inside the name.
  if (at(toks, j - 1).shape === 'initial' && text[end] === '.' && j - 1 === i) end++;
  return [at(toks, i).start, end];
}

/** "daughters", "sons", "grandkids": a relation word in the plural. */
const PLURAL_RELATION = (k: string): boolean => k.length > 3 && k.endsWith('s') && RELATIONS.has(k.slice(0, -1));
const PT_CUES = new Set([
  'aka',
  'nickname',
  'pt',
  'patient',
  'pts',
  'name',
  're',
  'regarding',
  'resident',
  'client',
  'member',
  'patients',
]);
const WEAK_CUES = new Set([
  // A message's greeting: "Hi Ngozi,", "Dear Adaeze".
  'hi',
  'hello',
  'hey',
  'dear',
  'ask',
  'asked',
  'tell',
  'told',
  'remind',
  'page',
  'paged',
  'notify',
  'notified',
  'update',
  'updated',
  'for',
  'to',
  'about',
  'with',
  'from',
  'by',
  'visiting',
  'see',
  'saw',
  'seeing',
  'named',
  'called',
  'contact',
  'call',
  'callback',
  'text',
  'texted',
  'emailed',
  'of',
  'admitted',
  'discharged',
  'discharging',
  'admitting',
  'transfer',
  'transferring',
]);
const NAME_IS = new Set(['name', 'is', 'was', 'named', 'called']);
const PT_GAP = /^(?:\s+|\s*,\s*|:\s*|\s*-\s*|'s\s+name\s+is\s+)$/;
// Fillers allowed between a relation word and the name: "daughter (Maria)", "son is Jamal".
const REL_GAP = /^(?:\s+|\s*[:,(]\s*|\s+(?:is|named|called|,)\s+|'s\s+name\s+is\s+)$/i;

const REL_ALT = [...RELATIONS].join('|');
// Cues after a name: DOB, record labels, an age, a banner bar.
const AGE_AFTER = String.raw`\d{1,2}\s?-?\s?(?:wk|wks|weeks?|mo|mos|months?|days?|d)\s?-?\s?old\b|\d{1,3}\s?-?\s?(?:yo\b|y\/o\b|y\.o\.?|yrs?\b|years?\b|year-old\b|y\b|[MFmf]\b)|(?:early|mid|late)\s+\d0s\b|in\s+(?:his|her|their)\s+(?:early\s+|mid\s+|late\s+)?\d0s\b|\(\s*\d{1,3}\s*(?:y|yo|yrs?|years?)\b`;
// Sticky: tried right where a token ends, with no slice of the text.
const AFTER_CUE = new RegExp(
  String.raw`(?:\s*[,(:/-]?\s*)(?:dob\b|d\.o\.b\.?|bday\b|birthday\b|born\b|b\.\s*\d|mrn\b|mr#|mr\s*#|dl\b|dl#|d\/l\b|lic\b|driver'?s\b|ssn?\s*#|ssn\b|fin\b|acct\b|unit\s*#|acc\s*#|epi\b|empi\b|med\s+rec\s*(?:#|no\b|number)|chart\s*#|#\s?\d|\((?:${REL_ALT})\)|${AGE_AFTER}|is\s+an?\s+(?:(?:pleasant|very\s+pleasant|lovely|frail|delightful)\s+)?(?:${AGE_AFTER})|\||\t)`,
  'iy',
);
// An ID label in capitals and a long number ("EDIPI 8313428235"), or "booking # a85646": case matters here.
const AFTER_ID = /\s*[,(:/-]?\s*(?:[A-Z]{2,6}\s*[#:]?\s*[A-Z]{0,3}-?\d{5,}|[a-z]{4,}\s*#\s*[a-z]{0,2}-?\d{4,})/y;
// A lone first name followed by something only a person does.
const PERSON_AFTER =
  /^(?:\s+(?:in|on)\s+(?:room|rm|bed|bay|chair|pod|stretcher|hallway|hall|cubicle|resus|trauma|exam)\b|\s+(?:said|says|told|asked|asks|wants|wanted|keeps|kept|called|calls|refuses|refused|is\s+refusing|fell|has\s+been|needs|reports|states|denies|complains|was\s+discharged|was\s+admitted|came\s+in|c\/o|is\s+doing|is\s+feeling|feels|felt|presents|presented|was\s+seen|is\s+seen|tolerated|tolerating|ambulated|slept|verbali[sz]ed|verbali[sz]es|understands|agreed|agrees|is\s+here|arrived|returned)\b|\s*\((?:pt|patient)\))/i;

export function nameRules(text: string, out: Candidate[]): void {
  const toks = tokenize(text);
  const n = toks.length;
  const first = out.length;
  const push = (i: number, j: number, priority: number): void => {
    if (j <= i) return;
    const [start, end] = spanOf(text, toks, i, j);
    // "Todd's paralysis", "Kelly clamp": an eponym, unless a title or relation named the person.
    if ((priority < P_LABELLED && eponymAfter(text, end)) || eponymPair(toks, i, j)) return;
    out.push({ start, end, kind: 'name', priority });
  };

  for (let i = 0; i < n; i++) {
    const t = at(toks, i);
    // Every rule of this pass starts at a cue word.
    if (
      !TITLES.has(t.key) &&
      !RELATIONS.has(t.key) &&
      !PT_CUES.has(t.key) &&
      !WEAK_CUES.has(t.key) &&
      !PLURAL_RELATION(t.key)
    )
      continue;
    const next = toks[i + 1];
    const gapNext = next ? text.slice(t.end, next.start) : '';

    // 1a. Titles: "Mrs. Okafor", "ms kaminski".
    if (
      TITLES.has(t.key) &&
      next &&
      /^\.?\s+$/.test(gapNext) &&
      !(t.text === 'MS' || (t.text === 'Ms' && /^[A-Z]{2,}$/.test(next.text)))
    ) {
      // "miss odunsi asked": in lower case a word no list or dictionary knows, not "miss doses".
      if (
        t.key === 'miss' &&
        !inLists(next.key) &&
        next.shape !== 'cap' &&
        next.shape !== 'upper' &&
        !(foreign(next.key) && next.key.length >= 4)
      )
        continue;
      // "Mr. and Mrs. Okafor", "Mr & Mrs Okafor": the name follows the second title.
      const pair = /^\.?\s+(?:and|&)\s+(mrs|mr|ms)\.?\s+/i.exec(text.slice(t.end, t.end + 12));
      if (pair) {
        const k = toks.findIndex((u, x) => x > i && u.start >= t.end + pair[0].length);
        if (k > i) {
          const jj = collect(text, toks, k, 'strong');
          push(k, jj, P_LABELLED);
          if (jj > k) i = jj - 1;
          continue;
        }
      }
      const j = collect(text, toks, i + 1, t.key === 'miss' && t.shape === 'lower' ? 'medium' : 'strong');
      push(i + 1, j, P_LABELLED);
      if (j > i + 1) i = j - 1;
      andName(text, toks, j, out);
      continue;
    }
    // 1b. Relation words: "daughter Deborah", "husband Arjun".
    if ((RELATIONS.has(t.key) || PLURAL_RELATION(t.key)) && next && REL_GAP.test(gapNext)) {
      const j = collect(text, toks, i + 1, next.shape === 'lower' ? 'list' : 'medium');
      push(i + 1, j, P_LABELLED);
      if (j > i + 1) andName(text, toks, j, out);
      if (j > i + 1) i = j - 1;
      continue;
    }
    // 1c. "pt Kaminski, Jamal", "re: Pruitt, Eleanor".
    if (PT_CUES.has(t.key) && next && PT_GAP.test(gapNext)) {
      // Skip "name is" / "name:" in "pt name is Gunnar Haugland".
      let k = i + 1;
      while (
        k < n - 1 &&
        NAME_IS.has(at(toks, k).key) &&
        (at(toks, k).key === 'name' || at(toks, k - 1).key === 'name') &&
        /^\s*:?\s*$/.test(text.slice(at(toks, k).end, at(toks, k + 1).start))
      )
        k++;
      const first = at(toks, k);
      // "Pt: Modest Gorski", "name: …": a label and its colon are as strong as a title.
      const colon = /:\s*$/.test(text.slice(at(toks, k - 1).end, first.start));
      const j = collect(text, toks, k, colon ? 'strong' : first.shape === 'lower' ? 'list' : 'medium');
      // One lower-case word no list knows is too often a drug or a finding ("re acetaminophen").
      const loneUnknown = j === k + 1 && first.shape === 'lower' && !inLists(first.key);
      if (j > k && !loneUnknown) {
        push(k, j, P_CONTEXT);
        i = j - 1;
        continue;
      }
    }
    // 1d. Weak cue: "for Brittany Goldberg", "belongs to jamal baptiste".
    if (WEAK_CUES.has(t.key) && next && /^\s+$/.test(gapNext) && next.shape !== 'initial') {
      if (inLists(next.key) && !(next.shape === 'lower' ? isCommonWord(next.key) : isVocab(next.key))) {
        const j = collect(text, toks, i + 1, 'list');
        // One word alone must be a first name ("for Gloria"); surnames alone are often eponyms.
        if (
          j - i - 1 >= 2 ||
          (j === i + 2 && isFirstName(next.key) && next.shape !== 'lower' && !isCommonWord(next.key))
        ) {
          push(i + 1, j, P_CONTEXT);
          i = j - 1;
        }
      }
    }
  }

  // 2. Cues after a name, read backwards: "J. Oyelaran DOB", "Linda, 90 y/o", "NAME |".
  for (let j = 0; j < n; j++) {
    const t = at(toks, j);
    AFTER_CUE.lastIndex = t.end;
    AFTER_ID.lastIndex = t.end;
    let cue = AFTER_CUE.exec(text) ?? AFTER_ID.exec(text);
    const last = j;
    // "MWANGI, KENJI IA DL 4302…": a state code between the name and the licence label.
    if (
      !cue &&
      j + 1 < n &&
      /^[A-Z]{2}$/.test(at(toks, j + 1).text) &&
      /^\s+$/.test(text.slice(t.end, at(toks, j + 1).start))
    ) {
      const a2 = text.slice(at(toks, j + 1).end, at(toks, j + 1).end + 8);
      if (/^\s*DL\b/i.test(a2)) cue = /x/.exec('x');
    }
    if (!cue) continue;
    if (t.shape === 'initial' && !(j > 0 && at(toks, j - 1).shape === 'upper')) continue;
    // A birth date or an age after a word says "person" more surely than a record label does.
    const rel = /^\s*\(\s*([A-Za-z-]+)\s*\)/.exec(cue[0] ?? '');
    const personal =
      /^(?:\s*[,(:/-]?\s*)(?:dob|d\.o\.b|bday|birthday|born|b\.|\(?\s*\d|early|mid|late|in\s|is\s+an?\s)/i.test(
        cue[0] ?? '',
      ) ||
      (rel !== null && RELATIONS.has((rel[1] ?? '').toLowerCase()));
    // Two lower-case words no list knows before a record label ("drahotin petrickova (med rec #"): a name.
    let lowerForeign = 0;
    // Walk back over name-like tokens.
    let i = last;
    let lowerHits = 0;
    let count = 0;
    let commaSeen = false;
    while (i >= 0 && count < 4) {
      const u = at(toks, i);
      if (i < last) {
        const gap = text.slice(u.end, at(toks, i + 1).start);
        if (GAP_COMMA.test(gap)) {
          if (commaSeen || count !== 1) break;
          commaSeen = true;
        } else if (!(GAP_SPACE.test(gap) || (u.shape === 'initial' && /^\.\s?$/.test(gap)))) break;
      }
      if (u.shape === 'initial') {
        if (i < last || (toks[i - 1] && at(toks, i - 1).shape === 'upper')) {
          i--;
          count++;
          continue;
        }
        break;
      }
      if (u.shape === 'lower') {
        if (isCommonWord(u.key) || !(inLists(u.key) || foreign(u.key))) break;
        if (!inLists(u.key) && !personal) {
          if (u.key.length < 4) break;
          lowerForeign++;
        }
        lowerHits++;
      } else if (FUNCTION_WORDS.has(u.key) || (isVocab(u.key) && (!inLists(u.key) || !personal))) break;
      // A capitalised English word the lists do not know ("Diabetes 10 years") is not a name.
      else if (!inLists(u.key) && !foreign(u.key)) break;
      else if (u.shape === 'upper' && u.text.length < 3) break;
      i--;
      count++;
    }
    const first = i + 1;
    if (first > last) continue;
    if (lowerForeign > 0 && (last - first + 1 < 2 || toks.slice(first, last + 1).some((x) => x.shape !== 'lower')))
      continue;
    const head = at(toks, first);
    // A single capitalised word at the start of a sentence before "DOB" is still a name;
    // a single lower-case word must be in the lists (checked above).
    if (head.shape === 'initial' && first === last) continue;
    if (first === last && head.shape !== 'lower' && !inLists(head.key) && count === 1) {
      // "Linda, 90 y/o" — accept a lone capitalised word only before a DOB/age cue.
      if (
        !/^\s*[,(]?\s*(?:dob|d\.o\.b|bday|\d|is\s+an?\s|in\s+(?:his|her|their)\s)/i.test(text.slice(t.end, t.end + 24))
      )
        continue;
    }
    void lowerHits;
    push(first, last + 1, P_CONTEXT);
  }

  // 3. Lists alone.
  for (let i = 0; i < n; i++) {
    const a = at(toks, i);
    const b = toks[i + 1];
    if (!b) break;
    const gap = text.slice(a.end, b.start);
    // "J. Whitfield" / "n. patel"
    if (a.shape === 'initial' && /^\.\s?$/.test(gap)) {
      if (
        /^[A-Z]$/.test(a.text) &&
        (b.shape === 'cap' || b.shape === 'upper') &&
        !isVocab(b.key) &&
        !isCommonWord(b.key)
      ) {
        if (isSurname(b.key) || b.text.length >= 4) push(i, i + 2, P_CONTEXT);
      } else if (b.shape === 'lower' && isSurname(b.key) && !isCommonWord(b.key)) {
        push(i, i + 2, P_CONTEXT);
      }
      continue;
    }
    // "J Whitfield": a capital initial (not the words "A" and "I") before a listed surname.
    if (
      a.shape === 'initial' &&
      gap === ' ' &&
      /^[B-HJ-Z]$/.test(a.text) &&
      b.shape === 'cap' &&
      isSurname(b.key) &&
      !isVocab(b.key) &&
      !isCommonWord(b.key) &&
      !(i > 0 && CLINICIAN.has(at(toks, i - 1).key))
    ) {
      push(i, i + 2, P_CONTEXT - 2);
      continue;
    }
    // "Whitfield, J." / "WHITFIELD, J": a listed surname, a comma and an initial.
    if (
      b.shape === 'initial' &&
      GAP_COMMA.test(gap) &&
      /^[A-Z]$/.test(b.text) &&
      (a.shape === 'cap' || a.shape === 'upper') &&
      isSurname(a.key) &&
      !isVocab(a.key) &&
      !isCommonWord(a.key)
    ) {
      const [start] = spanOf(text, toks, i, i + 2);
      out.push({ start, end: b.end + (text[b.end] === '.' ? 1 : 0), kind: 'name', priority: P_CONTEXT - 2 });
      continue;
    }
    if (a.shape === 'initial' || (b.shape === 'initial' && !GAP_SPACE.test(gap))) continue;
    const sameCase = a.shape === b.shape || (a.shape === 'cap' && b.shape === 'initial');
    if (!sameCase && !(a.shape === 'cap' && b.shape === 'upper')) continue;
    // "Last, First"
    if (GAP_COMMA.test(gap)) {
      const lower = a.shape === 'lower';
      // "Turner, Elizabeth": a listed surname that is also an eponym, before a plain given name.
      const plainAfter = plainFirstName(b.key) && surnameAfterFirst(a.key);
      const bad = plainAfter
        ? false
        : lower
          ? isCommonWord(a.key) || isCommonWord(b.key)
          : isVocab(a.key) || isVocab(b.key);
      if (bad || (b.shape === 'upper' && b.text.length < 3)) continue;
      // "BLS, PALS": short capitals side by side are acronyms unless both are names.
      if (a.shape === 'upper' && a.text.length <= 4 && b.text.length <= 4 && !(inLists(a.key) && inLists(b.key)))
        continue;
      // A known surname before the comma or a known first name after it ("Oyelowo, Kehinde").
      const ok = lower
        ? isSurname(a.key) && isFirstName(b.key)
        : isFirstName(b.key) || (isSurname(a.key) && !isCommonWord(b.key) && b.text.length >= 2);
      if (ok) {
        const j = collect(text, toks, i, 'medium');
        push(i, Math.max(j, i + 2), P_CONTEXT);
        i = Math.max(j, i + 2) - 1;
      }
      continue;
    }
    if (!GAP_SPACE.test(gap)) continue;
    // "begay lorraine": surname first in lower case, as a census sheet is retyped; neither word everyday.
    if (
      a.shape === 'lower' &&
      b.shape === 'lower' &&
      isSurname(a.key) &&
      !isFirstName(a.key) &&
      isFirstName(b.key) &&
      !isCommonWord(a.key) &&
      !isCommonWord(b.key) &&
      !isEnglishWord(a.key) &&
      !isEnglishWord(b.key) &&
      a.key.length >= 3 &&
      b.key.length >= 3
    ) {
      push(i, i + 2, P_CONTEXT);
      i++;
      continue;
    }
    // "First Last"
    if (!isFirstName(a.key)) continue;
    if (b.shape === 'initial') {
      // "Ana B. Reyes": first name, middle initial, capitalised surname.
      const c = toks[i + 2];
      if (
        a.shape !== 'lower' &&
        !isVocab(a.key) &&
        c &&
        (c.shape === 'cap' || c.shape === 'upper') &&
        !isVocab(c.key)
      ) {
        const j = collect(text, toks, i, 'medium');
        if (j >= i + 3) {
          push(i, j, P_CONTEXT);
          i = j - 1;
        }
      }
      continue;
    }
    const plainPair = plainFirstName(a.key) && surnameAfterFirst(b.key);
    if (a.shape === 'lower') {
      if (!plainPair && (isCommonWord(a.key) || isCommonWord(b.key) || !isSurname(b.key))) continue;
    } else {
      if (isVocab(a.key) || (isVocab(b.key) && !plainPair)) {
        // "Karen Wilson", "Thomas Jackson": a listed given name and a listed surname, neither an English
        // word, are a person even when the vocabulary knows them from an eponym or a product; the eponym
        // checks in push() still veto "Jackson Pratt drain" and the known pairs.
        const listedPair =
          a.shape === 'cap' &&
          b.shape === 'cap' &&
          isSurname(b.key) &&
          a.key.length >= 3 &&
          b.key.length >= 3 &&
          !isEnglishWord(a.key) &&
          !isEnglishWord(b.key);
        if (listedPair) {
          push(i, i + 2, P_CONTEXT);
          i++;
        }
        continue;
      }
      if (!isSurname(b.key) && (isCommonWord(a.key) || isCommonWord(b.key) || b.text.length < 3)) continue;
    }
    const j = collect(text, toks, i, a.shape === 'lower' ? 'list' : 'medium');
    if (j >= i + 2) {
      push(i, j, P_CONTEXT);
      i = j - 1;
    }
  }

  nameCueRules(text, toks, out);
  otherScriptNameRules(text, out);

  // 4. A lone first name doing something: "Priya in room 935 said…", "darnell in bed 28".
  for (let i = 0; i < n; i++) {
    const t = at(toks, i);
    if (i > 0 && CLINICIAN.has(at(toks, i - 1).key)) continue;
    if (!isFirstName(t.key) || (t.shape === 'lower' ? isCommonWord(t.key) : isVocab(t.key) || isCommonWord(t.key)))
      continue;
    if (t.shape === 'upper' || t.shape === 'initial') continue;
    if (t.shape === 'lower' && i > 0) continue;
    if (PERSON_AFTER.test(text.slice(t.end, t.end + 30))) push(i, i + 1, P_CONTEXT);
  }

  // 5. Two or three capitalised words no vocabulary knows, side by side: "Toluwani Tamunoemi stil
  // shows", "moved RADUL DEKANOVIC to Rehab 2". Each must be a listed name or a foreign word.
  for (let i = 0; i + 1 < n; i++) {
    const a = at(toks, i);
    if (a.shape !== 'cap' && a.shape !== 'upper') continue;
    if (i > 0 && (CLINICIAN.has(at(toks, i - 1).key) || TITLES.has(at(toks, i - 1).key))) continue;
    let j = i;
    while (j + 1 < n && j - i < 2) {
      const b = at(toks, j + 1);
      if (text.slice(at(toks, j).end, b.start) !== ' ' || b.shape !== a.shape || at(toks, j).poss) break;
      j++;
    }
    if (j === i) continue;
    const run = toks.slice(i, j + 1);
    const strongWord = (t: Tok) =>
      !isVocab(t.key) && !isCommonWord(t.key) && !clinicalEnding(t.key) && t.text.length >= 3;
    if (!run.every((t) => strongWord(t) && (foreign(t.key) || inLists(t.key)))) continue;
    // Capitals: acronyms are short; a run of capitals needs a foreign word or a listed first name.
    // Capitals: acronyms are short; a run of capitals needs a foreign word, or names all listed with a
    // given name among them ("SMITH JOHN").
    if (
      a.shape === 'upper' &&
      !run.some((t) => foreign(t.key) && t.text.length >= 4) &&
      !(run.every((t) => inLists(t.key)) && run.some((t) => isFirstName(t.key)))
    )
      continue;
    if (!run.some((t) => foreign(t.key) || isFirstName(t.key))) continue;
    push(i, j + 1, P_CONTEXT - 2);
    i = j;
  }

  // 6. A word that the note also spells inside its e-mail or link ("for yelda …
  // facebook.com/yelda.ayverdi") is the person's name.
  const handles = out
    .filter((c) => c.kind === 'url' || c.kind === 'email')
    .map((c) =>
      text
        .slice(c.start, c.end)
        .toLowerCase()
        .replace(/[^a-z]/g, ''),
    )
    .join(' ');
  if (handles) {
    for (let i = 0; i < n; i++) {
      const t = at(toks, i);
      const k = t.key.replace(/[^a-z]/g, '');
      if (k.length < 4 || isVocab(t.key) || isCommonWord(t.key) || !handles.includes(k)) continue;
      if (isEnglishWord(t.key) && !inLists(t.key)) continue;
      // Not a word of the link itself.
      const inLink = out.some((c) => (c.kind === 'url' || c.kind === 'email') && c.start <= t.start && t.end <= c.end);
      if (!inLink && (foreign(t.key) || inLists(t.key))) push(i, i + 1, P_CONTEXT);
    }
  }

  // 7. Newborns: "Baby Boy Okafor", "baby girl smith".
  for (const m of allMatches(BABY, text)) {
    const w = m[1] ?? '';
    if (isVocab(w) || FUNCTION_WORDS.has(w.toLowerCase())) continue;
    const start = m.index + m[0].length - w.length;
    out.push({ start, end: start + w.length, kind: 'name', priority: P_LABELLED });
  }

  // 8. A name right before the person's record number, phone or birth date.
  namesBeforeIds(text, toks, out.slice(0, first), out);
  namesAfterIds(text, toks, out.slice(0, first), out);

  extendNames(text, toks, out, first);
  // Whatever rule proposed it, a name holding an eponym pair ("Churg Strauss, Ehlers Danlos") is not one.
  if (!toks.some((t) => EPONYM_FIRST.has(t.key))) return;
  for (let c = out.length - 1; c >= first; c--) {
    const cand = out[c] as Candidate;
    if (cand.kind !== 'name') continue;
    const i = toks.findIndex((t) => t.end > cand.start);
    let j = i;
    while (j < n && at(toks, j).start < cand.end) j++;
    if (i >= 0 && eponymPair(toks, i, j)) out.splice(c, 1);
  }
}

const BABY = /\b(?:baby|infant|twin\s+[ab])\s+(?:boy|girl)\s+([A-Za-z][A-Za-z'-]+)/gi;

/** "daughters Maria and Ana", "sons Jamal & Tariq": a second name joined to a cued one. */
function andName(text: string, toks: Tok[], j: number, out: Candidate[]): void {
  const next = toks[j + 1];
  const conj = toks[j];
  if (!next || !conj || (conj.key !== 'and' && text.slice(at(toks, j - 1).end, next.start).trim() !== '&')) {
    const amp = toks[j];
    if (!amp || text.slice(at(toks, j - 1).end, amp.start).trim() !== '&') return;
    const end = collect(text, toks, j, 'medium');
    if (end > j) out.push({ start: amp.start, end: at(toks, end - 1).end, kind: 'name', priority: P_CONTEXT });
    return;
  }
  if (!/^\s+$/.test(text.slice(conj.end, next.start))) return;
  const end = collect(text, toks, j + 1, next.shape === 'lower' ? 'list' : 'medium');
  if (end > j + 1 && (inLists(next.key) || foreign(next.key)))
    out.push({ start: next.start, end: at(toks, end - 1).end, kind: 'name', priority: P_CONTEXT });
}

/** A name part beside a found name: "Modest Gorski" from "Gorski", "FREYA DE JONG" from "JONG". */
function nameNeighbour(t: Tok, like: Tok): boolean {
  if (t.shape === 'initial') return /^[A-Z]$/.test(t.text) && like.shape !== 'lower';
  if (FUNCTION_WORDS.has(t.key) || TITLES.has(t.key) || RELATIONS.has(t.key)) return false;
  // "Pa Nhia Xiong", "Ka Yer Vang": a two-letter given name in title case before a name is the person's,
  // even when in capitals it would be a role ("PA Smith").
  if (t.shape === 'cap' && t.text.length === 2 && like.shape === 'cap' && isFirstName(t.key) && t.key !== 'dr')
    return true;
  if (CLINICIAN.has(t.key) || isVocab(t.key) || clinicalEnding(t.key)) return false;
  if (like.shape === 'lower') return t.shape === 'lower' && !isCommonWord(t.key) && (inLists(t.key) || foreign(t.key));
  if (t.shape !== like.shape || t.text.length < 2) return false;
  if (t.shape === 'upper' && t.text.length < 3 && !inLists(t.key)) return false;
  return inLists(t.key) || foreign(t.key) || !isCommonWord(t.key);
}

/** Grow each name found in this pass over the name parts right beside it (single spaces, particles). */
function extendNames(text: string, toks: Tok[], out: Candidate[], first: number): void {
  // A word another rule read as a record number or a code ("MRN-E" of "MRN-E-6687734") is not a name part.
  const ids = out.slice(0, first);
  const taken = (t: Tok): boolean => ids.some((c) => t.start < c.end && c.start < t.end);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  toks.forEach((t, k) => {
    byStart.set(t.start, k);
    byEnd.set(t.end, k);
  });
  for (let c = first; c < out.length; c++) {
    const cand = out[c] as Candidate;
    if (cand.kind !== 'name') continue;
    let i = byStart.get(cand.start);
    let j = byEnd.get(cand.end) ?? byEnd.get(cand.end - 1);
    if (i === undefined || j === undefined) continue;
    const like = at(toks, j);
    let added = 0;
    while (i > 0 && added < 2) {
      const p = at(toks, i - 1);
      const gap = text.slice(p.end, at(toks, i).start);
      if (p.poss || !(gap === ' ' || (p.shape === 'initial' && gap === '. '))) break;
      const particle = PARTICLES.has(p.key) && i > 1 && nameNeighbour(at(toks, i - 2), like);
      // "van vliet, jaelynn", "de la Cruz": particles leading the name, written in lower case.
      if (!particle && LEADING_PARTICLE.test(p.text) && p.shape !== 'upper') {
        i--;
        continue;
      }
      if ((!particle && !nameNeighbour(p, like)) || taken(p)) break;
      if (p.shape === 'initial' && !(i > 1 && nameNeighbour(at(toks, i - 2), like))) break;
      i--;
      added++;
    }
    added = 0;
    while (j + 1 < toks.length && added < 2 && !at(toks, j).poss) {
      const q = at(toks, j + 1);
      const gap = text.slice(at(toks, j).end, q.start);
      if (gap !== ' ') break;
      const particle = PARTICLES.has(q.key) && j + 2 < toks.length && nameNeighbour(at(toks, j + 2), like);
      if (particle) {
        j += 2;
        added++;
        continue;
      }
      // "Ngozi O", "Tsegaye B (son)": a surname's initial closing the name, before punctuation or a lower-case word.
      if (
        q.shape === 'initial' &&
        /^[B-HJ-Z]$/.test(q.text) &&
        like.shape === 'cap' &&
        /^(?:$|[,;:)(|\n]|\.?\s*$|\s+[a-z(]|\s+-\s)/.test(text.slice(q.end, q.end + 3))
      ) {
        j++;
        break;
      }
      if (q.shape === 'initial' || !nameNeighbour(q, like) || eponymAfter(text, q.end) || taken(q)) break;
      j++;
      added++;
    }
    let start = at(toks, i).start;
    let end = Math.max(cand.end, at(toks, j).end);
    // Initials around the name: "N. A. Okafor", "Okafor N.A.", a banner's "OKAFOR N A".
    const lead = LEAD_INITIALS.exec(text.slice(Math.max(0, start - 8), start));
    if (lead) start -= lead[0].length;
    const upper = text.slice(start, end) === text.slice(start, end).toUpperCase();
    const trail = (upper ? TRAIL_INITIALS_UPPER : TRAIL_INITIALS).exec(text.slice(end, end + 10));
    if (trail) end += trail[0].length;
    // A nickname or alias: 'Robert "Bobby" Jones', "Okafor, Ngozi (Nkechi)".
    const alias = ALIAS_AFTER.exec(text.slice(end, end + 40));
    if (
      alias &&
      !isEnglishWord(alias[1] ?? '') &&
      !isVocab(alias[1] ?? '') &&
      !RELATIONS.has((alias[1] ?? '').toLowerCase())
    )
      end += alias[0].length;
    if (start < cand.start || end > cand.end) out[c] = { ...cand, start, end };
  }
}
const LEAD_INITIALS = /(?<![\w.])(?:[A-Z]\.[ \t]?){1,2}$/;
const TRAIL_INITIALS = /^[ \t](?:[A-Z]\.[ \t]?){1,2}(?![A-Z]\.)(?=$|[\s,;:)(|])/;
// Each a letter alone: "N A", "N.A."; never a state's two letters ("KENJI IA DL …").
const TRAIL_INITIALS_UPPER =
  /^[ \t](?:[A-Z](?:\.[ \t]?|[ \t](?=[A-Z]\b)|(?=[ \t]*(?:$|[\n,;:)(|]|[ \t][a-z\d(|-]|[ \t](?:DOB|MRN|SSN)\b)))){1,2}(?![A-Z]\.)/;
const ALIAS_AFTER = /^(?:[ \t]+["“'(]([A-Z][a-z]{2,})["”')](?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)/;
