import type { ErrorCode } from '../../shared/errors';

/** The API answered with an error status; `code`/`message` come from the shared error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds from a `Retry-After` header, when the server sent one. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The request never got an answer (offline, DNS, refused, CORS). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof NetworkError) return 'Could not reach Curbside. Check your connection and try again.';
  if (error instanceof ApiError) {
    // Too old (426): the organisation's own words on updating follow the API's.
    const words = (error.details as { instructions?: unknown } | undefined)?.instructions;
    return typeof words === 'string' && words ? `${error.message}. ${words}` : error.message;
  }
  return 'Something went wrong. Please try again.';
}

/** Field messages from a 400's zod issues, keyed by dotted path ("" for the whole form). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details as { path?: (string | number)[]; message?: string }[]) {
    const key = (issue.path ?? []).join('.');
    if (issue.message && !(key in out)) out[key] = issue.message;
  }
  return out;
}
