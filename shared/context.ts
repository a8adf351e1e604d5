/**
 * De-identification of the active tab's URL, by allowlist.
 *
 * The extension reports *which screen* a clinician was on, never *whose* record. Everything here
 * runs in the browser before any data leaves it, and again on the server, which refuses anything
 * it would change. The rule fails closed: a path segment is kept only when it is made of screen
 * words (./context-vocab.ts, or words an admin used in a screen of that system); every other
 * segment becomes `:id`, and every query parameter but a screen-naming key with a screen-word
 * value is dropped.
 *
 * Decisions:
 * - The decision is a function of the lower-cased, percent-decoded segment alone, so the
 *   browser (which sees `MedRec`) and the server (which sees the `medrec` it stored) always
 *   agree. Joined words (`orderentry`, `getpatientinfo`) are split against the vocabulary.
 * - Output is lower case. EHR web servers (IIS, WebSphere) serve `/MedRec` and `/medrec` as the
 *   same screen, so grouping stays stable, and capitalisation is a "proper name" hint we have no
 *   reason to carry.
 * - Host is `hostname[:port]`: `URL` lower-cases it, turns IDN into punycode and drops default
 *   ports; a non-default port tells PRD from TST. Credentials are dropped. IP-literal hosts are
 *   kept: a host is the system the clinician uses, not the patient.
 * - A fragment is dropped unless it is an SPA route (`#/…` or `#!/…`), whose segments go through
 *   the same rule (its own `?query` is dropped): hash-routed EHRs (eClinicalWorks, Practice
 *   Fusion) carry the screen there and nowhere else. It is written back as `#/…` after the query.
 * - Non-web (`chrome:`, `file:`, `about:`, `data:`, extension pages) and unparsable URLs:
 *   `tryDeidentifyUrl` returns null, `deidentifyUrl` throws. The error message never contains
 *   the URL itself, since it may hold PHI.
 */
import {
  COMPOUND_PARTS,
  FILE_EXTENSIONS,
  FUNCTION_WORDS,
  NAME_LIKE,
  ROUTE_VOCAB,
  SCREEN_QUERY_KEYS,
  SUBJECT_SEGMENTS,
} from './context-vocab';

export const ID_PLACEHOLDER = ':id';

export interface Screen {
  host: string;
  path: string;
}

/**
 * Lower-case segments and query values an admin used in the screens of one system: kept on that
 * system's host as if they were vocabulary (`screenAllowlist`).
 */
export type ScreenWords = ReadonlySet<string>;
const NO_WORDS: ScreenWords = new Set();

/** Marks a path cut short by the caps below. */
const TRUNCATED = '…';
const ROUTE_MARK = '#';
const MAX_SEGMENTS = 12;
const MAX_PATH_CHARS = 200;
/** Screen.path's own limit: query pairs that would pass it are dropped. */
const MAX_TOTAL_CHARS = 300;
const MAX_SEGMENT_CHARS = 64;
const MAX_QUERY_VALUE = 40;

/** Placeholder base for parsing bare paths; never emitted. */
const PATH_BASE = 'https://path.invalid';

/**
 * Digits are allowed only in these words (API/FHIR versions). Any other digit means ids, MRNs,
 * FINs, dates, UUIDs, hex or base64 — so one rule covers all of them.
 */
const VERSION_WORD = /^(v\d{1,2}|r\d|stu\d|dstu\d|hl7|oauth2|saml2)$/;

/** What a kept segment may contain once decoded and lower-cased; `; , @ = % ' ~`, non-ASCII → `:id`. */
const SAFE_SEGMENT = /^[a-z0-9._ +-]+$/;
const SAFE_QUERY_VALUE = /^[a-z _-]+$/;
const WORD_SEPARATORS = /[-_. +]+/;

/** Whether `word` is two or more vocabulary words joined (`orderentry`, `getpatientinfo`). */
function isJoined(word: string): boolean {
  // parts[i]: the most vocabulary parts word.slice(0, i) splits into (undefined: no split).
  const parts: number[] = [0];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 30); start < end; start++) {
      const before = parts[start];
      if (before === undefined || !COMPOUND_PARTS.has(word.slice(start, end))) continue;
      parts[end] = Math.max(parts[end] ?? 0, before + 1);
    }
  }
  return (parts[word.length] ?? 0) >= 2;
}

function isScreenWord(word: string): boolean {
  return VERSION_WORD.test(word) || ROUTE_VOCAB.has(word) || isJoined(word);
}

/** `patient_chart.esp` → `patient_chart`; only known extensions, so `doe.jane` stays whole. */
function stem(segment: string): string {
  const dot = segment.lastIndexOf('.');
  return dot > 0 && FILE_EXTENSIONS.has(segment.slice(dot + 1)) ? segment.slice(0, dot) : segment;
}

/** Whether a lower-case slug names a screen: every word a screen word, not only function words. */
function namesScreen(slug: string): boolean {
  const words = slug.split(WORD_SEPARATORS).filter(Boolean);
  return words.length > 0 && words.every(isScreenWord) && words.some((w) => !FUNCTION_WORDS.has(w));
}

/** After a subject segment only a single listed word (`/patients/search`) is kept. */
function isPlainScreenWord(slug: string): boolean {
  return VERSION_WORD.test(slug) || (ROUTE_VOCAB.has(slug) && !FUNCTION_WORDS.has(slug));
}

/**
 * Whether a lower-case, decoded segment is kept.
 * @param afterSubject the previous kept segment names a subject (`patients`, `encounter`…)
 */
function keepsSegment(segment: string, afterSubject: boolean, words: ScreenWords): boolean {
  if (segment.length > MAX_SEGMENT_CHARS || !SAFE_SEGMENT.test(segment)) return false;
  if (afterSubject) return isPlainScreenWord(stem(segment));
  return words.has(segment) || namesScreen(stem(segment));
}

/**
 * True when a path segment (taken alone, not after a subject segment) would become `:id`.
 * Kept: slugs of screen words (`order-entry`, `MedRec`, `Login.aspx`, `v2`) and `words`.
 */
export function looksIdentifying(segment: string, words: ScreenWords = NO_WORDS): boolean {
  if (segment === ID_PLACEHOLDER) return true;
  return !keepsSegment(segment.toLowerCase(), false, words);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Raw (still encoded) segments → kept lower-case segments, `:id` or the truncation marker. */
function deidentifySegments(raw: readonly string[], words: ScreenWords): string[] {
  const out: string[] = [];
  let previous = '';
  for (const part of raw) {
    if (part === '') continue;
    const decoded = safeDecode(part)?.toLowerCase() ?? null;
    let kept: string | null = null;
    if (decoded === TRUNCATED)
      kept = TRUNCATED; // our own marker: keeps the output a fixed point
    else if (decoded !== null && keepsSegment(decoded, SUBJECT_SEGMENTS.has(previous), words)) kept = decoded;
    out.push(kept ?? ID_PLACEHOLDER);
    previous = kept ?? ID_PLACEHOLDER;
  }
  return out;
}

/** The SPA route in a fragment (`#/a/b?x` or `#!/a/b` → `/a/b`), or null for any other fragment. */
function routeOf(hash: string): string | null {
  const match = /^#!?(\/[^?]*)/.exec(hash);
  return match?.[1] ?? null;
}

const render = (parts: readonly string[]) =>
  parts.map((p) => (p === TRUNCATED || p === ID_PLACEHOLDER ? p : encodeURIComponent(p))).join('/');

/**
 * Path and route segments under the caps (12 segments, 200 characters), a cut marked with `…`,
 * rendered as `/a/b` or `/a/b#/c/d`.
 */
function capSegments(path: string[], route: string[]): string {
  let parts = route.length > 0 ? [...path, ROUTE_MARK, ...route] : [...path];
  const count = () => parts.filter((p) => p !== ROUTE_MARK).length;
  const draw = () => {
    const mark = parts.indexOf(ROUTE_MARK);
    if (mark < 0) return `/${render(parts)}`;
    return `/${render(parts.slice(0, mark))}#/${render(parts.slice(mark + 1))}`;
  };
  let truncated = false;
  const cut = () => {
    parts = parts.slice(0, -1);
    if (parts[parts.length - 1] === ROUTE_MARK) parts = parts.slice(0, -1);
    truncated = true;
  };
  while (count() > MAX_SEGMENTS) cut();
  while (count() > 0 && draw().length + (truncated ? 2 : 0) > MAX_PATH_CHARS) cut();
  if (parts[parts.length - 1] === TRUNCATED) truncated = false; // already marked
  if (truncated) parts = [...parts, TRUNCATED];
  if (parts.length === 0) return '/';
  return draw();
}

/** A screen query value kept as it is, lower case: screen words or an admin's value, ≤ 40 chars. */
function screenValue(raw: string, words: ScreenWords): string | null {
  const value = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (value.length === 0 || value.length > MAX_QUERY_VALUE || !SAFE_QUERY_VALUE.test(value)) return null;
  return words.has(value) || namesScreen(value) ? value : null;
}

/**
 * Keeps only screen-naming query parameters (`tab`, `view`, `mode`…) whose value names a screen.
 * Others (names, ids, dates, tokens) are dropped outright rather than masked: unlike path
 * segments, a masked query adds no structure worth grouping by.
 */
function screenQuery(params: URLSearchParams, words: ScreenWords): [string, string][] {
  const kept = new Map<string, string>();
  params.forEach((rawValue, rawKey) => {
    const key = rawKey.toLowerCase();
    if (!SCREEN_QUERY_KEYS.has(key) || kept.has(key)) return;
    const value = screenValue(rawValue, words);
    if (value !== null) kept.set(key, value);
  });
  return [...kept].sort(([a], [b]) => (a < b ? -1 : 1));
}

function deidentifyParsed(url: URL, words: ScreenWords): string {
  const route = routeOf(url.hash);
  const segments = capSegments(
    deidentifySegments(url.pathname.split('/'), words),
    route === null ? [] : deidentifySegments(route.split('/'), words),
  );
  const [path, fragment] = segments.split(ROUTE_MARK, 2) as [string, string | undefined];
  const suffix = fragment === undefined ? '' : `${ROUTE_MARK}${fragment}`;
  let pairs = screenQuery(url.searchParams, words);
  const withQuery = () =>
    `${path}${pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`}${suffix}`;
  while (pairs.length > 0 && withQuery().length > MAX_TOTAL_CHARS) pairs = pairs.slice(0, -1);
  return withQuery();
}

/**
 * De-identifies a path (optionally with `?query` and `#fragment`). Idempotent, so it also
 * normalises already de-identified paths.
 */
export function deidentifyPath(path: string, words: ScreenWords = NO_WORDS): string {
  const rooted = path.startsWith('/') ? path : `/${path}`;
  try {
    // Concatenate rather than resolve: `//host/x` must stay a path, not a new host.
    return deidentifyParsed(new URL(PATH_BASE + rooted), words);
  } catch {
    return `/${ID_PLACEHOLDER}`;
  }
}

/** De-identified `{host, path}`, or null for invalid or non-http(s) URLs. */
export function tryDeidentifyUrl(url: string, words: ScreenWords = NO_WORDS): Screen | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  const host = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  return { host: host.toLowerCase(), path: deidentifyParsed(parsed, words) };
}

/** Like `tryDeidentifyUrl`, but throws for invalid or non-http(s) URLs. */
export function deidentifyUrl(url: string, words: ScreenWords = NO_WORDS): Screen {
  const screen = tryDeidentifyUrl(url, words);
  if (screen === null) {
    // Deliberately omit the URL: it may itself carry identifiers.
    throw new Error('deidentifyUrl: only valid http(s) URLs can be de-identified');
  }
  return screen;
}

/**
 * Whether an admin's segment could be a screen word: letters (and version words) only, with at
 * least one word that is neither a function word nor name-like (`ward` alone never passes).
 */
function isWordLike(segment: string): boolean {
  if (segment.length > MAX_SEGMENT_CHARS || !SAFE_SEGMENT.test(segment)) return false;
  const words = stem(segment).split(WORD_SEPARATORS).filter(Boolean);
  return (
    words.length > 0 &&
    words.every((w) => /^[a-z]+$/.test(w) || VERSION_WORD.test(w)) &&
    words.some((w) => !FUNCTION_WORDS.has(w) && !NAME_LIKE.has(w))
  );
}

/**
 * The segments and screen query values of admins' path templates (`/emr/flowboard/:id`) that may
 * be kept beside the vocabulary. Only word-like ones count (no digits, not a lone name-like
 * word), and never one after a subject segment, so a template cannot make a name or an id pass.
 */
export function adminSegments(templates: readonly string[]): ScreenWords {
  const out = new Set<string>();
  const add = (raw: readonly string[]) => {
    let previous = '';
    for (const part of raw) {
      if (part === '') continue;
      const decoded = safeDecode(part)?.toLowerCase() ?? ID_PLACEHOLDER;
      if (!SUBJECT_SEGMENTS.has(previous) && isWordLike(decoded)) out.add(decoded);
      previous = decoded;
    }
  };
  for (const template of templates) {
    let url: URL;
    try {
      url = new URL(PATH_BASE + (template.startsWith('/') ? template : `/${template}`));
    } catch {
      continue;
    }
    add(url.pathname.split('/'));
    add(routeOf(url.hash)?.split('/') ?? []);
    url.searchParams.forEach((value, key) => {
      const v = value.trim().toLowerCase();
      if (SCREEN_QUERY_KEYS.has(key.toLowerCase()) && SAFE_QUERY_VALUE.test(v) && isWordLike(v)) out.add(v);
    });
  }
  return out;
}

/** What the admins' screens allow on `host`: the same on the client (catalog) and the server (DB). */
export function screenAllowlist(
  systems: readonly { host: string; screens: readonly { pathTemplate: string }[] }[],
  host: string,
): ScreenWords {
  return adminSegments(systems.filter((s) => s.host === host).flatMap((s) => s.screens.map((x) => x.pathTemplate)));
}

/** Grouping key for a screen: `host` + `path`. */
export function screenKey(screen: Screen): string {
  return `${screen.host}${screen.path}`;
}

/**
 * Whether a tip's or hotspot's screen path matches the current one. Both sides are normalised
 * first, so every identifier becomes `:id` and `:id` segments match each other
 * (`/patients/123/chart` ≡ `/patients/:id/chart`). Both are normally de-identified already (the
 * server checked one, the extension captured the other), so the word-like segments they carry
 * are screen words an admin allowed: they are kept (`/emr/kanban` ≢ `/emr/zoneboard`) unless
 * `words` is given. Nothing here leaves the browser.
 */
export function matchScreen(candidatePath: string, currentPath: string, words?: ScreenWords): boolean {
  const allowed = words ?? adminSegments([candidatePath, currentPath]);
  return deidentifyPath(candidatePath, allowed) === deidentifyPath(currentPath, allowed);
}
