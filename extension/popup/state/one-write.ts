import type { Core } from './core';

/**
 * One write at a time (a double click sends once): `run` is skipped while another write is busy, and a
 * failure is shown in the API's words and answered with null. `clearsError` wipes the last error as the
 * write starts (item and tip writes); other groups keep it until their write succeeds or fails.
 */
export function oneWriteAtATime({ state, fail }: Pick<Core, 'state' | 'fail'>, { clearsError = false } = {}) {
  return async function act<T>(run: () => Promise<T>): Promise<T | null> {
    if (state.busy.value) return null;
    state.busy.value = true;
    if (clearsError) state.error.value = '';
    try {
      return await run();
    } catch (e) {
      fail(e);
      return null;
    } finally {
      state.busy.value = false;
    }
  };
}
