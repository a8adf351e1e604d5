// Unicode folding before detection, so text that reads the same to a person reads the same to the
// rules: full-width and mathematical forms (NFKD), digits of other scripts, look-alike Cyrillic and
// Greek letters, odd spaces, dashes and slashes become ASCII; invisible characters (zero-width,
// joiners, soft hyphen, BOM, bidi marks, variation selectors) and combining marks are dropped;
// inline markup and HTML entities are read as the text they show; letters or digits spaced out one
// by one ("O k a f o r", "0 0 4 8 …") are joined. Every character of the folded text remembers the
// range of the original it came from, so spans found in the folded text map back to exactly the
// characters the user typed: the browser redacts those, and the server hashes those.

import { allMatches } from './matches';

export interface Folded {
  text: string;
  /** original start offset of each folded character */
  from: Uint32Array;
  /** original end offset (exclusive) of each folded character */
  to: Uint32Array;
}

// Look-alikes of Latin letters (after NFKD), from Unicode's confusables for the scripts a keyboard
// reaches easily. Only letters that render the same in common fonts.
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  Ү: 'Y',
  У: 'Y',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  а: 'a',
  с: 'c',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  о: 'o',
  р: 'p',
  ѕ: 's',
  х: 'x',
  у: 'y',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  // Armenian and Latin letters NFKD leaves alone
  օ: 'o',
  ս: 'u',
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  // Letters NFKD keeps whole, read as their usual Latin spelling ("Þórsson" → "Thorsson").
  Þ: 'Th',
  þ: 'th',
  ð: 'd',
  Ð: 'D',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ß: 'ss',
  // punctuation that stands for ASCII
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '⁃': '-',
  '⁄': '/',
  '∕': '/',
  '⧸': '/',
  '。': '.',
  '｡': '.',
  '‘': "'",
  '’': "'",
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '＂': '"',
};

// Drawn as nothing: format characters (Cf: zero-width, joiners, soft hyphen, BOM, bidi), combining
// marks, variation selectors and the Hangul fillers some fonts leave blank.
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u180e]$/u;
const DIGIT = /^\p{Nd}$/u;
const SPACE = /^[\s\p{Zs}]$/u;

const cache = new Map<number, string>();

/** What one code point folds to ('' when it is invisible). */
function foldPoint(cp: number, ch: string): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out = '';
  if (INVISIBLE.test(ch)) out = '';
  else if (ch === '\n' || ch === '\r' || ch === '\t') out = ch;
  else if (SPACE.test(ch)) out = ' ';
  else {
    for (const d of ch.normalize('NFKD')) {
      if (INVISIBLE.test(d)) continue;
      const c = d.codePointAt(0) ?? 0;
      if (c < 0x80) out += d;
      else if (CONFUSABLE[d]) out += CONFUSABLE[d];
      else if (DIGIT.test(d)) out += String(digitValue(c));
      else if (SPACE.test(d)) out += ' ';
      else out += d;
    }
  }
  if (cache.size < 4096) cache.set(cp, out);
  return out;
}

/** Decimal digits come in runs of ten starting at 0 (a Unicode stability rule). */
function digitValue(cp: number): number {
  let zero = cp;
  while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1)) && cp - zero < 60) zero--;
  return (cp - zero) % 10;
}

// Inline tags change how text looks, not what it says: "Ok<b>afor</b>" reads "Okafor". Other tags
// break a line, so they read as a space.
const TAG = /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]{0,200})?\/?>/y;
const INLINE_TAG = /^(?:b|i|u|s|em|strong|span|a|font|mark|small|big|sub|sup|del|ins|code|tt|abbr|wbr)$/i;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/y;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  zwj: '',
  zwnj: '',
  lrm: '',
  rlm: '',
  commat: '@',
  period: '.',
  hyphen: '-',
  dash: '-',
  ndash: '-',
  mdash: '-',
  sol: '/',
  num: '#',
};
// Markdown emphasis inside a word: "Ok**afor**".
const EMPHASIS = /[*~`]+/y;

// Anything beyond printable ASCII, or markup and entities, needs the slow path.
const NEEDS_FOLD =
  /[^\t\n\r\x20-\x7e]|<[A-Za-z/]|&[#A-Za-z]|[A-Za-z0-9][*~`]|(?:^|[^A-Za-z0-9])[A-Za-z0-9][ .-][A-Za-z0-9][ .-][A-Za-z0-9][ .-][A-Za-z0-9](?![A-Za-z0-9])/;

const isAlnum = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

// Characters the loop below must look at; runs of anything else are copied as they are.
const SPECIAL = /[^\t\n\r\x20-\x7e]|[<&*~`]/g;

/** Output under construction: the text and, per UTF-16 unit, the original range it came from. */
interface Builder {
  out: string;
  n: number;
  from: Uint32Array;
  to: Uint32Array;
}

function reserve(b: Builder, extra: number): void {
  if (b.n + extra <= b.from.length) return;
  const size = (b.from.length + extra) * 2;
  const from = new Uint32Array(size);
  const to = new Uint32Array(size);
  from.set(b.from);
  to.set(b.to);
  b.from = from;
  b.to = to;
}

function emit(b: Builder, s: string, a: number, z: number): void {
  reserve(b, s.length);
  for (let k = 0; k < s.length; k++) {
    b.from[b.n] = a;
    b.to[b.n] = z;
    b.n++;
  }
  b.out += s;
}

/** Fold `text`; null when folding would change nothing (the common case: plain ASCII prose). */
export function fold(text: string): Folded | null {
  if (!NEEDS_FOLD.test(text)) return null;
  const b: Builder = { out: '', n: 0, from: new Uint32Array(text.length + 16), to: new Uint32Array(text.length + 16) };
  let i = 0;
  while (i < text.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(text);
    const stop = next ? next.index : text.length;
    if (stop > i) {
      // A plain run maps one to one.
      reserve(b, stop - i);
      for (let k = i; k < stop; k++) {
        b.from[b.n] = k;
        b.to[b.n] = k + 1;
        b.n++;
      }
      b.out += text.slice(i, stop);
      i = stop;
      if (!next) break;
    }
    i = special(text, i, b);
  }
  const folded = joinSpacedOut(b);
  return { text: folded.out, from: folded.from.subarray(0, folded.n), to: folded.to.subarray(0, folded.n) };
}

/** Fold the character (or tag, entity, emphasis run) at `i`; returns where to go on. */
function special(text: string, i: number, b: Builder): number {
  const ch = text[i] as string;
  if (ch === '<') {
    TAG.lastIndex = i;
    const m = TAG.exec(text);
    if (m) {
      if (!INLINE_TAG.test(m[1] ?? '')) emit(b, ' ', i, i + m[0].length);
      return i + m[0].length;
    }
  } else if (ch === '&') {
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(text);
    const cp = m ? (m[1] ? Number(m[1]) : m[2] ? Number.parseInt(m[2], 16) : -1) : -1;
    const decoded =
      m && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m ? NAMED[(m[3] ?? '').toLowerCase()] : undefined;
    if (m && decoded !== undefined) {
      const end = i + m[0].length;
      for (const d of decoded) emit(b, foldPoint(d.codePointAt(0) ?? 0, d), i, end);
      return end;
    }
  } else if ((ch === '*' || ch === '~' || ch === '`') && isAlnum(b.out.charCodeAt(b.out.length - 1))) {
    EMPHASIS.lastIndex = i;
    const m = EMPHASIS.exec(text);
    if (m && isAlnum(text.charCodeAt(i + m[0].length))) return i + m[0].length;
  }
  const cp = text.codePointAt(i) ?? 0;
  const len = cp > 0xffff ? 2 : 1;
  emit(b, cp < 0x80 ? ch : foldPoint(cp, text.slice(i, i + len)), i, i + len);
  return i + len;
}

// Four or more single letters or digits with one separator between each: "O k a f o r",
// "0 0 4 8 2 9 1 3", "O.k.a.f.o.r". Dots join letters only ("1.2.3.4" is an IP address).
const SPACED_OUT = /(?<![A-Za-z0-9])[A-Za-z0-9](?=([ .-]))(?:\1[A-Za-z0-9](?![A-Za-z0-9])){3,}/g;

/** Drop the separators of spaced-out words and numbers. */
function joinSpacedOut(b: Builder): Builder {
  const drop: number[] = [];
  for (const m of allMatches(SPACED_OUT, b.out)) {
    if (m[1] === '.' && /\d/.test(m[0])) continue;
    for (let k = m.index + 1; k < m.index + m[0].length; k += 2) drop.push(k);
  }
  if (drop.length === 0) return b;
  const r: Builder = { out: '', n: 0, from: new Uint32Array(b.n), to: new Uint32Array(b.n) };
  let d = 0;
  let last = 0;
  for (let k = 0; k < b.n; k++) {
    if (k === drop[d]) {
      r.out += b.out.slice(last, k);
      last = k + 1;
      d++;
      continue;
    }
    r.from[r.n] = b.from[k] as number;
    r.to[r.n] = b.to[k] as number;
    r.n++;
  }
  r.out += b.out.slice(last, b.n);
  return r;
}

/** Map spans found in folded text back onto the original text. */
export function unfold<T extends { start: number; end: number }>(spans: T[], f: Folded): T[] {
  return spans.map((s) => ({ ...s, start: f.from[s.start] ?? 0, end: f.to[s.end - 1] ?? 0 }));
}
