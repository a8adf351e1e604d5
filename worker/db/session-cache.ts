import { bindingOf } from './d1-session';

/**
 * A token's session read, shared by the requests one isolate serves within a short window: a page
 * that opens with several requests, or a busy client, reads its session once. The window bounds how
 * long a revoked token, a deactivated account or a changed role can go unnoticed by an isolate that
 * did not make the change; the isolate that makes it forgets at once: the writers call `forgetSessions`
 * before their write and again after it commits (a request that read the session meanwhile would
 * otherwise leave the old row cached). Writes batched by a route are followed by `sessionWrites`.
 * Wall-clock time, not the app clock, so tests that move the app clock do not keep entries alive.
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 1_000;

// Holds whatever row type its one caller loads: typed by that caller, so this file needs no import from users.ts.
const cache = new Map<string, { at: number; db: D1Database; session: Promise<unknown> }>();

export function cachedSession<Row>(
  db: D1Database,
  tokenHash: string,
  load: (db: D1Database, tokenHash: string) => Promise<Row | null>,
): Promise<Row | null> {
  const at = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && hit.db === bindingOf(db) && at - hit.at < SESSION_CACHE_MS) return hit.session as Promise<Row | null>;
  const session = load(db, tokenHash);
  cache.delete(tokenHash);
  cache.set(tokenHash, { at, db: bindingOf(db), session });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  // A failed read is not shared.
  session.catch(() => {
    if (cache.get(tokenHash)?.session === session) cache.delete(tokenHash);
  });
  return session;
}

/** Counts `forgetSessions` calls, so a request can tell whether it changed a session. */
let generation = 0;

/** Called by every write to tokens, users or roles, before it runs and once it has committed. */
export function forgetSessions(): void {
  generation += 1;
  cache.clear();
}

/**
 * Runs a request's work and, if it wrote to tokens, users or roles (a statement builder called
 * `forgetSessions`), clears the cache again once that work is done: its batches have committed by
 * then, so a session read that raced them is not served afterwards. The auth middleware wraps every
 * request in it; a request that changed nothing costs one comparison.
 */
export async function sessionWrites<T>(work: () => Promise<T>): Promise<T> {
  const before = generation;
  try {
    return await work();
  } finally {
    if (generation !== before) cache.clear();
  }
}
