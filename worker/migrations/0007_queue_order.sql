-- The mentor queue in the order it is read (today's first, then oldest), over open and clarifying
-- questions only: a page is read by walking this index and stopping once the page is full, so a
-- long queue costs no more to read than a short one.
CREATE INDEX questions_in_queue_order
  ON questions((CASE urgency WHEN 'today' THEN 0 ELSE 1 END), created_at, id)
  WHERE status IN ('open', 'clarifying');
