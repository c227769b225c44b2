-- GeoPackage only (the store's own R*Tree gives way to the standard one); PostGIS has its GiST index.
SELECT 1;
