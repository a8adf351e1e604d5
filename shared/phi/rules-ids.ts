// Record, account, plan, licence, vehicle, device and other numbers.
//
// Most are told apart only by the label written before them ("MRN", "FIN",
// "member ID", "DL", "plate", "serial", "accession"), so a label picks the kind
// and the value after it is taken whatever its shape. Unlabelled numbers are
// caught by their shape (SSN, Medicare MBI, VIN) or, as a last resort, by being
// long enough (7+ digits) to single someone out.

import { isEnglishWord } from '../phi-names';
import { isVocab } from '../phi-vocab';
import { allMatches } from './matches';
import { trieSource } from './trie';
import { type Candidate, type IdentifierKind, P_FORMAT, P_GUESS, P_LABELLED } from './types';
import { slips } from './typos';

const LABELS: Array<[IdentifierKind, string[]]> = [
  [
    'mrn',
    [
      'mrn',
      'mr#',
      'mr',
      'mr #',
      'mr no',
      'mr number',
      'medical record',
      'medical record number',
      'medical record no',
      'med rec #',
      'med rec no',
      'med rec number',
      'med record',
      'chart number',
      'chart no',
      'chart #',
      'patient id',
      'pt id',
      'patient number',
      'unit number',
      'unit #',
      'hospital number',
      'hosp #',
      'hosp no',
      'hosp number',
      'hospital no',
      'epi',
      'epi #',
      'epic',
      'epic mrn',
      'epic id',
      'empi',
      'mpi',
      'enterprise id',
      'urn',
      'pid',
      'emr',
      'emr #',
      'emr id',
      'ehr id',
      'record #',
      'record no',
      'record number',
      'registration',
      'registration #',
      'registration number',
      'reg #',
      'reg no',
      'pt #',
      'pt no',
      'patient #',
      'patient no',
      'hosp id',
      'hospital id',
      'medical rec',
      'med rec',
      'medical rec #',
      'chart id',
      'clinic number',
      'clinic #',
      'person id',
      'cmrn',
      'local id',
      'facility id',
      'mr id',
      'hosp reg',
    ],
  ],
  [
    'account',
    [
      'acct',
      'account',
      'account number',
      'fin',
      'fin #',
      'fin number',
      'csn',
      'har',
      'encounter',
      'encounter number',
      'encounter id',
      'enc',
      'enc #',
      'visit',
      'visit number',
      'visit id',
      'billing number',
      'billing #',
      'billing id',
      'invoice',
      'claim',
      'claim number',
      'guarantor',
      'guarantor id',
      'financial number',
      'episode',
      'episode #',
      'episode id',
      'admission #',
      'admission number',
      'admission id',
      'adm #',
      'acct no',
      'acct #',
      'account #',
      'account no',
      'patient account',
      'pt acct',
      'pt account',
      'billing acct',
      'billing account',
      'hb acct',
      'pb acct',
      'encntr',
      'contact serial',
      'visit no',
      'fin no',
      'har #',
      'csn #',
      'ecd',
      'claim #',
      'claim no',
      'claim id',
      'auth #',
      'authorization #',
      'authorization number',
      'prior auth #',
      'pa #',
    ],
  ],
  [
    'health_plan',
    [
      'member',
      'member id',
      'mem id',
      'mem #',
      'insurance card',
      'new card',
      'masshealth',
      'medi-cal',
      'medi cal',
      'ahcccs',
      'ahcccs id',
      'tenncare',
      'soonercare',
      'badgercare',
      'husky',
      'chip',
      'molina',
      'ambetter',
      'humana',
      'aetna',
      'cigna',
      'anthem',
      'kaiser',
      'uhc',
      'unitedhealthcare',
      'wellcare',
      'amerigroup',
      'caresource',
      'champva',
      'sub id',
      'subscriber #',
      'member number',
      'subscriber',
      'subscriber id',
      'subscriber number',
      'medicaid',
      'medicaid id',
      'medicaid number',
      'medicare',
      'medicare id',
      'medicare number',
      'medicare beneficiary id',
      'mbi',
      'hicn',
      'policy',
      'policy number',
      'policy id',
      'insurance',
      'insurance id',
      'insurance number',
      'ins',
      'ins id',
      'group number',
      'group #',
      'group no',
      'plan id',
      'health plan',
      'health plan id',
      'beneficiary id',
      'bcbs',
      'tricare',
      'cin',
      'bic',
      'medi-cal bic',
      'dbn',
      'payer id',
      'coverage id',
      'coverage #',
      'medicare #',
      'medicaid #',
      'medicare no',
      'medicaid no',
      'hic',
      'hic #',
      'mcd',
      'mcd #',
      'mcr',
      'mcaid',
      'mcare',
      'plan member',
      'ins #',
      'insurance #',
      'insurance no',
      'ins no',
      'subscriber no',
      'policy no',
      'cert',
      'cert #',
      'certificate #',
      'member no',
      'mbr id',
      'mbr #',
      'blue cross',
      'blue shield',
      'highmark',
      'oscar',
      'centene',
      'wellpoint',
      'elevance',
      'optum',
      'geisinger',
      'medical assistance',
      'ma id',
      'snap',
      'wic',
      'ohp',
      'apple health',
      'kancare',
      'medi-cal id',
      'straight medicaid',
      'health net',
      'healthnet',
      'amerihealth',
      'sunshine health',
      'peach state',
      'buckeye',
      'meridian',
      'priority health',
      'bcbs id',
      'bcbsil',
      'ppo id',
      'hmo id',
      'dental id',
      'vision id',
    ],
  ],
  [
    'license',
    [
      'dl',
      'd.l.',
      'd/l',
      'd/l #',
      'cdl',
      'cdl #',
      'dl#',
      'driver license',
      "driver's license",
      'drivers license',
      "driver's licence",
      'drivers licence',
      'driver licence',
      'driving licence',
      'driving license',
      'license number',
      'licence number',
      'license #',
      'licence #',
      'license no',
      'licence no',
      'lic',
      'lic #',
      'lic no',
      'driver lic',
      'drivers lic',
      "driver's lic",
      'driving lic',
      'dl no',
      'dl number',
      'dln',
      'license id',
      'state id',
      'state id number',
      'id card',
      'identification card',
      'license',
      'licence',
      'driving permit',
      'operator license',
      "operator's license",
      'operators license',
      'learner permit',
      "learner's permit",
      'permit #',
      'permit no',
      'dmv id',
      'dmv #',
      'state license',
      'drv lic',
      'dr lic',
      'dl num',
      'drivers license #',
      'drivers lic #',
      'lic #',
      'photo id',
      'non-driver id',
      'nondriver id',
      'real id',
    ],
  ],
  [
    'vehicle',
    [
      'plate',
      'plates',
      'tag',
      'car tag',
      'lp',
      'lp #',
      'plate #',
      'license plate',
      'licence plate',
      'lic plate',
      'plate number',
      'tag number',
      'tag #',
      'tags',
      'vin',
      'vehicle id',
      'vehicle identification number',
      'registration plate',
      'reg',
      'reg plate',
      'car reg',
      'veh reg',
      'vehicle reg',
      'vehicle registration',
      'vehicle plate',
      'number plate',
      'tag no',
      'plate no',
      'license tag',
      'licence tag',
      'vin no',
      'vin #',
      'vin number',
      'vehicle #',
      'motorcycle plate',
      'car plate',
      'truck plate',
      'car license',
      'car licence',
      'auto plate',
      'tag #:',
      'plate#',
      'lic plt',
    ],
  ],
  [
    'device',
    [
      'serial',
      'serial number',
      'serial no',
      'serial #',
      'serial#',
      's/n',
      'sn',
      'sn#',
      'udi',
      'device id',
      'device serial',
      'implant id',
      'pump id',
      'transmitter id',
      'ser',
      'ser #',
      'ser#',
      'transmitter',
      'transmitter serial',
      'tx id',
      'receiver id',
      'receiver serial',
      'lot and serial',
      'device sn',
      'pacemaker serial',
      'icd serial',
      'pump serial',
      'sensor serial',
      'implant serial',
      'serial id',
      'sensor id',
      'generator serial',
      'model/serial',
      'imei',
      'ser no',
      'ser. no',
      'device #',
      'device no',
      'device number',
      'implant #',
      'implant serial number',
      'hearing aid serial',
      'lvad serial',
      'mac address',
      'esn',
      'meid',
      'pacer sn',
      'generator sn',
      'lead sn',
      'lead serial',
      'cgm serial',
      'cgm id',
      'sensor #',
      'pump #',
      'pump sn',
      'pump serial number',
      'transmitter #',
      'transmitter sn',
      'sn:',
      'serial num',
      's/n #',
      's.n.',
      'device serial number',
      'icd sn',
      'crt sn',
      'ppm sn',
      'stimulator serial',
      'implant sn',
      'monitor serial',
      'monitor sn',
      'monitor id',
      'cpap serial',
      'bipap serial',
      'concentrator serial',
      'wheelchair serial',
    ],
  ],
  [
    'other_id',
    [
      'passport',
      'passport number',
      'passport no',
      'passport #',
      'accession',
      'accession number',
      'accession no',
      'accession #',
      'acc #',
      'acc#',
      'rx',
      'rx #',
      'rx#',
      'rx number',
      'prescription',
      'prescription number',
      'prescription #',
      'specimen',
      'specimen id',
      'specimen #',
      'lab id',
      'requisition',
      'lab req',
      'green card',
      'alien number',
      'a-number',
      'visa number',
      'military id',
      'dod id',
      'employee id',
      'student id',
      'badge',
      'unos',
      'unos id',
      'unos #',
      'cps case',
      'cps',
      'case #',
      'case no',
      'booking',
      'booking #',
      'booking number',
      'inmate',
      'inmate #',
      'inmate id',
      'inmate number',
      'doc #',
      'doc id',
      'doc number',
      'case number',
      'id',
      'id number',
      'id #',
      'a#',
      'a #',
      'alien',
      'alien #',
      'alien no',
      'uscis',
      'uscis #',
      'national id',
      'national id number',
      'nhs number',
      'nhs no',
      'nhs #',
      'sin',
      'sin #',
      'health card',
      'health card #',
      'ohip',
      'ohip #',
      'medical id',
      'voter id',
      'voter #',
      'employee #',
      'employee number',
      'emp id',
      'staff id',
      'lab order',
      'lab order #',
      'case id',
      'prisoner #',
      'inmate no',
      'booking no',
      'arrest #',
      'court case',
      'docket',
      'docket #',
      'i-94',
      'visa #',
      'visa no',
      'refugee id',
      'tribal id',
      'tribal #',
      'enrollment #',
      'student #',
      'student number',
      'school id',
      'dod #',
      'edipi',
      'va #',
      'va id',
      'claim number',
      'disability #',
      'workers comp #',
      'wc claim',
      'wc #',
      'pharmacy rx',
      'rx no',
      'script #',
      'lab #',
      'lab accession',
      'path #',
      'pathology #',
      'surg path',
      'cytology #',
      'blood bank #',
      'blood bank band',
      'blood bank id',
      'blood bank number',
      'bb band',
      'bb id',
      'bb #',
      'typenex',
      'typenex #',
      'transfusion band',
      'crossmatch band',
      'armband #',
      'band #',
      'wristband #',
      'transfusion id',
      'donor id',
      'donor #',
      'organ id',
      'accn',
      'accn #',
      'acc no',
    ],
  ],
  [
    'ssn',
    [
      'ssn',
      'ss#',
      'ss #',
      'ss no',
      'ss number',
      'social security',
      'social security number',
      'social security no',
      'social',
      'soc sec',
      'soc sec no',
      'ss',
      's.s.#',
      's.s.n.',
      's.s.n',
      'ssn#',
      'ssn no',
      'ssn number',
      'soc sec #',
      'soc sec number',
      'social sec',
      'social sec #',
      'social security #',
      'tin',
      'itin',
      'tax id',
      'taxpayer id',
      'last 4 of ssn',
      'ss num',
    ],
  ],
];

// Words that may stand between a label and its value ("SSN on the form was 1234…").
const FILLER =
  '(?:\\s*(?:#|:|=|-|–|\\(|\\)|\\[|\\]|\\.(?=\\s)|\\bno\\b\\.?|\\bnum(?:ber)?\\b|\\bnbr\\b|\\bids?\\b|\\bis\\b|\\bwas\\b|\\bof\\b|\\bare\\b|\\bhas\\b|\\bshows?\\b|\\breads\\b|\\bsays\\b|\\blisted\\s+as\\b|\\bend(?:s|ing)\\s+in\\b|\\blast\\s+(?:4|four)(?:\\s+digits)?\\b|\\bending\\b|\\bon\\s+(?:the\\s+|his\\s+|her\\s+)?(?:form|file|chart|card|record|sticker|label|face\\s*sheet|bracelet|band|wristband)\\b|,)\\s*)*';
// "A 029 496 273 078": a lone letter may lead a value written in digit groups.
const VALUE = '((?:[A-Za-z]{1,3} (?=\\d))?[A-Za-z0-9](?:[A-Za-z0-9]|[-./](?=[A-Za-z0-9])){1,24})(?![A-Za-z0-9@])';
// A value written in short groups with spaces ("DL 123 456 789", "ID XJH 4471 2209"): groups of 2–6
// with a digit in each after the first, so "MRN 1234567 45 minutes" keeps to its number.
const GROUPS = /^(?: (?=[A-Za-z0-9]{2,6}(?![A-Za-z0-9]))[A-Za-z]*\d[A-Za-z0-9]*)+(?: [A-Z](?![A-Za-z0-9]))?/;
// Continuation: "MRNs 1600091 and 1348212", "MR# E2987928, E1694980".
const MORE = new RegExp(`^(\\s*(?:,|and|or|&|/|\\+|vs\\.?|then)\\s*(?:#\\s*)?)${VALUE.replace('{1,3} ', ' ')}`, 'i');

const STATE_ABBR_SET = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(
    ' ',
  ),
);
// "plate NJ R22-4BC", "DL TX 12345678": the issuing state may stand before the value.
const STATE_BEFORE =
  '(?:[^\\S\\n]*\\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)\\b(?=[^\\S\\n]+[A-Za-z0-9]*\\d))?';

// Misspellings that are not a swap or a drop: letters heard, not typed.
const TYPO_LABELS: Partial<Record<IdentifierKind, string[]>> = {
  ssn: ['snn', 'ssn#', 'sss', 'scoial security', 'socail security', 'social secuirty'],
  license: ['lisence', 'liscense', 'licsense', 'lincense', 'licens', 'drivers lisence', "driver's lisence"],
  vehicle: ['plait', 'licence plait', 'vinn'],
  health_plan: ['medicad', 'medicaide', 'insurence', 'insurrance', 'medacare', 'medicar'],
  device: ['cereal number', 'serail number', 'seriel', 'seriel number', 'serial numbr'],
  mrn: ['mnr', 'mrm', 'nrn', 'medical recrod'],
  account: ['acount', 'accout', 'encouter', 'encounte'],
  other_id: ['pasport', 'passprot', 'acession', 'accesion'],
};
// One pass for every label (a trie of them all); the label read picks the kind. Built on first use,
// so loading the detector (a server isolate, the popup's lazy chunk) costs nothing for it.
const LABEL_KIND = new Map<string, IdentifierKind>();
let labelRe: RegExp | undefined;
// Labels typed with a slip ("palte", "serail", "membr", "snn"): every one-word label of five or more
// letters in its slipped forms, unless a slip is itself a common word or another label.
const COMMON_SLIP = /^(?:plat|pate|later|serial|metal|member|sever|sire|lice|licen|carde|polic|poly|socal)$/;

function labelRegex(): RegExp {
  if (labelRe) return labelRe;
  const all: string[] = [];
  for (const [kind, labels] of LABELS) {
    for (const l of labels) {
      const key = l.replace(/\s+/g, '');
      if (!LABEL_KIND.has(key)) LABEL_KIND.set(key, kind);
      all.push(l);
    }
  }
  for (const [kind, labels] of LABELS) {
    // Single-word labels only: the list stays small enough to compile fast.
    for (const l of labels) {
      if (l.includes(' ')) continue;
      for (const slip of slips(l)) {
        if (COMMON_SLIP.test(slip) || LABEL_KIND.has(slip)) continue;
        LABEL_KIND.set(slip, kind);
        all.push(slip);
      }
    }
    for (const l of TYPO_LABELS[kind] ?? []) {
      LABEL_KIND.set(l.replace(/\s+/g, ''), kind);
      all.push(l);
    }
  }
  // The value stays on the label's line.
  labelRe = new RegExp(
    `(?<![A-Za-z0-9])(${trieSource(all)})(?:s|'s)?(?:(?![a-z0-9])|(?=\\d))${FILLER}${STATE_BEFORE}[^\\S\\n]*${VALUE}`,
    'gi',
  );
  return labelRe;
}

// Ticket systems and internal references: hospital numbers, not the patient's.
const TICKET_BEFORE =
  /\b(?:ticket|tkt|inc|incident|req|request|ritm|chg|change|task|case|work\s*order|wo|order|pager|ext|extension|x|version|ver|build|lot|ndc|ref|reference|room|rm|bed|bay|page|call\s*back|callback|cpt|icd|code|fax|phone|cell|tel|policy|protocol|procedure|form|sop|guideline|order\s+set)\s*(?:#|no\.?|number|num)?\s*:?\s*$/i;
const TICKET_PREFIX =
  /^(?:(?:inc|req|ritm|chg|task|sctask|prb|wo|tkt|hd|kb|prj|ctask|itsm|snow)-?|sr|cs|ch|rfc|cr|sd)\d/i;

// A bare "ID"/"badge"/"case" label loses to a specific one ("Medicaid ID") on the same value.
const GENERIC = /^(?:id|badge|case)\b/i;

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Is this value plausibly an identifier for the kind its label named? */
function plausible(kind: IdentifierKind, v: string): boolean {
  const digits = digitCount(v);
  const alnum = v.replace(/[^A-Za-z0-9]/g, '').length;
  // A ticket's prefix ("CS1234", "SR5678") after a licence label is a licence number's letters ("lic cs754717").
  if (TICKET_PREFIX.test(v) && kind !== 'license') return false;
  if (/^[A-Z]\d{2}\.\d/i.test(v)) return false; // ICD-10 code
  // A vanity plate may have no digit ("LUVMYDOG"): capitals, not a word.
  if (kind === 'vehicle')
    return (
      (digits >= 1 && alnum >= 4 && alnum <= 17 && /[A-Za-z]|\d{5,}/.test(v)) ||
      digits >= 5 ||
      (/^[A-Z]{5,8}$/.test(v) && !isEnglishWord(v) && !isVocab(v))
    );
  if (kind === 'ssn') return (digits === 9 && alnum === 9) || (digits === 4 && alnum === 4);
  // Serials and licences mix letters and digits freely ("8NM3KQ", "WDL0ABC12345").
  if ((kind === 'device' || kind === 'license') && digits >= 1 && alnum >= 5 && !/^\d{4}$/.test(v))
    return digits >= 3 || /[A-Za-z]/.test(v);
  if (digits < 3 || alnum < 5) return false;
  // A value that is only a clock time or a year is not an identifier.
  if (/^\d{4}$/.test(v)) return false;
  // Dates and decimals after a label ("visit 3/14/2023", "encounter 12.5") are something else.
  if (/^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})$/.test(v) || /^\d+\.\d+$/.test(v))
    return false;
  return true;
}

export function idRules(text: string, out: Candidate[]): void {
  const re = labelRegex();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = LABEL_KIND.get((m[1] ?? '').toLowerCase().replace(/\s+/g, '')) ?? 'other_id';
    let v = m[2] ?? '';
    let start = m.index + (m[0] ?? '').length - v.length;
    if (
      (v.length <= 6 || /^[A-Za-z]{1,3} /.test(v)) &&
      /^(?:[A-Za-z]{1,3} )?[A-Za-z0-9]*\d[A-Za-z0-9]*$|^[A-Za-z]$/.test(v) &&
      kind !== 'vehicle'
    ) {
      const more = GROUPS.exec(text.slice(start + v.length, start + v.length + 30));
      if (more) v += more[0];
    } else if (kind === 'vehicle' && /^vin/i.test(m[1] ?? '') && v.replace(/\W/g, '').length < 17) {
      // A VIN copied in groups: "VIN 1HGCM 82633 A004352".
      let tail = '';
      for (const g of allMatches(
        /[ -][A-Za-z0-9]{2,8}(?![\w-])/gy,
        text.slice(start + v.length, start + v.length + 30),
      )) {
        tail += g[0];
        if ((v + tail).replace(/\W/g, '').length >= 17) break;
      }
      if ((v + tail).replace(/\W/g, '').length === 17) v += tail;
    } else if (kind === 'health_plan') {
      // A plan's two-digit suffix: "BCBS ID 073098974 94".
      const suffix = /^ \d{2}(?![\w]|\.\d)/.exec(text.slice(start + v.length, start + v.length + 4));
      if (suffix) v += suffix[0];
    }
    // A label followed by a word ("BCBS member ID …"): look again from the next character.
    // A bare "policy" is as often a hospital policy ("policy NUR-1713"): it needs a long number.
    if (!plausible(kind, v) || (/^polic[a-z]*$/i.test(m[1] ?? '') && /^[A-Za-z]{2,4}-\d{1,4}$/.test(v))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    // Drop a trailing sentence period picked up by the value.
    v = v.replace(/[.]+$/, '');
    // A label glued to its number ("MR1892360", "MRN00482913") is written as one token: cover it whole.
    if (/[A-Za-z]/.test(text[start - 1] ?? '')) {
      let s0 = start;
      while (s0 > 0 && /[A-Za-z#]/.test(text[s0 - 1] ?? '')) s0--;
      v = text.slice(s0, start) + v;
      start = s0;
    }
    // A plate's state is part of how it is written ("plate NJ R22-4BC"): keep it with the plate.
    const state = kind === 'vehicle' ? /\b[A-Z]{2}[ -]$/.exec(text.slice(Math.max(0, start - 3), start)) : null;
    if (state && STATE_ABBR_SET.has(state[0].slice(0, 2)) && !/[A-Za-z]/.test(text[start - 4] ?? '')) {
      v = text.slice(start - 3, start) + v;
      start -= 3;
    }
    re.lastIndex = start + v.length;
    const priority = GENERIC.test(m[0] ?? '') ? P_LABELLED - 5 : P_LABELLED;
    out.push({ start, end: start + v.length, kind, priority });
    let pos = start + v.length;
    for (;;) {
      const more = MORE.exec(text.slice(pos, pos + 40));
      if (!more || !plausible(kind, more[2] ?? '')) break;
      start = pos + (more[1] ?? '').length;
      out.push({ start, end: start + (more[2] ?? '').length, kind, priority });
      pos = start + (more[2] ?? '').length;
    }
  }
  for (const c of allMatches(CAR_WORD, text)) {
    const from = c.index + c[0].length;
    const window = text.slice(from, from + 40);
    for (const m of allMatches(PLATE_NEAR, window)) {
      const v = m[1] ?? '';
      const V = v.toUpperCase();
      if (!/[A-Z]/.test(V) || !/\d/.test(v) || /^(?:\d+[A-Z]?|[A-Z]\d)$/.test(V.replace(/[ -]/g, ''))) continue;
      if (/^\d{1,2}(?:[ -]|$)/.test(v) && !/[A-Z]{2}/.test(V)) continue;
      // In lower case a plate must not start with a word ("lot 12", "bay 3b", "for 20m").
      if (v.split(/[ -]/).some((g) => /^[A-Za-z]+$/.test(g) && isCommonWordish(g.toLowerCase()))) continue;
      if (v !== V && /^[a-z]+/.test(v) && isCommonWordish(/^[a-z]+/.exec(v)?.[0] ?? '')) continue;
      if (NOT_MIXED.test(v.replace(/[ -]/g, ''))) continue;
      const start = from + m.index;
      out.push({ start, end: start + v.length, kind: 'vehicle', priority: P_GUESS + 2 });
    }
  }
  for (const m of allMatches(PLATE_SPACED, text)) {
    let v = m[1] ?? '';
    if (!/[A-Za-z]/.test(v) || !/\d/.test(v)) continue;
    // "registration put SS no 746": a plate's groups are not words.
    if (
      v
        .split(/[ -]/)
        .some((g) => /^[A-Za-z]+$/.test(g) && (isCommonWordish(g.toLowerCase()) || LABEL_KIND.has(g.toLowerCase())))
    )
      continue;
    let start = m.index + (m[0] ?? '').length - v.length;
    const state = /\b[A-Z]{2}\s$/.exec(text.slice(Math.max(0, start - 3), start));
    if (state && STATE_ABBR_SET.has(state[0].slice(0, 2)) && !/[A-Za-z]/.test(text[start - 4] ?? '')) {
      v = text.slice(start - 3, start) + v;
      start -= 3;
    }
    out.push({ start, end: start + v.length, kind: 'vehicle', priority: P_LABELLED });
  }
  shapeRules(text, out);
}

// Plates written with a space ("plate ABC 1234"), which the general value pattern stops at.
const PLATE_SPACED =
  /\b(?:plates?|tags?|lp|reg|registration|veh(?:icle)?\s+reg)\b(?:\s*(?:#|no\.?|number|reads?|says|is))?\s*:?\s*((?:[A-Z]{2}\s+(?=[A-Z0-9]{1,4}[ -]))?[A-Z0-9]{1,4}[ -][A-Z0-9]{2,5}(?:[ -][A-Z0-9]{1,4}){0,2})(?![\w-])/gi;
// A plate near the car it belongs to, with no label: "silver Honda Civic ABC 1234", "car (7ABC123) towed".
const CAR_WORD =
  /\b(?:car|cars|truck|vehicle|van|suv|sedan|pickup|motorcycle|jeep|honda|toyota|ford|chevy|chevrolet|nissan|hyundai|kia|subaru|tesla|bmw|mercedes|audi|volkswagen|vw|dodge|ram|gmc|buick|mazda|lexus|acura|camry|civic|corolla|accord|altima|silverado|tahoe|explorer|escape|rav4|cr-v|prius|parked|towed|valet|parking|ambulance\s+bay)\b/gi;
const isCommonWordish = (w: string): boolean => w.length > 1 && (isEnglishWord(w) || isVocab(w));
const PLATE_NEAR = /(?<![\w-])([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,5})(?![\w-])/gi;

// SSN layouts are distinctive enough to need no label.
// A separator twice, spaced or not, or mixed with a space: 123-45-6789, 123 - 45 - 6789, 123 45-6789.
// Reserved numbers (000, 666, 9xx) are not skipped: a mistyped or made-up number on a form is still one.
const SSN_DASH = /(?<![\w-])\d{3}(?: {0,2}[-/_] {0,2}| )\d{2}(?: {0,2}[-/_] {0,2}| )\d{4}(?![\w-])/g;
// The last four behind a mask or a word after an SSN label: "ssn x-6789", "ssn ***6789", "SSN ends 6789".
const SSN_LAST4 =
  /\b(?:ssn|ss#|soc(?:ial)?\.?\s*sec(?:urity)?\.?)\b[^\n\d]{0,12}?(?:[x*#]+\s?-?\s?|\bends?\s+(?:in\s+|with\s+)?|\bending\s+(?:in\s+|with\s+)?)(\d{4})(?![\d-])/gi;
const SSN_DOT = /(?<![\w.-])\d{3}\.\d{2}\.\d{4}(?![\w-]|\.\d)/g;
const SSN_SPACE = /(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])/g;
// A device's UDI in GS1 form: "(01)00884521234567(21)ABC123" (the (21) part is its serial).
const UDI = /\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9-]{1,20})*/g;
// A masked SSN still shows its last four: "xxx-xx-6789", "***-**-6789".
const SSN_MASKED = /(?<![\w*#-])(?:x{3}|\*{3}|#{3})([- ]?)(?:x{2}|\*{2}|#{2})\1\d{4}(?![\w-])/gi;
// A MAC address (a patient's home monitor or hub).
const MAC_ADDR = /(?<![\w:-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![\w:-])/gi;
// Medicare Beneficiary Identifier: 1EG4-TE5-MK73 (letters exclude S, L, O, I, B, Z).
const MBI =
  /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/gi;
// Vehicle identification number: 17 characters, no I/O/Q, letters and digits mixed.
const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/gi;
// "#E1234567", "#4680523": a bare hash number in a chart banner is the record number.
const HASH_ID = /(?<![A-Za-z0-9])#\s?([A-Za-z]{0,2}-?\d(?:-?\d){5,13})(?![\w-])/g;
// Last resort: long digit runs (7+ digits, maybe hyphenated), or a letter or two then 6+ digits.
const LONG_NUM = /(?<![\w./$,:-])(?:\d[\d-]{5,}\d|[A-Za-z]{1,2}\d{6,})(?![\w/]|[.,]\d)/g;
// Letters and digits mixed in one code ("0M315WBH0D", "XEH4471290", "K12189-61", "ABC-1234"): record,
// plan, plate and serial numbers look like this whatever label stands before them, or none.
const MIXED =
  /(?<![\w./$,:#-])(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w/]|[.,]\d|-)/g;
// Clinical and IT codes of that shape: units and doses glued to a number (250mg, 1500mL, 0700h, 101.1F),
// versions, ICD-10, HCPCS (J2405), GCS (e2v4m1), ticket prefixes, rooms ("5011-A"), lead pairs (L4-L5).
const NOT_MIXED =
  /^(?:\d+s(?:-\d+s)?|\d+(?:mg|mcg|ug|ml|l|g|kg|lb|lbs|oz|units?|u|iu|meq|mmol|mm|cm|hrs?|h|min|mins|d|wk|wks|mo|yo|y|x|am|pm|st|nd|rd|th|f|c|fr|ga|french|gauge|k|s|mph|bpm|pct)|[a-z]\d{1,4}|[a-z]{1,2}\d{1,3}[a-z]?|v\d.*|x\d+|ext\d+|e\d+v\d+m\d+|\d{1,4}-?[a-z]{1,2}|[a-z]\d{1,2}-[a-z]\d{1,2}|covid-?\d+|sars-cov-?\d|h\d+n\d+|cha2ds2-?vasc|hba1c|a1c|spo2|etco2|fio2|pco2|po2|hco3|t\d+dm|ckd\d.*|nyha.*|phq-?\d+|gad-?\d+|sep-?\d+|icd-?\d+|cpt-?\d+|g6pd|p2y12|s1q3t3|cd\d+|il-?\d+|her\d|brca\d|kras.*|\d+x\d+)$/i;
// Any word and a number sign, "no." or "number" before a value: "Kaiser # 4471290", "DMV no. A12-3345".
// The sign is found first; the word before it and the value after it are read from there.
const ANY_MARK = /#|\b(?:no\.|nbr\b|num(?:ber)?\b|id\b)/gi;
const ANY_WORD_BEFORE = /\b([A-Za-z][A-Za-z'/-]{1,20})\.?[^\S\n]*$/;
const ANY_VALUE_AFTER =
  /[^\S\n]*[:#]?[^\S\n]*([A-Za-z]{0,3}[^\S\n]?\d[A-Za-z0-9]*(?:[-/. ][A-Za-z0-9]*\d[A-Za-z0-9]*){0,4})(?![\w-])/y;
const NOT_ANY_LABEL =
  /^(?:ext|extension|x|room|rm|bed|bay|pod|chair|stretcher|phone|ph|pager|page|ticket|tkt|case|order|work|version|ver|lot|ndc|ref|reference|cpt|icd|code|policy|protocol|form|floor|fl|station|table|line|step|item|slide|question|po|fax|cell|tel|call|callback|cb|unit|suite|ste|apt|box|building|bldg|trial|study|model|catalog|cat|part|section|chapter|rule|level|grade|stage|class|type|size|dose|lead|port|channel|option|menu|screen|tab|field|report|batch|run|shift|week|day|month|year|the|a|an|this|that|his|her|their|my|our|your|same|wrong|new|old|right|correct|no|not|inc|incident|req|request|ritm|chg|task|sr|hd|ref|build|release|rev|opt|ex)$/i;

export function shapeRules(text: string, out: Candidate[]): void {
  for (const re of [SSN_DASH, SSN_SPACE, SSN_DOT]) {
    for (const m of allMatches(re, text)) {
      out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'ssn', priority: P_FORMAT });
    }
  }
  for (const m of allMatches(UDI, text)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'device', priority: P_LABELLED + 5 });
  }
  for (const m of allMatches(SSN_LAST4, text)) {
    const start = m.index + m[0].length - 4;
    // Below the masked layout's own match ("xxx-xx-6789" is marked whole).
    out.push({ start, end: start + 4, kind: 'ssn', priority: P_FORMAT - 1 });
  }
  for (const m of allMatches(SSN_MASKED, text)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'ssn', priority: P_FORMAT });
  }
  for (const m of allMatches(MAC_ADDR, text)) {
    if (!/[a-f]/i.test(m[0]) && !/\bmac\b/i.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'device', priority: P_FORMAT });
  }
  for (const m of allMatches(MBI, text)) {
    // In lower case an MBI shape needs a digit pattern a word cannot make.
    if (m[0] === m[0].toLowerCase() && digitCount(m[0]) < 4) continue;
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'health_plan', priority: P_FORMAT });
  }
  for (const m of allMatches(VIN, text)) {
    if (!/[A-Z]/i.test(m[0] ?? '') || digitCount(m[0] ?? '') < 3) continue;
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'vehicle', priority: P_FORMAT });
  }
  for (const m of allMatches(HASH_ID, text)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (TICKET_BEFORE.test(before) || TICKET_PREFIX.test(m[1] ?? '')) continue;
    const start = m.index + (m[0] ?? '').length - (m[1] ?? '').length;
    out.push({ start, end: start + (m[1] ?? '').length, kind: 'mrn', priority: P_GUESS + 5 });
  }
  for (const m of allMatches(LONG_NUM, text)) {
    const v = m[0] ?? '';
    // Seven digits, or six behind a letter ("M451939").
    if (digitCount(v) < (/^[A-Za-z]/.test(v) ? 6 : 7) || TICKET_PREFIX.test(v) || /--/.test(v)) continue;
    // Time ranges (0700-1930) and number ranges are not identifiers.
    if (/^\d{1,4}-\d{1,4}$/.test(v)) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (TICKET_BEFORE.test(before)) continue;
    out.push({ start: m.index, end: m.index + v.length, kind: 'other_id', priority: P_GUESS });
  }
  for (const m of allMatches(MIXED, text)) {
    const v = m[0] ?? '';
    const digits = digitCount(v);
    const alnum = v.length - (v.split('-').length - 1);
    if (alnum < 6 || digits < 3 || alnum - digits < 1) continue;
    if (NOT_MIXED.test(v) || TICKET_PREFIX.test(v) || /^[a-z]+-?\d{1,3}$/i.test(v)) continue;
    // One letter and few digits (J2405, E0601) is a billing code; a plate or id has more.
    if (alnum - digits === 1 && digits < 5 && !/\d[A-Za-z]\d/.test(v)) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (TICKET_BEFORE.test(before)) continue;
    out.push({ start: m.index, end: m.index + v.length, kind: 'other_id', priority: P_GUESS });
  }
  for (const k of allMatches(ANY_MARK, text)) {
    const w = ANY_WORD_BEFORE.exec(text.slice(Math.max(0, k.index - 24), k.index));
    if (!w) continue;
    ANY_VALUE_AFTER.lastIndex = k.index + k[0].length;
    const val = ANY_VALUE_AFTER.exec(text);
    if (!val) continue;
    const m = { 1: w[1], 2: val[1], index: val.index, 0: val[0] };
    const word = m[1] ?? '';
    const v = (m[2] ?? '').replace(/[\s.]+$/, '');
    if (NOT_ANY_LABEL.test(word) || digitCount(v) < 4 || TICKET_PREFIX.test(v)) continue;
    if (/^\d{1,4}$/.test(v.replace(/\s/g, '')) || /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/.test(v)) continue;
    const start = m.index + (m[0] ?? '').lastIndexOf(m[2] ?? '');
    out.push({ start, end: start + v.length, kind: 'other_id', priority: P_GUESS });
  }
}
