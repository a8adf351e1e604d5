import { storage } from 'wxt/utils/storage';

/**
 * The keyboard command's one-shot request, handed from the background to the popup: when it was
 * pressed. Only a time is kept (nothing typed), so it needs no sealing.
 */
export const openFlagItem = storage.defineItem<number | null>('local:openFlagForm', { fallback: null });

/** Older than this, the request is forgotten: the person has moved on, the popup opens as usual. */
const OPEN_FLAG_TTL_MS = 10 * 60_000;

export async function requestFlagForm(at = Date.now()): Promise<void> {
  await openFlagItem.setValue(at);
}

/** True once for a fresh request; any request is cleared on reading. */
export async function takeFlagFormRequest(now = Date.now()): Promise<boolean> {
  const at = await openFlagItem.getValue();
  if (at === null) return false;
  await openFlagItem.setValue(null);
  return now - at >= 0 && now - at <= OPEN_FLAG_TTL_MS;
}
