// Word tokens for the name rules, and what the word lists say about a token.

import { isEnglishWord, isFirstName, isSurname } from '../phi-names';
import { FUNCTION_WORDS, isCommonWord, isVocab } from '../phi-vocab';
import { allMatches } from './matches';

export interface Tok {
  text: string;
  /** lower case, possessive removed */
  key: string;
  start: number;
  end: number;
  shape: 'cap' | 'upper' | 'lower' | 'initial';
  /** written with a possessive 's ("Okafor's") */
  poss: boolean;
}

const WORD = /[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*/g;

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of allMatches(WORD, text)) {
    let t = m[0];
    // "Okafor's" → the name is "Okafor".
    const poss = /['’]s$/i.exec(t);
    if (poss) t = t.slice(0, -2);
    t = t.replace(/['’]+$/, '');
    if (!t) continue;
    let shape: Tok['shape'];
    if (t.length === 1) shape = 'initial';
    else if (t === t.toUpperCase()) shape = 'upper';
    else if (t === t.toLowerCase()) shape = 'lower';
    // "al-Rashid", "el-Sayed", "abu-Bakr": an Arabic particle before a capitalised name is written so.
    else if (/^[A-Z]/.test(t) || /^(?:al|el|ul|abu|bin|ibn|bint)-[A-Z]/.test(t)) shape = 'cap';
    else shape = 'lower';
    toks.push({ text: t, key: t.toLowerCase(), start: m.index, end: m.index + t.length, shape, poss: !!poss });
  }
  return toks;
}

/** Token at an index the caller has already bounds-checked. */
export const at = (toks: Tok[], i: number): Tok => toks[i] as Tok;

// Endings of drugs, diseases, procedures and services: "Nephrology", "olanzapine" are not names.
export const CLINICAL_ENDING =
  /(?:ology|ologist|itis|osis|emia|aemia|ectomy|otomy|ostomy|plasty|scopy|graphy|gram|pathy|algia|uria|penia|trophy|mycin|cillin|pril|olol|sartan|statin|azole|prazole|tidine|parin|floxacin|cycline|[aeiou]vir|mab|nib|zepam|zolam|codone|morphone|profen|oxacin|dipine|tropin|ase|lysis|plegia|paresis|rrhea|ectasis|megaly|carcinoma|cele|ism|apine|azine|sone|olone|formin|amine|idine|oxin|farin|ium|iazide|semide|lukast|triptan|gliptin|gliflozin|glutide|tide|caine|fentanil|adol|azepam|barbital|phylline|terol|tropium|nitrate|glycemia|kalemia|natremia|calcemia|lipidemia|cardia|pnea|ptysis|emesis|esis|xaban|pine|done|mide|zide|pam|navir|previr|[tbp]asvir|tinib|umab|ximab|cept|platin|taxel|rubicin|trexate|olimus|sporine|setron|dronate|glitazone|sonide|metasone|nisolone|curium|ronium|penem|bactam|conazole|fungin|vudine|lukast|oxetine|aline|afil|dazole|tadine|pramine|triptyline|iramine|cort|kacin)$/;

// Nouns that follow an eponym: "Todd's paralysis", "Kelly clamp", "Beck's triad", "Salem sump".
export const EPONYM_NOUN =
  /^(?:['’]s)?[^\S\n]+(?:(?:I{1,3}|IV|V|[1-4])[^\S\n]+)?(?:sign|signs|pupils?|triad|disease|syndrome|procedure|operation|paralysis|palsy|gangrene|angina|contracture|law|test|maneuver|manoeuvre|reflex|phenomenon|score|scale|criteria|classification|fracture|pouch|solution|node|nodes|line|catheter|clamp|shunt|sump|tube|drain|forceps|retractor|suction|tip|stockings|splint|traction|position|curve|formula|ulcer|hernia|tumou?r|lesion|space|esophagectomy|repair|anastomosis|method|rule|rules|protocol|bundle|stage|staging|grade|type|class|index|sequence|valve|circuit|cannula|mask|bag|bed|chair|lift|transfer|technique|incision|approach|block|fixation|nail|plate|screw|cast|brace|boot|collar|board|sheet|needle|needles|device|malformation|murmur|bod(?:y|ies)|cells?|rings?|mechanism|proteins?|nodules?|features|polyps?|polyposis|anomaly|stain|staining|attack|variant|hemiarthroplasty|prosthesis|tear|lesions|lines|waves?|pattern|gait|spots|hump|effect|sarcoma|lymphoma|cyst|aneurysm|arteritis|thyroiditis|anemia|purpura|dystrophy|ataxia|chorea|neuralgia|esophagus|diverticulum|frame|rods?|wires?|pins?|delusion|physiology|fundoplication|transformation|chromosome|deformity|vasculitis|virus|jaw)\b/i;
/** Is the word ending at `end` an eponym, by the noun after it? */
export function eponymAfter(text: string, end: number): boolean {
  const m = EPONYM_NOUN.exec(text.slice(end, end + 30));
  // "Bianchetti bed 32", "Okafor line 2": a noun with a number after it is where the person is.
  // A type, class, stage or grade takes its number ("Crigler Najjar type 2").
  return (
    m !== null &&
    (/(?:type|class|stage|grade|score|criteria)$/i.test(m[0]) ||
      !/^\s*#?\d/.test(text.slice(end + m[0].length, end + m[0].length + 4)))
  );
}

const inOne = (k: string): boolean => isFirstName(k) || isSurname(k);
/** In the name lists ("anne-marie", "pierce-whitaker": every part a known name). */
export const inLists = (k: string): boolean =>
  inOne(k) ||
  (k.includes('-') && (k.split('-').every(inOne) || (PARTICLE_HYPHEN.test(k) && inOne(k.slice(k.indexOf('-') + 1)))));
// "al-rashid", "el-sayed": the name after an Arabic particle is the listed one.
const PARTICLE_HYPHEN = /^(?:al|el|ul|abu|bin|ibn|bint)-[a-z]{3,}$/;

/**
 * A word that is neither everyday English nor the detector's vocabulary: after a cue it is most
 * likely a name the lists lack ("Nakato", "Wiafe"). Hyphenated: every part so.
 */
const foreignSeen = new Map<string, boolean>();

export function foreign(k: string): boolean {
  const hit = foreignSeen.get(k);
  if (hit !== undefined) return hit;
  const v = isForeign(k);
  if (foreignSeen.size > 20_000) foreignSeen.clear();
  foreignSeen.set(k, v);
  return v;
}

const endingSeen = new Map<string, boolean>();
/** CLINICAL_ENDING, remembered per word (the regex is long and a note repeats its words). */
export function clinicalEnding(k: string): boolean {
  const hit = endingSeen.get(k);
  if (hit !== undefined) return hit;
  const v = CLINICAL_ENDING.test(k);
  if (endingSeen.size > 20_000) endingSeen.clear();
  endingSeen.set(k, v);
  return v;
}

// English derivational endings: a word the small English list lacks but built like English
// ("subscriber", "reconciliation", "unresponsive") is not a foreign name.
const ENGLISH_MORPH =
  /(?:[a-z]{3}(?:tion|tions|sion|sions|ment|ments|ness|ities|ably|ibly|ical|ically|ized|izes|izing|ised|ising|fully|less|ship|ingly|edly)|[a-z]{4}(?:ity|able|ible|ance|ances|ence|ences|ory|ories|ive|ives|ous|ful|ists?|ings?))$/;
/** "cultures", "vitals", "rounded", "scanning": an English word with an inflection. */
function inflectedEnglish(w: string): boolean {
  for (const [end, add] of INFLECTIONS) {
    if (w.length > end.length + 2 && w.endsWith(end)) {
      const stem = w.slice(0, -end.length);
      if (isEnglishWord(stem + add) || (add === '' && isEnglishWord(`${stem}e`))) return true;
      // "scanning" → "scan", "dropped" → "drop".
      if (add === '' && stem.length > 3 && stem.at(-1) === stem.at(-2) && isEnglishWord(stem.slice(0, -1))) return true;
    }
  }
  return false;
}
const INFLECTIONS: Array<[string, string]> = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', ''],
  ['ing', ''],
  ['ly', ''],
];

function isForeign(k: string): boolean {
  if (k.length < 3 || clinicalEnding(k)) return false;
  const one = (w: string) =>
    w.length >= 2 &&
    !isEnglishWord(w) &&
    !isCommonWord(w) &&
    !RELATIONS.has(w) &&
    !TITLES.has(w) &&
    !CLINICIAN.has(w) &&
    !(w.length >= 5 && (ENGLISH_MORPH.test(w) || inflectedEnglish(w)));
  // "bar-lev": no part clinical or everyday-only, one part foreign; "post-op", "follow-up" stay words.
  if (!k.includes('-')) return one(k);
  const parts = k.split('-');
  return parts.every((w) => w.length >= 2 && !isCommonWord(w)) && parts.some((w) => w.length >= 3 && one(w));
}

/** A token that may be part of a name: in the lists (and not an everyday word) or foreign. */
export const nameWord = (k: string): boolean => (inLists(k) && !isCommonWord(k)) || foreign(k);

export const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'mx',
  'mrs.',
  'messrs',
  'sr',
  'sra',
  'srta',
  'madam',
  'mme',
  'mlle',
  'mstr',
  'herr',
  'frau',
  'sigra',
  'monsieur',
  'madame',
  'mevr',
  'dhr',
  'shri',
  'smt',
  'haji',
  'hajji',
  'mzee',
]);
export const RELATIONS = new Set(
  `daughter son wife husband mother mom mum father dad sister brother niece nephew grandson granddaughter grandmother
grandma granny grandfather grandpa grandchild aunt auntie uncle cousin partner fiance fiancee boyfriend girlfriend
spouse guardian caregiver carer friend neighbor neighbour stepson stepdaughter stepmother stepfather stepmom stepdad
poa hcpoa proxy surrogate sibling child kid daughter-in-law son-in-law mother-in-law father-in-law sister-in-law
brother-in-law godmother godfather roommate landlord grandaughter nok dtr gdtr gson mil fil sil bil dil
stepdtr bf gf hubby wifey fiance hija hijo esposa esposo madre padre hermana hermano abuela abuelo tia tio nieta nieto
prima primo filha filho mae pai irma irmao avo fille fils mere pere soeur frere tochter sohn ehefrau ehemann`.split(
    /\s+/,
  ),
);
// Relation words as they are often mistyped ("daugther", "husbnad"): a hand list, so loading the
// detector computes nothing.
// "ex-wife (Iryna)", "step-son", "great-grandson": the same relations with a prefix.
for (const r of [...RELATIONS]) for (const pre of ['ex-', 'step-', 'great-']) RELATIONS.add(pre + r);
for (const r of `daugther duaghter dauhgter daugter daughtr dauther husbnad hsuband husabnd hubsand husban mohter mtoher
brohter borther brther sitser siter sistr nephwe nehpew neice neiece grandosn grnadson granddaugther grandaughter
grandduaghter grnadma grandpa gradma gradpa fahter fatehr wief wfie spuose sopuse gaurdian guardain cousn
boyfreind girlfreind freind neigbor nieghbor neighbour`.split(/\s+/))
  RELATIONS.add(r);
// Clinicians' names are not the patient's; the word after "Dr." is left alone.
export const CLINICIAN = new Set([
  'dr',
  'doctor',
  'dra',
  'prof',
  'professor',
  'nurse',
  'rn',
  'np',
  'pa',
  'md',
  'attending',
  'resident',
]);

/** A word no name is made of: a function word, a title, a relation, a clinician's role, vocabulary. */
export const blockedName = (k: string): boolean =>
  FUNCTION_WORDS.has(k) || RELATIONS.has(k) || TITLES.has(k) || CLINICIAN.has(k) || isVocab(k);
