// Fills a template's slots with text segments: identifier values as spans (labels outside them),
// clinical fillers as plain text.

import * as lex from './lexicon.ts';
import { makePerson, NAME_FORMS, type NameForm, nameSegs, type Person } from './names.ts';
import { countiesFor, STREET_NAMES, STREET_TYPES, streetNamesFor, townsFor } from './places.ts';
import type { Rng } from './prng.ts';
import { foldKey } from './split-owner.ts';
import { RELATIONS } from './templates.ts';
import { inSplit, type Kind, type Seg, type Split } from './types.ts';
import * as v from './values.ts';

export type Ctx = { rng: Rng; split: Split; people: Map<string, Person>; relations: Map<string, string> };

const span = (text: string, kind: Kind): Seg => ({ text, kind });
const plain = (text: string): Seg => ({ text });
const labelled = (ctx: Ctx, labels: readonly v.Label[], value: string, kind: Kind): Seg[] => [
  plain(v.pickFor(ctx.rng, ctx.split, labels).text),
  span(value, kind),
];
const fmt = (ctx: Ctx, formats: readonly v.Fmt[]) => v.pickFor(ctx.rng, ctx.split, formats).make(ctx.rng);

function person(ctx: Ctx, key: string): Person {
  let p = ctx.people.get(key);
  if (!p) {
    p = makePerson(ctx.rng, ctx.split);
    ctx.people.set(key, p);
  }
  return p;
}

function relation(ctx: Ctx, key: string): string {
  let r = ctx.relations.get(key);
  if (!r) {
    r = ctx.rng.pick(RELATIONS);
    ctx.relations.set(key, r);
  }
  return r;
}

function personSlot(ctx: Ctx, key: string, form: string): Seg[] {
  const p = person(ctx, key);
  const { rng, split } = ctx;
  if (form === 'any') {
    const chosen = v.pickFor(rng, split, NAME_FORMS).form;
    return nameSegs(rng, p, chosen);
  }
  if (form === 'poss') {
    const chosen = rng.pick<NameForm>(['full', 'title', 'first', 'lower', 'title', 'first']);
    return nameSegs(rng, p, chosen, true);
  }
  return nameSegs(rng, p, form as NameForm);
}

const eventDate = (rng: Rng) => v.randomDate(rng, 2019, 2026);
const birthDate = (rng: Rng) => v.randomDate(rng, 1936, 2007);

/** A date in any layout of this split; `year` forces one with a year, `short` one without. */
function dateText(ctx: Ctx, x: v.Ymd, mode: 'year' | 'short' | 'any'): string {
  const formats = v.DATE_FORMATS.filter(
    (f) => inSplit(f, ctx.split) && (mode === 'any' || (mode === 'year' ? f.full : !f.full)),
  );
  return ctx.rng.weighted(formats.map((f) => [f.w ?? 1, f] as const)).make(x);
}

/** A phone number as a fax: domestic layouts only. */
function faxNumber(ctx: Ctx): string {
  for (;;) {
    const n = fmt(ctx, v.PHONE_FORMATS);
    if (!/^(\+(?!1)|011)/.test(n)) return n;
  }
}

const STATE_ABBR = [
  'OR',
  'WA',
  'TX',
  'NM',
  'AZ',
  'LA',
  'MS',
  'AL',
  'GA',
  'KY',
  'WV',
  'PA',
  'NY',
  'ME',
  'VT',
  'WI',
  'MI',
  'MN',
  'ND',
  'MT',
  'ID',
  'AK',
  'HI',
  'KS',
  'NE',
  'OK',
  'AR',
  'MO',
  'IA',
  'NC',
  'SC',
  'FL',
  'VA',
  'MD',
  'NJ',
  'CT',
  'MA',
  'RI',
  'NH',
  'IN',
  'OH',
  'IL',
  'CO',
  'WY',
  'NV',
  'CA',
  'UT',
  'SD',
  'TN',
  'PR',
];

function streetLine(ctx: Ctx): string {
  const { rng, split } = ctx;
  const names = streetNamesFor(split);
  const name = rng.pick(names.length ? names : STREET_NAMES);
  const type = rng.pick(STREET_TYPES);
  const num = String(
    rng.weighted([
      [3, rng.int(10, 9999)],
      [2, rng.int(10000, 99999)],
      [1, rng.int(1, 99)],
    ]),
  );
  const dir = rng.weighted([
    [6, ''],
    [1, 'N '],
    [1, 'S. '],
    [1, 'W '],
    [1, 'E. '],
    [1, 'NE '],
  ]);
  const unit = rng.weighted([
    [8, ''],
    [1, ` Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B', 'C'])}`],
    [1, ` #${rng.int(1, 420)}`],
    [1, ` Unit ${rng.int(1, 30)}`],
    [1, ` Trlr ${rng.int(1, 60)}`],
    [1, ` Lot ${rng.int(1, 90)}`],
    [1, ` Bldg ${rng.int(1, 9)} Apt ${rng.int(100, 420)}`],
    [1, ` Ste ${rng.int(100, 900)}`],
  ]);
  const layouts: [number, string][] = [[10, `${num} ${dir}${name} ${type}${unit}`]];
  if (split === 'heldout') {
    layouts.push([2, `${rng.int(2, 40)} 1/2 ${name} ${type}`]);
    layouts.push([2, `Calle ${name} ${rng.int(1, 300)}`]);
    layouts.push([1, `${num}${rng.pick(['A', 'B'])} ${name} ${type}`]);
    layouts.push([2, gridAddress(ctx)]);
  }
  return rng.weighted(layouts);
}

function poBox(ctx: Ctx): string {
  const { rng } = ctx;
  const n = rng.int(1, 9999);
  return rng.weighted([
    [2, `PO Box ${n}`],
    [2, `P.O. Box ${n}`],
    [1, `POB ${n}`],
    [1, `Post Office Box ${n}`],
    [ctx.split === 'heldout' ? 2 : 0, `P O Box ${n}`],
    [ctx.split === 'heldout' ? 1 : 0, `Box ${n}`],
  ]);
}

function ruralRoute(ctx: Ctx): string {
  const { rng } = ctx;
  return rng.weighted([
    [2, `RR ${rng.int(1, 9)} Box ${rng.int(1, 300)}`],
    [1, `Rural Route ${rng.int(1, 9)}`],
    [1, `HC ${rng.int(10, 90)} Box ${rng.int(1, 300)}`],
    [2, `${rng.int(100, 29999)} County Road ${rng.int(1, 999)}`],
    [1, `${rng.int(100, 9999)} CR ${rng.int(100, 3000)}`],
    [1, `${rng.int(100, 19999)} State Route ${rng.int(1, 300)}`],
    [1, `${rng.int(100, 9999)} Hwy ${rng.int(1, 99)} ${rng.pick(['N', 'S', 'E', 'W'])}`],
    [ctx.split === 'heldout' ? 2 : 0, `${rng.int(100, 9999)} FM ${rng.int(100, 3000)}`],
    [ctx.split === 'heldout' ? 1 : 0, `RR${rng.int(1, 9)} Bx ${rng.int(1, 300)}`],
  ]);
}

/** Wisconsin-style grid addresses: held-out only. */
function gridAddress(ctx: Ctx): string {
  const { rng } = ctx;
  return rng.pick([
    `N${rng.int(1000, 9999)} County Rd ${rng.chars(1, 'ABCDEFGHJKMNPQ')}`,
    `W${rng.int(100, 399)}N${rng.int(1000, 19999)} ${rng.pick(STREET_NAMES)} Rd`,
    `S${rng.int(10, 99)}W${rng.int(10000, 39999)} ${rng.pick(STREET_NAMES)} Dr`,
  ]);
}

function town(ctx: Ctx): string {
  return ctx.rng.pick(townsFor(ctx.split));
}
function county(ctx: Ctx): string {
  return ctx.rng.pick(countiesFor(ctx.split));
}

/** A whole address: street line and city (or county) are `address`, the ZIP is `zip`, the state is plain. */
function fullAddress(ctx: Ctx): Seg[] {
  const { rng } = ctx;
  const st = rng.pick(STATE_ABBR);
  const line = rng.weighted([
    [8, () => streetLine(ctx)],
    [1, () => poBox(ctx)],
    [1, () => ruralRoute(ctx)],
  ])();
  const city = town(ctx);
  const zip = fmt(ctx, v.ZIP_FORMATS);
  const layouts: [number, () => Seg[]][] = [
    [4, () => [span(line, 'address'), plain(', '), span(city, 'address'), plain(`, ${st} `), span(zip, 'zip')]],
    [2, () => [span(line, 'address'), plain(' '), span(city, 'address'), plain(` ${st} `), span(zip, 'zip')]],
    [2, () => [span(line, 'address'), plain(', '), span(city, 'address'), plain(' '), span(zip, 'zip')]],
    [1, () => [span(line, 'address'), plain(', '), span(city, 'address'), plain(`, ${st}`)]],
    [1, () => [span(line, 'address'), plain(' - '), span(city, 'address'), plain(` ${st} `), span(zip, 'zip')]],
  ];
  if (ctx.split === 'heldout') {
    layouts.push([
      2,
      () => [span(line, 'address'), plain('\n'), span(city, 'address'), plain(`, ${st} `), span(zip, 'zip')],
    ]);
    layouts.push([
      1,
      () => [span(line, 'address'), plain('; '), span(city, 'address'), plain(`; ${st}; `), span(zip, 'zip')],
    ]);
  }
  return rng.weighted(layouts)();
}

function otherId(ctx: Ctx): Seg[] {
  const item = ctx.rng.pick(v.OTHER_IDS.filter((o) => inSplit(o, ctx.split)));
  return [plain(ctx.rng.pick(item.label)), span(item.make(ctx.rng), 'other_id')];
}

/** Parts of a person's name usable in an e-mail or URL (folded, lower case, no spaces). */
function handleParts(ctx: Ctx): [string, string] {
  const p = person(ctx, ctx.rng.chance(0.8) ? 'P' : 'R');
  const clean = (s: string) => foldKey(s).replace(/[^a-z]/g, '');
  return [clean(p.given), clean(p.surname)];
}

type Resolver = (ctx: Ctx) => Seg[];
const one =
  (f: (ctx: Ctx) => string): Resolver =>
  (ctx) => [plain(f(ctx))];

const RESOLVERS: Record<string, Resolver> = {
  // dates
  DOB: (c) => labelled(c, v.DOB_LABELS, dateText(c, birthDate(c.rng), 'year'), 'date'),
  dob: (c) => [span(dateText(c, birthDate(c.rng), 'year'), 'date')],
  ADM: (c) => labelled(c, v.ADMIT_LABELS, dateText(c, eventDate(c.rng), 'any'), 'date'),
  EVT: (c) => labelled(c, v.EVENT_LABELS, dateText(c, eventDate(c.rng), 'any'), 'date'),
  date: (c) => [span(dateText(c, eventDate(c.rng), 'any'), 'date')],
  sdate: (c) => [span(dateText(c, eventDate(c.rng), 'short'), 'date')],
  BYEAR: (c) => labelled(c, v.BIRTH_YEAR_LABELS, v.oldBirthYear(c.rng), 'date'),
  // ages over 89
  age: (c) => [span(fmt(c, v.AGE_FORMATS), 'age')],
  AGE: (c) => labelled(c, v.AGE_LABELS, v.bareOldAge(c.rng), 'age'),
  // contact
  phone: (c) => [span(fmt(c, v.PHONE_FORMATS), 'phone')],
  PHONE: (c) => labelled(c, v.PHONE_LABELS, fmt(c, v.PHONE_FORMATS), 'phone'),
  fax: (c) => [span(faxNumber(c), 'fax')],
  FAX: (c) => labelled(c, v.FAX_LABELS, faxNumber(c), 'fax'),
  email: (c) => [span(v.emailFor(c.rng, c.split, ...handleParts(c)), 'email')],
  EMAIL: (c) => labelled(c, v.EMAIL_LABELS, v.emailFor(c.rng, c.split, ...handleParts(c)), 'email'),
  url: (c) => [span(v.urlFor(c.rng, c.split, ...handleParts(c)), 'url')],
  ip: (c) => [span(fmt(c, v.IP_FORMATS), 'ip')],
  IP: (c) => labelled(c, v.IP_LABELS, fmt(c, v.IP_FORMATS), 'ip'),
  // numbers
  ssn: (c) => [span(fmt(c, v.SSN_FORMATS), 'ssn')],
  SSN: (c) => labelled(c, v.SSN_LABELS, fmt(c, v.SSN_FORMATS), 'ssn'),
  mrn: (c) => [span(fmt(c, v.MRN_FORMATS), 'mrn')],
  MRN: (c) => labelled(c, v.MRN_LABELS, fmt(c, v.MRN_FORMATS), 'mrn'),
  acct: (c) => [span(fmt(c, v.ACCOUNT_FORMATS), 'account')],
  ACCT: (c) => labelled(c, v.ACCOUNT_LABELS, fmt(c, v.ACCOUNT_FORMATS), 'account'),
  plan: (c) => [span(fmt(c, v.PLAN_FORMATS), 'health_plan')],
  PLAN: (c) => labelled(c, v.PLAN_LABELS, fmt(c, v.PLAN_FORMATS), 'health_plan'),
  dl: (c) => [span(fmt(c, v.LICENSE_FORMATS), 'license')],
  DL: (c) => labelled(c, v.LICENSE_LABELS, fmt(c, v.LICENSE_FORMATS), 'license'),
  plate: (c) => [span(fmt(c, v.PLATE_FORMATS), 'vehicle')],
  PLATE: (c) => labelled(c, v.PLATE_LABELS, fmt(c, v.PLATE_FORMATS), 'vehicle'),
  vin: (c) => [span(v.vin(c.rng), 'vehicle')],
  VIN: (c) => labelled(c, v.VIN_LABELS, v.vin(c.rng), 'vehicle'),
  serial: (c) => [span(fmt(c, v.SERIAL_FORMATS), 'device')],
  SERIAL: (c) => labelled(c, v.SERIAL_LABELS, fmt(c, v.SERIAL_FORMATS), 'device'),
  OTHER: otherId,
  // places
  street: (c) => [span(streetLine(c), 'address')],
  city: (c) => [span(town(c), 'address')],
  county: (c) => [span(county(c), 'address')],
  town: (c) => [span(c.rng.chance(0.7) ? town(c) : county(c), 'address')],
  pobox: (c) => [span(poBox(c), 'address')],
  rr: (c) => [span(ruralRoute(c), 'address')],
  grid: (c) => [span(gridAddress(c), 'address')],
  ADDR: fullAddress,
  zip: (c) => [span(fmt(c, v.ZIP_FORMATS), 'zip')],
  ZIP: (c) => labelled(c, v.ZIP_LABELS, fmt(c, v.ZIP_FORMATS), 'zip'),
  // plain words around identifiers
  rel: (c) => [plain(relation(c, 'R'))],
  rel2: (c) => [plain(relation(c, 'S'))],
  devword: one((c) => c.rng.pick(v.DEVICE_WORDS)),
  state: one((c) => c.rng.pick(lex.STATES)),
  sex: one((c) => c.rng.pick(['F', 'M', 'X'])),
  // clinical fillers: never identifiers
  drug: one((c) => c.rng.pick(lex.DRUGS)),
  dose: one((c) => lex.dose(c.rng)),
  lab: one((c) => lex.lab(c.rng)),
  vital: one((c) => lex.vital(c.rng)),
  score: one((c) => lex.score(c.rng)),
  eponym: one((c) => c.rng.pick(lex.EPONYMS)),
  unit: one((c) => c.rng.pick(lex.UNITS)),
  room: one((c) => lex.room(c.rng)),
  time: one((c) => lex.clock(c.rng)),
  dur: one((c) => lex.duration(c.rng)),
  vendor: one((c) => c.rng.pick(lex.VENDORS)),
  device: one((c) => c.rng.pick(lex.DEVICES)),
  role: one((c) => c.rng.pick(lex.ROLES)),
  dx: one((c) => c.rng.pick(lex.DIAGNOSES)),
  cpt: one((c) => lex.cpt(c.rng)),
  icd: one((c) => lex.icd(c.rng)),
  ticket: one((c) => lex.ticket(c.rng)),
  ext: one((c) => lex.extension(c.rng)),
  year: one((c) => lex.year(c.rng)),
  yage: one((c) => lex.youngAge(c.rng)),
  cstate: one((c) => c.rng.pick([...lex.STATES, ...lex.COUNTRIES])),
  country: one((c) => c.rng.pick(lex.COUNTRIES)),
  lang: one((c) => c.rng.pick(lex.LANGUAGES)),
  ndc: one((c) => lex.ndc(c.rng)),
  n: one((c) => String(c.rng.int(1, 20))),
};

/** The kind a slot plants, for choosing templates by kind (clinical slots plant nothing). */
export function slotKinds(slot: string): Kind[] {
  if (/^[PQRS]\./.test(slot)) return ['name'];
  const map: Record<string, Kind[]> = {
    DOB: ['date'],
    dob: ['date'],
    ADM: ['date'],
    EVT: ['date'],
    date: ['date'],
    sdate: ['date'],
    BYEAR: ['date'],
    age: ['age'],
    AGE: ['age'],
    phone: ['phone'],
    PHONE: ['phone'],
    fax: ['fax'],
    FAX: ['fax'],
    email: ['email'],
    EMAIL: ['email'],
    url: ['url'],
    ip: ['ip'],
    IP: ['ip'],
    ssn: ['ssn'],
    SSN: ['ssn'],
    mrn: ['mrn'],
    MRN: ['mrn'],
    acct: ['account'],
    ACCT: ['account'],
    plan: ['health_plan'],
    PLAN: ['health_plan'],
    dl: ['license'],
    DL: ['license'],
    plate: ['vehicle'],
    PLATE: ['vehicle'],
    vin: ['vehicle'],
    VIN: ['vehicle'],
    serial: ['device'],
    SERIAL: ['device'],
    OTHER: ['other_id'],
    street: ['address'],
    city: ['address'],
    county: ['address'],
    town: ['address'],
    pobox: ['address'],
    rr: ['address'],
    grid: ['address'],
    ADDR: ['address', 'zip'],
    zip: ['zip'],
    ZIP: ['zip'],
  };
  return map[slot] ?? [];
}

export const SLOT = /\{([A-Za-z0-9_.]+)\}/g;

export function templateKinds(template: string): Set<Kind> {
  const out = new Set<Kind>();
  for (const m of template.matchAll(SLOT)) for (const k of slotKinds(m[1] ?? '')) out.add(k);
  return out;
}

export function knownSlot(slot: string): boolean {
  return (
    /^[PQRS]\.(any|poss|full|fullMiddle|census|title|titleFull|first|last|initial|caps|lower|firstInitial|lastFirst)$/.test(
      slot,
    ) || slot in RESOLVERS
  );
}

export function renderTemplate(ctx: Ctx, template: string): Seg[] {
  const out: Seg[] = [];
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    const slot = m[1] ?? '';
    const at = m.index ?? 0;
    if (at > last) out.push(plain(template.slice(last, at)));
    const personMatch = /^([PQRS])\.(\w+)$/.exec(slot);
    if (personMatch) out.push(...personSlot(ctx, personMatch[1] ?? 'P', personMatch[2] ?? 'full'));
    else {
      const resolve = RESOLVERS[slot];
      if (!resolve) throw new Error(`unknown slot {${slot}} in template: ${template}`);
      out.push(...resolve(ctx));
    }
    last = at + m[0].length;
  }
  if (last < template.length) out.push(plain(template.slice(last)));
  return out;
}
