-- Mentor queue: peer supporter role, routing profiles, claims, threads, hand-offs, need to talk,
-- and the knowledge base (published de-identified copies with FTS5 search) plus screen tips.

-- The role list is a CHECK constraint, so the table is rebuilt to admit peer_supporter.
CREATE TABLE user_roles_new (
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('clinician', 'mentor', 'lead', 'admin', 'peer_supporter')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
INSERT INTO user_roles_new (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_new RENAME TO user_roles;
CREATE INDEX user_roles_by_role ON user_roles(role);

-- Questions are rebuilt too: `need_to_talk` has no topic, and the queue's state lives on the row so
-- each rule (claim, answer, clarify, …) is one conditional UPDATE. answers references questions, so
-- foreign keys are checked at commit, once the new table holds every row again.
PRAGMA defer_foreign_keys = true;
CREATE TABLE questions_new (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  -- need_to_talk reaches peer supporters only; every other reader of this table must filter on kind.
  kind TEXT NOT NULL DEFAULT 'question' CHECK (kind IN ('question', 'need_to_talk')),
  text TEXT NOT NULL,
  topic_id TEXT REFERENCES topics(id),
  discipline_wanted TEXT NOT NULL,
  urgency TEXT NOT NULL,
  host TEXT,
  path TEXT,
  page_title TEXT,
  -- open → (clarifying ⇄ open) → answered → closed; a claim is claimed_by + claimed_at, and an
  -- expired claim counts as none (the expiry is a setting, applied in each statement).
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'clarifying', 'answered', 'closed')),
  created_at INTEGER NOT NULL,
  claimed_by TEXT REFERENCES users(id),
  claimed_at INTEGER,
  handed_to TEXT REFERENCES users(id),
  first_answered_at INTEGER,
  closed_at INTEGER,
  helpful INTEGER,
  share_consent INTEGER NOT NULL DEFAULT 0,
  shareable INTEGER NOT NULL DEFAULT 0,
  CHECK ((kind = 'question') = (topic_id IS NOT NULL))
);
INSERT INTO questions_new (id, client_id, body_hash, user_id, kind, text, topic_id, discipline_wanted, urgency, host,
  path, page_title, status, created_at, first_answered_at)
SELECT q.id, q.client_id, q.body_hash, q.user_id, 'question', q.text, q.topic_id, q.discipline_wanted, q.urgency, q.host,
  q.path, q.page_title, CASE q.status WHEN 'claimed' THEN 'open' ELSE q.status END, q.created_at,
  (SELECT MIN(a.created_at) FROM answers a WHERE a.question_id = q.id)
FROM questions q;
DROP TABLE questions;
ALTER TABLE questions_new RENAME TO questions;
CREATE INDEX questions_by_user ON questions(user_id, created_at);
CREATE INDEX questions_by_queue ON questions(status, kind, topic_id, created_at);
CREATE INDEX questions_by_claimer ON questions(claimed_by);
CREATE INDEX questions_by_handed_to ON questions(handed_to);

-- A retried answer (same clientId) is stored once.
ALTER TABLE answers ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX answers_by_client_id ON answers(client_id);

-- Clarifying questions (start a pause of the SLA) and the asker's replies (end it).
CREATE TABLE question_messages (
  id TEXT PRIMARY KEY,
  question_id TEXT NOT NULL REFERENCES questions(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('clarification', 'reply')),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX question_messages_by_question ON question_messages(question_id, created_at);

-- Hand-offs keep the question's created_at: the SLA is not reset.
CREATE TABLE handoffs (
  id TEXT PRIMARY KEY,
  question_id TEXT NOT NULL REFERENCES questions(id),
  from_id TEXT NOT NULL REFERENCES users(id),
  to_topic_id TEXT REFERENCES topics(id),
  to_discipline TEXT,
  to_mentor_id TEXT REFERENCES users(id),
  note TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX handoffs_by_question ON handoffs(question_id, created_at);

CREATE TABLE mentor_profiles (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  weekly_capacity INTEGER NOT NULL DEFAULT 5,
  away INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE mentor_topics (
  user_id TEXT NOT NULL REFERENCES users(id),
  topic_id TEXT NOT NULL REFERENCES topics(id),
  PRIMARY KEY (user_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX mentor_topics_by_topic ON mentor_topics(topic_id);

CREATE TABLE mentor_disciplines (
  user_id TEXT NOT NULL REFERENCES users(id),
  discipline TEXT NOT NULL,
  PRIMARY KEY (user_id, discipline)
) WITHOUT ROWID;

-- Published de-identified copies: no asker, no mentor, the day only. Text is re-checked for
-- identifiers before it is copied here.
CREATE TABLE kb_entries (
  id TEXT PRIMARY KEY,
  question_id TEXT NOT NULL UNIQUE REFERENCES questions(id),
  topic_id TEXT REFERENCES topics(id),
  host TEXT,
  path TEXT,
  question TEXT NOT NULL,
  -- JSON array of answer texts, oldest first.
  answers TEXT NOT NULL,
  published_at INTEGER NOT NULL
);
CREATE INDEX kb_entries_by_host ON kb_entries(host);

-- A second guard besides the publishing query: need to talk never enters the knowledge base.
CREATE TRIGGER kb_entries_questions_only BEFORE INSERT ON kb_entries
WHEN (SELECT kind FROM questions WHERE id = NEW.question_id) IS NOT 'question'
BEGIN
  SELECT RAISE(ABORT, 'only questions are published');
END;

CREATE VIRTUAL TABLE kb_fts USING fts5(kb_id UNINDEXED, question, answers, tokenize = 'porter unicode61');

-- Opening a published answer is a deflection: counted, with no user.
CREATE TABLE kb_opens (
  id TEXT PRIMARY KEY,
  -- No foreign key: withdrawing consent removes the entry, and the count of past opens stays.
  kb_id TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX kb_opens_by_time ON kb_opens(at);

-- Mentors' short tips for a screen, without a question.
CREATE TABLE tips (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  path TEXT NOT NULL,
  topic_id TEXT REFERENCES topics(id),
  text TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX tips_by_host ON tips(host, created_at);
