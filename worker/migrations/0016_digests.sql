-- Where the organisation sends weekly digests and urgent-question alerts (Teams, Slack, e-mail), and
-- every message on its way there. `secret` holds the webhook address or the e-mail set-up (JSON): only
-- the API reads it; admins see a mask (worker/services/channels.ts).
CREATE TABLE digest_channels (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('teams', 'slack', 'email')),
  label TEXT NOT NULL,
  secret TEXT NOT NULL,
  -- JSON array of the roles whose digest goes here ('lead', 'mentor').
  digest_roles TEXT NOT NULL,
  urgent_alerts INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);

-- One message to one channel. `dedupe_key` (the digest's role and week, or the urgent question) makes a
-- re-run of the cron or a retried create enqueue nothing twice. `payload` is the message's content
-- (shared/digests.ts OutgoingMessage), already cut to what may leave; it is rendered for the platform
-- when sent. `last_error` is a status code or an error's kind, never a response body.
CREATE TABLE digest_deliveries (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL REFERENCES digest_channels(id),
  kind TEXT NOT NULL CHECK (kind IN ('digest', 'urgent')),
  dedupe_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  UNIQUE (channel_id, dedupe_key)
);
CREATE INDEX digest_deliveries_due ON digest_deliveries(status, next_attempt_at);
CREATE INDEX digest_deliveries_by_time ON digest_deliveries(created_at);
