// Word lists for the identifier detector: ~15k given names, ~30k surnames and ~11k everyday English
// words, built by scripts/build-phi-names.mjs from public-domain data (US Census surnames, SSA given
// names, SCOWL) and hand lists of many cultures. A name that is also an everyday word ("will",
// "rose", "grant") needs context; a word that is neither may be a name the lists lack.
//
// The lists stay packed (sorted, front-coded in blocks) and are searched where they lie: loading
// the detector unpacks nothing, which matters on the server, where each isolate would pay for it.
// Only the block starts are indexed on first use (a few thousand offsets).

import { ENGLISH, GIVEN, SURNAMES } from './phi-names-data';
import { PLACES } from './phi-places-data';

interface Packed {
  data: string;
  heads: Uint32Array;
}

const SPACE = 32;
const LOWER_A = 97;

function index(data: string): Packed {
  const heads: number[] = [];
  for (let i = data.indexOf(' '); i >= 0; i = data.indexOf(' ', i + 1)) heads.push(i);
  return { data, heads: Uint32Array.from(heads) };
}

/** End of the letters starting at `from`. */
function lettersEnd(data: string, from: number): number {
  let j = from;
  while (j < data.length && data.charCodeAt(j) >= LOWER_A) j++;
  return j;
}

function has(p: Packed, word: string): boolean {
  const { data, heads } = p;
  // The last block whose first word is ≤ word.
  let lo = 0;
  let hi = heads.length - 1;
  let block = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = (heads[mid] as number) + 1;
    const head = data.slice(at, lettersEnd(data, at));
    if (head === word) return true;
    if (head < word) {
      block = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (block < 0) return false;
  let pos = (heads[block] as number) + 1;
  let end = lettersEnd(data, pos);
  let prev = data.slice(pos, end);
  pos = end;
  while (pos < data.length && data.charCodeAt(pos) !== SPACE) {
    const shared = data.charCodeAt(pos) - 48;
    end = lettersEnd(data, pos + 1);
    const cur = prev.slice(0, shared) + data.slice(pos + 1, end);
    if (cur === word) return true;
    if (cur > word) return false;
    prev = cur;
    pos = end;
  }
  return false;
}

let given: Packed | undefined;
let surnames: Packed | undefined;
let english: Packed | undefined;

const GIVEN_BIT = 1;
const SURNAME_BIT = 2;
const ENGLISH_BIT = 4;
const cache = new Map<string, number>();

/** Which lists hold this word (bits), remembered: a note repeats its words. */
function lookup(word: string): number {
  const seen = cache.get(word);
  if (seen !== undefined) return seen;
  const key = word.toLowerCase().replace(/['’]/g, '');
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.set(word, hit);
    return hit;
  }
  let bits = 0;
  if (/^[a-z]{2,}$/.test(key) || key === 'a' || key === 'i') {
    given ??= index(GIVEN);
    surnames ??= index(SURNAMES);
    english ??= index(ENGLISH);
    if (has(given, key)) bits |= GIVEN_BIT;
    if (has(surnames, key)) bits |= SURNAME_BIT;
    if (has(english, key)) bits |= ENGLISH_BIT;
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(key, bits);
  cache.set(word, bits);
  return bits;
}

/** Is this word (any case) a known given name? */
export function isFirstName(word: string): boolean {
  return (lookup(word) & GIVEN_BIT) !== 0;
}

/** Is this word (any case) a known surname? */
export function isSurname(word: string): boolean {
  return (lookup(word) & SURNAME_BIT) !== 0;
}

/** Is this word a name that is also an everyday English word ("will", "rose", "hill")? */
export function isEverydayName(word: string): boolean {
  const bits = lookup(word);
  return (bits & ENGLISH_BIT) !== 0 && (bits & (GIVEN_BIT | SURNAME_BIT)) !== 0;
}

/** Is this word (any case) an everyday English word? */
export function isEnglishWord(word: string): boolean {
  return (lookup(word) & ENGLISH_BIT) !== 0;
}

let places: Packed | undefined;
const placeSeen = new Map<string, boolean>();

/**
 * Is this (one to four words, any case) the name of a US town or city in the places list
 * (shared/phi-places-data.ts, scripts/build-phi-places.mjs)? "Fall River", "st. louis", "Wilkes-Barre".
 */
export function isPlace(name: string): boolean {
  const key = name.toLowerCase().replace(/[.'’]/g, '').replace(/\s+/g, '{').replace(/-/g, '|');
  const hit = placeSeen.get(key);
  if (hit !== undefined) return hit;
  places ??= index(PLACES);
  const v = /^[a-z{|]{3,}$/.test(key) && has(places, key);
  if (placeSeen.size > 5_000) placeSeen.clear();
  placeSeen.set(key, v);
  return v;
}
