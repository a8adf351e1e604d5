-- Which units are small (fewer than k active people, issue 13 §5) is read whenever a clinician opens
-- the flag form: by this index, at most k entries per unit.
CREATE INDEX users_by_unit ON users(unit_id, active);
