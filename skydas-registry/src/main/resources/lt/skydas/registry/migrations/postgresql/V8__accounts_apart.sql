-- Accounts and sessions move into their own schema (issue 18, finding 5): grant map users the
-- public schema only. Connections find them through search_path (public, skydas_auth).
CREATE SCHEMA IF NOT EXISTS skydas_auth;
ALTER TABLE skydas_session SET SCHEMA skydas_auth;
ALTER TABLE skydas_user SET SCHEMA skydas_auth;
