// A mentor's claim on a question expires on its own: it holds while it was made after the cutoff
// (now less the claim expiry setting). The rule in its two forms, SQL and a row already read.

/** An unexpired claim, in SQL, over questions `q`; ?4 is the cutoff every queue statement binds. */
export const ACTIVE_CLAIM = 'q.claimed_by IS NOT NULL AND q.claimed_at > ?4';

/** Claims made at or before this instant have expired. */
export function claimCutoff(at: number, claimExpiryMinutes: number): number {
  return at - claimExpiryMinutes * 60_000;
}

/** The same rule for a row already read. */
export function claimIsActive(row: { claimed_by: string | null; claimed_at: number | null }, cutoff: number): boolean {
  return row.claimed_by !== null && (row.claimed_at ?? 0) > cutoff;
}
