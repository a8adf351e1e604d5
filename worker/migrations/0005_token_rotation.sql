-- Token rotation: a token used past half its life is replaced; the old one keeps working for a short
-- grace period (its expires_at is cut to it) and never slides again.
ALTER TABLE tokens ADD COLUMN rotated_at INTEGER;
