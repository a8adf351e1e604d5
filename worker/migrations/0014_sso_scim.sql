-- Issue 17: single sign-on (OIDC) and SCIM provisioning.

-- Sign-ins may now come from the identity provider: the method list is a CHECK, so the table is rebuilt.
CREATE TABLE sign_ins_v14 (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('earlier', 'bootstrap', 'enrolled', 'admin_code', 'device_code', 'sso')),
  code_id TEXT,
  issued_by TEXT,
  seen_until INTEGER NOT NULL,
  acknowledged_at INTEGER
) WITHOUT ROWID;
INSERT INTO sign_ins_v14 (id, user_id, at, method, code_id, issued_by, seen_until, acknowledged_at)
SELECT id, user_id, at, method, code_id, issued_by, seen_until, acknowledged_at FROM sign_ins;
DROP TABLE sign_ins;
ALTER TABLE sign_ins_v14 RENAME TO sign_ins;
CREATE INDEX sign_ins_by_user ON sign_ins(user_id, at);

-- An identity provider the organisation signs in with. The client secret stays a Worker secret: only
-- its name is stored here.
CREATE TABLE sso_providers (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'oidc' CHECK (kind IN ('oidc', 'access')),
  label TEXT NOT NULL,
  issuer TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  secret_name TEXT,
  scopes TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('jit', 'existing')),
  updated_at INTEGER NOT NULL
);

-- One row: require SSO, and the claim/group → role and unit mappings.
CREATE TABLE sso_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  require_sso INTEGER NOT NULL DEFAULT 0,
  mappings TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
);
INSERT INTO sso_settings (id, require_sso, mappings, updated_at) VALUES (1, 0, '[]', 0);

-- A sign-in under way: state, nonce and PKCE verifier, kept server-side for minutes and used once.
CREATE TABLE sso_flows (
  state TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- A person is (issuer, subject), never an e-mail alone.
CREATE TABLE sso_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (issuer, subject)
) WITHOUT ROWID;
CREATE INDEX sso_identities_by_user ON sso_identities(user_id, issuer);

-- The provider's discovery document and JWKS, so a JWKS outage does not stop sign-ins with known keys.
CREATE TABLE sso_metadata (
  issuer TEXT PRIMARY KEY,
  discovery TEXT NOT NULL,
  jwks TEXT,
  fetched_at INTEGER NOT NULL,
  jwks_at INTEGER
);

-- SCIM bearer tokens, hashed; one live at a time.
CREATE TABLE scim_tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- A user the identity provider provisions: the SCIM resource as last written, and the keys it is found by.
CREATE TABLE scim_users (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  external_id TEXT,
  email TEXT COLLATE NOCASE,
  resource TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX scim_users_by_email ON scim_users(email);

CREATE TABLE scim_groups (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  external_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE scim_group_members (
  group_id TEXT NOT NULL REFERENCES scim_groups(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX scim_group_members_by_user ON scim_group_members(user_id);
