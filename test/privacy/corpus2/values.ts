// One identifier with the words around it, per kind, in many formats. Each maker returns segments:
// labels and context are plain text, the value alone is marked (the sample's rules).

import { type Person, person } from './names.ts';
import { placeLists, streetLine } from './places.ts';
import type { Rand } from './rand.ts';
import { type Kind, type Seg, t, v } from './types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

// ---- names -------------------------------------------------------------------------------------------

/** The ways a chart, a list or a colleague writes one person. */
export function nameForm(r: Rand, p: Person): string {
  const { given, family, middle } = p;
  const initial = `${[...given][0] ?? 'X'}`;
  const mid = middle ? ` ${r.coin(0.5) ? middle : `${[...middle][0]}.`}` : '';
  if (p.familyFirst && r.coin(0.6)) return `${family} ${given}`;
  return r.one([
    () => `${given}${mid} ${family}`,
    () => `${given} ${family}`,
    () => `${family}, ${given}`,
    () => `${family.toUpperCase()},${given.toUpperCase()}`,
    () => `${family.toUpperCase()}, ${given.toUpperCase()}${middle ? ` ${[...middle][0]}` : ''}`,
    () => `${initial}. ${family}`,
    () => `${initial} ${family}`,
    () => family,
    () => given,
    () => `${given.toLowerCase()} ${family.toLowerCase()}`,
  ])();
}

const RELATIONS = [
  'daughter',
  'son',
  'wife',
  'husband',
  'niece',
  'grandson',
  'sister',
  'POA',
  'dtr',
  'neighbour',
  'guardian',
  'mother',
  'partner',
  'brother-in-law',
  'caregiver',
];
const TITLES = ['Mr', 'Mrs', 'Ms', 'Mr.', 'Mrs.', 'Miss', 'Mx', 'Sra.', 'Sr.', 'Frau', 'Mme'];

export function nameSegs(r: Rand, p: Person = person(r)): Seg[] {
  const form = nameForm(r, p);
  return r.one([
    () => [t('pt '), v('name', form)],
    () => [t('for '), v('name', form)],
    () => [t('with '), v('name', form)],
    () => [t('from '), v('name', form)],
    () => [t('to '), v('name', form)],
    () => [t('about '), v('name', form)],
    () => [t('re: '), v('name', form)],
    () => [t(r.one(['by ', 'per ', 'called ', 'spoke with ', 'at home with ', 'under '])), v('name', form)],
    () => [t(`${r.one(TITLES)} `), v('name', p.family)],
    () => [t(`${r.one(RELATIONS)} `), v('name', `${p.given} ${p.family}`)],
    () => [t(`${r.one(RELATIONS)} (`), v('name', p.given), t(')')],
    () => [v('name', form), t("'s "), t(r.one(['family', 'wife', 'chart', 'meds', 'daughter']))],
    () => [t('patient: '), v('name', form)],
    () => [t('Pt name '), v('name', form)],
    () => [t('bed 4 - '), v('name', `${p.family.toUpperCase()},${p.given.toUpperCase()}`)],
    () => [t('visited by '), v('name', `${p.given} ${p.family}`)],
    () => [t('seen w/ '), v('name', form)],
    () => [t('spoke to '), v('name', p.given), t(' and '), v('name', `${person(r).given}`)],
  ])();
}

// ---- dates and ages -----------------------------------------------------------------------------------

type YMD = { y: number; m: number; d: number };
const birth = (r: Rand): YMD => ({ y: r.between(1932, 2008), m: r.between(1, 12), d: r.between(1, 28) });
const recent = (r: Rand): YMD => ({ y: r.between(2025, 2026), m: r.between(1, 12), d: r.between(1, 28) });

function dateText(r: Rand, { y, m, d }: YMD): string {
  const mon = (MONTHS[m - 1] ?? 'May').slice(0, 3);
  const month = MONTHS[m - 1] ?? 'May';
  const yy = pad(y % 100);
  return r.one([
    () => `${m}/${d}/${y}`,
    () => `${pad(m)}/${pad(d)}/${yy}`,
    () => `${y}-${pad(m)}-${pad(d)}`,
    () => `${d} ${mon} ${y}`,
    () => `${month} ${d}, ${y}`,
    () => `${d}.${m}.${y}`,
    () => `${pad(d)}-${mon.toUpperCase()}-${yy}`,
    () => `${d}${mon}${yy}`,
    () => `${mon}. ${ordinal(d)} ${y}`,
    () => `${pad(d)}/${pad(m)}/${y}`,
    () => `${m}-${d}-${yy}`,
    () => `${y}/${pad(m)}/${pad(d)}`,
    () => `${ordinal(d)} ${month} ${y}`,
  ])();
}

export function dateSegs(r: Rand): Seg[] {
  const b = birth(r);
  const e = recent(r);
  const month = MONTHS[e.m - 1] ?? 'May';
  return r.one([
    () => [
      t(r.one(['DOB ', 'dob: ', 'D.O.B. ', 'DOB=', 'birthdate ', 'born ', 'b. ', 'date of birth '])),
      v('date', dateText(r, b)),
    ],
    // Compact dates after a label: the six-digit form a registration clerk types.
    () => [t(r.one(['DOB ', 'dob ', 'DOB: '])), v('date', `${pad(b.m)}${pad(b.d)}${pad(b.y % 100)}`)],
    () => [t(r.one(['DOB ', 'dob#', 'DOB '])), v('date', `${b.y}${pad(b.m)}${pad(b.d)}`)],
    () => [t(r.one(['admit ', 'adm ', 'admitted '])), v('date', `${pad(e.m)}${pad(e.d)}${pad(e.y % 100)}`)],
    () => [t(r.one(['DOS ', 'admit date ', 'adm dt '])), v('date', `${e.y}${pad(e.m)}${pad(e.d)}`)],
    () => [
      t(r.one(['admitted ', 'seen on ', 'surgery on ', 'discharged ', 'last seen ', 'fell at home on '])),
      v('date', dateText(r, e)),
    ],
    () => [t(r.one(['on ', 'since ', 'scheduled for '])), v('date', `${e.m}/${e.d}`)],
    () => [t('f/u '), v('date', `${month} ${ordinal(e.d)}`)],
    () => [t('appt '), v('date', `${month.slice(0, 3)} ${e.d}`)],
    () => [t('on the '), v('date', `${ordinal(e.d)} of ${month}`)],
    () => [t(r.one(['born in ', 'b. ', 'birth yr '])), v('date', String(r.between(1918, 1934)))],
    () => [t('date of death '), v('date', dateText(r, e))],
  ])();
}

const SPELLED = [
  'ninety',
  'ninety-one',
  'ninety-two',
  'ninety-three',
  'ninety-four',
  'ninety-five',
  'ninety-six',
  'ninety-seven',
  'ninety-eight',
  'ninety-nine',
];
export function ageSegs(r: Rand): Seg[] {
  const n = r.between(90, 108);
  return r.one([
    () => [v('age', `${n}yo`)],
    () => [v('age', `${n} y/o`)],
    () => [v('age', `${n} yr old`)],
    () => [v('age', `${n}-yr-old`)],
    () => [v('age', `${n} years old`)],
    () => [v('age', `${n}-year-old`)],
    () => [v('age', `${n}${r.one(['F', 'M', 'f', 'm'])}`)],
    () => [v('age', `${n} y.o.`)],
    () => [v('age', `${n}y`), t(' ')],
    () => [t(r.one(['age ', 'aged ', 'age: ', 'Age= ', 'turns ', 'age now '])), v('age', String(n))],
    () => [v('age', `${n} yrs`)],
    () => [v('age', `${r.one(SPELLED)}-year-old`)],
    () => [v('age', `${n} years of age`)],
  ])();
}

// ---- contact ------------------------------------------------------------------------------------------

const AREA = () => ['503', '971', '216', '614', '702', '808', '919', '312', '469', '915', '207', '406', '907', '612'];
function phoneText(r: Rand): string {
  const a = r.one(AREA());
  const e = `${r.between(2, 9)}${r.num(2)}`;
  const n = r.num(4);
  return r.one([
    () => `(${a}) ${e}-${n}`,
    () => `${a}-${e}-${n}`,
    () => `${a}.${e}.${n}`,
    () => `${a}${e}${n}`,
    () => `+1 ${a} ${e} ${n}`,
    () => `1-${a}-${e}-${n}`,
    () => `${a} ${e} ${n}`,
    () => `+1 (${a}) ${e}-${n}`,
    () => `${e}-${n}`,
    () => `+44 7${r.num(3)} ${r.num(6)}`,
    () => `07${r.num(3)} ${r.num(3)} ${r.num(3)}`,
    () => `+234 80${r.num(1)} ${r.num(3)} ${r.num(4)}`,
    () => `+91 9${r.num(4)} ${r.num(5)}`,
    () => `+61 4${r.num(2)} ${r.num(3)} ${r.num(3)}`,
    () => `+52 55 ${r.num(4)} ${r.num(4)}`,
    () => `+33 6 ${r.num(2)} ${r.num(2)} ${r.num(2)} ${r.num(2)}`,
    () => `+49 151 ${r.num(8)}`,
    () => `+63 917 ${r.num(3)} ${r.num(4)}`,
    () => `011 44 20 ${r.num(4)} ${r.num(4)}`,
    () => `+254 7${r.num(2)} ${r.num(6)}`,
  ])();
}
export function phoneSegs(r: Rand): Seg[] {
  const label = r.one([
    'cell ',
    'c: ',
    'mobile ',
    'mob. ',
    'home ph ',
    'H: ',
    'tel ',
    'ph# ',
    'phone: ',
    'call back at ',
    'reach her at ',
    "daughter's # ",
    'wk ',
    'best # ',
    'whatsapp ',
    'text ',
  ]);
  return [t(label), v('phone', phoneText(r))];
}
export function faxSegs(r: Rand): Seg[] {
  const label = r.one(['fax ', 'f: ', 'fax# ', 'faxed to ', 'efax ', 'fax no. ', 'FAX: ', 'send by fax to ', 'Fx ']);
  return [t(label), v('fax', phoneText(r))];
}

const DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.co.uk',
  'icloud.com',
  'proton.me',
  'aol.com',
  'comcast.net',
  'web.de',
  'orange.fr',
  'yahoo.co.in',
  'gmx.net',
  'libero.it',
  'mail.ru',
  'btinternet.com',
];
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase() || 'pt';
export function emailSegs(r: Rand): Seg[] {
  const p = person(r);
  const g = ascii(p.given);
  const f = ascii(p.family);
  const local = r.one([
    `${g}.${f}`,
    `${g}${f}${r.num(2)}`,
    `${f}_${g[0]}`,
    `${g[0]}${f}${r.num(3)}`,
    `${g}-${f}`,
    `${f}${r.num(4)}`,
  ]);
  return [
    t(r.one(['email ', 'e-mail: ', 'emailed ', 'contact: ', 'send to ', 'email is '])),
    v('email', `${local}@${r.one(DOMAINS)}`),
  ];
}

// ---- numbers with labels ------------------------------------------------------------------------------

const UP = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const AN = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function ssnSegs(r: Rand): Seg[] {
  const a = `${r.between(1, 8)}${r.num(2)}`;
  const b = r.num(2);
  const c = r.num(4);
  const value = r.one([`${a}-${b}-${c}`, `${a} ${b} ${c}`, `${a}${b}${c}`, `${a}.${b}.${c}`]);
  return [t(r.one(['SSN ', 'ss# ', 'SS no. ', 'social ', 'soc sec # ', 'SSN: ', 'social security '])), v('ssn', value)];
}

export function mrnSegs(r: Rand): Seg[] {
  const value = r.one([
    () => r.num(8),
    () => r.num(7, true),
    () => `E${r.num(7)}`,
    () => `A${r.num(8)}`,
    () => `${r.num(4)}-${r.num(3)}`,
    () => `${r.num(3)}-${r.num(3)}-${r.num(3)}`,
    () => `${r.num(2)}-${r.num(2)}-${r.num(3)}`,
    () => `M${r.num(7)}`,
    () => r.num(10),
    () => `${r.from(UP, 2)}${r.num(6)}`,
  ])();
  const label = r.one([
    'MRN ',
    'mrn: ',
    'MR# ',
    'med rec # ',
    'medical record no. ',
    'hosp# ',
    'chart # ',
    'pt id ',
    'EMPI ',
    'UR no. ',
    'hospital number ',
    'MRN#',
    'mrn ',
  ]);
  // '#' before a hyphenated number, with no label word.
  if (r.coin(0.12)) return [t('#'), v('mrn', `${r.num(2)}-${r.num(4)}-${r.num(1)}`)];
  return [t(label), v('mrn', value)];
}

export function accountSegs(r: Rand): Seg[] {
  const value = r.one([
    () => r.num(10),
    () => r.num(8, true),
    () => `V${r.num(8)}`,
    () => `${r.between(2024, 2026)}-${r.num(6)}`,
    () => `${r.num(2)}-${r.num(5)}`,
    () => `${r.num(6)}-${r.num(2)}`,
  ])();
  const label = r.one([
    'FIN ',
    'CSN ',
    'HAR ',
    'acct ',
    'account # ',
    'encounter ',
    'enc # ',
    'visit # ',
    'billing # ',
    'guarantor acct ',
    'acct no. ',
    'acct #',
  ]);
  return [t(label), v('account', value)];
}

export function healthPlanSegs(r: Rand): Seg[] {
  const mbi = () =>
    `${r.between(1, 9)}${r.from(UP, 1)}${r.from(AN, 1)}${r.num(1)}-${r.from(UP, 1)}${r.from(AN, 1)}${r.num(1)}-${r.from(UP, 2)}${r.num(2)}`;
  return r.one([
    () => [
      t(r.one(['member ID ', 'mbr# ', 'subscriber id ', 'insurance id '])),
      v('health_plan', `${r.from(UP, 3)}${r.num(9)}`),
    ],
    () => [t('Medicaid # '), v('health_plan', `${r.num(8)}${r.from(UP, 1)}`)],
    () => [t(r.one(['MBI ', 'Medicare # ', 'medicare id '])), v('health_plan', mbi())],
    () => [t('subscriber '), v('health_plan', `${r.num(4)} ${r.num(4)} ${r.num(2)}`)],
    () => [t('policy # '), v('health_plan', `${r.from(UP, 1)}${r.num(4)}-${r.num(4)}`)],
    () => [t(r.one(['NHS no. ', 'NHS number '])), v('health_plan', `${r.num(3)} ${r.num(3)} ${r.num(4)}`)],
    () => [t('Medicare card '), v('health_plan', `${r.num(4)} ${r.num(5)} ${r.num(1)}`)],
    () => [t('OHIP '), v('health_plan', `${r.num(4)}-${r.num(3)}-${r.num(3)}-${r.from(UP, 2)}`)],
    () => [t(r.one(['BCBS id ', 'Aetna ID ', 'UHC member '])), v('health_plan', `${r.from(UP, 3)}${r.num(8)}`)],
  ])();
}

export function licenseSegs(r: Rand): Seg[] {
  const value = r.one([
    () => `${r.from(UP, 1)}${r.num(7)}`,
    () => `${r.num(3)} ${r.num(3)} ${r.num(3)}`,
    () => `${r.from(UP, 1)}${r.num(3)}-${r.num(3)}-${r.num(2)}-${r.num(3)}-${r.num(1)}`,
    () => `${r.from(UP, 1)}${r.num(3)}-${r.num(4)}-${r.num(4)}`,
    () => r.num(8),
    () => `WDL${r.from(AN, 9)}`,
    () => `${r.from(UP, 1)} ${r.num(3)} ${r.num(3)} ${r.num(3)} ${r.num(3)}`,
    () => `${r.from(UP, 5)}${r.num(6)}${r.from(UP, 2)}${r.num(1)}${r.from(UP, 2)}`,
    () => `${r.from(UP, 1)}${r.num(4)}-${r.num(5)}-${r.num(5)}`,
  ])();
  const label = r.one([
    'DL ',
    'DL# ',
    "driver's license ",
    'drivers lic ',
    'lic # ',
    'license no. ',
    'driving licence ',
    'OL# ',
    'state ID ',
    'CA DL ',
    'TX DL# ',
  ]);
  return [t(label), v('license', value)];
}

export function vehicleSegs(r: Rand): Seg[] {
  const VIN = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const plate = r.one([
    () => `${r.between(1, 9)}${r.from(UP, 3)}${r.num(3)}`,
    () => `${r.from(UP, 3)}-${r.num(4)}`,
    () => `${r.from(UP, 3)} ${r.num(4)}`,
    () => `${r.num(1)}${r.from(UP, 3)} ${r.num(3)}`,
    () => `${r.num(1)}${r.from(UP, 3)}${r.num(2)}`,
    () => `${r.from(UP, 2)}${r.num(2)} ${r.from(UP, 3)}`,
    () => `${r.from(UP, 1)}-${r.from(UP, 2)} ${r.num(4)}`,
  ])();
  return r.one([
    () => [
      t(r.one(['plate ', 'plate # ', 'lic plate ', 'tag ', 'tags ', 'reg ', 'registration '])),
      v('vehicle', plate),
    ],
    () => [t('VIN '), v('vehicle', `${r.num(1, true)}${r.from(VIN, 16)}`)],
    () => [t('car in lot B, plates '), v('vehicle', plate)],
  ])();
}

const IMPLANTS = [
  'pacemaker',
  'ICD',
  'insulin pump',
  'CGM',
  'LVAD controller',
  'cochlear implant',
  'neurostimulator',
  'hearing aid',
  'home O2 concentrator',
  'CPAP',
  'loop recorder',
  'baclofen pump',
];
export function deviceSegs(r: Rand): Seg[] {
  const value = r.one([
    () => `${r.from(UP, 3)}${r.num(6)}${r.from(UP, 1)}`,
    () => `${r.num(2)}-${r.num(4)}-${r.num(1)}`,
    () => `${r.from(UP, 2)}${r.num(7)}${r.from(UP, 1)}`,
    () => `${r.num(5)}${r.from(UP, 1)}${r.num(1)}`,
    () => `${r.from(UP, 1)}-${r.num(2)}-${r.num(4)}-${r.from(UP, 1)}`,
    () => `${r.num(1)}${r.from(AN, 5)}`,
    () => `${r.num(1)}${r.from(UP, 1)}${r.num(4)}${r.from(UP, 2)}${r.num(2)}`,
    () => `SN${r.num(9)}`,
  ])();
  const label = r.one([
    'SN ',
    'S/N ',
    'serial ',
    'ser# ',
    'serial no. ',
    'transmitter ',
    'tx id ',
    'transmitter ID ',
    'sensor SN ',
    'device ID ',
    'serial number: ',
  ]);
  return [t(`${r.one(IMPLANTS)} ${label}`), v('device', value)];
}

export function urlSegs(r: Rand): Seg[] {
  const p = person(r);
  const g = ascii(p.given);
  const f = ascii(p.family);
  const value = r.one([
    `https://www.facebook.com/${g}.${f}.${r.num(3)}`,
    `facebook.com/${g}${f}`,
    `instagram.com/${g}_${f}${r.num(2)}`,
    `https://gofundme.com/f/help-${g}-${f}`,
    `www.caringbridge.org/visit/${g}${f}`,
    `tiktok.com/@${g}${r.num(2)}`,
    `https://x.com/${f}${g[0]}`,
    `linkedin.com/in/${g}-${f}-${r.num(5)}`,
    `https://www.gofundme.com/f/${f}-family-medical?utm_source=sms`,
    `youtube.com/@${g}${f}`,
  ]);
  return [t(r.one(['fundraiser ', 'family posted on ', 'link: ', 'see ', 'her page ', 'profile '])), v('url', value)];
}

export function ipSegs(r: Rand): Seg[] {
  const hex = () => r.from('0123456789abcdef', r.between(1, 4));
  const value = r.one([
    () => `${r.between(11, 223)}.${r.between(0, 255)}.${r.between(0, 255)}.${r.between(1, 254)}`,
    () => `192.168.${r.between(0, 20)}.${r.between(2, 254)}`,
    () => `10.${r.between(0, 255)}.${r.between(0, 255)}.${r.between(2, 254)}`,
    () => `2001:db8::${hex()}`,
    () => `fe80::${hex()}:${hex()}:${hex()}:${hex()}`,
    () => `2603:${hex()}:${hex()}::${hex()}`,
  ])();
  return [
    t(r.one(['IP ', 'ip addr ', 'home router ', "monitor's IP ", 'WAN IP ', 'logged in from ', 'hub at '])),
    v('ip', value),
  ];
}

// ---- places -------------------------------------------------------------------------------------------

const STATES = ['OH', 'TX', 'Ohio', 'NM', 'WA', 'GA', 'Kentucky', 'AZ', 'MN', 'LA', 'ME', 'Oregon'];
export function addressSegs(r: Rand): Seg[] {
  const pl = placeLists();
  const town = r.coin(0.8) ? r.one(pl.usTowns) : r.one(pl.worldTowns);
  const county = r.one(pl.counties);
  return r.one([
    () => [
      t(r.one(['lives at ', 'home: ', 'addr ', 'address on file ', 'discharge to '])),
      v('address', streetLine(r)),
    ],
    () => [t('lives at '), v('address', streetLine(r)), t(', '), v('address', town)],
    () => [v('address', streetLine(r)), t(', '), v('address', town), t(`, ${r.one(STATES)} `), v('zip', r.num(5))],
    () => [
      t(r.one(['lives in ', 'from ', 'moved to ', 'transferred from clinic in ', 'home in '])),
      v('address', town),
    ],
    () => [t(r.one(['out in ', 'lives in ', 'from '])), v('address', county)],
    () => [t('in '), v('address', county.replace(/ County$/, ' Co')), t('.')],
    () => [t('near '), v('address', town), t(', '), v('address', county)],
    () => [t('UK address '), v('address', streetLine(r)), t(', '), v('address', r.one(pl.ukCounties))],
    () => [t('parish: '), v('address', `${r.one(pl.usTowns)} Parish`)],
  ])();
}

export function zipSegs(r: Rand): Seg[] {
  return r.one([
    () => [t(r.one(['zip ', 'ZIP code ', 'zip: ', 'postcode '])), v('zip', r.num(5))],
    () => [t(`${r.one(STATES)} `), v('zip', `${r.num(5)}-${r.num(4)}`)],
    () => [t('postcode '), v('zip', `${r.from(UP, 2)}${r.between(1, 9)} ${r.between(1, 9)}${r.from(UP, 2)}`)],
    () => [
      t('postal code '),
      v('zip', `${r.from(UP, 1)}${r.num(1)}${r.from(UP, 1)} ${r.num(1)}${r.from(UP, 1)}${r.num(1)}`),
    ],
    () => [t('zip '), v('zip', `${r.num(5)}-${r.num(4)}`)],
  ])();
}

export function otherIdSegs(r: Rand): Seg[] {
  return r.one([
    () => [
      t(r.one(['passport ', 'passport no. '])),
      v('other_id', r.coin(0.5) ? r.num(9) : `${r.from(UP, 1)}${r.num(8)}`),
    ],
    () => [t('accession '), v('other_id', `${r.from(UP, 1)}${r.num(2)}-${r.num(6)}`)],
    () => [t('lab accession '), v('other_id', `${r.num(2)}-${r.from(UP, 2)}-${r.num(6)}`)],
    () => [
      t(r.one(['Rx # ', 'rx#', 'prescription no. '])),
      v('other_id', r.coin(0.5) ? r.num(7) : `${r.num(3)}-${r.num(4)}`),
    ],
    () => [t('prior auth # '), v('other_id', `PA-${r.num(8)}`)],
    () => [t('CPS case '), v('other_id', `CW-${r.between(2024, 2026)}-${r.num(5)}`)],
    () => [t('claim # '), v('other_id', `${r.num(4)}-${r.num(4)}-${r.num(2)}`)],
    () => [t('specimen ID '), v('other_id', `${r.num(4)}-${r.from(UP, 2)}${r.num(2)}-${r.num(1)}`)],
    () => [t('tribal enrollment # '), v('other_id', `${r.num(3)}-${r.num(5)}`)],
    () => [t('UNOS ID '), v('other_id', `${r.from(UP, 3)}${r.num(3)}`)],
    () => [t('wristband barcode '), v('other_id', r.num(10))],
  ])();
}

export const MAKERS: Record<Kind, (r: Rand) => Seg[]> = {
  name: (r) => nameSegs(r),
  date: dateSegs,
  age: ageSegs,
  phone: phoneSegs,
  fax: faxSegs,
  email: emailSegs,
  ssn: ssnSegs,
  mrn: mrnSegs,
  account: accountSegs,
  health_plan: healthPlanSegs,
  license: licenseSegs,
  vehicle: vehicleSegs,
  device: deviceSegs,
  url: urlSegs,
  ip: ipSegs,
  address: addressSegs,
  zip: zipSegs,
  other_id: otherIdSegs,
};
