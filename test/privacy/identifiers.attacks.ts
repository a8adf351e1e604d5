// Ways to hide an identifier from a text-matching detector while a human still reads it, applied to
// every kind of identifier. Shared by the detector's own suite (identifiers.shared.test.ts) and the
// server's (identifiers.worker.test.ts), so both sides face the same attacks.
// All values are synthetic.

export interface AttackCase {
  /** what is hidden, e.g. "mrn" */
  kind: string;
  /** how, e.g. "zero-width space" */
  trick: string;
  text: string;
  /** where the hidden value sits in `text` (UTF-16 offsets, end exclusive) */
  start: number;
  end: number;
}

interface Base {
  kind: string;
  before: string;
  label: string;
  value: string;
  after: string;
}

// Each identifier in the plainest form the detector already finds.
const BASES: Base[] = [
  { kind: 'phone', before: 'daughter cell ', label: '', value: '503-555-0142', after: ' after 5pm' },
  { kind: 'fax', before: 'records to ', label: 'fax', value: '503-555-0199', after: ' today' },
  { kind: 'ssn', before: 'face sheet ', label: 'SSN', value: '412-66-0831', after: ' is wrong' },
  { kind: 'mrn', before: 'wrong chart: ', label: 'MRN', value: '00482913', after: ' in bed 4' },
  { kind: 'account', before: 'consent has ', label: 'FIN', value: '6620018842', after: ' on it' },
  { kind: 'health_plan', before: 'denied, ', label: 'member ID', value: 'QRT448812093', after: ' again' },
  { kind: 'health_plan (MBI)', before: 'card says ', label: '', value: '1EG4-TE5-MK73', after: ' for him' },
  { kind: 'license', before: 'scanned ', label: 'DL#', value: 'W4410982', after: ' at triage' },
  { kind: 'vehicle (plate)', before: 'car ', label: 'plate', value: '5TRM882', after: ' in the lot' },
  { kind: 'vehicle (VIN)', before: 'towed, ', label: 'VIN', value: '2FMDK48C97BA12345', after: ' per security' },
  { kind: 'device', before: 'pump ', label: 'serial no.', value: 'KPL558231Z', after: ' alarming' },
  { kind: 'ip', before: 'home monitor ', label: 'IP', value: '192.168.40.12', after: ' offline' },
  { kind: 'zip', before: 'address form rejects ', label: 'zip', value: '30318', after: ' again' },
  { kind: 'date', before: 'wristband ', label: 'DOB', value: '03/14/1958', after: ' smudged' },
  { kind: 'email', before: 'send the AVS to ', label: '', value: 'g.ferraro@example.net', after: ' please' },
  { kind: 'name (title)', before: 'please call ', label: 'Mrs', value: 'Okafor', after: ' back' },
  { kind: 'name (full)', before: 'wrong wristband on ', label: '', value: 'Ngozi Okafor', after: ' this morning' },
];

const INVISIBLE: Record<string, string> = {
  'zero-width space U+200B': '\u200b',
  'zero-width non-joiner U+200C': '\u200c',
  'zero-width joiner U+200D': '\u200d',
  'word joiner U+2060': '\u2060',
  'soft hyphen U+00AD': '\u00ad',
  'byte order mark U+FEFF': '\ufeff',
  'combining acute U+0301': '\u0301',
  'combining grapheme joiner U+034F': '\u034f',
  'variation selector U+FE0F': '\ufe0f',
  'left-to-right mark U+200E': '\u200e',
};

/** An invisible character after every second character of `s`. */
const sprinkle = (s: string, ch: string) => [...s].map((c, i) => (i % 2 === 1 ? c + ch : c)).join('');

const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

// Letters that render like Latin ones.
const CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
};
const GREEK: Record<string, string> = {
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  H: 'Η',
  I: 'Ι',
  K: 'Κ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Ρ',
  T: 'Τ',
  X: 'Χ',
  Z: 'Ζ',
  o: 'ο',
  v: 'ν',
  i: 'ι',
  u: 'υ',
};
const swap = (table: Record<string, string>) => (s: string) => [...s].map((c) => table[c] ?? c).join('');

/** Digits and letters from another block: 𝟎𝟏𝟐 (mathematical bold) or ٠١٢ (Arabic-Indic). */
const mathBold = (s: string) =>
  [...s]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c >= '0' && c <= '9') return String.fromCodePoint(0x1d7ce + code - 48);
      if (c >= 'A' && c <= 'Z') return String.fromCodePoint(0x1d400 + code - 65);
      if (c >= 'a' && c <= 'z') return String.fromCodePoint(0x1d41a + code - 97);
      return c;
    })
    .join('');
const arabicIndic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
const devanagari = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x966 + Number(d)));

/** Separators a reader takes for the usual ones. */
const odd = (s: string, space: string, dash: string) => s.replace(/ /g, space).replace(/-/g, dash);

type Trick = (s: string) => string;

/** Tricks applied to the label and the value alike (an attacker changes both). */
const TRICKS: Record<string, Trick> = {
  'full-width forms': fullWidth,
  ...Object.fromEntries(Object.entries(INVISIBLE).map(([name, ch]) => [name, (s: string) => sprinkle(s, ch)])),
  'Cyrillic look-alike letters': swap(CYRILLIC),
  'Greek look-alike letters': swap(GREEK),
  'mathematical bold': mathBold,
  'Arabic-Indic digits': arabicIndic,
  'Devanagari digits': devanagari,
  'no-break space and non-breaking hyphen': (s) => odd(s, '\u00a0', '\u2011'),
  'thin space and en dash': (s) => odd(s, '\u2009', '\u2013'),
  'narrow no-break space and minus sign': (s) => odd(s, '\u202f', '\u2212'),
};

/** Every trick on every kind. The trick changes the label too; `start`/`end` mark the value. */
export function attackCases(): AttackCase[] {
  const out: AttackCase[] = [];
  for (const [trick, fn] of Object.entries(TRICKS)) {
    for (const b of BASES) {
      const label = b.label ? `${fn(b.label)}${fn(' ')}` : '';
      const value = fn(b.value);
      // A trick that changes nothing here (digits of another script in a name) tests nothing new.
      if (value === b.value && label === (b.label ? `${b.label} ` : '')) continue;
      const start = b.before.length + label.length;
      out.push({ kind: b.kind, trick, text: b.before + label + value + b.after, start, end: start + value.length });
    }
  }
  return out;
}

/** Attacks on one kind at a time: e-mail punctuation, spacing, case and markup games. */
export function specialCases(): AttackCase[] {
  const cases: Array<[string, string, string, string, string]> = [
    // [kind, trick, before, value, after]
    ['email', 'full-width @ only', 'send to ', 'g.ferraro＠example.net', ' please'],
    ['email', 'full-width @ and .', 'send to ', 'g.ferraro＠example．net', ' please'],
    ['email', 'small commercial at U+FE6B', 'send to ', 'g.ferraro﹫example.net', ' please'],
    ['email', 'Cyrillic letters in the domain', 'send to ', 'g.ferraro@ехаmple.net', ' please'],
    ['name (title)', 'Cyrillic М in the title only', 'please call Мrs ', 'Okafor', ' back'],
    ['name (title)', 'Cyrillic О in the name only', 'please call Mrs ', 'Оkafor', ' back'],
    ['name (title)', 'Greek Ο in the name only', 'please call Mrs ', 'Οkafor', ' back'],
    ['name (title)', 'soft hyphen in the name', 'please call Mrs ', 'Oka\u00adfor', ' back'],
    ['name (title)', 'combining marks on the name', 'please call Mrs ', 'O\u0301ka\u0308for', ' back'],
    ['name (pt)', 'letters spaced out', 'pt ', 'O k a f o r', ' in bed 4 keeps falling'],
    ['name (pt)', 'letters hyphenated', 'pt ', 'O-k-a-f-o-r', ' in bed 4 keeps falling'],
    ['name (pt)', 'letters dotted', 'pt ', 'O.k.a.f.o.r', ' in bed 4 keeps falling'],
    ['name (full)', 'case games', 'wrong wristband on ', 'nGoZi oKaFoR', ' this morning'],
    ['name (full)', 'upper case', 'wrong wristband on ', 'NGOZI OKAFOR', ' this morning'],
    ['name (full)', 'lower case', 'wrong wristband on ', 'ngozi okafor', ' this morning'],
    ['name (full)', 'inline markup inside the name', 'wrong wristband on ', 'Ngozi Ok<b>afor', '</b> this morning'],
    ['name (full)', 'an HTML entity inside the name', 'wrong wristband on ', 'Ngozi Ok&#97;for', ' this morning'],
    ['name (full)', 'markdown emphasis inside the name', 'wrong wristband on ', 'Ngozi Ok**afor**', ' this morning'],
    ['mrn', 'digits spaced out', 'wrong chart: MRN ', '0 0 4 8 2 9 1 3', ' in bed 4'],
    ['mrn', 'digits hyphenated one by one', 'wrong chart: MRN ', '0-0-4-8-2-9-1-3', ' in bed 4'],
    ['mrn', 'a zero-width space before the label', 'wrong chart: \u200bMRN ', '00482913', ' in bed 4'],
    ['ssn', 'digits spaced out', 'face sheet SSN ', '4 1 2 6 6 0 8 3 1', ' is wrong'],
    ['phone', 'digits spaced out', 'daughter cell ', '5 0 3 5 5 5 0 1 4 2', ' after 5pm'],
    ['phone', 'full-width parentheses', 'daughter cell ', '（503）555-0142', ' after 5pm'],
    ['date', 'fraction slash U+2044', 'wristband DOB ', '03⁄14⁄1958', ' smudged'],
    ['date', 'division slash U+2215', 'wristband DOB ', '03∕14∕1958', ' smudged'],
    ['date', 'full-width solidus', 'wristband DOB ', '03／14／1958', ' smudged'],
    ['ip', 'ideographic full stop', 'home monitor ', '192。168。40。12', ' offline'],
    ['url', 'full-width letters', 'her fundraiser ', 'ｇｏｆｕｎｄｍｅ.com/f/help-okafor', ' is shared'],
  ];
  return cases.map(([kind, trick, before, value, after]) => ({
    kind,
    trick,
    text: before + value + after,
    start: before.length,
    end: before.length + value.length,
  }));
}

const INVISIBLE_OR_MARK = /[\p{Cf}\p{Mn}\p{Me}]/u;

/**
 * The characters of [start, end) that a reader sees (letters and digits) and no span covers.
 * Redaction must remove every one of them.
 */
export function uncovered(c: AttackCase, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let left = '';
  for (let i = c.start; i < c.end; ) {
    const ch = String.fromCodePoint(c.text.codePointAt(i) ?? 0);
    const at = i;
    i += ch.length;
    if (INVISIBLE_OR_MARK.test(ch) || !/[\p{L}\p{N}]/u.test(ch)) continue;
    if (!spans.some((s) => s.start <= at && at + ch.length <= s.end)) left += ch;
  }
  return left;
}
