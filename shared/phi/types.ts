// Shared types for the identifier detector. Kept apart from shared/phi.ts so the
// rule files can import them without a cycle.

export const IDENTIFIER_KINDS = [
  'name',
  'date',
  'age',
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'account',
  'health_plan',
  'license',
  'vehicle',
  'device',
  'url',
  'ip',
  'address',
  'zip',
  'other_id',
] as const;

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface IdentifierSpan {
  start: number;
  end: number;
  kind: IdentifierKind;
}

/**
 * A rule's proposal. `priority` settles overlaps: a value found through its
 * label (MRN 123…) beats the same digits guessed from their shape (a phone).
 */
export interface Candidate extends IdentifierSpan {
  priority: number;
}

/** Priorities, highest wins an overlap (then the longer span). */
export const P_LABELLED = 40;
export const P_FORMAT = 30;
export const P_CONTEXT = 20;
export const P_GUESS = 10;
