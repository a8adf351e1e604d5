-- Mentorships (issue 18): an opt-in standing pairing for a period. The mentee asks a named mentor
-- (awaiting = 'mentor') or anyone (awaiting = 'lead', mentor_id NULL until a lead assigns one). Each
-- live pairing a mentor holds takes one of their weekly slots (mentor_profiles.weekly_capacity); the
-- capacity rule is in the WHERE of the statements that start one (worker/db/mentorships.ts). Only the
-- two parties and leads read a row. Ending asks for no reason, so there is no column for one.
CREATE TABLE mentorships (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  mentee_id TEXT NOT NULL REFERENCES users(id),
  mentor_id TEXT REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('requested', 'active', 'declined', 'ended')),
  awaiting TEXT CHECK (awaiting IN ('mentor', 'lead')),
  purpose TEXT NOT NULL,
  goals TEXT NOT NULL DEFAULT '',
  rhythm TEXT NOT NULL CHECK (rhythm IN ('weekly', 'fortnightly', 'monthly')),
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  -- While active: the next check-in; the scheduled job reminds both sides when it falls due and moves
  -- it one rhythm on, so a reminder goes out once per check-in.
  next_check_in_at INTEGER,
  reminded_at INTEGER,
  CHECK (mentor_id IS NULL OR mentor_id != mentee_id)
);
-- One live pairing (asked or active) per mentee.
CREATE UNIQUE INDEX mentorships_one_live ON mentorships(mentee_id) WHERE status IN ('requested', 'active');
CREATE INDEX mentorships_by_mentor ON mentorships(mentor_id, status);
CREATE INDEX mentorships_check_ins_due ON mentorships(next_check_in_at) WHERE status = 'active';

-- A mentee's question may go to their mentor alone first, until `mentor_first_until` (a share of its
-- SLA); the scheduled job then clears it and normal routing applies. An away mentor passes it on at once.
ALTER TABLE questions ADD COLUMN mentor_first_id TEXT REFERENCES users(id);
ALTER TABLE questions ADD COLUMN mentor_first_until INTEGER;
CREATE INDEX questions_mentor_first ON questions(mentor_first_until) WHERE mentor_first_id IS NOT NULL;
