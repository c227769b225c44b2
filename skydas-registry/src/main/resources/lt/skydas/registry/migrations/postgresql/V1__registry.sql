-- Skydas registry, schema 1, on PostgreSQL + PostGIS.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE records (
  fid BIGSERIAL PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL,
  id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, type TEXT NOT NULL, name TEXT, status TEXT NOT NULL,
  year INTEGER, marked INTEGER NOT NULL, fenced INTEGER NOT NULL, monitored INTEGER NOT NULL,
  version BIGINT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  geom_hash TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX records_geom ON records USING GIST (geom);
CREATE INDEX records_geom_hash ON records (geom_hash);
CREATE INDEX records_status ON records (status);
CREATE TABLE activities (
  fid BIGSERIAL PRIMARY KEY, geom geometry(Geometry, 4326),
  id TEXT NOT NULL UNIQUE, record_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
  actor TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX activities_record ON activities (record_id);
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL,
  before_doc TEXT, after_doc TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX audit_events_entity ON audit_events (entity_id, seq);
CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
