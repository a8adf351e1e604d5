import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../shared/errors';

/** The one exception the API throws on purpose; app.onError turns it into the error body. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this') => new ApiError(403, 'forbidden', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
