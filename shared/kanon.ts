/**
 * k-anonymity for aggregates below organisation level (per unit, unit × category, week × unit).
 * A cell with fewer than k distinct reporters is shown as "fewer than k", never as its numbers.
 * Anonymous flags in one cell count as one reporter together (the worst case: they may all be
 * one person), so several anonymous flags can never reach k on their own.
 */

/** The reporter key rollups use: a named reporter's user id, or one shared key for every anonymous flag. */
export const ANONYMOUS_REPORTER = 'anon';

export function reporterKey(userId: string | null): string {
  return userId === null ? ANONYMOUS_REPORTER : `u:${userId}`;
}

/** Distinct reporters in a cell, given the reporter keys of its flags (repeats allowed). */
export function distinctReporters(keys: Iterable<string | null>): number {
  return new Set([...keys].map((k) => (k === null ? ANONYMOUS_REPORTER : k))).size;
}

export function meetsK(reporters: number, k: number): boolean {
  return reporters >= k;
}

/**
 * A cell as the API shows it: its numbers when it has at least k reporters, otherwise only
 * `suppressed: true` with every number null (including the reporter count itself).
 */
export function suppress<T extends Record<string, number>>(
  cell: T,
  reporters: number,
  k: number,
): ({ suppressed: false; reporters: number } & T) | ({ suppressed: true; reporters: null } & { [K in keyof T]: null }) {
  if (meetsK(reporters, k)) return { ...cell, suppressed: false, reporters };
  const nulled = Object.fromEntries(Object.keys(cell).map((key) => [key, null])) as { [K in keyof T]: null };
  return { ...nulled, suppressed: true as const, reporters: null };
}
