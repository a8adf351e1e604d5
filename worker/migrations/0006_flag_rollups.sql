-- Fewer rows written per flag, and programme health read from a rollup that does not grow with flags.
--
-- 1. The flag → hotspot link moves onto the flag row (hotspot_id, minutes_week, withdrawn), so a flag
--    no longer writes a link row and its index entry. None of the three names a person: a hotspot id,
--    a cost figure, and the random id of the withdrawal that took the flag out.
-- 2. flags is rebuilt (nothing references it once flag_hotspots is gone) so that every index holds
--    only the rows its reads need: receipt hashes of anonymous flags, user ids of named ones, and one
--    (hotspot, time) index serving both the drill-down and "similar flags" (flags_by_host goes).
-- 3. unit_week_reporters: per unit × week × reporter ('anon' for every anonymous flag together, as the
--    k-anonymity rule counts them), flags and how many of them sit on a root with a response or a
--    change. Programme health reads only this for its per-unit rows. `responded` and `changed` move
--    with the root's state: every write that changes it takes the root's cells out under the old
--    state and puts them back under the new one, in the same batch (worker/db/rollups.ts).

CREATE TABLE flags_v6 (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  anonymous INTEGER NOT NULL,
  receipt_hash TEXT,
  contact_ok INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  frequency TEXT NOT NULL,
  minutes_lost INTEGER NOT NULL,
  impact TEXT NOT NULL,
  idea TEXT,
  unit_id TEXT REFERENCES units(id),
  host TEXT,
  path TEXT,
  page_title TEXT,
  status TEXT NOT NULL DEFAULT 'new',
  created_at INTEGER NOT NULL,
  -- The hotspot the flag joined (never changes; merges move roots, not flags). Deferred: the flag is
  -- inserted first and names a fresh hotspot the next statement of its batch creates.
  hotspot_id TEXT REFERENCES hotspots(id) DEFERRABLE INITIALLY DEFERRED,
  -- What the flag adds to minutes per week (settings at write time), so a withdrawal takes off exactly that.
  minutes_week INTEGER,
  -- The id of the withdrawal that took the flag out of the rollups; a replayed withdrawal finds it set.
  withdrawn TEXT,
  CHECK (anonymous = 0 OR (user_id IS NULL AND receipt_hash IS NOT NULL))
) WITHOUT ROWID;

INSERT INTO flags_v6 (id, client_id, body_hash, user_id, anonymous, receipt_hash, contact_ok, text, category, frequency,
  minutes_lost, impact, idea, unit_id, host, path, page_title, status, created_at, hotspot_id, minutes_week, withdrawn)
SELECT f.id, f.client_id, f.body_hash, f.user_id, f.anonymous, f.receipt_hash, f.contact_ok, f.text, f.category,
  f.frequency, f.minutes_lost, f.impact, f.idea, f.unit_id, f.host, f.path, f.page_title, f.status, f.created_at,
  l.hotspot_id, l.minutes_week, l.withdrawn
FROM flags f LEFT JOIN flag_hotspots l ON l.flag_id = f.id;

DROP TABLE flag_hotspots;
DROP TABLE flags;
ALTER TABLE flags_v6 RENAME TO flags;

CREATE UNIQUE INDEX flags_by_receipt ON flags(receipt_hash) WHERE receipt_hash IS NOT NULL;
CREATE INDEX flags_by_user ON flags(user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX flags_by_hotspot ON flags(hotspot_id, created_at);

CREATE TABLE unit_week_reporters (
  week INTEGER NOT NULL,
  -- The unit id, or '' for flags with no unit.
  unit_key TEXT NOT NULL,
  reporter_key TEXT NOT NULL,
  flag_count INTEGER NOT NULL,
  responded INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  PRIMARY KEY (week, unit_key, reporter_key)
) WITHOUT ROWID;

INSERT INTO unit_week_reporters (week, unit_key, reporter_key, flag_count, responded, changed)
SELECT u.week, u.unit_key, u.reporter_key, SUM(u.flag_count),
  SUM(CASE WHEN r.response IS NOT NULL THEN u.flag_count ELSE 0 END),
  SUM(CASE WHEN r.status = 'resolved' OR EXISTS (SELECT 1 FROM pdsa_cycles c JOIN hotspots l2 ON l2.id = c.hotspot_id
    WHERE l2.root_id = r.id AND c.decision IN ('adopt', 'adapt')) THEN u.flag_count ELSE 0 END)
FROM unit_reporters u JOIN hotspots l ON l.id = u.hotspot_id JOIN hotspots r ON r.id = l.root_id
GROUP BY u.week, u.unit_key, u.reporter_key;
