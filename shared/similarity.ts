/**
 * "Similar flags" while typing: a plain token-overlap score within one system. Good enough to
 * surface the obvious duplicate ("med rec times out" vs "medication reconciliation timed out");
 * it runs on already redacted text, and short common words never count.
 */
const STOP = new Set(
  'a an and are as at be but by can for from has have i in into is it its me my no not of on or our so the then there they this to too was we were when with you'.split(
    ' ',
  ),
);

/** Lower-case word stems (a crude 5-letter prefix) of 3+ letters, stop words dropped. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word)) continue;
    out.add(word.slice(0, 5));
  }
  return out;
}

/** Overlap coefficient: shared tokens over the smaller set, 0..1. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / Math.min(a.size, b.size);
}
