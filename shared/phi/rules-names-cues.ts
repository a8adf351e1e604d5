// Names the lists lack, read from what surrounds them: a person's verb after ("Nalan M. Isik
// asked", "Kwon Ji-woo lives at"), a possessive before a person's thing ("Darinka's consent"),
// census style with a comma ("koya,fibikemi", "RASANEN, KALEVI M"), or a preposition before a
// capitalised word no list knows ("redraw for Nakato"). A candidate word must not be everyday
// English or clinical vocabulary; "foreign" words (neither) carry most of the evidence.

import { isFirstName, isSurname } from '../phi-names';
import { FUNCTION_WORDS, isCommonWord, isVocab } from '../phi-vocab';
import { allMatches } from './matches';
import {
  at,
  CLINICIAN,
  clinicalEnding,
  eponymAfter,
  foreign,
  inLists,
  nameWord,
  RELATIONS,
  TITLES,
  type Tok,
} from './name-tokens';
import { type Candidate, P_CONTEXT } from './types';

const VERB_AFTER =
  /^\s+(?:is\s+back\b(?!-)|is\s+here\b|asked|asks|brought|brings|says|said|wants|wanted|called|calls|lives\s+(?:at|in|on|with)|is\s+refusing|refused|refuses|came\s+in|left\s+ama|fell|denies|discharged|admitted|transferred|arrived|died|expired|was\s+discharged|was\s+admitted|is\s+asking|is\s+requesting|requests|requested|prefers|speaks|declined|signed|consented|agreed|is\s+not\s+allowed|is\s+allowed|is\s+visiting|just\s+called|just\s+told|d\/l\b|dl\b|dl#|lic\b|driver'?s\s+lic|cdl\b|doc\s*#|a-number|passport\b|patient\s+id\b|pt\s+id\b|#\s?[A-Z]?-?\d|\+\d|\(\d{3}\)\s?\d|\d{3}[.-]\d{3}[.-]\d{4})/i;
// What a person has: "Darinka's consent", "Vasyl's home BP cuff".
const POSS_NOUN =
  /^\s+(?:d\.o\.b\b|photo|picture|pic|list|fianc[eé]e?|aunt|auntie|uncle|cousin|partner|boyfriend|girlfriend|spouse|kids|children|grandma|grandpa|hcpoa|consent|car|truck|home|house|chart|band|wristband|label|phone|cell|wife|husband|son|daughter|mom|mother|dad|father|family|foster|insurance|meds|medications|pharmacy|room|bed|belongings|account|card|license|licence|photo|profile|page|address|apartment|dog|caregiver|poa|guardian|niece|nephew|brother|sister|grandson|granddaughter|friend|neighbou?r|case|claim|ssn|dob|mrn|record|file|paperwork|forms?|results|labs|appointment|visit|ride|transport|number|email|portal|mail|bp|cuff|pump|monitor|cgm|sensor|device|pacemaker|walker|wheelchair|glasses|hearing|dentures|keys|wallet|bag|driver'?s|driver|dl|d\/l|lic|id|passport|bday|birthday|birthdate|birth|date|b-day|cdl|b\.(?=\s)|ins|insurance|rx|prescription|ssn|social|mrn|chart|sticker|armband|band|bracelet|identity|name)\b/i;
// Where a clause ends after a name: "for Nakato.", "per Parminder, K is…", "for Bogdana was…".
const CLAUSE_END =
  /^(?:\s*(?:$|[.,;:!?)@(\n|/]|-\s)|\s+(?:was|is|has|had|in|on|at|to|and|but|for|who|says|said|asked|wants|called|needs|about|re|abt)\b)/;
const PARTICLES = new Set([
  'al',
  'el',
  'de',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'ibn',
  'dos',
  'das',
]);
const WEAK_BEFORE = new Set([
  'told',
  'tell',
  'ask',
  'asked',
  'for',
  'per',
  'attn',
  'cb',
  'with',
  'from',
  'to',
  'about',
  're',
  'visiting',
  'see',
  'saw',
  'named',
  'called',
  'call',
  'text',
  'texted',
  'emailed',
  'paged',
  'by',
]);
// Things made "for" a person, not for a condition ("label for X", not "sitter for rhabdo").
const FOR_PERSON =
  /^(?:label|labels|sticker|stickers|band|wristband|armband|bracelet|redraw|comments|paperwork|forms|ride|transport|packet|belongings|reprint|letter|note|card|voicemail|message|callback|prescriptions?|rx)$/;
const isForeign = foreign;
const blocked = (k: string): boolean =>
  FUNCTION_WORDS.has(k) || RELATIONS.has(k) || TITLES.has(k) || CLINICIAN.has(k) || isVocab(k);
// Short capitals no list knows are acronyms (ESRD, HUC, OSH), not names.
const acronym = (t: Tok): boolean =>
  t.shape === 'upper' && (t.text.length < 3 || (t.text.length <= 4 && !inLists(t.key)));
/** Can this token sit in a name read from context? */
const part = (t: Tok): boolean =>
  t.shape !== 'initial' &&
  !blocked(t.key) &&
  !acronym(t) &&
  (isForeign(t.key) || nameWord(t.key) || (t.shape !== 'lower' && inLists(t.key)));

// In "OSMAK, TASA H" a short capital word is a name: the comma layout vouches for it.
const censusPart = (t: Tok): boolean =>
  t.shape !== 'initial' &&
  !blocked(t.key) &&
  t.text.length >= 2 &&
  (part(t) ||
    (t.shape === 'upper' && isForeign(t.key)) ||
    (t.shape === 'upper' && t.text.length === 3 && !isCommonWord(t.key)));

/** First token of the name run ending at j (single spaces, or an initial and its period), or -1. */
function runBack(text: string, toks: Tok[], j: number): number {
  if (!part(at(toks, j))) return -1;
  let i = j;
  while (i > 0 && j - i < 3) {
    const prev = at(toks, i - 1);
    const gap = text.slice(prev.end, at(toks, i).start);
    if (prev.poss) break;
    if (prev.shape === 'initial' && /^\.?\s?$/.test(gap) && gap.length > 0 && /^[A-Z]$/.test(prev.text)) {
      // "Nalan M. Isik": a middle initial needs a name before it; "A Ogunleye": a leading one is kept.
      i--;
      continue;
    }
    if (!/^ $/.test(gap) || !part(prev)) break;
    if (prev.shape === 'lower' && at(toks, i).shape !== 'lower') break;
    i--;
  }
  return i;
}

/** Is the run strong enough to be a name? */
function accept(toks: Tok[], i: number, j: number, lowerSingleOk: boolean): boolean {
  const words = toks.slice(i, j + 1).filter((t) => t.shape !== 'initial');
  if (words.length === 0) return false;
  if (!words.some((t) => isForeign(t.key) || (inLists(t.key) && !isCommonWord(t.key)))) return false;
  if (words.length > 1) return true;
  const t = words[0] as Tok;
  if (t.shape === 'lower') return (lowerSingleOk && isForeign(t.key) && t.key.length >= 4) || isFirstName(t.key);
  return t.key.length >= 3 && (isFirstName(t.key) || isForeign(t.key));
}

const STREET_FIRST = /^(?:calle|avenida|camino|paseo|carrera|rue|via|rua|urb|barrio|plaza|strada|chemin)$/;
/**
 * Names joined by particles: "Pieter de Wet", "Novan van der Laan", "KHALED AL MASRI", "ghada al masri".
 * The word before the particles must be a name (listed or foreign), the word after it written like it.
 */
function particleNames(text: string, toks: Tok[], out: Candidate[]): void {
  const n = toks.length;
  for (let j = 1; j + 1 < n; j++) {
    const p = at(toks, j);
    if (!PARTICLES.has(p.key) || (p.shape !== 'lower' && p.shape !== 'upper' && p.shape !== 'cap')) continue;
    const a = at(toks, j - 1);
    let k = j;
    while (k + 1 < n && PARTICLES.has(at(toks, k + 1).key) && k - j < 2) k++;
    const b = toks[k + 1];
    if (!b || a.poss) continue;
    const gaps = toks
      .slice(j - 1, k + 2)
      .every((t, x, arr) => x === 0 || text.slice((arr[x - 1] as Tok).end, t.start) === ' ');
    if (!gaps) continue;
    // The particle written as the words are ("de" between capitalised words, "AL" between capitals).
    const alike =
      (a.shape === 'cap' && b.shape === 'cap' && p.shape !== 'upper') ||
      (a.shape === 'upper' && b.shape === 'upper' && p.shape === 'upper' && a.text.length >= 3) ||
      (a.shape === 'lower' && b.shape === 'lower' && p.shape === 'lower');
    // "avenida de la Salud", "camino de Santiago": a street named with particles, not a person.
    if (!alike || blocked(a.key) || blocked(b.key) || b.key.length < 3 || STREET_FIRST.test(a.key)) continue;
    const strong = (t: Tok) => !isCommonWord(t.key) && (foreign(t.key) || inLists(t.key));
    // Lower case: both sides names; capitals: the first a name, the last anything but vocabulary ("de Wet").
    if (a.shape === 'lower' ? !(strong(a) && strong(b)) : !(strong(a) || isFirstName(a.key))) continue;
    if (eponymAfter(text, b.end)) continue;
    out.push({ start: a.start, end: b.end, kind: 'name', priority: P_CONTEXT });
    j = k + 1;
  }
}

// "dob 03112003, anabela repiska - …": a name right after a birth date and a comma.
const AFTER_DOB = /\b(?:dob|d\.o\.b\.?|bday|birthday|born|b\.)\s*[:#/-]?\s*[A-Za-z0-9./-]{4,12},[ \t]+(?=[A-Za-z])/gi;

function namesAfterDob(text: string, toks: Tok[], out: Candidate[]): void {
  if (!/dob|d\.o\.b|bday|birthday|born|b\./i.test(text)) return;
  for (const m of allMatches(AFTER_DOB, text)) {
    const from = m.index + m[0].length;
    const j = toks.findIndex((t) => t.start === from);
    if (j < 0 || !part(at(toks, j))) continue;
    let k = j;
    while (
      k + 1 < toks.length &&
      k - j < 2 &&
      text.slice(at(toks, k).end, at(toks, k + 1).start) === ' ' &&
      part(at(toks, k + 1))
    )
      k++;
    const end = at(toks, k);
    if (!CLAUSE_END.test(text.slice(end.end, end.end + 12)) && !/^\s+-/.test(text.slice(end.end, end.end + 3)))
      continue;
    if (k === j && !isFirstName(at(toks, j).key)) continue;
    out.push({ start: at(toks, j).start, end: end.end, kind: 'name', priority: P_CONTEXT });
  }
}

// Vietnamese names: a family name of the few most Vietnamese carry, then one or two syllables
// spelt as Vietnamese spells them (diacritics are folded away before this): "Phan Thai Binh",
// "DANG,HAM THO", "Dinh, Thai Lan", "VU HUAN VO". The syllable shape rules out English words
// of more than one final consonant, and function words are excluded by name.
const VN_FAMILY = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong lam mai luong trinh ta cao chau quach lu doan tang thach ha kieu chan wong cheung leung yeung tsang chow tse fung kwok yuen kwan choi poon siu tsui kwong tsoi chiu cheuk'.split(
    ' ',
  ),
);
// Vietnamese syllables, and Cantonese ones as Hong Kong spells them ("Ka Wai", "Tsz Yan", "Kwok").
const VN_SYLLABLE =
  /^(?:(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?|(?:ts|sh|kw|gw|[fjwy])?[aeiouy]{1,3}(?:ng|[kmnpt])?|tsz|sze|ng)$/;
const vnSyllable = (t: Tok): boolean =>
  t.shape !== 'initial' &&
  t.text.length <= 5 &&
  VN_SYLLABLE.test(t.key) &&
  !FUNCTION_WORDS.has(t.key) &&
  !RELATIONS.has(t.key) &&
  !TITLES.has(t.key) &&
  !CLINICIAN.has(t.key);

function vietnameseNames(text: string, toks: Tok[], out: Candidate[]): void {
  const n = toks.length;
  for (let j = 0; j + 1 < n; j++) {
    const f = at(toks, j);
    if (!VN_FAMILY.has(f.key) || f.shape === 'lower' || f.shape === 'initial' || f.poss) continue;
    let k = j;
    while (k + 1 < n && k - j < 3) {
      const nx = at(toks, k + 1);
      const gap = text.slice(at(toks, k).end, nx.start);
      const sep = gap === ' ' || (k === j && /^, ?$/.test(gap));
      // Written like the family name: "Phan Thai Binh", "PHAN THAI BINH".
      const alike = nx.shape === f.shape || (f.shape === 'cap' && nx.shape === 'cap');
      if (!sep || !alike || !vnSyllable(nx)) break;
      k++;
    }
    // Two-letter family names ("Vu", "DO", "HO") need two syllables after them.
    const syllables = k - j;
    if (syllables === 0 || (f.text.length <= 2 && syllables < 2)) continue;
    if (syllables === 1 && isCommonWord(at(toks, k).key) && !inLists(at(toks, k).key)) continue;
    out.push({ start: f.start, end: at(toks, k).end, kind: 'name', priority: P_CONTEXT });
    j = k;
  }
}

// Words after which a listed given name is a person: "Emeka says Beatriz was fine", "brought Niloufar back".
const GIVEN_BEFORE = new Set(['says', 'said', 'brought', 'bring', 'between', 'tell', 'told', 'sending', 'send']);

const PERSON_LABEL =
  /^(?:triage|board|census|pt|patient|name|contact|nok|poa|visitor|caller|sticker|band|wristband|label|resident|client|member|guest|arrival|arrivals|transfer|admit|admission|discharge|bed|room|rm|stretcher|chair|bay|hallway|hall)$/;
const MOVED = /^(?:brought|bring|brings|took|take|wheeled|walked|transported|transferred|moved|sent|escorted|helped)$/;
/** Given names read from a weak cue, a label's colon or an initial: rules the lists make safe. */
function givenNames(text: string, toks: Tok[], out: Candidate[]): void {
  const n = toks.length;
  const given = (t: Tok) =>
    t.shape === 'cap' && isFirstName(t.key) && !isCommonWord(t.key) && !blocked(t.key) && t.key.length >= 3;
  for (let j = 0; j < n; j++) {
    const t = at(toks, j);
    const prev = toks[j - 1] ?? t;
    const gapBefore = j > 0 ? text.slice(prev.end, t.start) : '';
    const after = text.slice(t.end, t.end + 12);
    // "OB triage: Dmitry, appt …": a label's colon, a given name and a comma; after a label that names a
    // person's place in the flow ("triage:", "board:", "sticker:") a word no list knows as well ("Lanang,").
    const personLabel =
      PERSON_LABEL.test(prev.key) &&
      // In a note typed in lower case the name is too ("ob triage: tamang, discharged …"), when longer.
      (t.shape === 'cap' || (t.shape === 'lower' && t.key.length >= 5)) &&
      t.key.length >= 4 &&
      foreign(t.key) &&
      !blocked(t.key) &&
      !clinicalEnding(t.key);
    if ((given(t) || personLabel) && /^:\s+$/.test(gapBefore) && /^,/.test(after) && !t.poss) {
      out.push({ start: t.start, end: t.end, kind: 'name', priority: P_CONTEXT });
      continue;
    }
    // "Ngozi O asked …", "Almaz T (daughter)": a listed given name and a surname's initial, then a clause.
    const ini = toks[j + 1];
    if (
      given(t) &&
      ini &&
      ini.shape === 'initial' &&
      /^[B-HJ-Z]$/.test(ini.text) &&
      text.slice(t.end, ini.start) === ' ' &&
      /^(?:$|[,;:)(|\n]|\s+[a-z(]|\s+-\s|\.\s*$|\.\s+[a-z])/.test(text.slice(ini.end, ini.end + 3))
    ) {
      out.push({ start: t.start, end: ini.end, kind: 'name', priority: P_CONTEXT });
      continue;
    }
    if (GIVEN_BEFORE.has(prev.key) && gapBefore === ' ' && given(t)) {
      // With the surname after it when one follows ("between Fatos Bakircioglu and …").
      const b = toks[j + 1];
      const two = b && text.slice(t.end, b.start) === ' ' && b.shape === 'cap' && part(b);
      const end = two ? (b as Tok) : t;
      if (two || CLAUSE_END.test(text.slice(end.end, end.end + 12)) || /^\s+back\b/.test(after))
        out.push({ start: t.start, end: end.end, kind: 'name', priority: P_CONTEXT });
      continue;
    }
    // "brought Labuh back from cath lab", "wheeled Terenc down to CT": only a person is moved so; a
    // capitalised word no list or dictionary knows is the name.
    if (
      MOVED.test(prev.key) &&
      gapBefore === ' ' &&
      t.shape === 'cap' &&
      t.key.length >= 4 &&
      foreign(t.key) &&
      !blocked(t.key) &&
      /^\s+(?:back|down|up|over|to|from)\b/.test(after)
    ) {
      out.push({ start: t.start, end: t.end, kind: 'name', priority: P_CONTEXT });
      continue;
    }
    // "for C. Jonsson", "attn H Repiska": an initial and a surname after a person's preposition.
    if (t.shape === 'initial' && /^[A-Z]$/.test(t.text) && WEAK_BEFORE.has(prev.key) && gapBefore === ' ') {
      const b = toks[j + 1];
      if (!b || !/^\.? $/.test(text.slice(t.end, b.start))) continue;
      const sur = (b.shape === 'cap' || b.shape === 'upper') && b.key.length >= 4 && part(b) && !isCommonWord(b.key);
      if (
        sur &&
        (foreign(b.key) || isSurname(b.key)) &&
        CLAUSE_END.test(text.slice(b.end + (b.poss ? 2 : 0), b.end + 14))
      )
        out.push({ start: t.start, end: b.end, kind: 'name', priority: P_CONTEXT + 1 });
    }
  }
}

export function nameCueRules(text: string, toks: Tok[], out: Candidate[]): void {
  particleNames(text, toks, out);
  givenNames(text, toks, out);
  vietnameseNames(text, toks, out);
  namesAfterDob(text, toks, out);
  const push = (i: number, j: number) => {
    if (eponymAfter(text, at(toks, j).end)) return;
    out.push({ start: at(toks, i).start, end: at(toks, j).end, kind: 'name', priority: P_CONTEXT });
  };
  const n = toks.length;
  for (let j = 0; j < n; j++) {
    const t = at(toks, j);
    const after = text.slice(t.end + (t.poss ? 2 : 0), t.end + 40);
    // "Ozgur Cetiner D/L …", "Ismail brought her pump"; "Darinka's consent".
    const verb = !t.poss && VERB_AFTER.test(after);
    // "diler brought her cgm": only a person brings her things; one lower-case word no list knows may stand alone.
    const brought = verb && /^\s+(?:brought|brings)\s+(?:her|his|their|in\s+her|in\s+his)\b/i.test(after);
    const poss = t.poss && POSS_NOUN.test(after);
    // A possessive with no person's thing after it needs two words ("Jhun Sumulong's car" / not "Dupuytren's").
    if (verb || poss || (t.poss && /^\s+[a-z]/.test(after))) {
      const i = runBack(text, toks, j);
      // "Dr. Chen said": a clinician's name is not the patient's.
      if (i > 0 && CLINICIAN.has(at(toks, i - 1).key)) continue;
      if (i >= 0 && accept(toks, i, j, poss || brought) && (verb || poss || j > i)) push(i, j);
    }
    // Census style: "koya,fibikemi", "OSMAK, TASA H", "hofman, twan".
    const b = toks[j + 1];
    if (b && t.shape !== 'initial' && b.shape !== 'initial') {
      const gap = text.slice(t.end, b.start);
      // Both halves written alike ("okafor,ngozi", "OKAFOR, NGOZI", "Okafor, Ngozi"), not "anaphylaxis, aPTT".
      const alike = t.shape === b.shape || (t.shape !== 'lower' && b.shape !== 'lower');
      if ((gap === ',' || gap === ', ') && alike && censusPart(t) && censusPart(b) && !t.poss) {
        const listed = (x: Tok) => x.key.length >= 3 && inLists(x.key) && !isCommonWord(x.key);
        const c = toks[j + 2];
        const initial = c && c.shape === 'initial' && text.slice(b.end, c.start) === ' ';
        const upper = t.shape === 'upper' && b.shape === 'upper';
        const ctx = /^\s*(?:$|[|\t()\n,]|dob\b|d\.o\.b|ss|social|mrn|unit)/i.test(text.slice(b.end, b.end + 8));
        const tight = gap === ',' && (listed(t) || listed(b) || ctx);
        const bothForeign = isForeign(t.key) && isForeign(b.key);
        // "ACLS, BLS, PALS": short capitals no list knows are a list of acronyms.
        const acronyms = upper && !(listed(t) && listed(b)) && t.text.length <= 4 && b.text.length <= 4;
        if (acronyms) continue;
        // Before the pair: a line start, a label's colon or bar, or a person's preposition ("for RAHARDIAN, HAMIMA").
        const before = text.slice(Math.max(0, t.start - 24), t.start);
        const cueBefore =
          /(?:^|[\n|:;(]|\b(?:for|pt|re|patient|name|per|to|from|about|with|contact|poa|nok|attn)\b|\s-)\s*$/i.test(
            before,
          );
        // After it: a colon or a number as well ("RAHARDIAN, HAMIMA: battery", "…, Zvezdana 4471").
        const cueAfter =
          ctx ||
          /^\s*(?::|-\s|\d|#)/.test(text.slice(b.end, b.end + 4)) ||
          /^\s+(?:[A-Za-z-]+\s+){0,2}(?:#|no\.?|id|number)?\s*[A-Z]{0,3}-?\d{4,}/.test(text.slice(b.end, b.end + 40));
        // A person's verb after a pair in lower case: "arnesen, vilde asked us".
        const verbAfter = VERB_AFTER.test(text.slice(b.end, b.end + 40));
        // Names nobody listed: capitals or no space after the comma, or a cue on either side.
        // In lower case a pair of unknown words is as often "rhabdo, creat 5.64": only written tight.
        const foreignPair =
          bothForeign &&
          t.key.length >= 3 &&
          b.key.length >= 3 &&
          (upper ||
            gap === ',' ||
            verbAfter ||
            (t.shape !== 'lower' && (cueBefore || cueAfter)) ||
            // "monitoring for obianuju, omolara: hub offline": in lower case, a cue on both sides.
            (cueBefore && /^\s*:/.test(text.slice(b.end, b.end + 3)) && t.key.length >= 4 && b.key.length >= 4));
        if (tight || listed(t) || listed(b) || initial || (upper && ctx) || (bothForeign && ctx) || foreignPair) {
          // "Matos Hernández,Patricio T", "Urbina Lerma, Conchita B": a first surname before the second.
          const p = toks[j - 1];
          const twoSurnames =
            p && p.shape === t.shape && p.shape !== 'lower' && text.slice(p.end, t.start) === ' ' && !p.poss && part(p);
          push(twoSurnames ? j - 1 : j, initial ? j + 2 : j + 1);
          j += initial ? 2 : 1;
          continue;
        }
      }
    }
    // "redraw for Nakato", "attn Ilja Seibold", "for yago nogueira,", "for Leendert van Leeuwen".
    // "talked w/ zorvan quellick": the shorthand "w/" is "with".
    const shortWith = j > 0 && at(toks, j - 1).key === 'w' && /^\/\s*$/.test(text.slice(at(toks, j - 1).end, t.start));
    if (j > 0 && (WEAK_BEFORE.has(at(toks, j - 1).key) || shortWith) && t.shape !== 'initial' && part(t)) {
      const gapBefore = text.slice(at(toks, j - 1).end, t.start);
      if ((!shortWith && !/^\s+$/.test(gapBefore)) || (j > 1 && CLINICIAN.has(at(toks, j - 2).key))) continue;
      const lower = t.shape === 'lower';
      let k = j;
      while (k + 1 < n && k - j < 3) {
        const gap = text.slice(at(toks, k).end, at(toks, k + 1).start);
        const nx = at(toks, k + 1);
        const initial = nx.shape === 'initial' && /^[A-Z]$/.test(nx.text) && toks[k + 2];
        if (initial && /^ $/.test(gap) && /^\.? $/.test(text.slice(nx.end, at(toks, k + 2).start))) {
          // "Oyelade K. Tamuno": the initial and the word after it.
          if (!part(at(toks, k + 2))) break;
          k += 2;
          continue;
        }
        if (gap !== ' ') break;
        if (PARTICLES.has(nx.key) && toks[k + 2] && part(at(toks, k + 2))) {
          k++;
          continue;
        }
        if (nx.shape === 'initial' || !part(nx) || (nx.shape === 'lower') !== lower) break;
        k++;
      }
      const end = at(toks, k);
      const listedRun = toks.slice(j, k + 1).some((x) => x.key.length >= 3 && inLists(x.key) && !isCommonWord(x.key));
      const closes = end.poss || CLAUSE_END.test(text.slice(end.end, end.end + 12)) || (k > j && listedRun);
      // Lower case: two words at least, or a given name; a capitalised word alone must be foreign or a given name.
      // One lower-case word: a given name, or a foreign word closing a clause after a person's cue
      // ("no one told nara about", "per marana,"), not a drug ("for ceftriaxone,").
      const personCue = /^(?:per|attn|told|tell|ask|asked|cb|call|called|paged|texted|emailed|named)$/.test(
        at(toks, j - 1).key,
      );
      // "redraw for bolatito", "label for vieroslava.": one unknown lower-case word after "for", when what is
      // "for" it is a person's thing (a label, a redraw, comments) and the word closes the clause.
      const forEnd =
        at(toks, j - 1).key === 'for' &&
        j > 1 &&
        FOR_PERSON.test(at(toks, j - 2).key) &&
        k === j &&
        t.key.length >= 4 &&
        isForeign(t.key) &&
        !t.key.includes('-') &&
        /^(?:\s*$|\s*[;,.!?)]|\s+-)/.test(text.slice(t.end + (t.poss ? 2 : 0), t.end + 12));
      const ok = lower
        ? k > j ||
          (isFirstName(t.key) && !isCommonWord(t.key)) ||
          forEnd ||
          (personCue && isForeign(t.key) && t.key.length >= 4 && CLAUSE_END.test(text.slice(t.end, t.end + 12)))
        : true;
      if (closes && ok && accept(toks, j, k, lower && (personCue || forEnd))) {
        push(j, k);
        j = k;
      }
    }
  }
}
