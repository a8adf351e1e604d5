-- Issue 13 §6/§7/§9 and issue 20 §3: an audit with no insertion order that names a subject, the
-- sign-ins (devices) of every user, and tokens tied to the sign-in they came from.

-- The audit becomes a table without rowid, keyed by its random id: a scan or an export lists entries
-- in id order, so an anonymous-related entry is no longer stored between the entries written just
-- before and after it. `subject_id` is the user an entry is about, when that is not the actor.
CREATE TABLE audit_v12 (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT,
  subject_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  details TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;

-- Existing rows: a sign-in with an admin's code is the admin's act on the user (it was recorded with
-- the user as actor); entries about a user's own account name that user as subject. Confirmations on
-- anonymous flags keep the hour only (they already should; this makes sure of it).
INSERT INTO audit_v12 (id, at, actor_id, subject_id, action, target, details)
SELECT a.id,
  CASE WHEN a.action = 'identifiers.confirmed_not_identifying' AND a.actor_id IS NULL
    THEN a.at - (a.at % 3600000) ELSE a.at END,
  CASE WHEN a.action = 'user.signed_in_with_code' THEN COALESCE(c.created_by, a.actor_id) ELSE a.actor_id END,
  CASE
    WHEN a.action IN ('user.signed_in_with_code', 'user.enrolled', 'user.bootstrapped') THEN a.actor_id
    WHEN a.action IN ('code.created', 'code.revoked') THEN c.user_id
    WHEN a.action = 'user.logged_out_everywhere' THEN a.target
  END,
  a.action, a.target, a.details
FROM audit a LEFT JOIN codes c ON c.id = a.target;

DROP TABLE audit;
ALTER TABLE audit_v12 RENAME TO audit;
CREATE INDEX audit_by_time ON audit(at);
CREATE INDEX audit_by_action ON audit(action, at);
CREATE INDEX audit_by_actor ON audit(actor_id, at);
-- A user's own "sign-ins to my account".
CREATE INDEX audit_by_subject ON audit(subject_id, at);

-- One row per device signed in: how (method), from which code, made by whom. `seen_until` is the
-- device's own acknowledgement cursor (it is shown every sign-in after it); `acknowledged_at` is set
-- when a device that existed before this sign-in acknowledged it.
CREATE TABLE sign_ins (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('earlier', 'bootstrap', 'enrolled', 'admin_code', 'device_code')),
  code_id TEXT,
  issued_by TEXT,
  seen_until INTEGER NOT NULL,
  acknowledged_at INTEGER
) WITHOUT ROWID;
CREATE INDEX sign_ins_by_user ON sign_ins(user_id, at);

-- A token carries its sign-in through rotation, so logging out revokes both halves of a rotated pair.
ALTER TABLE tokens ADD COLUMN sign_in_id TEXT;
CREATE INDEX tokens_by_sign_in ON tokens(sign_in_id);

-- Existing tokens: each gets a sign-in of its own, and a token made by rotating another takes the
-- other's (a rotated token's rotated_at is its successor's created_at, for the same user).
UPDATE tokens SET sign_in_id = lower(hex(randomblob(16)));
UPDATE tokens SET sign_in_id = (
  SELECT o.sign_in_id FROM tokens o
  WHERE o.user_id = tokens.user_id AND o.rotated_at = tokens.created_at AND o.hash != tokens.hash LIMIT 1
)
WHERE EXISTS (
  SELECT 1 FROM tokens o WHERE o.user_id = tokens.user_id AND o.rotated_at = tokens.created_at AND o.hash != tokens.hash
);
-- Sessions from before this migration raise no notice: they count as seen now.
INSERT INTO sign_ins (id, user_id, at, method, seen_until, acknowledged_at)
SELECT sign_in_id, user_id, MIN(created_at), 'earlier', CAST(strftime('%s', 'now') AS INTEGER) * 1000,
  CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM tokens GROUP BY sign_in_id, user_id;
