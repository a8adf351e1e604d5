// Writing styles, applied segment by segment so every span still covers exactly its value: lower case,
// ALL CAPS, SMS shorthand, typos, and in a small share Unicode tricks (full-width digits, zero-width and
// soft-hyphen characters inside numbers, a full-width @, Cyrillic and Greek look-alike letters in names).

import type { Rand } from './rand.ts';
import type { Seg } from './types.ts';

export type Style = 'plain' | 'lower' | 'upper' | 'sms' | 'typos';

export function pickStyle(r: Rand): Style {
  const x = r.float();
  return x < 0.5 ? 'plain' : x < 0.68 ? 'lower' : x < 0.78 ? 'upper' : x < 0.89 ? 'sms' : 'typos';
}

const SHORT: [RegExp, string][] = [
  [/\bpatient\b/gi, 'pt'],
  [/\bwith\b/gi, 'w/'],
  [/\bplease\b/gi, 'pls'],
  [/\bbecause\b/gi, 'b/c'],
  [/\babout\b/gi, 'abt'],
  [/\byou\b/gi, 'u'],
  [/\bbefore\b/gi, 'b4'],
  [/\band\b/gi, '&'],
  [/\bthe /gi, ''],
  [/\bfor\b/gi, '4'],
  [/\bneeds?\b/gi, 'nd'],
  [/\bafter\b/gi, 'aft'],
  [/\bwould\b/gi, 'wd'],
  [/\bknow\b/gi, 'kno'],
];

function typo(r: Rand, text: string): string {
  return text.replace(/\p{L}{4,}/gu, (w) => {
    if (!r.coin(0.12)) return w;
    const i = r.between(1, w.length - 2);
    return r.coin(0.5) ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
  });
}

export function applyStyle(r: Rand, segs: Seg[], style: Style): Seg[] {
  return segs.map((s) => {
    let text = s.text;
    if (style === 'lower') text = text.toLowerCase();
    else if (style === 'upper') text = text.toUpperCase();
    else if (style === 'sms' && !s.kind) for (const [re, to] of SHORT) text = text.replace(re, to);
    else if (style === 'typos') {
      if (!s.kind) text = typo(r, text);
      // A misspelt name is still the patient's name: a doubled letter.
      else if (s.kind === 'name' && r.coin(0.3) && text.length > 3) {
        const i = r.between(1, text.length - 2);
        if (/\p{L}/u.test(text[i] ?? '')) text = text.slice(0, i + 1) + text.slice(i);
      }
    }
    return { ...s, text };
  });
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const INVISIBLE = ['\u200b', '\u00ad', '\u200c', '\u2060'];
const LOOKALIKE: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'Ο',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Χ',
  i: 'і',
  I: 'Ι',
  N: 'Ν',
};

/** Disguise one identifier: what someone pasting from another system, or dodging a filter, produces. */
export function disguise(r: Rand, segs: Seg[]): Seg[] {
  const targets = segs.map((s, i) => (s.kind ? i : -1)).filter((i) => i >= 0);
  if (!targets.length) return segs;
  const at = r.one(targets);
  const seg = segs[at] as Seg;
  let text = seg.text;
  if (seg.kind === 'email' && text.includes('@')) text = text.replace('@', '＠');
  else if (/[0-9].*[0-9]/.test(text) && r.coin(0.5)) text = FULL_WIDTH(text);
  else if (/[0-9].*[0-9]/.test(text)) {
    const mark = r.one(INVISIBLE);
    const positions = [...text]
      .map((_, i) => i)
      .filter((i) => i > 0 && /[0-9]/.test(text[i - 1] ?? '') && /[0-9]/.test(text[i] ?? ''));
    const i = r.one(positions.length ? positions : [1]);
    text = text.slice(0, i) + mark + text.slice(i);
  } else {
    const letters = [...text].map((ch, i) => (LOOKALIKE[ch] ? i : -1)).filter((i) => i >= 0);
    if (letters.length) {
      const i = r.one(letters);
      text = text.slice(0, i) + (LOOKALIKE[text[i] ?? ''] ?? '') + text.slice(i + 1);
    }
  }
  return segs.map((s, i) => (i === at ? { ...s, text } : s));
}

/** Clean notes get full-width digits in a small share too: lab values must not become identifiers. */
export const fullWidthDigits = FULL_WIDTH;
