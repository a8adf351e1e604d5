import type { CallInput, Endpoint, Response } from '../../shared/api';
import { fillPath } from '../../shared/api';
import { ErrorBody, type ErrorCode } from '../../shared/errors';
import type { BookmarkStore } from './bookmarks';
import { ApiError, NetworkError } from './errors';
import { sessionItem } from './storage';
import { noteUpdateRequired } from './update-required';

export interface ApiOptions {
  baseUrl: string;
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  fetchFn?: typeof fetch;
  /** The extension's manifest version, sent so the API can ask for an upgrade. */
  version: string;
  /** Stores a token the API rotated (default: into the stored session, if it still holds the old one). */
  onTokenRotated?: (rotated: { from: string; token: string; expiresAt: string }) => Promise<void>;
  /** Where the API's D1 bookmark is kept between calls (lib/bookmarks.ts); none: never sent. */
  bookmarks?: BookmarkStore;
}

/** The API's D1 session bookmark, both ways (worker/middleware/d1-session.ts). */
const BOOKMARK_HEADER = 'X-D1-Bookmark';

/** The API replaces a token past half its life; the old one works for a few minutes more. */
async function storeRotatedToken({ from, token, expiresAt }: { from: string; token: string; expiresAt: string }) {
  const session = await sessionItem.getValue();
  if (session?.token === from)
    await sessionItem.setValue({ ...session, token, expiresAt: expiresAt || session.expiresAt });
}

export type Api = ReturnType<typeof createApi>;

interface LooseInput {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  params?: Record<string, string>;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  426: 'upgrade_required',
  429: 'rate_limited',
};

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(res: globalThis.Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code, message, details, retryAfter);
  }
  // Not our error body (a proxy, a gateway): still say something useful.
  const code = STATUS_CODES[res.status] ?? (res.status >= 500 ? 'internal' : 'bad_request');
  return new ApiError(
    res.status,
    code,
    `The server answered ${res.status}. Please try again later.`,
    undefined,
    retryAfter,
  );
}

/** The one typed client: every request goes through `call(endpoints.x, input)`. */
export function createApi({
  baseUrl,
  getToken,
  fetchFn = fetch,
  version,
  onTokenRotated = storeRotatedToken,
  bookmarks,
}: ApiOptions) {
  const base = baseUrl.replace(/\/+$/, '');
  // Callers may hold the session they started with: later calls use the rotated token instead.
  let rotated: { from: string; token: string } | undefined;

  async function call<E extends Endpoint>(ep: E, input: CallInput<E>): Promise<Response<E>> {
    const { body, query, params } = (input ?? {}) as LooseInput;
    let url = base + fillPath(ep.path, params);
    if (query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
      if (search.size > 0) url += `?${search}`;
    }
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Curbside-Version': version };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // Public endpoints never get the token: receipt lookups must not be linkable to a person. Nor the
    // bookmark, which an earlier answer to this person handed out.
    const personal = !ep.roles.includes('public');
    if (personal) {
      const stored = await getToken();
      const token = stored && rotated?.from === stored ? rotated.token : stored;
      if (token) headers.Authorization = `Bearer ${token}`;
      const bookmark = await bookmarks?.read();
      if (bookmark) headers[BOOKMARK_HEADER] = bookmark;
    }

    let res: globalThis.Response;
    try {
      res = await fetchFn(url, {
        method: ep.method.toUpperCase(),
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new NetworkError('Network request failed', { cause });
    }
    const bookmark = res.headers.get(BOOKMARK_HEADER);
    // Kept while the answer is read (both wait on I/O); the call still settles only once it is kept,
    // so the next read sends it.
    const keeping = personal && bookmark && bookmarks ? bookmarks.write(bookmark) : undefined;
    try {
      return await answer(ep, res, headers);
    } finally {
      await keeping;
    }
  }

  async function answer<E extends Endpoint>(
    ep: E,
    res: globalThis.Response,
    headers: Record<string, string>,
  ): Promise<Response<E>> {
    const next = res.headers.get('X-Curbside-Token');
    const sent = headers.Authorization?.slice('Bearer '.length);
    if (next && sent && next !== sent) {
      rotated = { from: sent, token: next };
      await onTokenRotated({ from: sent, token: next, expiresAt: res.headers.get('X-Curbside-Token-Expires') ?? '' });
    }
    if (!res.ok) {
      const error = await toApiError(res);
      // Too old for the organisation: every surface's popup notice says how to update.
      if (error.status === 426) await noteUpdateRequired(error).catch(() => undefined);
      throw error;
    }
    // CSV exports answer text; everything else answers JSON.
    const data = ep.produces ? await res.text() : await res.json().catch(() => undefined);
    const parsed = ep.response.safeParse(data);
    if (!parsed.success)
      throw new ApiError(res.status, 'internal', 'The server sent an answer Curbside does not understand.');
    return parsed.data as Response<E>;
  }

  return { call, baseUrl: base };
}
