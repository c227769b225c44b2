package lt.skydas.registry.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The GeoPackage 1.3 core tables (spatial reference systems with WGS84, contents, geometry columns)
 * and the registration of a WGS84 feature table: what every GeoPackage Skydas writes shares (the
 * registry export, the seam report's meeting points).
 */
public final class GpkgTables {
  static final int APPLICATION_ID = 0x47504B47; // "GPKG"
  static final int USER_VERSION = 10300; // GeoPackage 1.3: GDAL 3.6 warns on 1.4

  private GpkgTables() {}

  /** Creates the core tables in a fresh SQLite database. */
  public static void createCore(Statement s) throws SQLException {
    s.execute("PRAGMA application_id = " + APPLICATION_ID);
    s.execute("PRAGMA user_version = " + USER_VERSION);
    s.execute(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
            + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
            + " definition TEXT NOT NULL, description TEXT)");
    s.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES"
            + " ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',"
            + " 'undefined cartesian coordinate reference system'),"
            + " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',"
            + " 'undefined geographic coordinate reference system'),"
            + " ('WGS 84 geodetic', 4326, 'EPSG', 4326, '"
            + WGS84_WKT
            + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
    s.execute(
        "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,"
            + " data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',"
            + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
            + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
            + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id)"
            + " REFERENCES gpkg_spatial_ref_sys(srs_id))");
    s.execute(
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,"
            + " column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
            + " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
            + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
            + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
            + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name)"
            + " REFERENCES gpkg_contents(table_name),"
            + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id)"
            + " REFERENCES gpkg_spatial_ref_sys (srs_id))");
  }

  /**
   * Registers feature table {@code table} (geometry column {@code geom}, WGS84) in the contents and
   * geometry columns, with its extent (null bounds when empty).
   */
  public static void register(
      Connection c, String table, String description, String geometryType, Envelope env)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
                + " min_x, min_y, max_x, max_y, srs_id)"
                + " VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)")) {
      ps.setString(1, table);
      ps.setString(2, table);
      ps.setString(3, description);
      if (env.isNull()) {
        for (int i = 4; i <= 7; i++) {
          ps.setNull(i, java.sql.Types.DOUBLE);
        }
      } else {
        ps.setDouble(4, env.getMinX());
        ps.setDouble(5, env.getMinY());
        ps.setDouble(6, env.getMaxX());
        ps.setDouble(7, env.getMaxY());
      }
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)")) {
      ps.setString(1, table);
      ps.setString(2, geometryType);
      ps.executeUpdate();
    }
  }

  /** Creates {@code gpkg_extensions} (GeoPackage 1.3, table 17). */
  public static void createExtensions(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT,"
            + " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
            + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
  }

  /**
   * Adds the standard spatial index of feature table {@code table} (column {@code geom}, primary
   * key {@code fid}; {@code fids} and {@code boxes} give each row's key and envelope): the {@code
   * gpkg_rtree_index} extension (GeoPackage 1.3, annex F.3), filled here from the envelopes, with
   * the spec's triggers that keep it in step when QGIS or GDAL edit the layer (they provide the
   * {@code ST_*} functions the triggers call; they are created after the rows, so this writer needs
   * none).
   */
  public static void rtree(Connection c, String table, List<Long> fids, List<Envelope> boxes)
      throws SQLException {
    String rt = "rtree_" + table + "_geom";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE VIRTUAL TABLE " + rt + " USING rtree(id, minx, maxx, miny, maxy)");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + rt + " VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < boxes.size(); i++) {
        Envelope e = boxes.get(i);
        ps.setLong(1, fids.get(i));
        ps.setDouble(2, e.getMinX());
        ps.setDouble(3, e.getMaxX());
        ps.setDouble(4, e.getMinY());
        ps.setDouble(5, e.getMaxY());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    String values =
        " VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom),"
            + " ST_MaxY(NEW.geom)); END";
    String on = " ON " + table;
    String has = " (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))";
    String hasNot = " (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))";
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER "
              + rt
              + "_insert AFTER INSERT"
              + on
              + " WHEN"
              + has
              + " BEGIN INSERT OR REPLACE INTO "
              + rt
              + values);
      s.execute(
          "CREATE TRIGGER "
              + rt
              + "_update1 AFTER UPDATE OF geom"
              + on
              + " WHEN OLD.fid = NEW.fid AND"
              + has
              + " BEGIN INSERT OR REPLACE INTO "
              + rt
              + values);
      s.execute(
          "CREATE TRIGGER "
              + rt
              + "_update2 AFTER UPDATE OF geom"
              + on
              + " WHEN OLD.fid = NEW.fid AND"
              + hasNot
              + " BEGIN DELETE FROM "
              + rt
              + " WHERE id = OLD.fid; END");
      s.execute(
          "CREATE TRIGGER "
              + rt
              + "_update3 AFTER UPDATE"
              + on
              + " WHEN OLD.fid != NEW.fid AND"
              + has
              + " BEGIN DELETE FROM "
              + rt
              + " WHERE id = OLD.fid;"
              + " INSERT OR REPLACE INTO "
              + rt
              + values);
      s.execute(
          "CREATE TRIGGER "
              + rt
              + "_update4 AFTER UPDATE"
              + on
              + " WHEN OLD.fid != NEW.fid AND"
              + hasNot
              + " BEGIN DELETE FROM "
              + rt
              + " WHERE id IN (OLD.fid, NEW.fid); END");
      s.execute(
          "CREATE TRIGGER "
              + rt
              + "_delete AFTER DELETE"
              + on
              + " WHEN OLD.geom NOT NULL BEGIN DELETE FROM "
              + rt
              + " WHERE id = OLD.fid; END");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index',"
                + " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")) {
      ps.setString(1, table);
      ps.executeUpdate();
    }
  }

  private static final String WGS84_WKT =
      "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
          + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
          + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
          + "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],"
          + "AUTHORITY[\"EPSG\",\"4326\"]]";
}
