import { storage } from 'wxt/utils/storage';
import { ApiError } from './errors';

/** The API refused this version as too old (426): what to tell the person until Curbside is updated. */
export interface UpdateRequired {
  minimumVersion: string;
  /** The organisation's words; null for Curbside's default. */
  instructions: string | null;
  at: number;
}

/** Kept here, not in storage.ts: only the API client, the outbox and the notice need it (not the first render). */
export const updateRequiredItem = storage.defineItem<UpdateRequired | null>('local:updateRequired', {
  fallback: null,
});

/** Said when the organisation has not written its own instructions. */
export const DEFAULT_UPDATE_INSTRUCTIONS =
  'Browsers update extensions on their own within a few hours. To update sooner, restart the browser; if Curbside still asks, contact your IT service desk.';

/** What a 426 carries: the minimum version and the organisation's words (worker/middleware/version.ts). */
export function updateRequiredFrom(error: unknown, at: number): UpdateRequired | null {
  if (!(error instanceof ApiError) || error.status !== 426) return null;
  const details = (error.details ?? {}) as { minimumVersion?: unknown; instructions?: unknown };
  return {
    minimumVersion: typeof details.minimumVersion === 'string' ? details.minimumVersion : '',
    instructions: typeof details.instructions === 'string' && details.instructions ? details.instructions : null,
    at,
  };
}

/** Remembered for every surface (the popup shows it) until a send gets through again. */
export async function noteUpdateRequired(error: unknown, at = Date.now()): Promise<void> {
  const notice = updateRequiredFrom(error, at);
  if (notice) await updateRequiredItem.setValue(notice);
}

export async function clearUpdateRequired(): Promise<void> {
  if (await updateRequiredItem.getValue()) await updateRequiredItem.setValue(null);
}
