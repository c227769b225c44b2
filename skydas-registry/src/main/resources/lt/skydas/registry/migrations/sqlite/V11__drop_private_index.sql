-- The store's own R*Tree (records_bbox) goes (issue 19): bbox queries and `registry verify` use the
-- standard gpkg_rtree_index (rtree_records_geom, schema 9), which its triggers keep right whoever
-- writes, so an edit in QGIS or GDAL can no longer leave the store's index behind.
DROP TABLE records_bbox;
