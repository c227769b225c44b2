-- Neighbours' lines (issue 16): another country's obstacles and sensors, imported whole and kept
-- read-only (only a new import of that country's line replaces them), each line with its
-- provenance (source, SHA-256 of its features, who imported it and when) in neighbour_lines.doc,
-- which the audit chain holds too. Bounding boxes in columns for queries.
CREATE TABLE neighbour_lines (
  country TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE neighbour_features (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY NOT NULL,
  country TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, name TEXT, status TEXT,
  minx DOUBLE NOT NULL, miny DOUBLE NOT NULL, maxx DOUBLE NOT NULL, maxy DOUBLE NOT NULL,
  UNIQUE (country, id));
CREATE INDEX neighbour_features_country ON neighbour_features (country);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
  VALUES ('neighbour_features', 'features', 'neighbour_features', 'Skydas registry: neighbours'' lines, read-only, as imported (provenance in neighbour_lines)', 20.4, 53.3, 27.2, 56.6, 4326);
INSERT INTO gpkg_geometry_columns VALUES ('neighbour_features', 'geom', 'GEOMETRY', 4326, 0, 0);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('neighbour_lines', 'attributes', 'neighbour_lines', 'Skydas registry: provenance of each neighbour''s line');
