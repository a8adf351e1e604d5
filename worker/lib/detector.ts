import type { Detector } from '../env';

export type { Detector } from '../env';

/** Whether any of `texts` holds an identifier, by the detector's Worker (`env.DETECTOR`). */
export async function anyIdentifiers(detector: Detector, texts: string[]): Promise<boolean> {
  if (texts.length === 0) return false;
  return (await detector.find(texts)).some((spans) => spans.length > 0);
}
