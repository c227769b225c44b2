-- Neighbours' lines (issue 16): another country's obstacles and sensors, imported whole and kept
-- read-only (only a new import of that country's line replaces them), each line with its
-- provenance (source, SHA-256 of its features, who imported it and when) in neighbour_lines.doc,
-- which the audit chain holds too.
CREATE TABLE neighbour_lines (
  country TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE neighbour_features (
  fid BIGSERIAL PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL,
  country TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, name TEXT, status TEXT,
  minx DOUBLE PRECISION NOT NULL, miny DOUBLE PRECISION NOT NULL,
  maxx DOUBLE PRECISION NOT NULL, maxy DOUBLE PRECISION NOT NULL,
  UNIQUE (country, id));
CREATE INDEX neighbour_features_country ON neighbour_features (country);
CREATE INDEX neighbour_features_geom ON neighbour_features USING GIST (geom);
