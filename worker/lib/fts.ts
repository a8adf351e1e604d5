const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 40;

/**
 * Turns what a person typed into an FTS5 expression that cannot be a syntax error: the words are
 * taken out (letters and digits only), each quoted as a literal term, joined with OR so ranking
 * decides; the last word is a prefix for search-as-you-type. FTS operators a user types (`"`, `*`,
 * `NEAR`, `AND`, `-`, `:`) become plain words or nothing. Redaction markers ([NAME]) are dropped.
 * Returns null when nothing searchable is left.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .replace(/\[[A-Z_]+\]/g, ' ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const terms = [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
  const last = words[words.length - 1];
  return terms.map((t) => (t === last && t.length >= 3 ? `"${t}" *` : `"${t}"`)).join(' OR ');
}
