import type { MiddlewareHandler } from 'hono';
import { inSession } from '../db/d1-session';
import type { AppEnv } from '../env';

/** The header a client's D1 bookmark travels in, both ways (CORS exposes it: middleware/cors.ts). */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
// D1's bookmarks have this shape (e.g. 00000000-00000017-00000000-000…0); anything else is ignored, not refused.
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

/**
 * Runs the request in one D1 session. A read with no bookmark may go to any replica
 * ('first-unconstrained'); a write starts at the primary ('first-primary'); a client that sends the
 * bookmark of its last answer reads from a copy at least that fresh, so it sees its own writes at once
 * (a flag in My items, an answer in the thread). Every answer carries the session's latest bookmark.
 */
export function d1Session(): MiddlewareHandler<AppEnv> {
  return async function d1Session(c, next) {
    const sent = c.req.header(BOOKMARK_HEADER);
    const bookmark = sent && BOOKMARK.test(sent) ? sent : undefined;
    const reads = c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS';
    const session = c.env.DB.withSession(bookmark ?? (reads ? 'first-unconstrained' : 'first-primary'));
    c.env = { ...c.env, DB: inSession(c.env.DB, session) };
    await next();
    const latest = session.getBookmark();
    if (latest) c.res.headers.set(BOOKMARK_HEADER, latest);
  };
}
