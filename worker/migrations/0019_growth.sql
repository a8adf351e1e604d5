-- Growth (issue 18): private reflections and "This helped" thank-yous.

-- A reflection belongs to its author alone: every read of this table is `WHERE user_id = <caller>`
-- (worker/db/reflections.ts), and no export, view or rollup joins it. The subject is a question the
-- author asked and had answered, or a cycle they own past Study; it is checked when written.
CREATE TABLE reflections (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('question', 'cycle')),
  subject_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX reflections_by_user ON reflections(user_id, created_at);

-- One thank-you per answered question, from its asker; every mentor who answered it sees it, without
-- the asker's name (recognition, never a ranking).
CREATE TABLE thanks (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  question_id TEXT NOT NULL UNIQUE REFERENCES questions(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX thanks_by_user ON thanks(user_id, created_at);

-- A mentor's impact reads their own answers (answers_by_mentor, migration 0015) and the opens of the
-- published copies of them.
CREATE INDEX IF NOT EXISTS kb_opens_by_entry ON kb_opens(kb_id);

-- "Help me shape this": a clinician asks for coaching on one of their named flags. The request is an
-- ordinary question on the improvement-coaching topic (routing, claims, SLA and hand-offs as for any),
-- tied here to its flag, with the framing card asker and coach both edit. `revision` makes two editors'
-- saves meet as a conflict rather than one silently overwriting the other.
INSERT OR IGNORE INTO topics (id, name) VALUES ('improvement_coach', 'Improvement coaching');
CREATE TABLE coaching (
  question_id TEXT PRIMARY KEY REFERENCES questions(id),
  flag_id TEXT NOT NULL UNIQUE REFERENCES flags(id),
  problem TEXT NOT NULL DEFAULT '',
  affects TEXT NOT NULL DEFAULT '',
  patients TEXT NOT NULL DEFAULT '',
  measure TEXT NOT NULL DEFAULT '',
  smallest_test TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT REFERENCES users(id),
  updated_at INTEGER
) WITHOUT ROWID;

-- Clinician-owned small tests: a cycle born of a coaching thread is owned by the clinician, coached by
-- the mentor who held the thread and sponsored by a lead, who approves it before it moves (approval is
-- NULL for cycles a lead starts, which need none). `result` is the sentence every reporter of the
-- hotspot reads once it is decided. A proposal is created once per clientId (pdsa_cycles.client_id, 0017).
ALTER TABLE pdsa_cycles ADD COLUMN coaching_question_id TEXT REFERENCES questions(id);
ALTER TABLE pdsa_cycles ADD COLUMN coach_id TEXT REFERENCES users(id);
ALTER TABLE pdsa_cycles ADD COLUMN sponsor_id TEXT REFERENCES users(id);
ALTER TABLE pdsa_cycles ADD COLUMN approval TEXT
  CHECK (approval IS NULL OR approval IN ('pending', 'approved', 'changes', 'declined'));
ALTER TABLE pdsa_cycles ADD COLUMN approval_reason TEXT;
ALTER TABLE pdsa_cycles ADD COLUMN result TEXT;
CREATE INDEX IF NOT EXISTS pdsa_by_owner ON pdsa_cycles(owner_id);
CREATE INDEX IF NOT EXISTS pdsa_by_sponsor ON pdsa_cycles(sponsor_id, approval);
