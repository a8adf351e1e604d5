// Towns, counties and street words for corpus2's addresses: faker's locale lists (US, UK, Irish,
// Indian, Nigerian, German, Italian, Polish towns; US, UK and Irish counties) and a hand list of
// street words. Every address built from them is made up.

import { allLocales } from '@faker-js/faker';
import type { Rand } from './rand.ts';
import { vocabularyWords } from './vocab.ts';

type Loc = { location?: Record<string, unknown> };
const list = (code: string, key: string): string[] => {
  const value = (allLocales as Record<string, Loc>)[code]?.location?.[key];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
};

let vocab: Set<string> | undefined;
const clean = (names: string[]) => {
  vocab ??= vocabularyWords();
  const words = vocab;
  return [...new Set(names)]
    .filter((n) => /^[\p{L}][\p{L} .'-]+$/u.test(n) && n.length < 26)
    .filter(
      (n) =>
        !n
          .toLowerCase()
          .split(/[^\p{L}]+/u)
          .some((w) => words.has(w)),
    )
    .sort();
};

let cache: { usTowns: string[]; worldTowns: string[]; counties: string[]; ukCounties: string[] } | undefined;
export function placeLists() {
  cache ??= {
    usTowns: clean(list('en', 'city_name')),
    worldTowns: clean(
      ['en_IN', 'en_NG', 'de', 'it', 'pl', 'pt_PT', 'en_GH', 'ro'].flatMap((c) => list(c, 'city_name')),
    ),
    counties: clean([...list('en', 'county'), ...list('en_US', 'county')]),
    ukCounties: clean([...list('en_GB', 'county'), ...list('en_IE', 'county')]),
  };
  return cache;
}

export const STREET_WORDS = [
  'Cedar Hollow',
  'Old Mill',
  'Sycamore',
  'Quarry',
  'Juniper',
  'Tamarack',
  'Prairie View',
  'Bluebonnet',
  'Saguaro',
  'Magnolia Bend',
  'Kestrel',
  'Osage',
  'Cottonwood',
  'Bramble',
  'Wren',
  'Peachtree',
  'Larkspur',
  'Ironwood',
  'Heron Pond',
  'Chickasaw',
  'Buckeye',
  'Sandhill',
  'Whippoorwill',
  'Catalpa',
  'Dogwood Trace',
  'Pinon',
  'Mesquite',
  'Lighthouse',
  'Orchard Gap',
  'Foxglove',
  'Silver Lake',
  'Three Oaks',
  'Canal',
  'Depot',
  'Ferry',
  'Tannery',
  'Schoolhouse',
  'Water Tower',
  'Granary',
  'Meadowlark',
  'Twin Creeks',
  'Cypress Knee',
  'Palmetto',
  'Kiowa',
  'Shawnee',
  'Aspen Glen',
  'Red Bluff',
  'Briar Patch',
  'Gristmill',
  'Hickory Nut',
  'Sassafras',
  'Pawpaw',
  'Bayou',
];
export const SUFFIXES = [
  'St',
  'Street',
  'Ave',
  'Av',
  'Blvd',
  'Rd',
  'Road',
  'Ln',
  'Lane',
  'Dr',
  'Ct',
  'Cir',
  'Pkwy',
  'Hwy',
  'Trl',
  'Ter',
  'Pl',
  'Way',
  'Loop',
  'Pike',
  'Run',
  'Xing',
];
const DIRS = ['N', 'S', 'E', 'W', 'NE', 'SW', 'North', 'West'];
const UNITS = ['Apt 4B', 'Apt. 12', '#12', 'Unit 3', 'Lot 17', 'Ste 200', 'Trlr 9', 'apt 2f', 'Bldg C Apt 110', '# 7'];

/** A street line (the part marked `address`), US or international. */
export function streetLine(r: Rand): string {
  const num = String(r.between(1, 19999));
  const base = `${r.coin(0.25) ? `${r.one(DIRS)} ` : ''}${r.one(STREET_WORDS)} ${r.one(SUFFIXES)}`;
  const unit = r.coin(0.3) ? `${r.coin(0.5) ? ' ' : ', '}${r.one(UNITS)}` : '';
  switch (r.between(0, 14)) {
    case 0:
      return `PO Box ${r.between(1, 9999)}`;
    case 1:
      return `P.O. Box ${r.between(1, 999)}`;
    case 2:
      return `RR ${r.between(1, 9)} Box ${r.between(1, 299)}`;
    case 3:
      return `HC ${r.between(10, 89)} Box ${r.between(1, 499)}`;
    case 4:
      return `${num} County Road ${r.between(1, 900)}`;
    case 5:
      return `${num} State Route ${r.between(1, 300)}`;
    case 6:
      return `Flat ${r.between(1, 40)}, ${r.between(1, 200)} ${r.one(STREET_WORDS)} Road`;
    case 7:
      return `${r.one(['Rua', 'Via', 'Avenida'])} ${r.one(STREET_WORDS)} ${r.between(1, 300)}`;
    case 8:
      return `${r.between(1, 90)} rue des ${r.one(['Lilas', 'Tanneurs', 'Cordiers', 'Vignes', 'Peupliers'])}`;
    case 9:
      return `ul. ${r.one(['Kwiatowa', 'Lipowa', 'Ogrodowa', 'Polna', 'Słoneczna'])} ${r.between(1, 120)}`;
    case 10:
      return `Plot ${r.between(1, 400)}, ${r.one(STREET_WORDS)} Close`;
    default:
      return `${num} ${base}${unit}`;
  }
}
