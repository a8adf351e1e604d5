// Which split owns a name, town or street: a stable hash, so the split never depends on list order
// and adding a name to a list never moves another one between splits.

import { fnv1a } from './prng.ts';
import type { Split } from './types.ts';

/** Share of names and places that only the held-out split may use. */
export const HELDOUT_SHARE = 0.4;

/** Lower case without diacritics: the key under which a name belongs to one split. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[ıİ]/g, 'i')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[đĐðÐ]/g, 'd')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

export function ownerOf(key: string): Split {
  return fnv1a(`owner:${foldKey(key)}`) % 1000 < HELDOUT_SHARE * 1000 ? 'heldout' : 'tune';
}
