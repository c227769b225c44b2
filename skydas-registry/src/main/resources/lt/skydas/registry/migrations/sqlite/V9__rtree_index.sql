-- The standard GeoPackage spatial index of the records (gpkg_rtree_index, GeoPackage 1.3 annex
-- F.3; issue 19), beside the store's own records_bbox: QGIS and GDAL find and use it, and its
-- triggers keep it right whoever writes (the store registers the ST_* functions they call, GDAL
-- and QGIS register theirs).
CREATE TABLE IF NOT EXISTS gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE VIRTUAL TABLE rtree_records_geom USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO rtree_records_geom SELECT id, minx, maxx, miny, maxy FROM records_bbox;
CREATE TRIGGER rtree_records_geom_insert AFTER INSERT ON records
  WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN INSERT OR REPLACE INTO rtree_records_geom VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER rtree_records_geom_update1 AFTER UPDATE OF geom ON records
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN INSERT OR REPLACE INTO rtree_records_geom VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER rtree_records_geom_update2 AFTER UPDATE OF geom ON records
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM rtree_records_geom WHERE id = OLD.fid; END;
CREATE TRIGGER rtree_records_geom_update3 AFTER UPDATE ON records
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM rtree_records_geom WHERE id = OLD.fid; INSERT OR REPLACE INTO rtree_records_geom VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER rtree_records_geom_update4 AFTER UPDATE ON records
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM rtree_records_geom WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER rtree_records_geom_delete AFTER DELETE ON records
  WHEN OLD.geom NOT NULL
  BEGIN DELETE FROM rtree_records_geom WHERE id = OLD.fid; END;
INSERT INTO gpkg_extensions VALUES ('records', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
