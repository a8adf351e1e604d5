-- A named flag counts without a write of its own (issue 19 §1: ≤ 6 rows per flag with its rollups).
--
-- Until now the batch linked every flag it counted (hotspot_id set from NULL): the row and its moved
-- flags_by_hotspot entry, 2 rows per flag on top of its request's 4. Now a named flag names its hotspot
-- at insert when its key has one (a read), together with the epoch of the batch that will count it: the
-- batch counts the current epoch's flags and starts the next epoch, one row written for all of them.
--
-- A flag is counted when it names its hotspot and its epoch is before the current one. Anonymous flags
-- keep epoch 0 and stay unlinked until the batch after their hour links them (their stored data keeps
-- nothing finer than the hour); so do named flags whose key had no hotspot yet. Every flag written
-- before this migration has epoch 0 < 1: counted if linked, waiting if not, exactly as before.
CREATE TABLE rollup_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  epoch INTEGER NOT NULL
);
INSERT INTO rollup_epoch (id, epoch) VALUES (1, 1);

ALTER TABLE flags ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;

-- The batch finds a hotspot's flags of the current epoch by this prefix, one seek per hotspot; the
-- drill-down and every join on a flag's hotspot use its first column, as they used (hotspot_id, created_at).
DROP INDEX flags_by_hotspot;
CREATE INDEX flags_by_hotspot ON flags(hotspot_id, epoch);
