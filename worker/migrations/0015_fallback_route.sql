-- Issue 16, "nothing waits unseen": a question unclaimed past the organisation's escalation time moves
-- to its fallback route (a coordinator topic). The move is marked on the row, once, with the topic it
-- came from; the coordinator sees both. Capacity counts each mentor's answers of a rolling week.
ALTER TABLE questions ADD COLUMN escalated_at INTEGER;
ALTER TABLE questions ADD COLUMN escalated_from_topic_id TEXT REFERENCES topics(id);
CREATE INDEX answers_by_mentor ON answers(mentor_id, created_at);
