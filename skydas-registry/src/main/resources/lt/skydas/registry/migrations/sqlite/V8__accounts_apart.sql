-- Accounts and sessions move out of the GeoPackage that map users open (issue 18, finding 5)
-- into the file beside it that the store attaches as `auth` (<registry>.gpkg.accounts, mode 0600;
-- its tables are made when the store opens). Unqualified names then find them there.
INSERT INTO auth.skydas_user (username, role, password_hash, created_at, disabled)
  SELECT username, role, password_hash, created_at, disabled FROM main.skydas_user;
INSERT INTO auth.skydas_session (token_hash, username, csrf, created_at, expires_at, mac)
  SELECT token_hash, username, csrf, created_at, expires_at, mac FROM main.skydas_session;
DROP TABLE main.skydas_session;
DROP TABLE main.skydas_user;
