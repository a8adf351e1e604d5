-- Unit cells packed into their column (issue 19 §1). Every k-anonymity rule decides per column — one
-- hotspot in one week, all its units together (shared/kanon.ts) — so the cells of a column now live in
-- the column's hotspot_weeks row: `units`, a JSON array of [unit_key, named, flag_count, minutes_week],
-- one entry per unit with a counted flag ('' for flags with no unit; the order carries no meaning).
--
-- Reading a week window is then one row per (hotspot, week), however many units fill it, so programme
-- health and the unit breakdowns read hotspots × weeks rows, not hotspots × weeks × units (unit_cells
-- filled towards that cap as flags grew: 1,826 → 4,933 rows per programme-health request from 1k to
-- 100k flags). The rollup batch writes a column's row once with its units, where it wrote the row and
-- each unit's cell apart.

ALTER TABLE hotspot_weeks ADD COLUMN units TEXT NOT NULL DEFAULT '[]';

UPDATE hotspot_weeks SET units = COALESCE((
  SELECT json_group_array(json_array(c.unit_key, c.named, c.flag_count, c.minutes_week))
  FROM (SELECT unit_key, named, flag_count, minutes_week FROM unit_cells
        WHERE week = hotspot_weeks.week AND hotspot_id = hotspot_weeks.hotspot_id ORDER BY unit_key) c
), '[]');

DROP TABLE unit_cells;
