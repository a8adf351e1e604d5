import type { IdentifierKind, IdentifierSpan } from '../../shared/phi/types';
import type { ConfirmedSpan } from '../../shared/text';
import { sha256Hex } from './ids';

/** The part of shared/phi.ts the popup uses (a stub in component tests). */
export interface Detector {
  findIdentifiers(text: string): IdentifierSpan[];
  redactIdentifiers(text: string, spans?: IdentifierSpan[]): string;
  KIND_LABELS: Record<IdentifierKind, string>;
}

/** Loaded on demand so the popup's first render stays small; the API runs the same check anyway. */
export async function loadDetector(): Promise<Detector | null> {
  try {
    return await import('../../shared/phi');
  } catch {
    return null;
  }
}

export interface FoundSpan extends IdentifierSpan {
  text: string;
}

export function findSpans(detector: Detector | null | undefined, text: string): FoundSpan[] {
  if (!detector || !text) return [];
  return detector.findIdentifiers(text).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/** "a name, a date (e.g. date of birth)": each kind once, in order of appearance. */
export function describeKinds(detector: Detector, spans: readonly { kind: IdentifierKind }[]): string {
  return [...new Set(spans.map((s) => detector.KIND_LABELS[s.kind]))].join(', ');
}

/** What travels when the user says "Send anyway": the kind and a hash, never the text. */
export async function confirmSpans(spans: readonly FoundSpan[]): Promise<ConfirmedSpan[]> {
  const unique = new Map<string, FoundSpan>();
  for (const s of spans) unique.set(`${s.kind}\u0000${s.text}`, s);
  const confirmed = await Promise.all(
    [...unique.values()].map(async (s) => ({ kind: s.kind, sha256: await sha256Hex(s.text) })),
  );
  return confirmed.slice(0, 50);
}
