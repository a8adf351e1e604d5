/**
 * De-identification of the active tab's URL.
 *
 * The extension reports *which screen* a clinician was on, never *whose*
 * record. Everything here runs in the browser before any data leaves it, so
 * the rules fail closed: when a path segment or query value might identify a
 * person it becomes `:id` (segments) or is dropped (query parameters).
 *
 * Decisions:
 * - Output is lower-case. Host names are case-insensitive anyway, and EHR web
 *   servers (IIS, WebSphere) commonly serve `/MedRec` and `/medrec` as the
 *   same screen, so lower-casing keeps grouping stable. Capitalisation is also
 *   a weak "proper name" hint we have no reason to carry.
 * - Host is `hostname[:port]`. `URL` already drops default ports (80/443), so
 *   a port is kept only when non-default: it distinguishes e.g. PRD vs TST
 *   instances of the same system. Credentials and fragments are dropped.
 * - IP-literal hosts are kept as-is (including private/loopback ranges): a
 *   host is the system the clinician is using (often an on-prem EHR or PACS
 *   reached by IP), not the patient, and it is what tips are grouped by.
 * - Non-web (`chrome:`, `file:`, `about:`, `data:`, extension pages) and
 *   unparsable URLs: `tryDeidentifyUrl` returns null, `deidentifyUrl` throws.
 *   The error message never contains the URL itself, since it may hold PHI.
 */
import { FILE_EXTENSIONS, ROUTE_VOCAB, SCREEN_QUERY_KEYS, SUBJECT_SEGMENTS } from './context-vocab';

export const ID_PLACEHOLDER = ':id';

export interface Screen {
  host: string;
  path: string;
}

/** Marks a path cut short by the caps below. */
const TRUNCATED = '…';
const MAX_SEGMENTS = 12;
const MAX_PATH_CHARS = 200;
const MAX_SINGLE_WORD = 30;
const MAX_QUERY_VALUE = 40;

/** Placeholder base for parsing bare paths; never emitted. */
const PATH_BASE = 'https://path.invalid';

/**
 * Digits are allowed only in these shapes (API/FHIR versions, e.g. `v2`,
 * `r4`). Any other digit means ids, MRNs, FINs, dates, UUIDs, hex or
 * base64 tokens — so one rule covers all of them.
 */
const VERSION_WORD = /^(v\d{1,2}(\.\d{1,2})?|r\d|stu\d|dstu\d|hl7|oauth2|saml2)$/i;

/** Characters a kept segment may contain. Anything else (`@ = ; , ' % ~ /`…) → `:id`. */
const SAFE_SEGMENT = /^[A-Za-z0-9._ -]+$/;

/** Splits a slug into words: `order-entry`, `smith_john`, `doe.jane`, `results review`. */
const WORD_SEPARATORS = /[-_. ]+/;

/** `MedRec` → `Med`, `Rec`; `SBARNote` → `SBAR`, `Note`. */
function splitCamelCase(word: string): string[] {
  return word.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [word];
}

function isRouteWord(word: string): boolean {
  if (VERSION_WORD.test(word)) return true;
  if (ROUTE_VOCAB.has(word.toLowerCase())) return true;
  // `MedRec`, `OrderEntry`: accept when every camel-case part is a route word.
  const parts = splitCamelCase(word);
  return parts.length > 1 && parts.every((p) => ROUTE_VOCAB.has(p.toLowerCase()));
}

/**
 * Random tokens without digits still look random: many upper-case letters
 * scattered through a long word (`aGVsbG9Xb3Js`), unlike camel case
 * (`MedicationReconciliation`) or all-caps acronyms.
 */
function looksLikeToken(word: string): boolean {
  if (word.length < 12) return false;
  const upper = word.replace(/[^A-Z]/g, '').length;
  return upper / word.length >= 0.3 && upper < word.length;
}

/** Strips a known file extension so `Login.aspx` classifies as `Login`. */
function stripExtension(segment: string): string {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0) return segment;
  const ext = segment.slice(dot + 1).toLowerCase();
  return FILE_EXTENSIONS.has(ext) ? segment.slice(0, dot) : segment;
}

/**
 * True when a decoded path segment might identify a person or record.
 *
 * Kept: a single plain word (letters only, ≤ 30 chars, not token-like), or a
 * slug whose every word is route vocabulary (`order-entry`, `MedRec`), or an
 * API version (`v2`). Everything else is identifying: any digit (ids, MRNs,
 * dates, UUIDs, hex, JWTs), `@`/`=`/`;`/`,` and other punctuation (emails,
 * matrix params, `Whitfield,John`), and name-like slugs (`john-smith`).
 */
export function looksIdentifying(segment: string): boolean {
  if (segment === ID_PLACEHOLDER) return true;
  if (!SAFE_SEGMENT.test(segment)) return true;
  const words = stripExtension(segment).split(WORD_SEPARATORS).filter(Boolean);
  const [word] = words;
  if (word === undefined) return true;
  if (words.length === 1) {
    if (isRouteWord(word)) return false;
    return !/^[A-Za-z]+$/.test(word) || word.length > MAX_SINGLE_WORD || looksLikeToken(word);
  }
  // Multi-word slugs are where names hide (`john-whitfield`, `doe.jane`), so
  // only slugs built entirely from route vocabulary survive.
  return !words.every(isRouteWord);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Encodes a kept (already safe, lower-cased) segment or value for output. */
function encode(text: string): string {
  return encodeURIComponent(text);
}

function deidentifySegments(pathname: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    const decoded = safeDecode(raw);
    let kept: string | null = null;
    if (decoded === TRUNCATED) {
      kept = TRUNCATED; // our own marker: keeps deidentifyPath idempotent
    } else if (decoded !== null && !looksIdentifying(decoded)) {
      const lower = decoded.toLowerCase();
      // After a subject segment (`/patients/…`) the next segment is a key,
      // even a plain word like a surname — unless it names a screen.
      const isSubjectKey = SUBJECT_SEGMENTS.has(previous) && !isRouteWord(decoded);
      kept = isSubjectKey ? null : lower;
    }
    out.push(kept === null ? ID_PLACEHOLDER : kept);
    previous = kept ?? ID_PLACEHOLDER;
  }
  return out;
}

/** Applies the segment and length caps, marking cuts with `/…`. */
function capSegments(segments: string[]): string {
  let parts = segments.slice(0, MAX_SEGMENTS);
  let truncated = segments.length > MAX_SEGMENTS;
  const render = () => `/${parts.map((p) => (p === TRUNCATED || p === ID_PLACEHOLDER ? p : encode(p))).join('/')}`;
  while (render().length + (truncated ? 2 : 0) > MAX_PATH_CHARS && parts.length > 0) {
    parts = parts.slice(0, -1);
    truncated = true;
  }
  if (parts[parts.length - 1] === TRUNCATED) truncated = false; // already marked
  if (truncated) parts = [...parts, TRUNCATED];
  return parts.length === 0 ? '/' : render();
}

/**
 * Keeps only screen-naming query parameters (`tab`, `view`, …) whose value is
 * made of route words. Free-text values (names, ids, dates) are dropped
 * outright rather than masked: unlike path segments, a masked query adds no
 * structure worth grouping by.
 */
function deidentifyQuery(params: URLSearchParams): string {
  const kept = new Map<string, string>();
  params.forEach((rawValue, rawKey) => {
    const key = rawKey.toLowerCase();
    if (!SCREEN_QUERY_KEYS.has(key) || kept.has(key)) return;
    const value = rawValue.trim().replace(/\s+/g, ' ');
    if (value.length === 0 || value.length > MAX_QUERY_VALUE) return;
    if (!/^[A-Za-z _-]+$/.test(value)) return;
    const words = value.split(WORD_SEPARATORS).filter(Boolean);
    if (words.length === 0 || !words.every(isRouteWord)) return;
    kept.set(key, value.toLowerCase());
  });
  const pairs = [...kept].sort(([a], [b]) => (a < b ? -1 : 1));
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&')}`;
}

function deidentifyParsed(url: URL): string {
  return capSegments(deidentifySegments(url.pathname)) + deidentifyQuery(url.searchParams);
}

/**
 * De-identifies a path (optionally with `?query` and `#fragment`).
 * Idempotent, so it also normalises already de-identified paths.
 */
export function deidentifyPath(path: string): string {
  const rooted = path.startsWith('/') ? path : `/${path}`;
  try {
    // Concatenate rather than resolve: `//host/x` must stay a path, not a new host.
    return deidentifyParsed(new URL(PATH_BASE + rooted));
  } catch {
    return `/${ID_PLACEHOLDER}`;
  }
}

/** De-identified `{host, path}`, or null for invalid or non-http(s) URLs. */
export function tryDeidentifyUrl(url: string): Screen | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  const host = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  return { host: host.toLowerCase(), path: deidentifyParsed(parsed) };
}

/** Like `tryDeidentifyUrl`, but throws for invalid or non-http(s) URLs. */
export function deidentifyUrl(url: string): Screen {
  const screen = tryDeidentifyUrl(url);
  if (screen === null) {
    // Deliberately omit the URL: it may itself carry identifiers.
    throw new Error('deidentifyUrl: only valid http(s) URLs can be de-identified');
  }
  return screen;
}

/** Grouping key for a screen: `host` + `path`. */
export function screenKey(screen: Screen): string {
  return `${screen.host}${screen.path}`;
}

/**
 * Whether a tip's screen path matches the current one. Both sides are
 * normalised first, so every identifier becomes `:id` and `:id` segments
 * match each other (`/patients/123/chart` ≡ `/patients/:id/chart`).
 */
export function matchScreen(candidatePath: string, currentPath: string): boolean {
  return deidentifyPath(candidatePath) === deidentifyPath(currentPath);
}
