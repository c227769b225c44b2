-- A session row carries an HMAC under the server's key, held outside the database: a row
-- inserted by someone with write access to the database (a chosen token's hash) opens nothing.
-- Rows from before this version have none and are ended.
ALTER TABLE skydas_session ADD COLUMN mac TEXT;
DELETE FROM skydas_session;
