-- Skydas registry, schema 1, as an OGC GeoPackage 1.3 (https://www.geopackage.org/spec130/).
-- Statements are separated by a line holding only ';'-terminated SQL; the runner splits on ';' at line end.
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE records (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY NOT NULL,
  id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, type TEXT NOT NULL, name TEXT, status TEXT NOT NULL,
  year INTEGER, marked INTEGER NOT NULL, fenced INTEGER NOT NULL, monitored INTEGER NOT NULL,
  version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  geom_hash TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX records_geom_hash ON records (geom_hash);
CREATE INDEX records_status ON records (status);
CREATE VIRTUAL TABLE records_bbox USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
  VALUES ('records', 'features', 'records', 'Skydas registry: obstacles and minefields (read-only outside Skydas: edits break the audit chain)', 20.4, 53.3, 27.2, 56.6, 4326);
INSERT INTO gpkg_geometry_columns VALUES ('records', 'geom', 'GEOMETRY', 4326, 0, 0);
CREATE TABLE activities (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY,
  id TEXT NOT NULL UNIQUE, record_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
  actor TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX activities_record ON activities (record_id);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
  VALUES ('activities', 'features', 'activities', 'Skydas registry: inspections, incidents, clearance tasks, land release', 20.4, 53.3, 27.2, 56.6, 4326);
INSERT INTO gpkg_geometry_columns VALUES ('activities', 'geom', 'GEOMETRY', 4326, 0, 0);
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL,
  before_doc TEXT, after_doc TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX audit_events_entity ON audit_events (entity_id, seq);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('audit_events', 'attributes', 'audit_events', 'Skydas registry: the append-only, hash-chained audit trail');
CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
