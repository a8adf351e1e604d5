import type { IdentifierSpan } from '../../shared/phi/types';
import type { Detector } from '../env';

export type { Detector } from '../env';

/** Whether any of `texts` holds an identifier, by the detector's Worker (`env.DETECTOR`). */
export async function anyIdentifiers(detector: Detector, texts: string[]): Promise<boolean> {
  if (texts.length === 0) return false;
  return (await detector.find(texts)).some((spans) => spans.length > 0);
}

/**
 * A request's detector that asks the detector's Worker once, up front, about every text the request
 * is known to need checked (its free text and its screen's words), and answers later calls for those
 * texts from that one answer: each RPC is a round trip to another Worker, and a write's two checks
 * would otherwise cost two. A text not asked up front still goes to the Worker, so no check is skipped.
 */
export function askedOnce(detector: Detector, texts: readonly string[]): Detector {
  const unique = [...new Set(texts)];
  if (unique.length === 0) return detector;
  const answer = detector.find(unique).then((found) => new Map(unique.map((t, i) => [t, found[i] ?? []])));
  // A request refused before any check reads the answer must not leave a rejection unhandled.
  answer.catch(() => undefined);
  return {
    async find(wanted) {
      const known = await answer;
      const missing = wanted.filter((t) => !known.has(t));
      if (missing.length > 0) {
        const found = await detector.find(missing);
        for (const [i, t] of missing.entries()) known.set(t, found[i] ?? []);
      }
      return wanted.map((t) => known.get(t) ?? []);
    },
  };
}
