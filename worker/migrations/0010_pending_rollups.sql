-- Flags whose rollups wait for a batch (issue 13 §6). An anonymous flag is stored at once — its
-- receipt answers and a retry returns it — but reaches hotspots, counters and timestamps only in the
-- hourly scheduled run (worker/jobs/rollups.ts), together with every other anonymous flag of the hours
-- before, so no read can see one arrive. Until then it names no hotspot (hotspot_id stays NULL).
--
-- pending: 0 counted (or withdrawn while waiting, and dropped); 1 waiting; 2 taken by the batch being
-- applied (set and cleared inside one D1 batch, never seen outside it). Named flags are written with 0
-- and never enter the index below.
ALTER TABLE flags ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX flags_pending ON flags(pending, created_at) WHERE pending <> 0;
