-- Accounts of `skydas serve`: users with an Argon2id password hash (PHC string) and a role,
-- and server-side sessions keyed by the SHA-256 of the session token (the token itself is
-- never stored). A user is created by `skydas user add`; there is no default account.
CREATE TABLE skydas_user (
  username TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE skydas_session (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES skydas_user (username) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX skydas_session_user ON skydas_session (username);
