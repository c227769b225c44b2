-- API tokens an admin issues for a GIS client (issue 19): named, read-only, revocable, with an
-- expiry; only the SHA-256 of the secret is kept, each row MAC'd with the session key.
CREATE TABLE IF NOT EXISTS skydas_auth.skydas_api_token (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, scope TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT,
  mac TEXT NOT NULL);
