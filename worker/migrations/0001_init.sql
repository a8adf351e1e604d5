-- Curbside foundation schema. Times are epoch milliseconds (INTEGER) unless named otherwise.

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE topics (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  discipline TEXT NOT NULL,
  unit_id TEXT REFERENCES units(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('clinician', 'mentor', 'lead', 'admin')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
CREATE INDEX user_roles_by_role ON user_roles(role);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens(user_id);

CREATE TABLE codes (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('enroll', 'signin', 'bootstrap')),
  roles TEXT NOT NULL DEFAULT '[]',
  unit_id TEXT REFERENCES units(id),
  discipline TEXT,
  user_id TEXT REFERENCES users(id),
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  label TEXT,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  created_by TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Flags use random ids and no rowid, so storage order cannot rank an anonymous flag against named ones.
-- Anonymous rows hold no user_id, and created_at is cut to the hour.
CREATE TABLE flags (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  anonymous INTEGER NOT NULL,
  receipt_hash TEXT UNIQUE,
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
  CHECK (anonymous = 0 OR (user_id IS NULL AND receipt_hash IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX flags_by_user ON flags(user_id, created_at);

CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  topic_id TEXT NOT NULL REFERENCES topics(id),
  discipline_wanted TEXT NOT NULL,
  urgency TEXT NOT NULL,
  host TEXT,
  path TEXT,
  page_title TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  created_at INTEGER NOT NULL
);
CREATE INDEX questions_by_user ON questions(user_id, created_at);

CREATE TABLE answers (
  id TEXT PRIMARY KEY,
  question_id TEXT NOT NULL REFERENCES questions(id),
  mentor_id TEXT NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX answers_by_question ON answers(question_id, created_at);

-- Who did what, for admins. Never holds request bodies or free text.
CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_by_time ON audit(at);
