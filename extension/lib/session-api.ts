import { browser } from 'wxt/browser';
import type { CallInput, Endpoint, Response } from '../../shared/api';
import { type Api, createApi } from './api';
import { storedBookmarks } from './bookmarks';
import { ApiError } from './errors';

/** What a call needs from a session: where the API is, and the token if signed in (none for enrolment). */
export interface SessionLike {
  apiUrl: string;
  token?: string | null;
}

export interface SessionApiOptions {
  /** Read on every call: a signal's value, the stored session, or a fixed one. */
  session: () => SessionLike | null | undefined;
  fetchFn?: typeof fetch;
  /** The extension's version, sent with every call (default: the real manifest's; tests pass their own). */
  version?: () => string;
}

/**
 * The one way every surface reaches the API with the session it has: popup, inbox, dashboard, admin,
 * background and sign-out. The client is kept while the API address stays the same, so a token the
 * API rotated is used by later calls (lib/api.ts), and rebuilt when the user signs in elsewhere. It
 * keeps the API's D1 bookmark (lib/bookmarks.ts) and sends it back, so a flag or answer just sent shows
 * in the next read even when that read is served by a read replica.
 */
export function createSessionApi({
  session,
  fetchFn,
  version = () => browser.runtime.getManifest().version,
}: SessionApiOptions) {
  let client: Api | null = null;

  function api(): Api {
    const current = session();
    if (!current) throw new ApiError(401, 'unauthorized', 'Sign in to Curbside first.');
    const baseUrl = current.apiUrl.replace(/\/+$/, '');
    if (client?.baseUrl !== baseUrl)
      client = createApi({
        baseUrl,
        getToken: () => session()?.token,
        fetchFn,
        version: version(),
        // Reads then come from a D1 copy at least as fresh as this browser's own last write.
        bookmarks: storedBookmarks(baseUrl),
      });
    return client;
  }

  async function call<E extends Endpoint>(endpoint: E, input: CallInput<E>): Promise<Response<E>> {
    return api().call(endpoint, input);
  }

  return { api, call };
}

export type SessionApi = ReturnType<typeof createSessionApi>;

/** A client for one stored session (background jobs, sign-out): its token never changes under it. */
export function storedSessionApi(
  session: SessionLike,
  fetchFn?: typeof fetch,
  runtime: Pick<typeof browser, 'runtime'> = browser,
): Api {
  return createSessionApi({
    session: () => session,
    fetchFn,
    version: () => runtime.runtime.getManifest().version,
  }).api();
}
