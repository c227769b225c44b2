-- Dual-use works (issue 16, ADR 0019): road sections and bridges rebuilt for military mobility,
-- each with its lifecycle (planned, approved, under_construction, completed, cancelled), progress
-- and canonical JSON (doc), which the audit chain holds too.
CREATE TABLE works (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY NOT NULL,
  id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT, status TEXT NOT NULL,
  done_pct INTEGER NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
  version INTEGER NOT NULL, doc TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
  VALUES ('works', 'features', 'works', 'Skydas registry: dual-use road and bridge works (read-only outside Skydas)', 20.4, 53.3, 27.2, 56.6, 4326);
INSERT INTO gpkg_geometry_columns VALUES ('works', 'geom', 'GEOMETRY', 4326, 0, 0);
