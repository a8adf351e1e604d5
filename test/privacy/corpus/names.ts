// Name pools per split and the ways a person's name is written in a note.
// Sources: @faker-js/faker's locale data (its word lists only; its random generator is not used) and
// the hand-written lists in names-hand.ts. Each name token belongs to exactly one split (ownerOf), and
// whole cultures are held-out only, so the held-out split's names are names the tune split never shows.

import { allLocales } from '@faker-js/faker';
import { HAND_CULTURES, type NameOrder } from './names-hand.ts';
import type { Rng } from './prng.ts';
import { foldKey, ownerOf } from './split-owner.ts';
import { stopWords } from './stoplist.ts';
import type { Seg, Split } from './types.ts';

type LocaleId = keyof typeof allLocales;
type FakerCulture = { id: string; locale: LocaleId; heldoutOnly?: boolean; order?: NameOrder; givenFrom?: LocaleId };

const FAKER_CULTURES: readonly FakerCulture[] = [
  { id: 'anglo-us', locale: 'en' },
  { id: 'nigeria', locale: 'en_NG' },
  { id: 'yoruba', locale: 'yo_NG' },
  { id: 'ghana', locale: 'en_GH' },
  { id: 'india', locale: 'en_IN' },
  { id: 'spain', locale: 'es' },
  { id: 'mexico', locale: 'es_MX', order: 'hispanic' },
  { id: 'brazil', locale: 'pt_BR' },
  { id: 'portugal', locale: 'pt_PT' },
  { id: 'vietnam', locale: 'vi', order: 'vietnamese' },
  { id: 'poland', locale: 'pl' },
  { id: 'czechia', locale: 'cs_CZ' },
  { id: 'slovakia', locale: 'sk' },
  { id: 'croatia', locale: 'hr' },
  { id: 'serbia', locale: 'sr_RS_latin' },
  { id: 'turkey', locale: 'tr' },
  { id: 'indonesia', locale: 'id_ID' },
  { id: 'italy', locale: 'it' },
  { id: 'germany', locale: 'de' },
  { id: 'netherlands', locale: 'nl' },
  { id: 'france', locale: 'fr' },
  { id: 'sweden', locale: 'sv' },
  { id: 'norway', locale: 'nb_NO' },
  { id: 'finland', locale: 'fi' },
  { id: 'hungary', locale: 'hu' },
  { id: 'romania', locale: 'ro' },
  { id: 'south-africa-afrikaans', locale: 'af_ZA' },
  { id: 'zulu', locale: 'zu_ZA', heldoutOnly: true },
  { id: 'nepal', locale: 'en_NP', heldoutOnly: true },
  { id: 'uzbekistan', locale: 'uz_UZ_latin', heldoutOnly: true },
  { id: 'kurdish', locale: 'ku_kmr_latin', heldoutOnly: true },
  { id: 'latvia', locale: 'lv', heldoutOnly: true },
  { id: 'senegal', locale: 'fr_SN', heldoutOnly: true },
  { id: 'slovenia', locale: 'sl_SI', heldoutOnly: true },
  { id: 'hong-kong', locale: 'en_HK', heldoutOnly: true, givenFrom: 'en' },
];

/** Particles inside multi-word surnames: shared by every split, never a name on their own. */
export const PARTICLES = new Set([
  'de',
  'la',
  'las',
  'los',
  'del',
  'della',
  'di',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'le',
  'al',
  'el',
  'bin',
  'bint',
  'ibn',
  'abu',
  'ben',
  'bar',
  'mac',
  'st',
  'saint',
  'te',
  'ni',
  'y',
]);

export type Culture = {
  id: string;
  order: NameOrder;
  heldoutOnly: boolean;
  female: string[];
  male: string[];
  given: string[];
  surnames: string[];
  middles: string[];
};

const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}'’ .-]*$/u;

/** The tokens of a name that decide which split owns it (particles excluded). */
export function nameTokens(name: string): string[] {
  return foldKey(name)
    .split(/[\s,.'-]+/)
    .filter((t) => t.length > 1 && !PARTICLES.has(t));
}

function flatten(entry: unknown): string[] {
  if (!entry) return [];
  if (Array.isArray(entry)) return entry.filter((x): x is string => typeof x === 'string');
  if (typeof entry === 'object') return Object.values(entry as Record<string, unknown>).flatMap(flatten);
  return [];
}

function fakerLists(locale: LocaleId) {
  const person = (allLocales[locale] as { person?: { first_name?: unknown; last_name?: unknown } }).person ?? {};
  const first = person.first_name as { female?: unknown; male?: unknown; generic?: unknown } | unknown[] | undefined;
  const byGender = first && !Array.isArray(first) ? first : undefined;
  return {
    female: flatten(byGender?.female),
    male: flatten(byGender?.male),
    given: flatten(first),
    surnames: flatten(person.last_name),
  };
}

function allCultures(): Culture[] {
  const fromFaker = FAKER_CULTURES.map((c) => {
    const own = fakerLists(c.locale);
    const given = c.givenFrom ? fakerLists(c.givenFrom) : own;
    return {
      id: c.id,
      order: c.order ?? 'western',
      heldoutOnly: c.heldoutOnly ?? false,
      female: given.female,
      male: given.male,
      given: given.given,
      surnames: own.surnames,
      middles: [],
    };
  });
  const fromHand = HAND_CULTURES.map((c) => ({
    id: c.id,
    order: c.order ?? 'western',
    heldoutOnly: c.heldoutOnly ?? false,
    female: [],
    male: [],
    given: [...c.given],
    surnames: [...c.surnames],
    middles: [...(c.middles ?? [])],
  }));
  return [...fromHand, ...fromFaker];
}

/** Tokens owned by the held-out split whatever their hash: every token of a held-out-only culture. */
function heldoutOnlyTokens(cultures: Culture[]): Set<string> {
  const out = new Set<string>();
  for (const c of cultures) {
    if (!c.heldoutOnly) continue;
    for (const n of [...c.given, ...c.surnames, ...c.middles]) for (const t of nameTokens(n)) out.add(t);
  }
  return out;
}

let cache: Map<Split, Culture[]> | undefined;

/** The cultures and names one split may use. Token-level disjoint from the other split's. */
export function culturesFor(split: Split): Culture[] {
  if (!cache) {
    const cultures = allCultures();
    const forced = heldoutOnlyTokens(cultures);
    const stop = stopWords();
    const owner = (t: string): Split => (forced.has(t) ? 'heldout' : ownerOf(t));
    const usable = (name: string, s: Split) => {
      if (!LATIN.test(name) || name.length < 2) return false;
      const tokens = nameTokens(name);
      return tokens.length > 0 && tokens.every((t) => !stop.has(t) && owner(t) === s);
    };
    cache = new Map();
    for (const s of ['tune', 'heldout'] as const) {
      const list: Culture[] = [];
      for (const c of cultures) {
        if (c.heldoutOnly && s === 'tune') continue;
        const keep = (names: string[]) => [...new Set(names.filter((n) => usable(n, s)))];
        const culture = {
          ...c,
          female: keep(c.female),
          male: keep(c.male),
          given: keep(c.given),
          surnames: keep(c.surnames),
          middles: keep(c.middles),
        };
        if (culture.given.length >= 3 && culture.surnames.length >= 3) list.push(culture);
      }
      cache.set(s, list);
    }
  }
  return cache.get(split) ?? [];
}

/** Every given name and surname a split may plant (for the disjointness test). */
export function namePool(split: Split): Set<string> {
  const out = new Set<string>();
  for (const c of culturesFor(split)) for (const n of [...c.given, ...c.surnames, ...c.middles]) out.add(foldKey(n));
  return out;
}

export type Person = {
  given: string;
  surname: string;
  middle?: string;
  initial: string;
  order: NameOrder;
  culture: string;
  gender: 'f' | 'm' | 'x';
};

/** Case-preserving ASCII folding: most charts drop diacritics. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .replace(/’/g, "'");
}

export function makePerson(rng: Rng, split: Split): Person {
  const cultures = culturesFor(split);
  const culture = rng.weighted(
    cultures.map((c) => [c.id === 'anglo-us' ? 4 : c.order === 'hispanic' || c.id === 'hispanic' ? 2 : 1, c] as const),
  );
  const gender = culture.female.length && culture.male.length ? (rng.chance(0.5) ? 'f' : 'm') : 'x';
  const givenList = gender === 'f' ? culture.female : gender === 'm' ? culture.male : culture.given;
  const keepMarks = rng.chance(0.12);
  const fold = (s: string) => (keepMarks ? s : asciiFold(s));
  let surname = fold(rng.pick(culture.surnames));
  if (culture.order === 'hispanic' && rng.chance(0.4)) {
    const second = fold(rng.pick(culture.surnames));
    if (second !== surname) surname = rng.chance(0.7) ? `${surname} ${second}` : `${surname}-${second}`;
  }
  const given = fold(rng.pick(givenList.length ? givenList : culture.given));
  const middle = culture.middles.length ? fold(rng.pick(culture.middles)) : undefined;
  const initial = rng.chars(1, 'ABCDEFGHJKLMNPRSTW');
  return { given, surname, middle, initial, order: culture.order, culture: culture.id, gender };
}

export type NameForm =
  | 'full'
  | 'fullMiddle'
  | 'census'
  | 'title'
  | 'titleFull'
  | 'first'
  | 'last'
  | 'initial'
  | 'caps'
  | 'lower'
  | 'firstInitial'
  | 'lastFirst';

const TITLES_F = ['Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Sra.', 'Mme'];
const TITLES_M = ['Mr', 'Mr.', 'Sr.', 'Mister'];
const TITLES_X = ['Mx', 'Mx.', 'Ms', 'Mr', 'Mrs.'];

/** Given then surname in the culture's usual order. */
function ordered(p: Person): string {
  if (p.order === 'eastern') return `${p.surname} ${p.given}`;
  if (p.order === 'vietnamese') return p.middle ? `${p.surname} ${p.middle} ${p.given}` : `${p.surname} ${p.given}`;
  return `${p.given} ${p.surname}`;
}

/**
 * One mention of a person. Only the name is a span: a title before it (Mrs, Sr.) or "'s" after it is
 * plain text, and a name written in one piece ("OKAFOR, NGOZI A") is one span.
 */
export function nameSegs(rng: Rng, p: Person, form: NameForm, possessive = false): Seg[] {
  const out: Seg[] = [];
  const titles = p.gender === 'f' ? TITLES_F : p.gender === 'm' ? TITLES_M : TITLES_X;
  let value: string;
  switch (form) {
    case 'full':
      value = ordered(p);
      break;
    case 'fullMiddle':
      value = p.middle && p.order !== 'western' ? ordered(p) : `${p.given} ${p.initial}. ${p.surname}`;
      break;
    case 'census': {
      const sep = rng.pick([',', ', ', ',', ', ']);
      const tail = rng.chance(0.3) ? ` ${p.initial}` : '';
      value = rng.weighted([
        [3, `${p.surname.toUpperCase()}${sep}${p.given.toUpperCase()}${tail}`],
        [2, `${p.surname}${sep}${p.given}${tail}`],
        [1, `${p.surname.toLowerCase()}${sep}${p.given.toLowerCase()}`],
      ]);
      break;
    }
    case 'title':
      out.push({ text: `${rng.pick(titles)} ` });
      value = p.surname;
      break;
    case 'titleFull':
      out.push({ text: `${rng.pick(titles)} ` });
      value = ordered(p);
      break;
    case 'first':
      value = p.order === 'eastern' || p.order === 'vietnamese' ? p.given : p.given;
      break;
    case 'last':
      value = rng.chance(0.4) ? p.surname.toUpperCase() : p.surname;
      break;
    case 'initial':
      value = rng.pick([`${p.given[0]}. ${p.surname}`, `${p.given[0]} ${p.surname}`, `${p.given[0]}.${p.surname}`]);
      break;
    case 'caps':
      value = ordered(p).toUpperCase();
      break;
    case 'lower':
      value = ordered(p).toLowerCase();
      break;
    case 'firstInitial':
      value = `${p.given} ${p.surname[0]}`;
      break;
    case 'lastFirst':
      value = `${p.surname.toUpperCase()} ${p.given.toUpperCase()}`;
      break;
  }
  out.push({ text: value, kind: 'name' });
  if (possessive) out.push({ text: rng.chance(0.85) ? "'s" : '’s' });
  return out;
}

export const NAME_FORMS: readonly { form: NameForm; w: number; only?: Split }[] = [
  { form: 'full', w: 6 },
  { form: 'fullMiddle', w: 1 },
  { form: 'census', w: 3 },
  { form: 'title', w: 4 },
  { form: 'titleFull', w: 1 },
  { form: 'first', w: 2 },
  { form: 'last', w: 1 },
  { form: 'initial', w: 1 },
  { form: 'caps', w: 1 },
  { form: 'lower', w: 2 },
  { form: 'firstInitial', w: 1, only: 'heldout' },
  { form: 'lastFirst', w: 1, only: 'heldout' },
];
