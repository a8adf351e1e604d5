import type { SessionRow } from './users';

/**
 * A token's session read, shared by the requests one isolate serves within a short window: a page
 * that opens with several requests, or a busy client, reads its session once. The window bounds how
 * long a revoked token, a deactivated account or a changed role can go unnoticed by an isolate that
 * did not make the change; the isolate that makes it forgets at once (the writers call `forgetSessions`).
 * Wall-clock time, not the app clock, so tests that move the app clock do not keep entries alive.
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 1_000;

const cache = new Map<string, { at: number; db: D1Database; session: Promise<SessionRow | null> }>();

export function cachedSession(
  db: D1Database,
  tokenHash: string,
  load: (db: D1Database, tokenHash: string) => Promise<SessionRow | null>,
): Promise<SessionRow | null> {
  const at = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && hit.db === db && at - hit.at < SESSION_CACHE_MS) return hit.session;
  const session = load(db, tokenHash);
  cache.delete(tokenHash);
  cache.set(tokenHash, { at, db, session });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  // A failed read is not shared.
  session.catch(() => {
    if (cache.get(tokenHash)?.session === session) cache.delete(tokenHash);
  });
  return session;
}

/** Called by every write to tokens, users or roles, before it runs. */
export function forgetSessions(): void {
  cache.clear();
}
