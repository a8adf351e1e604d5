// Browser timings (issue 8): popup open → interactive (median of 20 in Chromium); inbox and dashboard
// first render with 10k flags. Pending until the e2e harness for the whole journey lands: replace
// this file's run() with the measurement.
import { pendingRow } from '../lib.mjs';

export const order = 40;
export const title = 'Browser timings';

export async function run() {
  return [pendingRow('browser', 'popup open → interactive; inbox and dashboard first render', 'issue 8')];
}
