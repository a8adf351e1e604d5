// Outbox (issue 7): 1,000 items queued through a simulated outage → rows created and duplicates
// (goal 1,000 and 0). Pending until the reliability work lands: replace this file's run().
import { pendingRow } from '../lib.mjs';

export const order = 60;
export const title = 'Outbox';

export async function run() {
  return [pendingRow('outbox', '1,000 items through a simulated outage → rows, duplicates', 'issue 7')];
}
