-- GeoPackage only (the standard R-tree index of the records); PostGIS has its GiST index.
SELECT 1;
