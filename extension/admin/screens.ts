import { signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type { ScreenPatch } from '../../shared/systems';
import type { SessionApi } from '../lib/session-api';

/** Changing a system's screens (renaming one today). Part of the admin state. */
export function createScreensState(call: SessionApi['call']) {
  /** The screen being saved, so its button says so and a second click waits. */
  const saving = signal<string | null>(null);

  async function patchScreen(id: string, body: ScreenPatch) {
    if (saving.value) return null;
    saving.value = id;
    try {
      return await call(endpoints.adminPatchScreen, { params: { id }, body });
    } finally {
      saving.value = null;
    }
  }

  return { saving, patchScreen };
}
