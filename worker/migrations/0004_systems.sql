-- Systems and screens: admins' names for hosts and path templates, so hotspots read "Epic › Med Rec"
-- and clinicians on desktop EHR clients can pick a screen from a list.
CREATE TABLE systems (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- JSON array of the query keys that name this system's screens (a subset of what the de-identifier keeps).
  query_keys TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE system_screens (
  id TEXT PRIMARY KEY,
  system_id TEXT NOT NULL REFERENCES systems(id),
  path_template TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (system_id, path_template)
);
CREATE INDEX system_screens_by_system ON system_screens(system_id);

-- One random 256-bit key per user, handed only to that user's session: the extension seals
-- anonymous-flag receipts with it on shared workstations. The receipts themselves never come here.
CREATE TABLE receipt_keys (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  key TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- The audit view filters by action and by actor, newest first.
CREATE INDEX audit_by_action ON audit(action, at);
CREATE INDEX audit_by_actor ON audit(actor_id, at);
