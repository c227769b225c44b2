package lt.skydas.registry.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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

  private static final String WGS84_WKT =
      "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
          + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
          + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
          + "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],"
          + "AUTHORITY[\"EPSG\",\"4326\"]]";
}
