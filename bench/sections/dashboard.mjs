// Dashboard scaling (issue 5): D1 rows read and time per `GET /v1/hotspots` and programme-health
// request at 1k, 10k and 100k flags, beside a naive GROUP BY over the raw flags; rows written per flag.
// Pending until the lead dashboard lands: replace this file's run() with the measurement.
import { pendingRow } from '../lib.mjs';

export const order = 20;
export const title = 'Dashboard scaling';

export async function run() {
  return [pendingRow('dashboard', 'rows read per dashboard request at 1k / 10k / 100k flags', 'issue 5')];
}
