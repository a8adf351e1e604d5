-- Every flag's rollups come in batches (issue 19 §1). A flag's own request writes the flag row and its
-- index entries only (≤ 4 rows: the row, client_id, the user or receipt index, flags_by_hotspot); the
-- scheduled batch (worker/jobs/rollups.ts, every minute) links waiting flags to their hotspots and
-- writes each rollup cell once for all of them.
--
-- "Waiting" is now `hotspot_id IS NULL`: a flag names its hotspot only once the batch has counted it.
-- Those rows sit at the front of flags_by_hotspot (NULLs sort first, then by time), so the batch finds
-- them without an index of its own, and a flag no longer writes a flags_pending entry. The batch also
-- links flags withdrawn while they waited, without counting them, so no row waits for ever.
DROP INDEX flags_pending;
ALTER TABLE flags DROP COLUMN pending;
