// E-mail, web links, IP addresses, phone and fax numbers: recognised by their
// shape, since they rarely carry a label and nothing else looks like them.

import { allMatches } from './matches';
import { type Candidate, P_FORMAT, P_LABELLED } from './types';

// Links and e-mail addresses swallow whatever numbers they contain ("?id=77812").
const P_WHOLE = P_LABELLED + 10;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g;

// Common top-level domains only: "4.5 g/dL" or "e.g./i.e." must never read as a link.
const TLD =
  '(?:com|org|net|edu|gov|mil|io|co|us|me|ly|gl|info|biz|app|health|care|page|site|link|online|uk|ca|au|de|fr|in|ie|nz|tv|fm)';
const URL_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/gi;
// A bare domain counts only with a path: "gofundme.com/f/…", not "epic.com".
// Personal pages on hosting services need no path: "asmunirahardian.blogspot.com".
const URL_HOSTED =
  /\b[a-z0-9][a-z0-9-]*\.(?:blogspot|wordpress|tumblr|substack|wixsite|weebly|github|carrd|squarespace|webflow|netlify|vercel)\.(?:com|io|co|app)\b(?:\/[^\s<>"'()[\]{}]*)?/gi;
const URL_BARE = new RegExp(`\\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+${TLD}\\/[^\\s<>"'()\\[\\]{}]*`, 'gi');

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'g');
const IPV6 = /(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;
const VERSION_BEFORE = /\b(?:v|ver|version|build|release|rev)\.?\s*$/i;

// 10-digit North American numbers in every common layout, with optional +1.
// Separators may carry spaces ("503 - 555 - 0142", "(503)-555-0142").
// Any digits: a made-up or mistyped number ("123-456-7890") is still written as one.
const PHONE10 =
  /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\s?\d{3}\s?\)|\d{3})(?:\s?[./-]\s?|\s)?\d{3}(?:\s?[.-]\s?|\s)?\d{4}(?!\d|-\d)/g;
// Local 7-digit number, always written with a separator (555-0142 / 555.0142).
const PHONE7 = /(?<![\w./-])[2-9]\d{2}[-.]\d{4}(?![\w-]|\.\d)/g;
// International: +44 20 7946 0958 and the like.
// Groups on one line: a number never runs on into the next line's house number.
const PHONE_INTL = /(?<![\w+])\+(?!1\b)\d{1,3}(?:[ \t.-]?\(?\d{1,5}\)?){2,5}(?!\d)/g;
// Dialled from the US or Europe: "011 44 7700 900123", "0049 30 12345678".
const PHONE_EXIT = /(?<![\w+.-])(?:00|011)[ \t.-]?[1-9]\d{0,2}(?:[ \t.-]?\(?\d{1,5}\)?){2,5}(?!\d)/g;
// A national number with its trunk 0 ("07700 900123", "020 7946 0958", "06 12 34 56 78") or a local
// number written with a space ("555 0142"): only after a word that announces a phone number.
const PHONE_NATIONAL = /(?<![\w+./-])0\d{1,4}(?:[ \t.-]?\d{2,4}){2,4}(?![\w-]|\.\d)/g;
const PHONE7_SPACE = /(?<![\w./-])[2-9]\d{2} \d{4}(?![\w-]|\.\d)/g;
// A country code written without its plus ("254-712-345-678", "251 911 234 567"): after a phone word only.
const PHONE_CC = /(?<![\w+./-])[1-9]\d{1,2}[ \t.-]\d{2,4}(?:[ \t.-]\d{2,4}){2,3}(?![\w-]|\.\d)/g;
const PHONE_CUE =
  /\b(?:phone|ph|tel|telephone|cell|cellphone|mobile|mob|home|work|call|calls|called|text|texts|whatsapp|signal|viber|reach|reached|contact|number|no|num|cb|callback|landline|fax|ring)\b[^\d\n]{0,14}$|#\s*:?\s*$/i;

// Internal extensions and ticket numbers are the hospital's, not the patient's.
const NOT_PHONE_BEFORE =
  /(?:\bext\.?|\bx|\bextension|\bticket|\binc|\breq|\bndc|\blot|(?<!\b(?:ph|phone|tel|cell|callback|cb|call\s+back|contact|home|mobile|mob|whatsapp|number|fax)\s?)#|\bpager|\bbeeper|\$)\s*:?\s*$/i;
// After a word that says "phone number", any run of 7–15 digits with the usual separators is one,
// however odd its grouping or slip of a finger: "ph 503 55 50 142", "call 503/555/0142", "503) 555-0142".
const PHONE_WORD =
  /\b(?:phone|ph|phn|tel|telephone|cell|cellphone|mobile|mob|fax|fx|cb|callback|call\s+back|contact|number|no|home|hm|work|wk|whatsapp|text|call|reach)\b\.?[ \t]*(?:#|no\.?|number|num)?[ \t]*(?:is|at|:|-|=)?[ \t]*/gi;
const DIGIT_RUN = /[+(]?\d[\d \t()./-]{5,24}\d(?![\w/-]|\.\d)/y;
const NOT_NUMBER_AFTER = /^\s*(?:mg|mcg|ml|units?|%|mmhg|bpm|kg|lbs?|cm|mm|min|hours?|hrs?|days?)\b/i;
// The patient's own extension after a number is part of it: "503-555-0142 ext. 214", "… x214".
const EXTENSION_AFTER = /^[ \t]*,?[ \t]*(?:ext\.?|extension|x)[ \t]*#?[ \t]*\d{1,6}(?![\w-])/i;
// A full ten-digit number written as a phone number is one after "#" or "pager" too ("mom's # 503-555-0142").
const NOT_PHONE10_BEFORE = /(?:\bext\.?|\bx|\bextension|\bticket|\binc|\breq|\bndc|\blot|\$)\s*[:#]?\s*$/i;
const PHONE10_SHAPE = /^(?:\+?1[\s.-]?)?(?:\(\s?\d{3}\s?\)|\d{3})\s?[\s./-]\s?\d{3}\s?[\s.-]\s?\d{4}$/;
const FAX_BEFORE = /(?:\bfax(?:ed)?|\bfx|\bfacsimile|\btelefax)\b[^\d\n]{0,22}$/i;
const FAX_BEFORE_STRICT = /\bf\s*:\s*$/i;

function trimUrl(s: string): string {
  return s.replace(/[.,;:!?]+$/, '');
}

function cuedPhones(text: string, out: Candidate[]): void {
  // The phone words are few in a note: find them, then read the digits right after each.
  for (const w of allMatches(PHONE_WORD, text)) {
    const at = w.index + w[0].length;
    DIGIT_RUN.lastIndex = at;
    const m = DIGIT_RUN.exec(text);
    if (!m || /[\w./-]/.test(text[at - 1] ?? ' ')) continue;
    const v = m[0].replace(/[\s(./-]+$/, '');
    const digits = v.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15 || NOT_NUMBER_AFTER.test(text.slice(at + v.length, at + v.length + 8))) continue;
    const before = text.slice(Math.max(0, at - 30), at);
    const kind = FAX_BEFORE.test(before) || FAX_BEFORE_STRICT.test(before) ? 'fax' : 'phone';
    out.push({ start: at, end: at + v.length, kind, priority: P_FORMAT - 1 });
  }
}

export function contactRules(text: string, out: Candidate[]): void {
  cuedPhones(text, out);
  for (const m of text.includes('@') ? allMatches(EMAIL, text) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'email', priority: P_WHOLE });
  }
  // Each link shape needs a dot and a known ending or a scheme: tested once before the slower patterns.
  const maybeLink = /[a-z0-9]\.[a-z]{2,}/i.test(text);
  for (const re of maybeLink ? [URL_SCHEME, URL_BARE, URL_HOSTED] : []) {
    for (const m of allMatches(re, text)) {
      // Skip the domain part of an e-mail address.
      if (m.index > 0 && text[m.index - 1] === '@') continue;
      const v = trimUrl(m[0]);
      out.push({ start: m.index, end: m.index + v.length, kind: 'url', priority: P_WHOLE });
    }
  }
  for (const m of allMatches(IPV4, text)) {
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'ip', priority: P_FORMAT });
  }
  for (const m of text.includes(':') && /[0-9a-f]:[0-9a-f]*:/i.test(text) ? allMatches(IPV6, text) : []) {
    const v = m[0];
    const colons = v.split(':').length - 1;
    // Clock times (10:15:30) have two colons and short groups; require a real IPv6 shape.
    if (colons < 3 || !/[0-9a-f]{3}/i.test(v) || (!v.includes('::') && colons !== 7)) continue;
    out.push({ start: m.index, end: m.index + v.length, kind: 'ip', priority: P_FORMAT });
  }
  for (const re of [PHONE10, PHONE7, PHONE_INTL, PHONE_EXIT, PHONE_NATIONAL, PHONE7_SPACE, PHONE_CC]) {
    for (const m of allMatches(re, text)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const v = m[0].replace(/[\s.-]+$/, '');
      const written = re === PHONE10 && PHONE10_SHAPE.test(v);
      if (written ? NOT_PHONE10_BEFORE.test(before) : NOT_PHONE_BEFORE.test(before)) continue;
      const digits = v.replace(/\D/g, '').length;
      if (re === PHONE_INTL && digits < 8) continue;
      if (re === PHONE_EXIT && (digits < 10 || digits > 17)) continue;
      if ((re === PHONE_NATIONAL || re === PHONE7_SPACE || re === PHONE_CC) && !PHONE_CUE.test(before)) continue;
      if (re === PHONE_CC && (digits < 11 || digits > 13)) continue;
      if (re === PHONE_NATIONAL && (digits < 9 || digits > 12)) continue;
      // "(402) 814-4487" inside extra parentheses: keep the number only.
      const kind = FAX_BEFORE.test(before) || FAX_BEFORE_STRICT.test(before) ? 'fax' : 'phone';
      const ext = EXTENSION_AFTER.exec(text.slice(m.index + v.length, m.index + v.length + 24));
      out.push({ start: m.index, end: m.index + v.length + (ext ? ext[0].length : 0), kind, priority: P_FORMAT });
    }
  }
}
