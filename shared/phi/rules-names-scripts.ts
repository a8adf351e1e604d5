// Names written in another script inside an English note: "pt Олег Иванов", "daughter 李伟",
// "spoke with محمد علي", "สมชาย ใจดี in bed 3". A US clinician writes the note's own words in English;
// a few words of Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, CJK or Hangul among them are
// almost always how a patient or relative writes their name (or a place: also an identifier). A whole
// sentence in another language is not taken: runs are short, and a lone lower-case word is left alone.

import { allMatches } from './matches';
import { RELATIONS, TITLES } from './name-tokens';
import { fold } from './normalise';
import { type Candidate, P_CONTEXT } from './types';

// Tokens of letters and marks; a token counts when it holds a letter of a script other than Latin.
const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const OTHER_SCRIPT = /[^\P{L}\p{Script=Latin}]/u;
// Scripts written without spaces between words (a sentence is one long token) and names of 2–4 signs.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Hangul reaches the rules as letters (jamo) after folding: a name of three syllables is up to nine.
const HANGUL = /\p{Script=Hangul}/u;
// Cues before a lone capitalised word in a cased script ("pt Олег").
const CUE_BEFORE =
  /\b(?:pt|patient|name|re|for|to|with|from|by|call|called|ask|tell|see|per|visiting|named|aka|and)\s*[:,-]?\s*$/i;
const LATIN_WORD_BEFORE = /([A-Za-z]+)\.?\s*[:,(-]?\s*$/;
const MAX_RUN = 4;
const NON_ASCII = /[^\x00-\x7f]/;
// Languages named in their own script ("interpreter for 中文", "speaks 한국어"): not a name. Kept as
// the rules see them, after folding.
const LANGUAGES = new Set(
  '中文 汉语 漢語 普通话 普通話 国语 國語 廣東話 广东话 粵語 粤语 日本語 にほんご 한국어 조선말 العربية عربي فارسی اردو پښتو русский Русский українська Українська Ελληνικά ελληνικά עברית ייִדיש हिन्दी हिंदी বাংলা ਪੰਜਾਬੀ ગુજરાતી मराठी தமிழ் తెలుగు ಕನ್ನಡ മലയാളം नेपाली ไทย ភាសាខ្មែរ ខ្មែរ ພາສາລາວ ລາວ မြန်မာ ትግርኛ አማርኛ Հայերեն ქართული'
    .split(' ')
    .map((w) => fold(w)?.text ?? w),
);

const cased = (t: string): boolean => t.toLowerCase() !== t.toUpperCase();
const capitalised = (t: string): boolean => {
  const first = t[0] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
};

export function otherScriptNameRules(text: string, out: Candidate[]): void {
  // Plain ASCII, the common case, is settled without the Unicode property scan.
  if (!NON_ASCII.test(text) || !OTHER_SCRIPT.test(text)) return;
  const toks = [...allMatches(TOKEN, text)].filter((m) => OTHER_SCRIPT.test(m[0]));
  let i = 0;
  while (i < toks.length) {
    // A run: tokens of another script joined by one space, a middle dot or a comma ("Иванов, Олег").
    let j = i;
    while (j + 1 < toks.length) {
      const a = toks[j] as RegExpMatchArray;
      const b = toks[j + 1] as RegExpMatchArray;
      const gap = text.slice((a.index ?? 0) + a[0].length, b.index);
      if (!/^(?: |\u3000|[·・•]|, ?)$/.test(gap)) break;
      j++;
    }
    const run = toks.slice(i, j + 1);
    i = j + 1;
    if (run.length > MAX_RUN) continue;
    const first = run[0] as RegExpMatchArray;
    const last = run[run.length - 1] as RegExpMatchArray;
    const start = first.index ?? 0;
    const end = (last.index ?? 0) + last[0].length;
    const words = run.map((m) => m[0]);
    if (words.some((w) => LANGUAGES.has(w))) continue;
    if (words.some((w) => (DENSE.test(w) ? w.length > 6 : HANGUL.test(w) ? w.length > 15 : w.length > 16))) continue;
    if (words.some(cased)) {
      // Cased scripts: every word capitalised (or in capitals); one word alone needs a cue before it.
      if (!words.every((w) => !cased(w) || capitalised(w))) continue;
      if (run.length === 1) {
        const before = text.slice(Math.max(0, start - 24), start);
        const word = (LATIN_WORD_BEFORE.exec(before)?.[1] ?? '').toLowerCase();
        if (!CUE_BEFORE.test(before) && !TITLES.has(word) && !RELATIONS.has(word)) continue;
      }
    }
    out.push({ start, end, kind: 'name', priority: P_CONTEXT });
  }
}
