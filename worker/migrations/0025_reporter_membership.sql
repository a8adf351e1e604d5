-- Who reported in a cell, not how much (issue 19: ≤ 6 rows written per flag with its rollups).
--
-- unit_reporters held a count of flags and minutes per reporter per cell (hotspot × unit × week), so
-- every batch rewrote the row of every reporter it took a flag from: 1.25 of the 6.48 rows written per
-- flag. What a cell holds is already counted in its column's packed cells (hotspot_weeks.units,
-- migration 0023); all the k-anonymity rules ask of this table is who is there (distinct named
-- reporters, the viewer among them, a reporter new to a root). So it keeps membership only: a batch
-- writes a row for a reporter new to a cell and nothing for one already there. A withdrawal drops the
-- row when no other counted flag of that reporter is left in the cell (read from flags, which keep
-- every flag's user, unit and time).
--
-- The by-unit index serves the unit-filtered list, which asks for named reporters only: anonymous
-- rows no longer pay an index entry.
CREATE TABLE unit_reporters_v25 (
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  reporter_key TEXT NOT NULL,
  unit_key TEXT NOT NULL,
  week INTEGER NOT NULL,
  PRIMARY KEY (hotspot_id, reporter_key, unit_key, week)
) WITHOUT ROWID;

INSERT INTO unit_reporters_v25 (hotspot_id, reporter_key, unit_key, week)
SELECT hotspot_id, reporter_key, unit_key, week FROM unit_reporters WHERE flag_count > 0;

DROP TABLE unit_reporters;
ALTER TABLE unit_reporters_v25 RENAME TO unit_reporters;
CREATE INDEX unit_reporters_by_unit ON unit_reporters(unit_key, week) WHERE reporter_key <> 'anon';
