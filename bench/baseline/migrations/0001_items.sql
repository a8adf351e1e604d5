-- The baseline's one tiny table, shaped like a flag row cut down to the essentials.
CREATE TABLE items (
  id TEXT PRIMARY KEY,
  grp TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX items_by_grp ON items(grp, created_at);

-- 1,000 rows in 50 groups of 20, so the read baseline's indexed SELECT returns a list like a queue page.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
INSERT INTO items (id, grp, text, created_at)
SELECT printf('seed-%04d', i), printf('g%02d', i % 50), 'Med rec screen times out before I can save', i FROM n;
