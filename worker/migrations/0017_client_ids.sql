-- A PDSA cycle is created once per clientId, as flags and questions are: a double click on "Start cycle"
-- or a retry after a lost answer makes one cycle. Cycles from before keep NULL (NULLs never collide).
ALTER TABLE pdsa_cycles ADD COLUMN client_id TEXT;
-- The hash of the body first sent under the clientId, and who sent it (the owner may be someone else):
-- a retry must match both to be handed the cycle back.
ALTER TABLE pdsa_cycles ADD COLUMN body_hash TEXT;
ALTER TABLE pdsa_cycles ADD COLUMN created_by TEXT REFERENCES users(id);
CREATE UNIQUE INDEX pdsa_by_client_id ON pdsa_cycles(client_id);

-- Tips are created once per clientId too (a mentor's double click on "Add tip" makes one tip).
ALTER TABLE tips ADD COLUMN client_id TEXT;
ALTER TABLE tips ADD COLUMN body_hash TEXT;
CREATE UNIQUE INDEX tips_by_client_id ON tips(client_id);
