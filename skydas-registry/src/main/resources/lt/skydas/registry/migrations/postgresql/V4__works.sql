-- Dual-use works (issue 16, ADR 0019): road sections and bridges rebuilt for military mobility,
-- each with its lifecycle (planned, approved, under_construction, completed, cancelled), progress
-- and canonical JSON (doc), which the audit chain holds too.
CREATE TABLE works (
  fid BIGSERIAL PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL,
  id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT, status TEXT NOT NULL,
  done_pct INTEGER NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
  version BIGINT NOT NULL, doc TEXT NOT NULL);
