/**
 * "Similar flags" while typing: a plain token-overlap score within one system. Good enough to
 * surface the obvious duplicate ("med rec times out" vs a hotspot titled "Med rec timeout" on
 * `/medrec/reconcile`); it runs on already redacted text, and short common words never count.
 *
 * A draft is compared only with what every clinician on the system already sees of a hotspot — its
 * title and screen — never with anyone's flag text: otherwise a one-word draft tests whether that
 * word is in someone's flag.
 */
const STOP = new Set(
  'a an and are as at be but by can for from has have i in into is it its me my no not of on or our so the then there they this to too was we were when with you'.split(
    ' ',
  ),
);

/**
 * Fewer distinctive words than this and the draft is answered with nothing: it says too little to
 * be "similar" to anything, and short drafts are what probing is made of.
 */
export const SIMILAR_MIN_WORDS = 3;

/** A hotspot must share at least this share of the smaller word set with the draft. */
const SIMILAR_MIN = 0.34;

/** At most this many suggestions. */
export const SIMILAR_MAX = 5;

/** What redaction leaves in place of an identifier (`[NAME]`, `[DATE]`…): not a word of the draft. */
const REDACTED = /\[[A-Z_]+\]/g;

/** Lower-case word stems (a crude 5-letter prefix) of 3+ letters, stop words and redactions dropped. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text
    .replace(REDACTED, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word)) continue;
    out.add(word.slice(0, 5));
  }
  return out;
}

/** Whether a draft has enough distinctive words to be matched at all (the popup asks before sending). */
export const enoughWords = (draft: string) => tokens(draft).size >= SIMILAR_MIN_WORDS;

/** Overlap coefficient: shared tokens over the smaller set, 0..1. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

/** What is public about a hotspot: the lead's title, its screen's path and the screen's name. */
export interface PublicHotspotWords {
  id: string;
  title: string | null;
  path: string | null;
  screenName: string | null;
}

/**
 * The ids of the hotspots most like the draft, best first (ties by id, so the order depends on
 * nothing else). Empty for a draft with too few distinctive words.
 */
export function rankSimilar(draft: string, candidates: readonly PublicHotspotWords[]): string[] {
  const words = tokens(draft);
  if (words.size < SIMILAR_MIN_WORDS) return [];
  const scored: Array<{ id: string; score: number }> = [];
  for (const c of candidates) {
    const score = similarity(words, tokens([c.title, c.path, c.screenName].filter(Boolean).join(' ')));
    if (score >= SIMILAR_MIN) scored.push({ id: c.id, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, SIMILAR_MAX).map((s) => s.id);
}
