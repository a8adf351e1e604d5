-- k-anonymity that survives differencing (issue 13 §5, issue 20 §1–2).
--
-- 1. unit_cells: per week × hotspot × unit, the distinct named reporters (anonymous flags never count
--    towards k), flags and minutes per week. The hotspot is the one a flag was filed into (merges
--    never change it), so every unit figure is a sum of these cells and a merge, an undo or a status
--    step moves which root they count at but never which cells show. Keyed by week first: every
--    windowed unit figure reads one range of it, bounded by hotspots × units × weeks, not by flags.
-- 2. unit_week_reporters goes: programme health builds its per-unit rows from unit_cells and each
--    root's state at read time, so writes that change a root's state no longer shift rollups.
-- 3. A hotspot's created_at becomes the start of the week its first flag came in (what its trend
--    shows anyway): an exact time would give away its first reporter's moment, and a time on the hour
--    that the first flag was anonymous.

CREATE TABLE unit_cells (
  week INTEGER NOT NULL,
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  -- The unit id, or '' for flags with no unit.
  unit_key TEXT NOT NULL,
  named INTEGER NOT NULL,
  flag_count INTEGER NOT NULL,
  minutes_week INTEGER NOT NULL,
  PRIMARY KEY (week, hotspot_id, unit_key)
) WITHOUT ROWID;

INSERT INTO unit_cells (week, hotspot_id, unit_key, named, flag_count, minutes_week)
SELECT week, hotspot_id, unit_key, SUM(reporter_key <> 'anon'), SUM(flag_count), SUM(minutes_week)
FROM unit_reporters GROUP BY week, hotspot_id, unit_key;

DROP TABLE unit_week_reporters;

UPDATE hotspots SET created_at = ((created_at - 345600000) / 604800000) * 604800000 + 345600000;
