-- Hotspots: one per (host, screen path, category) that flags join as they arrive; flags without a
-- screen join one hotspot per category with no system. Rollups are kept on write, in the same batch
-- as the flag, so dashboard reads cost the number of hotspots and weeks, not the number of flags.
-- Nothing here names an anonymous sender: their reporter key is the one constant 'anon'.

CREATE TABLE hotspots (
  id TEXT PRIMARY KEY,
  -- 'host|path|category', or '~|category' for flags without a screen.
  key TEXT NOT NULL UNIQUE,
  host TEXT,
  path TEXT,
  category TEXT NOT NULL,
  title TEXT,
  -- The hotspot a lead merged this one into (always a root at the time), and the root it now counts at.
  merged_into TEXT REFERENCES hotspots(id),
  root_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'acknowledged', 'in_progress', 'resolved', 'wont_fix')),
  status_at INTEGER,
  response TEXT,
  responded_at INTEGER,
  responded_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  -- Totals over every counted flag whose hotspot's root is this one: zero on merged hotspots.
  flag_count INTEGER NOT NULL DEFAULT 0,
  reporter_count INTEGER NOT NULL DEFAULT 0,
  minutes_week INTEGER NOT NULL DEFAULT 0,
  impact_none INTEGER NOT NULL DEFAULT 0,
  impact_delay INTEGER NOT NULL DEFAULT 0,
  impact_risk INTEGER NOT NULL DEFAULT 0,
  impact_harm INTEGER NOT NULL DEFAULT 0,
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX hotspots_by_root ON hotspots(root_id);
CREATE INDEX hotspots_by_merged ON hotspots(merged_into);
CREATE INDEX hotspots_by_host ON hotspots(host, root_id);

-- Which hotspot a flag joined (never changes; merges move roots, not flags) and what it adds to
-- the rollups, so a withdrawal takes off exactly what the flag put on. `withdrawn` holds the id of
-- the withdrawal that took it out, so a replayed withdrawal cannot subtract twice.
CREATE TABLE flag_hotspots (
  flag_id TEXT PRIMARY KEY REFERENCES flags(id),
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  reporter_key TEXT NOT NULL,
  unit_key TEXT NOT NULL,
  week INTEGER NOT NULL,
  minutes_week INTEGER NOT NULL,
  impact TEXT NOT NULL,
  withdrawn TEXT
) WITHOUT ROWID;
CREATE INDEX flag_hotspots_by_hotspot ON flag_hotspots(hotspot_id);

-- Per hotspot and week: the trend, date ranges and rising.
CREATE TABLE hotspot_weeks (
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  week INTEGER NOT NULL,
  flag_count INTEGER NOT NULL,
  minutes_week INTEGER NOT NULL,
  impact_none INTEGER NOT NULL,
  impact_delay INTEGER NOT NULL,
  impact_risk INTEGER NOT NULL,
  impact_harm INTEGER NOT NULL,
  PRIMARY KEY (hotspot_id, week)
) WITHOUT ROWID;
CREATE INDEX hotspot_weeks_by_week ON hotspot_weeks(week);

-- Per hotspot, who reported (user key, or 'anon' for all anonymous flags together): distinct reporters.
CREATE TABLE hotspot_reporters (
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  reporter_key TEXT NOT NULL,
  flag_count INTEGER NOT NULL,
  PRIMARY KEY (hotspot_id, reporter_key)
) WITHOUT ROWID;

-- Per hotspot × unit × week × reporter: the cells behind every k-suppressed breakdown.
-- unit_key is the unit id, or '' for flags with no unit.
CREATE TABLE unit_reporters (
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  unit_key TEXT NOT NULL,
  week INTEGER NOT NULL,
  reporter_key TEXT NOT NULL,
  flag_count INTEGER NOT NULL,
  minutes_week INTEGER NOT NULL,
  PRIMARY KEY (hotspot_id, unit_key, week, reporter_key)
) WITHOUT ROWID;
CREATE INDEX unit_reporters_by_unit ON unit_reporters(unit_key, week);

-- Small tests of change on a hotspot.
CREATE TABLE pdsa_cycles (
  id TEXT PRIMARY KEY,
  hotspot_id TEXT NOT NULL REFERENCES hotspots(id),
  owner_id TEXT NOT NULL REFERENCES users(id),
  stage TEXT NOT NULL DEFAULT 'plan' CHECK (stage IN ('plan', 'do', 'study', 'act')),
  change_idea TEXT NOT NULL,
  prediction TEXT NOT NULL,
  measure TEXT NOT NULL,
  do_notes TEXT,
  study_notes TEXT,
  decision TEXT CHECK (decision IS NULL OR decision IN ('adopt', 'adapt', 'abandon')),
  act_notes TEXT,
  created_at INTEGER NOT NULL,
  do_at INTEGER,
  study_at INTEGER,
  act_at INTEGER
);
CREATE INDEX pdsa_by_hotspot ON pdsa_cycles(hotspot_id, created_at);

-- "Similar flags" reads recent flags on one system.
CREATE INDEX flags_by_host ON flags(host, created_at);

-- Flags stored before this migration join their hotspots now (minutes per week with the current settings).
INSERT INTO hotspots (id, key, host, path, category, root_id, created_at)
SELECT lower(hex(randomblob(16))), k, host, path, category, '', MIN(created_at)
FROM (
  SELECT CASE WHEN host IS NULL OR path IS NULL THEN '~|' || category ELSE host || '|' || path || '|' || category END AS k,
    CASE WHEN path IS NULL THEN NULL ELSE host END AS host, CASE WHEN host IS NULL THEN NULL ELSE path END AS path,
    category, created_at
  FROM flags
)
GROUP BY k;
UPDATE hotspots SET root_id = id;

INSERT INTO flag_hotspots (flag_id, hotspot_id, reporter_key, unit_key, week, minutes_week, impact)
SELECT f.id, h.id,
  CASE WHEN f.user_id IS NULL THEN 'anon' ELSE 'u:' || f.user_id END,
  COALESCE(f.unit_id, ''),
  (f.created_at - 345600000) / 604800000,
  CAST(ROUND(f.minutes_lost * CASE f.frequency
    WHEN 'once' THEN 1
    ELSE COALESCE(json_extract((SELECT value FROM settings WHERE key = 'org'), '$.frequencyMultipliers.' || f.frequency),
      CASE f.frequency WHEN 'daily' THEN 5 WHEN 'every_shift' THEN 10 ELSE 50 END)
  END) AS INTEGER),
  f.impact
FROM flags f
JOIN hotspots h ON h.key = CASE WHEN f.host IS NULL OR f.path IS NULL THEN '~|' || f.category
  ELSE f.host || '|' || f.path || '|' || f.category END;

INSERT INTO hotspot_weeks
SELECT hotspot_id, week, COUNT(*), SUM(minutes_week), SUM(impact = 'none'), SUM(impact = 'delay'),
  SUM(impact = 'risk'), SUM(impact = 'harm')
FROM flag_hotspots GROUP BY hotspot_id, week;

INSERT INTO hotspot_reporters
SELECT hotspot_id, reporter_key, COUNT(*) FROM flag_hotspots GROUP BY hotspot_id, reporter_key;

INSERT INTO unit_reporters
SELECT hotspot_id, unit_key, week, reporter_key, COUNT(*), SUM(minutes_week)
FROM flag_hotspots GROUP BY hotspot_id, unit_key, week, reporter_key;

UPDATE hotspots SET
  flag_count = (SELECT COUNT(*) FROM flag_hotspots WHERE hotspot_id = hotspots.id),
  reporter_count = (SELECT COUNT(*) FROM hotspot_reporters WHERE hotspot_id = hotspots.id),
  minutes_week = (SELECT COALESCE(SUM(minutes_week), 0) FROM flag_hotspots WHERE hotspot_id = hotspots.id),
  impact_none = (SELECT COUNT(*) FROM flag_hotspots WHERE hotspot_id = hotspots.id AND impact = 'none'),
  impact_delay = (SELECT COUNT(*) FROM flag_hotspots WHERE hotspot_id = hotspots.id AND impact = 'delay'),
  impact_risk = (SELECT COUNT(*) FROM flag_hotspots WHERE hotspot_id = hotspots.id AND impact = 'risk'),
  impact_harm = (SELECT COUNT(*) FROM flag_hotspots WHERE hotspot_id = hotspots.id AND impact = 'harm');
