-- Growth (issue 18): training gap → tip, reporters' credit, a second discipline in a thread.

-- How a resolved hotspot was resolved. 'training_gap': the tool can do it, nobody showed us; a mentor is
-- asked for a tip on its screen (tip_requests). NULL for every hotspot resolved before this, or not resolved.
ALTER TABLE hotspots ADD COLUMN resolution TEXT CHECK (resolution IS NULL OR resolution IN ('fixed', 'training_gap'));

-- One request per hotspot: mentors who take `topic_id` see it in their inbox (every mentor when no active
-- mentor who is not away takes it). It is open while no tip with id `tip_id` exists, so a tip its author
-- removes reopens the request. The tip itself is an ordinary row of `tips` (shown on the screen's popup).
CREATE TABLE tip_requests (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  hotspot_id TEXT NOT NULL UNIQUE REFERENCES hotspots(id),
  host TEXT NOT NULL,
  path TEXT NOT NULL,
  topic_id TEXT NOT NULL REFERENCES topics(id),
  -- The lead's words to the mentor (what people struggled with), checked for identifiers like all text.
  note TEXT,
  requested_by TEXT NOT NULL REFERENCES users(id),
  requested_at INTEGER NOT NULL,
  tip_id TEXT,
  written_at INTEGER
);
CREATE INDEX tip_requests_by_topic ON tip_requests(topic_id, requested_at);
CREATE INDEX tips_by_host_path ON tips(host, path);

-- "Credit me": a reporter's opt-in to be counted, in k-anonymous groups (discipline, unit), on the
-- "you said, we did" of hotspots their named flags joined. Off unless they turn it on; anonymous flags
-- are never credited.
ALTER TABLE users ADD COLUMN credit_opt_in INTEGER NOT NULL DEFAULT 0;

-- A mentor holding a question invites a second discipline into it without handing it off: mentors of that
-- discipline who take the topic read the thread and may answer in it; the claim stays with the inviter.
CREATE TABLE question_invites (
  question_id TEXT NOT NULL REFERENCES questions(id),
  discipline TEXT NOT NULL,
  invited_by TEXT NOT NULL REFERENCES users(id),
  invited_at INTEGER NOT NULL,
  PRIMARY KEY (question_id, discipline)
) WITHOUT ROWID;
CREATE INDEX question_invites_by_discipline ON question_invites(discipline, invited_at);
