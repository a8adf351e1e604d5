// Name pools for corpus2: faker's locale word lists (never faker's own random generator) and the hand
// lists of names-hand.ts. A token that is also a word of the clinical vocabulary, or a common English
// word, is left out, so an identifier-free note can never contain a planted name by accident.

import { allLocales } from '@faker-js/faker';
import { HAND_NAMES, NOT_NAMES, PARTICLES } from './names-hand.ts';
import type { Rand } from './rand.ts';
import { vocabularyWords } from './vocab.ts';

/** Latin-script locales whose person lists feed the pools (faker 10). */
const LATIN_LOCALES = [
  'af_ZA',
  'az',
  'cs_CZ',
  'da',
  'de',
  'de_CH',
  'en',
  'en_AU',
  'en_GH',
  'en_IN',
  'en_NG',
  'en_ZA',
  'eo',
  'es',
  'es_MX',
  'fi',
  'fr',
  'fr_CH',
  'fr_SN',
  'hr',
  'hu',
  'id_ID',
  'it',
  'ku_kmr_latin',
  'lv',
  'nb_NO',
  'nl',
  'nl_BE',
  'pl',
  'pt_BR',
  'pt_PT',
  'ro',
  'ro_MD',
  'sk',
  'sl_SI',
  'sr_RS_latin',
  'sv',
  'tr',
  'uz_UZ_latin',
  'vi',
  'yo_NG',
  'zu_ZA',
  'en_HK',
] as const;
/** Other scripts, for the small share of notes that keep a name as the family wrote it. */
const OTHER_SCRIPT_LOCALES = ['ru', 'uk', 'el', 'ko', 'ja', 'zh_CN', 'ar', 'he', 'hy', 'ka_GE', 'th', 'fa'] as const;

export type Person = { given: string; family: string; middle?: string; familyFirst?: boolean; native?: boolean };
type Pool = { given: string[]; family: string[]; familyFirst?: boolean; native?: boolean };

const flat = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : v && typeof v === 'object'
      ? Object.values(v).flatMap(flat)
      : [];

const tokensOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[\s'’-]+/u)
    .filter(Boolean);

let stop: Set<string> | undefined;
function acceptable(name: string): boolean {
  stop ??= new Set([...vocabularyWords(), ...NOT_NAMES]);
  const tokens = tokensOf(name).filter((t) => !PARTICLES.has(t));
  return (
    tokens.length > 0 &&
    tokens.every((t) => t.length >= 2 && !stop?.has(t)) &&
    !/[0-9#{}]/.test(name) &&
    name.length < 30
  );
}

let pools: { latin: Pool[]; hand: Pool[]; native: Pool[] } | undefined;
export function namePools() {
  if (pools) return pools;
  const fromLocale = (code: string, native: boolean): Pool | null => {
    const person = (allLocales as Record<string, { person?: { first_name?: unknown; last_name?: unknown } }>)[code]
      ?.person;
    const given = [...new Set(flat(person?.first_name))].filter(acceptable).sort();
    const family = [...new Set(flat(person?.last_name))].filter(acceptable).sort();
    if (given.length < 10 || family.length < 10) return null;
    const familyFirst = ['ko', 'ja', 'zh_CN', 'vi', 'hu'].includes(code);
    return { given, family, familyFirst, native };
  };
  pools = {
    latin: LATIN_LOCALES.map((c) => fromLocale(c, false)).filter((p): p is Pool => p !== null),
    hand: Object.values(HAND_NAMES).map(([g, f]) => ({ given: g.filter(acceptable), family: f.filter(acceptable) })),
    native: OTHER_SCRIPT_LOCALES.map((c) => fromLocale(c, true)).filter((p): p is Pool => p !== null),
  };
  return pools;
}

/** A made-up person: half from the hand lists, most of the rest from faker's Latin-script locales. */
export function person(r: Rand): Person {
  const p = namePools();
  const pool = r.coin(0.5) ? r.one(p.hand) : r.coin(0.06) ? r.one(p.native) : r.one(p.latin);
  const out: Person = { given: r.one(pool.given), family: r.one(pool.family) };
  if (r.coin(0.15)) out.middle = r.one(pool.given);
  // Two family names, as Spanish and Portuguese speakers write them, or a double-barrelled one.
  if (!pool.native && r.coin(0.08)) out.family = `${out.family}${r.coin(0.5) ? ' ' : '-'}${r.one(pool.family)}`;
  // A patronymic with its particle: "Yusuf bin Osman".
  else if (!pool.native && r.coin(0.03))
    out.family = `${r.one(['bin', 'ibn', 'binti', 'ben', 'ould'])} ${r.one(pool.given)}`;
  if (pool.familyFirst) out.familyFirst = true;
  if (pool.native) out.native = true;
  return out;
}
