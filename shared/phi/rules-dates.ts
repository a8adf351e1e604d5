// Dates (every element but a bare year) and ages over 89.
//
// Numeric dates need three parts, or a cue word before a two-part "3/14":
// "pain 7/10", "BP 150/90" and "strength 4/5" have the same shape.

import { allMatches } from './matches';
import { type Candidate, P_CONTEXT, P_FORMAT, P_LABELLED } from './types';

// English month names and abbreviations, and the Spanish, French, German, Portuguese and Italian
// names a family member or a form from abroad may use.
const MONTH =
  '(?:febuary|feburary|februray|janurary|janaury|arpil|apirl|agust|augst|setpember|septmber|sepember|octber|ocotber|novmber|novemeber|decmber|decemeber|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[eé]cembre|januar|februar|m[aä]rz|juni|juli|oktober|dezember|janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const ORD = '(?:st|nd|rd|th)?';
const YEAR = "(?:(?:18|19|20)\\d{2}|'\\d{2})";

// 03/14/1958, 3/14/58, 14.03.1958, 07-06-1971 (month/day order either way).
const NUM3 = /(?<![\w.-])(?<!\d\/)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2}|'\d{2})(?![\w/-]|\.\d)/g;
// A two-part date with a leading zero ("03/14", "10/09"): scores and ratios are not written so.
const SHORT_PADDED = /(?<![\w./-])(0[1-9]([/-])(?:0[1-9]|[12]\d|3[01])|1[0-2]([/-])0[1-9])(?![\w/-]|[.]\d)/g;
// 2023-03-14, 2023/3/14
const ISO =
  /(?<![\w.-])(?<![^A-Za-z]\/|^\/)(?:18|19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?![\w/-]|\.\d)/g;
// March 14th, 2023 / Mar 14 / Mar. 14, 2023 / March 2023
// Also "Mar-14-1952", "March the 3rd", "March of 2019", "jan '20".
const MONTH_FIRST = new RegExp(
  `\\b(${MONTH})\\.?(?:\\s+|-)(?:(?:the\\s+(?=\\d{1,2}(?:st|nd|rd|th)))?(${DAY})${ORD}\\b(?:(?:,?\\s*|[-/])(?:${YEAR})\\b)?|(?:of\\s+)?((?:18|19|20)\\d{2}|'\\d{2})\\b)`,
  'gi',
);
// A two-digit year after a day and a month, once a date word comes first: "DOB 14 Mar 52", "dob mar 14 52".
const TWO_DIGIT_YEAR_AFTER = /^,?\s+\d{2}(?![\w/:.-]|\.\d)/;
// Month and four-digit year: "s/p CABG 2/2019", "dx 05/2018".
const MONTH_YEAR = /(?<![\w./-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\d{2}(?![\w/-]|\.\d)/g;
// Spaces around or instead of the separators: "3 / 14 / 1952", "03 14 1952" (the last after a date word only).
const NUM3_SPACED =
  /(?<![\w./-])(\d{1,2})(?:\s+([/.-])\s*|\s*([/.-])\s+|\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+)((?:18|19|20)\d{2})(?![\w/-]|\.\d)/g;
const SPACED_GATE = /\d\s+[/.-]|[/.-]\s+\d|\b\d{1,2}\s+\d{1,2}\s+(?:18|19|20)\d\d\b/;
// Year first with two digits, after a date word: "DOB 52/03/14".
const YMD_SHORT = /(?<![\w./-])(\d{2})([/.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)/g;
// A weekday before a date belongs to it: "Monday, March 3, 2025", "thursday 12/4".
const WEEKDAY_BEFORE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.?,?\s+$/i;
// 14 Mar 2023 / 14-Mar-2023 / 3rd of March / 22 Sep
const DAY_FIRST = new RegExp(
  `\\b(${DAY})${ORD}(?:\\s+of)?(?:\\s+|-)(${MONTH})\\b\\.?(?:(?:,?\\s+|-)(?:${YEAR})\\b|-\\d{2}\\b)?`,
  'gi',
);
// A month glued to its day or dotted, or the year first: "March14, 1952", "14.Mar.1952", "1952 Mar 14", "1952-Mar-14".
const MONTH_ODD = new RegExp(
  `\\b(?:(${MONTH})(${DAY})(?:st|nd|rd|th)?,?\\s*(?:18|19|20)\\d{2}|(${DAY})\\.(${MONTH})\\.(?:18|19|20)\\d{2}|(?:18|19|20)\\d{2}[\\s/-](${MONTH})\\.?[\\s/-](${DAY}))\\b`,
  'gi',
);
// A holiday with its year: "Christmas 2024", "Thanksgiving of 2023".
const HOLIDAY_YEAR =
  /\b(?:christmas(?:\s+eve)?|xmas|thanksgiving|easter|halloween|new\s+year'?s(?:\s+(?:eve|day))?|independence\s+day|memorial\s+day|labor\s+day|valentine'?s\s+day|mother'?s\s+day|father'?s\s+day)\s+(?:of\s+)?(?:18|19|20)\d{2}\b/gi;
// After a date, more of them: "3/14 and 3/21", "3/14-3/21", "3/14, 3/21", "March 14-16".
const MORE_DATES =
  /^[ \t]*(?:,|and|&|-|to|through|thru|until|or)[ \t]*(?:(0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-](?:\d{4}|\d{2}))?|(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)(?![\w/]|[.-]\d)/i;
// A day in words, as dictated or typed out in a letter: "the fifth of June, 1950", "June twenty-first",
// "March the 3rd"'s spelt-out twin "March the third"; and a weekday before an ordinal: "Sunday the 5th".
const ORD_WORD =
  '(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';
const SPELT_DAY = new RegExp(
  `\\b(?:(?:the\\s+)?${ORD_WORD}\\s+of\\s+(${MONTH})\\b|(${MONTH})\\s+(?:the\\s+)?${ORD_WORD}\\b)(?:,?\\s+(?:18|19|20)\\d{2}\\b)?|\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\s+the\\s+(?:${DAY}(?:st|nd|rd|th)|${ORD_WORD})\\b`,
  'gi',
);
const SPELT_GATE =
  /(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth|day\s+the)\b/i;
// 15JAN1993, 01feb1976, 3MAR58.
const DMY_COMPACT = new RegExp(`(?<![\\w-])(?<![^A-Za-z]\\/|^\\/)(${DAY})(${MONTH})(\\d{4}|\\d{2})(?![\\w/-])`, 'gi');
// A two-part date after a word that announces one.
const SHORT_CUE =
  /(?:(?:\band|&)\s+(?:again|agn)|\b(?:last\s+[a-z]+|dob|d\.o\.b\.?|birth\s*date|date\s+of\s+birth|born|b\.|bday|birthday|adm(?:it(?:ted)?)?|admission|discharged?|d\/c'?d?|dc'?d|seen|visit(?:ed)?|on|since|from|until|till|through|thru|surgery|sx|procedure|s\/p|appt|appointment|fell|fall|died|expired|passed|last|dated?|dos|doa|doi|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|readmit(?:ted)?|returned|rtc|f\/u|follow[\s-]?up|sched(?:uled)?|due|next|started|stopped|placed|removed|changed|inserted|drawn|collected|done|vaccine|vaccinated|shot|booster|lmp|edd|injury|injured|onset|symptoms\s+since|mri|ct|echo|ekg|ecg|cxr|xray|x-ray|labs?|dated|expires?|exp|effective|eff|married|delivered|deliv|lkw|lkn|last\s+known\s+well))\.?\s*[:#-]?\s*(?:(?:in|at)\s+(?:the\s+)?(?:clinic|office|ed|er|urgent\s+care)\s+)?(?:on\s+)?$/i;
// A range's hyphen may follow: "3/14-3/21".
const SHORT = /(?<![\w./-])(0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d|-\d(?!\d?\/))/g;
const NOT_DATE_AFTER =
  /^\s*(?:mg|mcg|ml|units?|tabs?|caps?|ns|strength|of|x\b|%|l\b|lpm|liters?|litres?|hours?|hrs?|days?|weeks?|wks?|times|doses?|puffs?|drops?|sprays?|cm|mm|kg|lbs?|beats?|breaths?|min)/i;

// Compact dates after a word that announces a date: "DOB 031458", "adm 20240615", "DOB: 3141958".
const COMPACT =
  /\b(?:dob|d\.o\.b\.?|birth\s*date|date\s+of\s+(?:birth|service|admission|injury|death|discharge)|birthday|bday|born|b\.|adm(?:it(?:ted)?|ission)?|disch(?:arge)?d?|d\/c(?:'?d)?|dc'?d|dos|doa|doi|dod|seen|visit|surgery|sx|procedure|placed|implanted|inserted|started|performed|dated|drawn|collected|done|expired|died|deceased|married|injured|delivered|deliv|edd|lmp|again|agn|since|until|on|f\/u|appt|appointment|lkw)\.?\s*(?:date\s*)?(?:(?:in|at)\s+(?:the\s+)?(?:clinic|office|ed|er|ercp|cath\s+lab|or|ir|icu|pacu|infusion|dialysis|rehab)\s+)?(?:on\s+)?[:#=/-]?\s*(\d{6}|\d{8})(?![\w/-]|\.\d)/gi;

// Two checks named first and given after in brackets: "identified by name and DOB (arash amiri, 102290)".
const COMPACT_AFTER_NAME =
  /\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date)\s*\(\s*[^()\d\n,]{2,40},\s*(\d{6}|\d{8})\s*\)/gi;

/** MMDDYY, MMDDYYYY or YYYYMMDD with a real month and day. */
function compactDate(v: string): boolean {
  const n = (a: number, b: number) => Number(v.slice(a, b));
  const md = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
  if (v.length === 6) return md(n(0, 2), n(2, 4)) || md(n(2, 4), n(0, 2));
  const y = n(0, 4);
  if (y >= 1880 && y <= 2099 && md(n(4, 6), n(6, 8))) return true;
  const y2 = n(4, 8);
  return y2 >= 1880 && y2 <= 2099 && (md(n(0, 2), n(2, 4)) || md(n(2, 4), n(0, 2)));
}

// Birth year implying an age over 89.
const BIRTH_YEAR =
  /\b(?:born(?:\s+(?:in|on|back\s+in))?|b\.|birth\s*(?:year|yr)(?:\s+(?:is|was|of))?|yob|year\s+of\s+birth|dob(?:\s+year)?)\s*:?\s*((?:18|19|20)\d{2})\b(?![/.-]\d)/gi;

// Ages: number + unit, or a label then the number.
const AGE_NUM = '(9\\d|1[0-2]\\d)';
const AGE_UNIT =
  /^(?:\s?-?\s?(?:y\/o\b|y-o\b|y\.o\.?|yo[mf]?\b|yrs?\.?(?:\s|-)?old\b|years?(?:\s|-)old\b|year-old\b|yr\b|yrs\b|years?\s+of\s+age\b|years?\b(?=\s+young)|years?\b(?!\s+(?:ago|since|later|earlier|prior|before|after|of|in|on|at|post|back|apart)\b|-)|yoa\b|y\b(?![/.'-]?[A-Za-z0-9])))/i;
// "92F", "92 M" (capital sex letter), or "92m"/"92f" when a clinical phrase follows.
const AGE_SEX =
  /^(?:\s?[MF]\b|[mf]\b(?!\s*(?:in|min|mins|ml|mg|mcg|mm|meters?|miles?|feet|ft)\b)|\s[mf]\b(?=\s+(?:a|with|w\/|s\/p|who|presenting|pmh|hx|on|in|admitted|here|from|candidate)\b))/;
const AGE_LABEL =
  /\b(?:aged?|age:|age\s+is|age\s+of|who\s+is|who's|pt\s+is|patient\s+is|(?:she|he|they|husband|wife|mother|mom|father|dad|sister|brother|spouse|grandmother|grandfather|grandma|grandpa|aunt|uncle|who)\s+(?:is|was|turned|turns|'s)|(?:she|he|pt|patient|mom|dad|who)['’]s|is\s+now|turned|turns|age\s*=)\s*$/i;
const NUM_AFTER_AGE_BAD =
  /^(?:\s*(?:%|mg|mcg|ml|kg|lbs?|cm|mm|min|minutes|hours?|hrs?|bpm|units?|\.\d|\/|mmhg|degrees|°))/i;
const AGE_CANDIDATE = new RegExp(`(?<![\\w.,/-])${AGE_NUM}(?![\\d.]\\d)`, 'g');
const AGE_WORDS =
  /\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one\s+)?hundred(?:\s+and)?(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?)[- ](?:years?[- ]old|yo|y\/o)\b/gi;

// "in her 90s", "a nonagenarian", "her 100th birthday": an age over 89 without a number of years.
const AGE_OTHER =
  /\b(?:(?:in\s+(?:his|her|their)\s+)(?:early\s+|mid\s+|mid-|late\s+)?(?:90|9\d0)'?s|(?:nonagen|centen|supercenten)arians?|(?:9\d|1[0-2]\d)(?:st|nd|rd|th)\s+(?:birthday|bday|b-day))\b/gi;

const AMBIGUOUS_MONTH = /^(?:may|mar|dec|MAY|MAR|DEC)$/;

function validMD(a: number, b: number): boolean {
  return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
}

export function dateRules(text: string, out: Candidate[], currentYear: number): void {
  const first = out.length;
  findDates(text, out, currentYear);
  for (let i = first; i < out.length; i++) {
    const c = out[i] as Candidate;
    if (c.kind !== 'date') continue;
    // A list or range of dates: the next one needs no cue of its own. A bare day follows a month only.
    let end = c.end;
    for (let k = 0; k < 3; k++) {
      const more = MORE_DATES.exec(text.slice(end, end + 20));
      if (!more || (more[3] && !/[a-z]\s*\d{1,2}(?:st|nd|rd|th)?$/i.test(text.slice(c.start, end)))) break;
      if (more[3] && Number(more[3]) < Number(/(\d{1,2})(?:st|nd|rd|th)?$/.exec(text.slice(c.start, end))?.[1] ?? 99))
        break;
      if (NOT_DATE_AFTER.test(text.slice(end + more[0].length, end + more[0].length + 10))) break;
      end += more[0].length;
    }
    c.end = end;
    const day = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, c.start - 12), c.start));
    if (day) c.start -= day[0].length;
  }
}

function findDates(text: string, out: Candidate[], currentYear: number): void {
  for (const m of allMatches(NUM3, text)) {
    const a = Number(m[1] ?? '');
    const b = Number(m[3] ?? '');
    if (!validMD(a, b)) continue;
    // Dotted short forms (1.2.25) read as versions or decimals: a 4-digit year, or a date word before.
    if (
      (m[2] ?? '') === '.' &&
      (m[4] ?? '').length !== 4 &&
      !SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index))
    )
      continue;
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(ISO, text)) {
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(MONTH_FIRST, text)) {
    // "MAR" in capitals is the medication record, "may"/"dec" are words: need a year or ordinal.
    // "dec. 19" (an abbreviation's period) or a date word before ("d/c may 24") settles it too.
    const strong =
      /\d{4}|\d(?:st|nd|rd|th)|^[a-z]{3}\.\s/i.test(m[0] ?? '') ||
      SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (!strong && AMBIGUOUS_MONTH.test(m[1] ?? '') && (m[1] ?? '') !== 'May' && (m[1] ?? '') !== 'Mar') continue;
    if (!strong && NOT_DATE_AFTER.test(text.slice(m.index + (m[0] ?? '').length, m.index + (m[0] ?? '').length + 10)))
      continue;
    // "SEP-1" is a CMS measure: a month and a day joined by a hyphen need a year.
    if (!/\d{4}/.test(m[0] ?? '') && /^[A-Z]+\.?-/.test(m[0] ?? '')) continue;
    const end = m.index + (m[0] ?? '').length;
    const yy = m[2] && !/\d{4}|'/.test(m[0] ?? '') && SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index));
    const year = yy ? TWO_DIGIT_YEAR_AFTER.exec(text.slice(end, end + 8)) : null;
    out.push({ start: m.index, end: end + (year ? year[0].length : 0), kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(DAY_FIRST, text)) {
    // "20-may", "22nd of may": a hyphen or an ordinal makes the month a month.
    const strong =
      /\d{4}|^\d{1,2}(?:st|nd|rd|th)|^\d{1,2}-[a-z]/i.test(m[0] ?? '') ||
      SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (!strong && AMBIGUOUS_MONTH.test(m[2] ?? '') && (m[2] ?? '') !== 'May' && (m[2] ?? '') !== 'Mar') continue;
    const end = m.index + (m[0] ?? '').length;
    const yy = /[a-z.]$/i.test(m[0] ?? '') && SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index));
    const year = yy ? TWO_DIGIT_YEAR_AFTER.exec(text.slice(end, end + 8)) : null;
    out.push({ start: m.index, end: end + (year ? year[0].length : 0), kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(MONTH_YEAR, text)) {
    if (NOT_DATE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    // "dilute 1/2000", "1/1000 dilution" are ratios.
    if (/dilut|titer|titre|ratio/i.test(text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12))) continue;
    // "ext 7-1971" is a telephone extension; "exp 12/2026" a product's expiry, not a patient's date.
    if (
      /(?:\bext\.?|\bx|\bextension|#|\bexp\.?|\bexpir\w*|\bexpires|\bbest\s+by|\buse\s+by)\s*:?\s*$/i.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of SPACED_GATE.test(text) ? allMatches(NUM3_SPACED, text) : []) {
    if (!validMD(Number(m[1]), Number(m[4]))) continue;
    if (!m[2] && !m[3] && !SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(YMD_SHORT, text)) {
    if (!SHORT_CUE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', priority: P_CONTEXT });
  }
  for (const m of allMatches(SHORT_PADDED, text)) {
    if (NOT_DATE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', priority: P_CONTEXT });
  }
  for (const m of allMatches(SHORT, text)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (!SHORT_CUE.test(before)) continue;
    if (NOT_DATE_AFTER.test(text.slice(m.index + (m[0] ?? '').length, m.index + (m[0] ?? '').length + 10))) continue;
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'date', priority: P_CONTEXT });
  }
  // Both need a four-digit year and, for the odd month forms, a letter touching a digit or a dot.
  if (/(?:18|19|20)\d\d/.test(text)) {
    if (/[a-z]\d|\d\.[a-z]|\d\d[\s/-][a-z]/i.test(text))
      for (const m of allMatches(MONTH_ODD, text))
        out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', priority: P_FORMAT });
    for (const m of allMatches(HOLIDAY_YEAR, text))
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of SPELT_GATE.test(text) ? allMatches(SPELT_DAY, text) : []) {
    // "you may first try", "march second floor": a month that is also a word needs its capital or "the".
    const month = m[1] ?? m[2] ?? '';
    if (/^(?:may|march)$/.test(month) && !/\bthe\s/i.test(m[0])) continue;
    const the = /^the\s+/i.exec(m[0])?.[0].length ?? 0;
    out.push({ start: m.index + the, end: m.index + m[0].length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(DMY_COMPACT, text)) {
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'date', priority: P_FORMAT });
  }
  for (const m of allMatches(COMPACT, text)) {
    const v = m[1] ?? '';
    if (!compactDate(v)) continue;
    const start = m.index + (m[0] ?? '').length - v.length;
    out.push({ start, end: start + v.length, kind: 'date', priority: P_LABELLED });
  }
  for (const m of allMatches(COMPACT_AFTER_NAME, text)) {
    const v = m[1] ?? '';
    if (!compactDate(v)) continue;
    const start = m.index + (m[0] ?? '').lastIndexOf(v);
    out.push({ start, end: start + v.length, kind: 'date', priority: P_LABELLED });
  }
  for (const m of allMatches(BIRTH_YEAR, text)) {
    const y = Number(m[1] ?? '');
    if (currentYear - y < 90 || currentYear - y > 130) continue;
    const start = m.index + (m[0] ?? '').length - (m[1] ?? '').length;
    out.push({ start, end: start + 4, kind: 'date', priority: P_LABELLED });
  }
}

export function ageRules(text: string, out: Candidate[]): void {
  for (const m of allMatches(AGE_CANDIDATE, text)) {
    const n = Number(m[1] ?? '');
    if (n < 90 || n > 125) continue;
    const endNum = m.index + (m[0] ?? '').length;
    const after = text.slice(endNum, endNum + 24);
    // "nogueira 108 f sbo", "| 96 f |": a lone sex letter closing the age, unless a temperature ("temp 99 f").
    const sexLetter =
      /^\s[mf]\b(?=\s*(?:$|[|,;)\n/]|\s+-\s|\s+[a-z]{2,}))/.exec(after) &&
      !/\b(?:t|temp|tmax|tmp|temperature|febrile|fever|afebrile|°)\s*:?\s*$/i.test(
        text.slice(Math.max(0, m.index - 14), m.index),
      )
        ? /^\s[mf]/.exec(after)
        : null;
    const unit = AGE_UNIT.exec(after) ?? AGE_SEX.exec(after) ?? sexLetter;
    if (unit) {
      out.push({ start: m.index, end: endNum + (unit[0] ?? '').length, kind: 'age', priority: P_LABELLED });
      continue;
    }
    if (NUM_AFTER_AGE_BAD.test(after)) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    // "pt, 93, with CHF": the age set off by commas right after the patient.
    if (AGE_LABEL.test(before) || (/\b(?:pt|patient|resident|client)\s*,\s*$/i.test(before) && /^\s*,/.test(after))) {
      out.push({ start: m.index, end: endNum, kind: 'age', priority: P_CONTEXT });
    }
  }
  for (const m of allMatches(AGE_OTHER, text)) {
    const v = m[0].replace(/^in\s+(?:his|her|their)\s+/i, '');
    const start = m.index + m[0].length - v.length;
    out.push({ start, end: start + v.length, kind: 'age', priority: P_CONTEXT });
  }
  for (const m of allMatches(AGE_WORDS, text)) {
    out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'age', priority: P_LABELLED });
  }
}
