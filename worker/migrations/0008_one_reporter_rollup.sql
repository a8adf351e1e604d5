-- One fewer row written per flag: hotspot_reporters (who reported on a hotspot) goes, and
-- unit_reporters answers that question itself. Its key now leads with (hotspot, reporter), so
-- "has this reporter a flag on any hotspot under this root?" is a key-prefix look-up there, exactly
-- as it was in hotspot_reporters: a reporter has rows in one while they have rows in the other
-- (both drop a cell when its count reaches 0).

CREATE TABLE unit_reporters_v8 (
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  unit_key TEXT NOT NULL,
  week INTEGER NOT NULL,
  reporter_key TEXT NOT NULL,
  flag_count INTEGER NOT NULL,
  minutes_week INTEGER NOT NULL,
  PRIMARY KEY (hotspot_id, reporter_key, unit_key, week)
) WITHOUT ROWID;

INSERT INTO unit_reporters_v8 (hotspot_id, unit_key, week, reporter_key, flag_count, minutes_week)
SELECT hotspot_id, unit_key, week, reporter_key, flag_count, minutes_week FROM unit_reporters;

DROP TABLE unit_reporters;
ALTER TABLE unit_reporters_v8 RENAME TO unit_reporters;
CREATE INDEX unit_reporters_by_unit ON unit_reporters(unit_key, week);

DROP TABLE hotspot_reporters;
