// Identifier values and the labels written before them, per Safe Harbor kind. A format or label
// marked `only` appears in that split alone: the held-out split keeps formats the tune split never
// shows, so its figures measure generalisation. Values are random; labels are never part of a span.

import { CPT } from './lexicon.ts';
import type { Rng } from './prng.ts';
import { inSplit, type Kind, type Split, type SplitScoped } from './types.ts';

export type Fmt = SplitScoped & { w?: number; make: (rng: Rng) => string };
export type Label = SplitScoped & { w?: number; text: string };

export function pickFor<T extends SplitScoped & { w?: number }>(rng: Rng, split: Split, items: readonly T[]): T {
  return rng.weighted(items.filter((i) => inSplit(i, split)).map((i) => [i.w ?? 1, i] as const));
}

const UPPER = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const L = (rng: Rng, n: number) => rng.chars(n, UPPER);
const D = (rng: Rng, n: number) => rng.digits(n);
const Dnz = (rng: Rng, n: number) => String(rng.int(1, 9)) + rng.digits(n - 1);

// ---------------------------------------------------------------- dates
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
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON_ALT = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const ordinal = (d: number) => {
  if (d % 10 === 1 && d !== 11) return `${d}st`;
  if (d % 10 === 2 && d !== 12) return `${d}nd`;
  if (d % 10 === 3 && d !== 13) return `${d}rd`;
  return `${d}th`;
};
const p2 = (n: number) => String(n).padStart(2, '0');

export type Ymd = { y: number; m: number; d: number };
export function randomDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const days = [31, y % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 28;
  return { y, m, d: rng.int(1, days) };
}

type DateFmt = SplitScoped & { w?: number; full: boolean; make: (x: Ymd) => string };
const mon = (x: Ymd) => MON[x.m - 1] ?? 'Jan';
const month = (x: Ymd) => MONTHS[x.m - 1] ?? 'January';
const yy = (x: Ymd) => p2(x.y % 100);

/** Date layouts. `full` ones carry a year; the others are a day and month only. */
export const DATE_FORMATS: readonly DateFmt[] = [
  // shapes the public sample also has, kept rare
  { w: 1, full: true, make: (x) => `${x.m}/${x.d}/${x.y}` },
  { w: 1, full: true, make: (x) => `${p2(x.m)}/${p2(x.d)}/${yy(x)}` },
  // compact six- and eight-digit dates, as typed after DOB or admit
  { w: 3, full: true, make: (x) => `${p2(x.m)}${p2(x.d)}${yy(x)}` },
  { w: 2, full: true, make: (x) => `${p2(x.m)}${p2(x.d)}${x.y}` },
  { w: 2, full: true, make: (x) => `${x.y}${p2(x.m)}${p2(x.d)}` },
  // day first, dotted, dashed
  { w: 2, full: true, make: (x) => `${p2(x.d)}.${p2(x.m)}.${x.y}` },
  { w: 2, full: true, make: (x) => `${x.m}-${x.d}-${yy(x)}` },
  { w: 2, full: true, make: (x) => `${x.d}-${mon(x)}-${yy(x)}` },
  { w: 2, full: true, make: (x) => `${p2(x.d)}${mon(x).toUpperCase()}${x.y}` },
  { w: 2, full: true, make: (x) => `${mon(x)} ${x.d} ${x.y}` },
  { w: 1, full: true, make: (x) => `${x.y}/${p2(x.m)}/${p2(x.d)}` },
  { w: 1, full: true, make: (x) => `${MON_ALT[x.m - 1]} ${x.d}, ${x.y}` },
  { w: 1, full: true, make: (x) => `${ordinal(x.d)} ${month(x)} ${x.y}` },
  { w: 2, full: false, make: (x) => `${month(x)} ${ordinal(x.d)}` },
  { w: 2, full: false, make: (x) => `${ordinal(x.d)} of ${month(x)}` },
  { w: 2, full: false, make: (x) => `${MON_ALT[x.m - 1]} ${x.d}` },
  { w: 2, full: false, make: (x) => `${x.m}/${x.d}` },
  { w: 1, full: false, make: (x) => `${x.d}-${mon(x)}` },
  // held-out only layouts
  { only: 'heldout', w: 2, full: true, make: (x) => `${x.m}.${x.d}.${yy(x)}` },
  { only: 'heldout', w: 2, full: true, make: (x) => `${x.d}/${x.m}/${yy(x)}` },
  { only: 'heldout', w: 2, full: true, make: (x) => `${mon(x).toUpperCase()} ${x.d}, ${x.y}` },
  { only: 'heldout', w: 2, full: true, make: (x) => `${x.y}-${x.m}-${x.d}` },
  { only: 'heldout', w: 2, full: true, make: (x) => `${p2(x.d)}-${p2(x.m)}-${x.y}` },
  { only: 'heldout', w: 2, full: true, make: (x) => `${month(x)} ${ordinal(x.d)} '${yy(x)}` },
  { only: 'heldout', w: 2, full: true, make: (x) => `${x.d} ${month(x).toLowerCase()} ${x.y}` },
  { only: 'heldout', w: 1, full: false, make: (x) => `${x.d} ${month(x)}` },
];

export function formatDate(rng: Rng, split: Split, x: Ymd, needYear: boolean): string {
  const formats = DATE_FORMATS.filter((f) => inSplit(f, split) && (f.full || !needYear));
  return rng.weighted(formats.map((f) => [f.w ?? 1, f] as const)).make(x);
}

export const DOB_LABELS: readonly Label[] = [
  { text: 'DOB ', w: 3 },
  { text: 'DOB: ', w: 2 },
  { text: 'dob ' },
  { text: 'D.O.B. ' },
  { text: 'DOB/' },
  { text: 'birthdate ' },
  { text: 'b. ' },
  { text: 'bday ' },
  { text: 'date of birth ' },
  { text: 'DoB: ' },
  { text: 'DOB - ' },
  { only: 'heldout', text: 'birth date: ' },
  { only: 'heldout', text: 'D/O/B ' },
  { only: 'heldout', text: 'dob= ' },
  { only: 'heldout', text: 'born on ' },
];
export const ADMIT_LABELS: readonly Label[] = [
  { text: 'adm ', w: 2 },
  { text: 'admitted ' },
  { text: 'admit date ' },
  { text: 'DOA ' },
  { text: 'adm. ' },
  { text: 'admitted on ' },
  { only: 'heldout', text: 'admission ' },
  { only: 'heldout', text: 'came in ' },
];
export const EVENT_LABELS: readonly Label[] = [
  { text: 'd/c ' },
  { text: 'discharged ' },
  { text: 'DOS ' },
  { text: 'seen ' },
  { text: 'surgery on ' },
  { text: 'appt ' },
  { text: 'f/u ' },
  { text: 'LKW ' },
  { text: 'LMP ' },
  { text: 'EDD ' },
  { text: 'DOI ' },
  { text: 'last seen ' },
  { text: 'fell on ' },
  { only: 'heldout', text: 'expired ' },
  { only: 'heldout', text: 'date of injury ' },
  { only: 'heldout', text: 'scheduled for ' },
  { only: 'heldout', text: 'delivered ' },
];
/** Birth years that make the patient older than 89: only the year is the span. */
export const BIRTH_YEAR_LABELS: readonly Label[] = [
  { text: 'born in ' },
  { text: 'b. ' },
  { text: 'YOB ' },
  { text: 'birth yr ' },
  { text: 'born ' },
  { only: 'heldout', text: 'year of birth ' },
  { only: 'heldout', text: 'DOB yr ' },
];
export const oldBirthYear = (rng: Rng) => String(rng.int(1914, 1933));

// ---------------------------------------------------------------- ages over 89
export const AGE_FORMATS: readonly Fmt[] = [
  { make: (r) => `${old(r)} yo` },
  { make: (r) => `${old(r)}yo` },
  { make: (r) => `${old(r)} y.o.` },
  { make: (r) => `${old(r)}-yo` },
  { make: (r) => `${old(r)} yrs` },
  { make: (r) => `${old(r)} yrs old` },
  { make: (r) => `${old(r)} year-old` },
  { make: (r) => `${old(r)}-y/o` },
  { make: (r) => `${old(r)}M` },
  { make: (r) => `${old(r)} F` },
  { make: (r) => `${old(r)} years of age` },
  { make: (r) => `${old(r)}yr` },
  { make: (r) => `${old(r)}-year-old` },
  { only: 'heldout', make: (r) => `${old(r)} y` },
  { only: 'heldout', make: (r) => `${old(r)}y/o` },
  { only: 'heldout', make: (r) => `${old(r)} YO` },
  { only: 'heldout', make: (r) => `${old(r)} yr old` },
  { only: 'heldout', make: (r) => `${old(r)}f` },
];
const old = (rng: Rng) =>
  String(
    rng.weighted([
      [6, rng.int(90, 99)],
      [2, rng.int(100, 104)],
      [1, rng.int(105, 108)],
    ]),
  );
/** Labels before a bare age (then the span is the number alone). */
export const AGE_LABELS: readonly Label[] = [
  { text: 'age ' },
  { text: 'Age: ' },
  { text: 'aged ' },
  { text: 'age of ' },
  { text: 'AGE ' },
  { text: 'age: ' },
  { only: 'heldout', text: 'turned ' },
  { only: 'heldout', text: 'turning ' },
  { only: 'heldout', text: 'age=' },
];
export const bareOldAge = old;

// ---------------------------------------------------------------- phones and faxes
const area = (rng: Rng) => `${rng.int(2, 9)}${rng.int(0, 8)}${rng.int(0, 9)}`.replace(/^(\d)11$/, '$112');
const exch = (rng: Rng) => `${rng.int(2, 9)}${D(rng, 2)}`.replace(/^(\d)11$/, '$112');
export const PHONE_FORMATS: readonly Fmt[] = [
  { w: 1, make: (r) => `(${area(r)}) ${exch(r)}-${D(r, 4)}` },
  { w: 1, make: (r) => `${area(r)}-${exch(r)}-${D(r, 4)}` },
  { w: 2, make: (r) => `(${area(r)})${exch(r)}-${D(r, 4)}` },
  { w: 2, make: (r) => `${area(r)} ${exch(r)} ${D(r, 4)}` },
  { w: 2, make: (r) => `+1 (${area(r)}) ${exch(r)}-${D(r, 4)}` },
  { w: 1, make: (r) => `+1-${area(r)}-${exch(r)}-${D(r, 4)}` },
  { w: 2, make: (r) => `${area(r)}/${exch(r)}-${D(r, 4)}` },
  { w: 1, make: (r) => `${area(r)}.${exch(r)}.${D(r, 4)}` },
  { w: 1, make: (r) => `${area(r)}${exch(r)}${D(r, 4)}` },
  { w: 1, make: (r) => `1${area(r)}${exch(r)}${D(r, 4)}` },
  { w: 1, make: (r) => `+44 7${D(r, 3)} ${D(r, 6)}` },
  { w: 1, make: (r) => `+234 80${r.int(2, 9)} ${D(r, 3)} ${D(r, 4)}` },
  { w: 1, make: (r) => `+52 55 ${D(r, 4)} ${D(r, 4)}` },
  { w: 1, make: (r) => `+63 9${D(r, 2)} ${D(r, 3)} ${D(r, 4)}` },
  { w: 1, make: (r) => `+91 9${D(r, 4)} ${D(r, 5)}` },
  { only: 'heldout', w: 1, make: (r) => `+1.${area(r)}.${exch(r)}.${D(r, 4)}` },
  { only: 'heldout', w: 1, make: (r) => `+254 7${D(r, 2)} ${D(r, 6)}` },
  { only: 'heldout', w: 1, make: (r) => `011 52 1 ${D(r, 3)} ${D(r, 3)} ${D(r, 4)}` },
  { only: 'heldout', w: 1, make: (r) => `+1${area(r)}${exch(r)}${D(r, 4)}` },
  { only: 'heldout', w: 1, make: (r) => `(${area(r)}) ${exch(r)} ${D(r, 4)}` },
  { only: 'heldout', w: 1, make: (r) => `+251 9${D(r, 2)} ${D(r, 3)} ${D(r, 3)}` },
];
export const PHONE_LABELS: readonly Label[] = [
  { text: 'cell ' },
  { text: 'c: ' },
  { text: 'mobile ' },
  { text: 'mob ' },
  { text: 'home ' },
  { text: 'h: ' },
  { text: 'ph ' },
  { text: 'phone # ' },
  { text: 'tel ' },
  { text: 'cb # ' },
  { text: 'call back at ' },
  { text: 'reach her at ' },
  { text: 'txt ' },
  { text: 'whatsapp ' },
  { text: 'cell#' },
  { only: 'heldout', text: 'hm# ' },
  { only: 'heldout', text: 'wk: ' },
  { only: 'heldout', text: 'contact no. ' },
  { only: 'heldout', text: 'number is ' },
];
export const FAX_LABELS: readonly Label[] = [
  { text: 'fax: ' },
  { text: 'F ' },
  { text: 'fax# ' },
  { text: 'fx ' },
  { text: 'home fax ' },
  { text: 'fax no. ' },
  { text: 'efax ' },
  { text: 'FAX ' },
  { only: 'heldout', text: 'facsimile ' },
  { only: 'heldout', text: 'fax to ' },
  { only: 'heldout', text: 'F# ' },
];

// ---------------------------------------------------------------- e-mail
const MAIL_DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'comcast.net',
  'att.net',
  'verizon.net',
  'yahoo.co.uk',
  'live.com',
  'msn.com',
  'sbcglobal.net',
  'charter.net',
  'gmx.de',
  'yahoo.com.mx',
  'rediffmail.com',
  'naver.com',
  'mail.ru',
  'ukr.net',
  'web.de',
];
const MAIL_DOMAINS_HELDOUT = [
  'cox.net',
  'frontier.com',
  'earthlink.net',
  'zoho.com',
  'fastmail.com',
  'yandex.ru',
  'qq.com',
  'me.com',
  'tutanota.com',
  'bellsouth.net',
];

/** An address built from a person's name parts (already folded to ASCII and lower-cased). */
export function emailFor(rng: Rng, split: Split, given: string, surname: string): string {
  const g = given.replace(/[^a-z]/g, '') || 'pt';
  const s = surname.replace(/[^a-z]/g, '') || 'home';
  const domain = rng.pick(split === 'heldout' && rng.chance(0.5) ? MAIL_DOMAINS_HELDOUT : MAIL_DOMAINS);
  const local = rng.pick([
    () => `${g}.${s}`,
    () => `${g}${s}${rng.int(1, 99)}`,
    () => `${g[0]}${s}${rng.int(40, 99)}`,
    () => `${s}_${g}`,
    () => `${g}-${s[0]}`,
    () => `${g}.${s}+portal`,
    () => `${s}.${g}${rng.int(1950, 2005)}`,
    () => `${g}_${rng.pick(['mom', 'dad', 'fam', 'home', 'nana', 'papa'])}${rng.int(1, 9)}`,
  ])();
  const addr = `${local}@${domain}`;
  return rng.chance(0.08) ? addr.toUpperCase() : addr;
}
export const EMAIL_LABELS: readonly Label[] = [
  { text: 'email ' },
  { text: 'e-mail: ' },
  { text: 'email: ' },
  { text: 'em: ' },
  { text: 'email addr ' },
  { text: 'send to ' },
  { only: 'heldout', text: 'mail: ' },
  { only: 'heldout', text: 'gmail ' },
];

// ---------------------------------------------------------------- SSN
const ssnParts = (rng: Rng) => {
  let a = rng.int(1, 899);
  if (a === 666) a = 667;
  return [p3(a), p2(rng.int(1, 99)), String(rng.int(1, 9999)).padStart(4, '0')] as const;
};
const p3 = (n: number) => String(n).padStart(3, '0');
export const SSN_FORMATS: readonly Fmt[] = [
  { w: 2, make: (r) => ssnParts(r).join('-') },
  { make: (r) => ssnParts(r).join(' ') },
  { make: (r) => ssnParts(r).join('') },
  { make: (r) => ssnParts(r).join('.') },
  { only: 'heldout', make: (r) => ssnParts(r).join(' - ') },
  { only: 'heldout', make: (r) => `${ssnParts(r).slice(0, 2).join('-')} ${ssnParts(r)[2]}` },
];
export const SSN_LABELS: readonly Label[] = [
  { text: 'SSN ' },
  { text: 'SSN: ' },
  { text: 'SS# ' },
  { text: 'soc sec ' },
  { text: 'social ' },
  { text: 'social security no. ' },
  { text: 'ssn#' },
  { text: 'SS no ' },
  { only: 'heldout', text: 'soc. sec. # ' },
  { only: 'heldout', text: 'social sec number ' },
  { only: 'heldout', text: 'SSN= ' },
];

// ---------------------------------------------------------------- record, account, plan numbers
export const MRN_FORMATS: readonly Fmt[] = [
  { make: (r) => D(r, 8) },
  { make: (r) => Dnz(r, 7) },
  { make: (r) => `E-${D(r, 7)}` },
  { make: (r) => `${D(r, 2)}-${D(r, 2)}-${D(r, 3)}` },
  { make: (r) => `${D(r, 3)}-${D(r, 2)}-${D(r, 3)}` },
  { make: (r) => `${D(r, 4)}-${D(r, 4)}` },
  { make: (r) => `Z${D(r, 7)}` },
  { make: (r) => `M${D(r, 6)}` },
  { make: (r) => `${L(r, 2)}${D(r, 6)}` },
  { make: (r) => D(r, 10) },
  { make: (r) => `MR${D(r, 7)}` },
  { only: 'heldout', make: (r) => `${D(r, 3)}-${D(r, 3)}-${D(r, 4)}` },
  { only: 'heldout', make: (r) => `${D(r, 3)} ${D(r, 3)} ${D(r, 3)}` },
  { only: 'heldout', make: (r) => `${L(r, 1)}${D(r, 3)}-${D(r, 4)}` },
  { only: 'heldout', make: (r) => `${D(r, 6)}/${D(r, 2)}` },
];
export const MRN_LABELS: readonly Label[] = [
  { text: 'MRN ', w: 2 },
  { text: 'mrn#' },
  { text: 'MR# ' },
  { text: 'med rec # ' },
  { text: 'medical record number ' },
  { text: 'chart # ' },
  { text: 'pt ID ' },
  { text: 'patient ID: ' },
  { text: 'hosp no. ' },
  { text: 'unit # ' },
  { text: 'EMPI ' },
  { text: '#', w: 2 },
  { text: '# ' },
  { text: 'MRN-' },
  { text: 'EPI ' },
  { only: 'heldout', text: 'UR no. ' },
  { only: 'heldout', text: 'record no ' },
  { only: 'heldout', text: 'CMRN ' },
  { only: 'heldout', text: 'MRN=' },
  { only: 'heldout', text: 'hospital # ' },
];

export const ACCOUNT_FORMATS: readonly Fmt[] = [
  { make: (r) => Dnz(r, 9) },
  { make: (r) => Dnz(r, 10) },
  { make: (r) => Dnz(r, 12) },
  { make: (r) => `${D(r, 6)}-${D(r, 4)}` },
  { make: (r) => `E${D(r, 9)}` },
  { make: (r) => `${r.int(2019, 2025)}-${D(r, 7)}` },
  { make: (r) => `A-${D(r, 8)}` },
  { make: (r) => `${D(r, 3)}-${D(r, 4)}-${D(r, 2)}` },
  { only: 'heldout', make: (r) => `${L(r, 3)}${D(r, 8)}` },
  { only: 'heldout', make: (r) => `${D(r, 4)} ${D(r, 4)} ${D(r, 2)}` },
  { only: 'heldout', make: (r) => `${D(r, 2)}-${D(r, 9)}` },
];
export const ACCOUNT_LABELS: readonly Label[] = [
  { text: 'FIN: ' },
  { text: 'CSN ' },
  { text: 'HAR# ' },
  { text: 'acct no. ' },
  { text: 'account # ' },
  { text: 'encounter # ' },
  { text: 'enc ' },
  { text: 'visit ID ' },
  { text: 'billing acct ' },
  { text: 'guarantor acct ' },
  { text: 'acct #' },
  { text: 'FIN#' },
  { only: 'heldout', text: 'episode no. ' },
  { only: 'heldout', text: 'PFS acct ' },
  { only: 'heldout', text: 'encntr ' },
  { only: 'heldout', text: 'HB acct ' },
];

const MBI_C = 'ACDEFGHJKMNPQRTUVWXY';
const MBI_AN = 'ACDEFGHJKMNPQRTUVWXY0123456789';
const mbi = (r: Rng) =>
  [
    `${r.int(1, 9)}${r.chars(1, MBI_C)}${r.chars(1, MBI_AN)}${D(r, 1)}`,
    `${r.chars(1, MBI_C)}${r.chars(1, MBI_AN)}${D(r, 1)}`,
    `${r.chars(2, MBI_C)}${D(r, 2)}`,
  ] as const;
export const PLAN_FORMATS: readonly Fmt[] = [
  { make: (r) => mbi(r).join('') },
  { make: (r) => `${L(r, 3)}${D(r, 9)}` },
  { make: (r) => `W${D(r, 9)}` },
  { make: (r) => `${D(r, 9)} ${D(r, 2)}` },
  { make: (r) => `${L(r, 2)}${D(r, 5)}${L(r, 1)}` },
  { make: (r) => `9${D(r, 7)}${L(r, 1)}` },
  { make: (r) => `1000${D(r, 8)}` },
  { make: (r) => `H${D(r, 8)}` },
  { make: (r) => `${L(r, 1)}${D(r, 8)}-${D(r, 2)}` },
  { make: (r) => `${D(r, 3)}-${D(r, 2)}-${D(r, 4)}A` },
  { only: 'heldout', make: (r) => mbi(r).join(' ') },
  { only: 'heldout', make: (r) => `${L(r, 3)}-${D(r, 3)}-${D(r, 3)}-${D(r, 3)}` },
  { only: 'heldout', make: (r) => `${D(r, 10)}` },
  { only: 'heldout', make: (r) => `U${D(r, 4)} ${D(r, 4)} ${D(r, 2)}` },
];
export const PLAN_LABELS: readonly Label[] = [
  { text: 'member ID ' },
  { text: 'mem id ' },
  { text: 'subscriber # ' },
  { text: 'sub ID ' },
  { text: 'policy # ' },
  { text: 'Medicaid # ' },
  { text: 'Medi-Cal ' },
  { text: 'MassHealth ' },
  { text: 'AHCCCS ID ' },
  { text: 'MBI ' },
  { text: 'HICN ' },
  { text: 'ins ID ' },
  { text: 'insurance id: ' },
  { text: 'BCBS ID ' },
  { text: 'UHC member ' },
  { text: 'Tricare # ' },
  { only: 'heldout', text: 'Humana ID ' },
  { only: 'heldout', text: 'plan id ' },
  { only: 'heldout', text: 'SoonerCare # ' },
  { only: 'heldout', text: 'beneficiary no. ' },
  { only: 'heldout', text: 'Medicare # ' },
];

// ---------------------------------------------------------------- driver's licences (state formats)
export const LICENSE_FORMATS: readonly Fmt[] = [
  { make: (r) => `${L(r, 1)}${D(r, 7)}` }, // CA
  { make: (r) => `${D(r, 3)} ${D(r, 3)} ${D(r, 3)}` }, // NY
  { make: (r) => `${L(r, 1)}${D(r, 3)}-${D(r, 3)}-${D(r, 2)}-${D(r, 3)}-${D(r, 1)}` }, // FL
  { make: (r) => `${L(r, 1)}${D(r, 3)}-${D(r, 4)}-${D(r, 4)}` }, // IL
  { make: (r) => D(r, 8) }, // TX
  { make: (r) => `${D(r, 2)} ${D(r, 3)} ${D(r, 3)}` }, // PA
  { make: (r) => `${L(r, 1)}${D(r, 4)} ${D(r, 5)} ${D(r, 5)}` }, // NJ
  { make: (r) => `${L(r, 1)} ${D(r, 3)} ${D(r, 3)} ${D(r, 3)} ${D(r, 3)}` }, // MI
  { make: (r) => `${L(r, 2)}${D(r, 6)}` }, // OH
  { make: (r) => `S${D(r, 8)}` }, // MA
  { make: (r) => `${L(r, 1)}${D(r, 12)}` }, // MN
  { make: (r) => `${L(r, 1)}${D(r, 3)}-${D(r, 4)}-${D(r, 4)}-${D(r, 2)}` }, // WI
  { make: (r) => `${L(r, 1)}${D(r, 2)}-${D(r, 2)}-${D(r, 4)}` }, // VA
  { make: (r) => `${D(r, 2)}-${D(r, 3)}-${D(r, 4)}` }, // CO
  { make: (r) => `D${D(r, 8)}` }, // AZ
  { only: 'heldout', make: (r) => `${L(r, 1)}-${D(r, 3)}-${D(r, 3)}-${D(r, 3)}-${D(r, 3)}` }, // MD
  { only: 'heldout', make: (r) => `WDL${r.chars(6, ALNUM)}` }, // WA
  { only: 'heldout', make: (r) => `${L(r, 1)}${D(r, 4)}-${D(r, 5)}-${D(r, 5)}` }, // ON-like
  { only: 'heldout', make: (r) => `${D(r, 3)}-${D(r, 3)}-${D(r, 3)}` }, // NC-like
  { only: 'heldout', make: (r) => `${L(r, 3)}${D(r, 2)}${L(r, 1)}${D(r, 4)}` },
];
export const LICENSE_LABELS: readonly Label[] = [
  { text: 'DL ' },
  { text: 'DL# ' },
  { text: "driver's lic " },
  { text: 'drivers license no. ' },
  { text: 'D/L ' },
  { text: 'lic # ' },
  { text: 'CDL ' },
  { text: 'DL#:' },
  { text: 'driver license ' },
  { only: 'heldout', text: 'DLN ' },
  { only: 'heldout', text: 'OL# ' },
  { only: 'heldout', text: "driver's licence " },
  { only: 'heldout', text: 'lic. no ' },
];

// ---------------------------------------------------------------- vehicles
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_VALUE: Record<string, number> = {};
'0123456789'.split('').forEach((c, i) => {
  VIN_VALUE[c] = i;
});
const translit = 'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9';
for (let i = 0; i < translit.length; i += 2) VIN_VALUE[translit[i] as string] = Number(translit[i + 1]);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** A 17-character VIN with a correct check digit. */
export function vin(rng: Rng): string {
  const chars = rng.chars(17, VIN_CHARS).split('');
  const sum = chars.reduce((acc, c, i) => acc + (VIN_VALUE[c] ?? 0) * (VIN_WEIGHTS[i] ?? 0), 0);
  const check = sum % 11;
  chars[8] = check === 10 ? 'X' : String(check);
  return chars.join('');
}
export const PLATE_FORMATS: readonly Fmt[] = [
  { make: (r) => `${L(r, 3)} ${D(r, 4)}` },
  { make: (r) => `${L(r, 3)}-${D(r, 4)}` },
  { make: (r) => `${r.int(1, 9)}${L(r, 3)}${D(r, 3)}` },
  { make: (r) => `${D(r, 1)}${L(r, 1)}${D(r, 2)}${L(r, 1)}${D(r, 1)}` },
  { make: (r) => `${D(r, 3)}-${L(r, 3)}` },
  { make: (r) => `${L(r, 3)} ${D(r, 3)}` },
  { make: (r) => `${L(r, 2)}${D(r, 1)} ${D(r, 4)}` },
  { make: (r) => `${L(r, 1)}${D(r, 2)} ${D(r, 1)}${L(r, 2)}` },
  { only: 'heldout', make: (r) => `${L(r, 2)}-${D(r, 5)}` },
  { only: 'heldout', make: (r) => `${D(r, 2)}${L(r, 1)}-${D(r, 3)}` },
  { only: 'heldout', make: (r) => `${L(r, 2)} ${D(r, 2)} ${L(r, 2)}` },
];
export const PLATE_LABELS: readonly Label[] = [
  { text: 'plate ' },
  { text: 'plates ' },
  { text: 'tag ' },
  { text: 'lic plate ' },
  { text: 'license plate # ' },
  { text: 'LP ' },
  { text: 'car tag ' },
  { text: 'tags ' },
  { only: 'heldout', text: 'reg ' },
  { only: 'heldout', text: 'tag#' },
  { only: 'heldout', text: 'plate no. ' },
];
export const VIN_LABELS: readonly Label[] = [
  { text: 'VIN ' },
  { text: 'vin# ' },
  { text: 'VIN: ' },
  { text: 'vehicle ID ' },
  { only: 'heldout', text: 'V.I.N. ' },
  { only: 'heldout', text: 'vin no ' },
];

// ---------------------------------------------------------------- devices
export const SERIAL_FORMATS: readonly Fmt[] = [
  { make: (r) => `${L(r, 3)}${D(r, 6)}${L(r, 1)}` }, // pacemaker / ICD style
  { make: (r) => D(r, 7) },
  { make: (r) => `${L(r, 3)}-${D(r, 3)}-${D(r, 3)}` },
  { make: (r) => r.chars(6, ALNUM).replace(/^./, String(r.int(1, 9))) }, // CGM transmitter
  { make: (r) => `${D(r, 4)}${L(r, 2)}${D(r, 2)}` },
  { make: (r) => `0M${D(r, 3)}${r.chars(5, ALNUM)}` }, // sensor
  { make: (r) => `NG${D(r, 7)}H` }, // pump
  { make: (r) => `${D(r, 4)}-${D(r, 3)}-${D(r, 3)}` },
  { make: (r) => `TS${D(r, 6)}` },
  { make: (r) => `${D(r, 11)}` }, // CPAP
  { make: (r) => `MLP${D(r, 6)}` }, // LVAD
  { only: 'heldout', make: (r) => `${L(r, 2)}${D(r, 2)}-${D(r, 5)}-${L(r, 1)}` },
  { only: 'heldout', make: (r) => `${D(r, 2)}${L(r, 1)}${D(r, 2)}${L(r, 1)}${D(r, 2)}` },
  { only: 'heldout', make: (r) => `SN${D(r, 9)}` },
  { only: 'heldout', make: (r) => `${r.chars(4, ALNUM)}-${r.chars(4, ALNUM)}-${r.chars(4, ALNUM)}` },
];
export const SERIAL_LABELS: readonly Label[] = [
  { text: 'SN: ' },
  { text: 'S/N ' },
  { text: 'serial # ' },
  { text: 'ser# ' },
  { text: 'serial no. ' },
  { text: 'transmitter ID ' },
  { text: 'transmitter SN ' },
  { text: 'sensor SN ' },
  { text: 'pump serial ' },
  { text: 'device ID ' },
  { text: 'SN ' },
  { only: 'heldout', text: 'serial: ' },
  { only: 'heldout', text: 'tx id ' },
  { only: 'heldout', text: 'ser. no ' },
  { only: 'heldout', text: 'unit SN ' },
];
export const DEVICE_WORDS = [
  'pacemaker',
  'ICD',
  'insulin pump',
  'CGM',
  'Dexcom transmitter',
  'Libre sensor',
  'LVAD controller',
  'CPAP',
  'hearing aid',
  'neurostimulator',
  'cochlear implant processor',
  'home O2 concentrator',
  'wearable defibrillator',
  'loop recorder',
  'baclofen pump',
  'spinal cord stimulator',
] as const;

// ---------------------------------------------------------------- URLs and IPs
export function urlFor(rng: Rng, split: Split, given: string, surname: string): string {
  const g = given.replace(/[^a-z]/g, '') || 'pt';
  const s = surname.replace(/[^a-z]/g, '') || 'fam';
  const n = rng.int(1, 999);
  const both: (() => string)[] = [
    () => `facebook.com/${g}.${s}.${n}`,
    () => `https://www.gofundme.com/f/help-${g}-${s}-recover`,
    () => `instagram.com/${g}_${s}`,
    () => `https://www.tiktok.com/@${g}${s}${n}`,
    () => `x.com/${g}${s}`,
    () => `linkedin.com/in/${g}-${s}-${rng.chars(6, 'abcdef0123456789')}`,
    () => `www.caringbridge.org/visit/${g}${s}`,
    () => `https://youtube.com/@${s}family`,
    () => `bit.ly/${rng.chars(7, 'abcdefghijkmnpqrstuvwxyzABCDEFGH23456789')}`,
    () => `https://www.mealtrain.com/trains/${rng.chars(6, 'abcdefghjkmnpqrstuvwxyz0123456789')}`,
    () => `${g}${s}.blogspot.com`,
    () =>
      `https://patientportal.${rng.pick(['lakeshorehealth', 'sagebrushmed', 'tidewaterclinic'])}.org/visit/${rng.digits(9)}`,
  ];
  const heldout: (() => string)[] = [
    () => `https://www.gofundme.com/f/${s}-family-medical-bills`,
    () => `threads.net/@${g}.${s}`,
    () => `https://givesendgo.com/${g}${s}`,
    () => `reddit.com/user/${s}${n}`,
    () => `https://venmo.com/u/${g}-${s}-${n}`,
    () => `www.lotsahelpinghands.com/c/${rng.digits(6)}`,
  ];
  return rng.pick(split === 'heldout' && rng.chance(0.45) ? heldout : both)();
}
const octet = (r: Rng) => String(r.int(1, 254));
export const IP_FORMATS: readonly Fmt[] = [
  { w: 2, make: (r) => `192.168.${r.int(0, 20)}.${octet(r)}` },
  { w: 2, make: (r) => `10.${octet(r)}.${octet(r)}.${octet(r)}` },
  { make: (r) => `172.${r.int(16, 31)}.${octet(r)}.${octet(r)}` },
  { w: 2, make: (r) => `${r.int(23, 223)}.${octet(r)}.${octet(r)}.${octet(r)}` },
  {
    make: (r) =>
      `fe80::${r.chars(4, 'abcdef0123456789')}:${r.chars(4, 'abcdef0123456789')}:fe${r.chars(2, 'abcdef0123456789')}:${r.chars(4, 'abcdef0123456789')}`,
  },
  {
    only: 'heldout',
    make: (r) =>
      `2600:${r.chars(4, 'abcdef0123456789')}:${r.chars(3, 'abcdef0123456789')}:${r.chars(4, 'abcdef0123456789')}::${r.chars(2, 'abcdef0123456789')}`,
  },
  { only: 'heldout', make: (r) => `2001:db8:${r.chars(4, '0123456789abcdef')}:1::${r.int(2, 99)}` },
  { only: 'heldout', make: (r) => `100.${r.int(64, 127)}.${octet(r)}.${octet(r)}` },
];
export const IP_LABELS: readonly Label[] = [
  { text: 'IP ' },
  { text: 'ip addr ' },
  { text: 'IP: ' },
  { text: 'address ' },
  { text: 'IPv4 ' },
  { text: 'at ' },
  { only: 'heldout', text: 'ip= ' },
  { only: 'heldout', text: 'IPv6 ' },
  { only: 'heldout', text: 'wan ip ' },
];

// ---------------------------------------------------------------- ZIP codes
const CPT_SET = new Set<string>(CPT);
export function zip5(rng: Rng): string {
  for (;;) {
    const z = String(rng.int(1001, 99950)).padStart(5, '0');
    if (!CPT_SET.has(z)) return z;
  }
}
export const ZIP_FORMATS: readonly Fmt[] = [
  { w: 3, make: (r) => zip5(r) },
  { w: 1, make: (r) => `${zip5(r)}-${D(r, 4)}` },
  { only: 'heldout', w: 1, make: (r) => `${zip5(r)} ${D(r, 4)}` },
];
export const ZIP_LABELS: readonly Label[] = [
  { text: 'zip ' },
  { text: 'ZIP code ' },
  { text: 'zip: ' },
  { text: 'zipcode ' },
  { only: 'heldout', text: 'postal code ' },
  { only: 'heldout', text: 'Zip# ' },
];

// ---------------------------------------------------------------- any other unique number
export const OTHER_IDS: readonly (SplitScoped & { label: readonly string[]; make: (r: Rng) => string })[] = [
  { label: ['passport # ', 'passport ', 'PP# '], make: (r) => `${L(r, 1)}${D(r, 8)}` },
  { label: ['A-number ', 'A# ', 'alien reg # '], make: (r) => `A${D(r, 3)}-${D(r, 3)}-${D(r, 3)}` },
  { label: ['accession ', 'acc # ', 'specimen # '], make: (r) => `S${r.int(19, 25)}-${D(r, 5)}` },
  { label: ['accession # ', 'spec ID '], make: (r) => `${r.int(19, 25)}CH-${D(r, 6)}` },
  { label: ['Rx # ', 'Rx number ', 'prescription # ', 'script # '], make: (r) => `${D(r, 7)}-${D(r, 5)}` },
  { label: ['Rx #', 'rx no. '], make: (r) => `RX${D(r, 7)}` },
  { label: ['DoD ID ', 'EDIPI '], make: (r) => Dnz(r, 10) },
  { label: ['inmate # ', 'DOC # ', 'booking # '], make: (r) => `${L(r, 1)}${D(r, 5)}` },
  { label: ['UNOS ID ', 'UNOS # '], make: (r) => `${L(r, 3)}${D(r, 4)}` },
  { label: ['claim # ', 'WC claim ', "workers' comp claim "], make: (r) => `WC-${r.int(2019, 2025)}-${D(r, 7)}` },
  { label: ['APS case # ', 'CPS case ', 'police report # '], make: (r) => `${r.int(19, 25)}-${D(r, 6)}` },
  { only: 'heldout', label: ['tribal ID # ', 'CDIB # '], make: (r) => `${D(r, 3)}-${D(r, 6)}` },
  { only: 'heldout', label: ['matrícula consular ', 'consular ID '], make: (r) => `${D(r, 2)}${L(r, 1)}${D(r, 7)}` },
  { only: 'heldout', label: ['student ID ', 'school ID # '], make: (r) => `${r.int(1, 9)}${D(r, 7)}` },
  { only: 'heldout', label: ['green card # ', 'USCIS # '], make: (r) => `${L(r, 3)}${D(r, 10)}` },
  { only: 'heldout', label: ['blood bank ID ', 'BB band # '], make: (r) => `BB${D(r, 2)}-${D(r, 5)}` },
];

/** Which kind a labelled slot's value is. */
export type LabelledKind = Exclude<Kind, 'name' | 'address' | 'url'>;
