package lt.skydas.registry.exchange;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.registry.store.GpkgGeometry;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The GeoPackages Skydas writes (the registry export, the seam report's meeting points), made with
 * NGA's GeoPackage library (ADR 0031): the core tables and WGS84, one feature table per layer with
 * its contents row, geometry column and extent, the rows, and the standard spatial index ({@code
 * gpkg_rtree_index} with the spec's triggers, so QGIS and GDAL find it and keep it right when they
 * edit). What the library does not know, QGIS's {@code layer_styles}, goes in over {@link
 * #connection()}.
 *
 * <p>Usage: {@code create}, then per layer {@link #layer} and {@link Layer#add} for each row, then
 * {@link #close}. Each layer's rows go in one transaction; the file is meant to be built aside and
 * moved into place (a failed export leaves nothing where the user looks).
 */
public final class GpkgWriter implements AutoCloseable {
  /** GeoPackage 1.3: GDAL 3.6 warns on 1.4, which the library writes. */
  static final int USER_VERSION = 10300;

  /** A column's type. */
  public enum Type {
    TEXT(GeoPackageDataType.TEXT),
    INTEGER(GeoPackageDataType.INTEGER),
    REAL(GeoPackageDataType.REAL),
    BOOLEAN(GeoPackageDataType.BOOLEAN);

    final GeoPackageDataType gpkg;

    Type(GeoPackageDataType gpkg) {
      this.gpkg = gpkg;
    }
  }

  /** An attribute column of a layer (beside {@code fid} and {@code geom}). */
  public record Column(String name, Type type, boolean notNull, boolean unique) {
    public static Column of(String name, Type type) {
      return new Column(name, type, false, false);
    }

    public static Column required(String name, Type type) {
      return new Column(name, type, true, false);
    }
  }

  private final GeoPackage gpkg;

  /** The DGIWG view of the same file when written to that profile, else null. */
  private final mil.nga.geopackage.dgiwg.DGIWGGeoPackage dgiwg;

  private final List<Layer> layers = new ArrayList<>();
  private boolean failed;

  /**
   * Whether a layer's rows are being written in a transaction (the tables are made outside one).
   */
  private boolean inRows;

  private GpkgWriter(GeoPackage gpkg, mil.nga.geopackage.dgiwg.DGIWGGeoPackage dgiwg) {
    this.gpkg = gpkg;
    this.dgiwg = dgiwg;
  }

  /**
   * Creates a GeoPackage to the DGIWG GeoPackage profile (DGIWG 126, as NGA's library implements
   * and validates it) at {@code file}: the product metadata ({@code metadataXml}, ISO 19139 under
   * the DGIWG Metadata Foundation) in {@code gpkg_metadata}, WGS 84 with its WKT 2 definition,
   * every layer with its R-tree; {@link #close} refuses a file NGA's DGIWG validation finds fault
   * with.
   */
  public static GpkgWriter createDgiwg(Path file, String metadataXml) throws SQLException {
    try {
      mil.nga.geopackage.dgiwg.GeoPackageFile f =
          mil.nga.geopackage.dgiwg.DGIWGGeoPackageManager.create(file.toFile(), metadataXml);
      mil.nga.geopackage.dgiwg.DGIWGGeoPackage g =
          mil.nga.geopackage.dgiwg.DGIWGGeoPackageManager.open(f);
      g.execSQL("PRAGMA synchronous = OFF");
      // WGS 84 as the profile defines it (its WKT 2 in definition_12_063), over the default row
      g.getSpatialReferenceSystemDao()
          .createOrUpdate(
              mil.nga.geopackage.dgiwg.CoordinateReferenceSystem.EPSG_4326
                  .createFeaturesSpatialReferenceSystem());
      g.createGeometryColumnsTable();
      return new GpkgWriter(g, g);
    } catch (RuntimeException | java.sql.SQLException e) {
      throw new SQLException("cannot create DGIWG GeoPackage " + file + ": " + e.getMessage(), e);
    }
  }

  /** Creates a GeoPackage at {@code file} (which must not exist) and opens it for writing. */
  public static GpkgWriter create(Path file) throws SQLException {
    File f = file.toFile();
    try {
      GeoPackageManager.create(f);
      GeoPackage g = GeoPackageManager.open(f, true);
      // a file built aside and then copied into place (the caller's atomic output): no fsync here
      g.execSQL("PRAGMA synchronous = OFF");
      // GDAL opens no GeoPackage without it, even one with no layers (an empty export)
      g.createGeometryColumnsTable();
      return new GpkgWriter(g, null);
    } catch (RuntimeException e) {
      throw new SQLException("cannot create GeoPackage " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's JDBC connection, inside the writer's transaction (for what NGA does not write). */
  public Connection connection() {
    return gpkg.getConnection().getConnection();
  }

  /**
   * Adds a feature layer: table {@code table} with {@code fid}, a {@code geom} of {@code
   * geometryType} (e.g. {@code POINT}, {@code MULTIPOLYGON}) in WGS84, and the columns.
   *
   * @param extent the layer's extent (null if it has no rows)
   */
  public Layer layer(
      String table, String description, String geometryType, List<Column> columns, Envelope extent)
      throws SQLException {
    try {
      endRows();
      GeometryColumns gc = new GeometryColumns();
      gc.setId(new TableColumnKey(table, "geom"));
      gc.setGeometryType(GeometryType.fromName(geometryType));
      gc.setZ((byte) 0);
      gc.setM((byte) 0);
      gc.setSrsId(4326);
      List<FeatureColumn> cols = new ArrayList<>();
      for (Column c : columns) {
        FeatureColumn fc = FeatureColumn.createColumn(c.name(), c.type().gpkg, c.notNull());
        if (c.unique()) {
          fc.addUniqueConstraint();
        }
        cols.add(fc);
      }
      BoundingBox box =
          extent == null || extent.isNull()
              ? null
              : new BoundingBox(
                  extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
      FeatureTable ft =
          gpkg.createFeatureTable(
              box == null
                  ? FeatureTableMetadata.create(gc, "fid", cols)
                  : FeatureTableMetadata.create(gc, "fid", cols, box));
      try (PreparedStatement ps =
          connection()
              .prepareStatement(
                  "UPDATE gpkg_contents SET description = ?, identifier = ? WHERE table_name = ?")) {
        ps.setString(1, description);
        ps.setString(2, table);
        ps.setString(3, table);
        ps.executeUpdate();
      }
      FeatureDao dao = gpkg.getFeatureDao(table);
      dao.setPkModifiable(true); // the caller's fids (the export keeps the records' order by them)
      Layer l = new Layer(ft, dao, columns);
      layers.add(l);
      // NGA reads its metadata tables over ORMLite's own connection, which would not see them in
      // an open transaction: only the rows go in one
      gpkg.beginTransaction();
      inRows = true;
      return l;
    } catch (RuntimeException e) {
      failed = true;
      throw new SQLException("cannot add layer " + table + ": " + e.getMessage(), e);
    }
  }

  /** A feature layer being written. */
  public final class Layer {
    private final FeatureTable table;
    private final FeatureDao dao;
    private final List<Column> columns;

    private Layer(FeatureTable table, FeatureDao dao, List<Column> columns) {
      this.table = table;
      this.dao = dao;
      this.columns = columns;
    }

    /**
     * Adds a row.
     *
     * @param fid the row's key (null: the next)
     * @param values one per column, in order (null allowed where the column is nullable)
     */
    public void add(Long fid, Geometry g, Object... values) throws SQLException {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            values.length + " values for " + columns.size() + " columns");
      }
      try {
        FeatureRow row = dao.newRow();
        if (fid != null) {
          row.setId(fid);
        }
        row.setGeometry(GeoPackageGeometryData.create(GpkgGeometry.encode(g, 4326)));
        for (int i = 0; i < values.length; i++) {
          row.setValue(columns.get(i).name(), values[i]);
        }
        dao.insert(row);
      } catch (RuntimeException e) {
        failed = true;
        throw new SQLException(
            "cannot write a row of " + table.getTableName() + ": " + e.getMessage(), e);
      }
    }
  }

  private void endRows() {
    if (inRows) {
      inRows = false;
      gpkg.endTransaction(!failed);
    }
  }

  /** Commits the rows, indexes every layer, sets the GeoPackage version and closes. */
  @Override
  public void close() throws SQLException {
    try {
      endRows();
      if (!failed) {
        RTreeIndexExtension rtree = new RTreeIndexExtension(gpkg);
        for (Layer l : layers) {
          if (!rtree.has(l.table.getTableName())) {
            rtree.create(l.table);
          }
        }
        try (Statement s = connection().createStatement()) {
          s.execute("PRAGMA user_version = " + USER_VERSION);
        }
        if (dgiwg != null) {
          var errors = dgiwg.validate();
          if (errors.hasErrors()) {
            failed = true;
            throw new SQLException("not a valid DGIWG GeoPackage: " + errors);
          }
        }
      }
    } catch (RuntimeException e) {
      throw new SQLException("cannot finish the GeoPackage: " + e.getMessage(), e);
    } finally {
      gpkg.close();
    }
  }
}
