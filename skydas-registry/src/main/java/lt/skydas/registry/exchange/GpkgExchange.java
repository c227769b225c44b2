package lt.skydas.registry.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Symbology;
import lt.skydas.registry.store.GpkgGeometry;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * GeoPackage 1.4 files. Export makes a fresh file with one feature layer {@code records} (SRS
 * EPSG:4326, geometry column {@code geom}, plain columns, the minefield record and a depot's stock
 * as JSON text), built in a temporary file and moved into place. Import opens a file read-only,
 * takes the feature layer {@code records} or else the first one in {@code gpkg_contents}, refuses a
 * layer not in EPSG:4326 and reads the same columns. Stateless.
 */
final class GpkgExchange {
  static final String LAYER = "records";
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private GpkgExchange() {}

  // ---- reading ----

  static List<RecordDraft> read(Path file) throws IOException {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SQLITE_MAGIC.length);
      if (!java.util.Arrays.equals(head, SQLITE_MAGIC)) {
        throw SkydasProblem.badInput(name, null, "not a GeoPackage (not an SQLite database)");
      }
    }
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    cfg.setOpenMode(SQLiteOpenMode.READONLY);
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties())) {
      List<Layer> layers = layers(name, c);
      List<Map.Entry<Long, RecordDraft>> rows = new ArrayList<>();
      for (Layer layer : layers) {
        rows.addAll(rows(name, c, layer));
      }
      if (layers.size() > 1) {
        // the export's layers: fids are positions in the export
        rows.sort(Map.Entry.comparingByKey());
      }
      return rows.stream().map(Map.Entry::getValue).toList();
    } catch (SQLException e) {
      throw SkydasProblem.badInput(
          name, null, "cannot read as a GeoPackage: " + Fields.clip(e.getMessage()));
    }
  }

  private record Layer(String table, String geomColumn, int srsId) {}

  /**
   * The layers to read: {@code records} (exports before 0.2), else the export's {@code records_*}
   * layers (points, lines, areas), else the first feature layer.
   */
  private static List<Layer> layers(String file, Connection c) throws SQLException {
    List<Layer> layers = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c"
                    + " JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
                    + " WHERE c.data_type = 'features' ORDER BY c.rowid")) {
      while (rs.next()) {
        layers.add(new Layer(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    } catch (SQLException e) {
      throw SkydasProblem.badInput(
          file, null, "not a GeoPackage (no gpkg_contents/gpkg_geometry_columns tables)");
    }
    if (layers.isEmpty()) {
      throw SkydasProblem.badInput(file, null, "GeoPackage has no feature layer");
    }
    List<Layer> chosen =
        layers.stream().filter(x -> x.table().equals(LAYER)).findFirst().map(List::of).orElse(null);
    if (chosen == null) {
      chosen = layers.stream().filter(x -> x.table().startsWith(LAYER + "_")).toList();
    }
    if (chosen.isEmpty()) {
      chosen = List.of(layers.get(0));
    }
    for (Layer l : chosen) {
      check(file, c, l);
    }
    return chosen;
  }

  private static void check(String file, Connection c, Layer l) throws SQLException {
    // a view can compute anything (randomblob(4e8), itself): only stored tables are read
    // (issue 18, finding 7)
    try (PreparedStatement ps =
        c.prepareStatement("SELECT type FROM sqlite_master WHERE name = ? COLLATE NOCASE")) {
      ps.setString(1, l.table());
      try (ResultSet rs = ps.executeQuery()) {
        String type = rs.next() ? rs.getString(1) : null;
        if (!"table".equals(type)) {
          throw SkydasProblem.badInput(
              file,
              "layer '" + Fields.clip(l.table()) + "'",
              (type == null ? "no such table" : "a " + type + ", not a table")
                  + "; Skydas reads stored tables only (write the layer out as a table, e.g."
                  + " ogr2ogr out.gpkg in.gpkg)");
        }
      }
    }
    String org = null;
    int code = -1;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys"
                + " WHERE srs_id = ?")) {
      ps.setInt(1, l.srsId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          org = rs.getString(1);
          code = rs.getInt(2);
        }
      }
    }
    boolean wgs84 = org != null && org.equalsIgnoreCase("EPSG") && code == 4326;
    if (!wgs84) {
      String crs = org == null ? "srs_id " + l.srsId() : org.toUpperCase(Locale.ROOT) + ":" + code;
      throw SkydasProblem.badInput(
          file,
          "layer '" + Fields.clip(l.table()) + "'",
          "wrong CRS: the layer is in "
              + crs
              + ", not EPSG:4326 (WGS 84 lon/lat); reproject it first"
              + " (ogr2ogr -t_srs EPSG:4326 out.gpkg in.gpkg)");
    }
  }

  private static List<Map.Entry<Long, RecordDraft>> rows(String file, Connection c, Layer l)
      throws SQLException {
    String sql = "SELECT * FROM " + quote(l.table());
    List<Map.Entry<Long, RecordDraft>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      var md = rs.getMetaData();
      int fidCol = -1;
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (md.getColumnName(i).equalsIgnoreCase("fid")) {
          fidCol = i;
        }
      }
      int n = 0;
      while (rs.next()) {
        n++;
        String where =
            "layer '"
                + Fields.clip(l.table())
                + "' feature "
                + (fidCol > 0 ? "fid " + rs.getLong(fidCol) : "#" + n);
        Map<String, Object> v = new HashMap<>();
        Geometry g = null;
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String col = md.getColumnName(i);
          if (col.equalsIgnoreCase(l.geomColumn())) {
            byte[] blob = rs.getBytes(i);
            if (blob == null) {
              throw SkydasProblem.badInput(file, where, "has no geometry");
            }
            try {
              g = GpkgGeometry.decode(blob, Fields.WGS84);
            } catch (IllegalArgumentException e) {
              throw SkydasProblem.badInput(file, where, "geometry: " + e.getMessage());
            }
          } else {
            v.put(col.toLowerCase(Locale.ROOT), rs.getObject(i));
          }
        }
        out.add(Map.entry(fidCol > 0 ? rs.getLong(fidCol) : n, Fields.draft(file, where, g, v)));
      }
    }
    return out;
  }

  private static String quote(String ident) {
    return "\"" + ident.replace("\"", "\"\"") + "\"";
  }

  // ---- writing ----

  static void write(List<RegistryRecord> records, Path file) {
    write(records, file, null);
  }

  /**
   * As {@link #write(List, Path)}; with {@code dgiwgAt} (the time the export is stamped with) to
   * the DGIWG GeoPackage profile, validated by NGA's library before it is written.
   */
  static void write(List<RegistryRecord> records, Path file, java.time.Instant dgiwgAt) {
    AtomicOutput.writeFile(
        file,
        out -> {
          Path dir = file.toAbsolutePath().getParent();
          Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".build.gpkg");
          try {
            Files.delete(tmp);
            build(records, tmp, dgiwgAt);
            Files.copy(tmp, out);
          } catch (SQLException e) {
            throw new IOException("GeoPackage: " + e.getMessage(), e);
          } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-journal"));
          }
        });
  }

  /**
   * The export's layers, one geometry type each (GeoPackage declares one type per layer; GDAL, QGIS
   * and Shapefile want it): single and multi parts apart, so every record comes back as it was.
   * Only layers with records are written.
   */
  enum Part {
    POINTS("Point"),
    MULTIPOINTS("MultiPoint"),
    LINES("LineString"),
    MULTILINES("MultiLineString"),
    AREAS("Polygon"),
    MULTIAREAS("MultiPolygon");

    final String jtsType;

    Part(String jtsType) {
      this.jtsType = jtsType;
    }

    String table() {
      return LAYER + "_" + name().toLowerCase(Locale.ROOT);
    }

    String gpkgType() {
      return jtsType.toUpperCase(Locale.ROOT);
    }

    static Part of(Geometry g) {
      for (Part p : values()) {
        if (p.jtsType.equals(g.getGeometryType())) {
          return p;
        }
      }
      throw new IllegalArgumentException("no export layer for a " + g.getGeometryType());
    }
  }

  /** The export's attribute columns, in the order {@link #values} gives them. */
  private static final List<GpkgWriter.Column> COLUMNS =
      List.of(
          new GpkgWriter.Column("id", GpkgWriter.Type.TEXT, true, true),
          GpkgWriter.Column.required("kind", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.required("type", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.of("name", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.required("status", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.of("year", GpkgWriter.Type.INTEGER),
          GpkgWriter.Column.of("notes", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.required("marked", GpkgWriter.Type.BOOLEAN),
          GpkgWriter.Column.required("fenced", GpkgWriter.Type.BOOLEAN),
          GpkgWriter.Column.required("monitored", GpkgWriter.Type.BOOLEAN),
          GpkgWriter.Column.of("source", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.required("version", GpkgWriter.Type.INTEGER),
          GpkgWriter.Column.required("created_at", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.required("updated_at", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.of("minefield", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.of("height_m", GpkgWriter.Type.REAL),
          GpkgWriter.Column.of("azimuth_deg", GpkgWriter.Type.REAL),
          GpkgWriter.Column.of("depot", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.of("shelter", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.required("sidc", GpkgWriter.Type.TEXT),
          GpkgWriter.Column.of("sidc_app6d", GpkgWriter.Type.TEXT));

  private static void build(List<RegistryRecord> records, Path db, java.time.Instant dgiwgAt)
      throws SQLException {
    // fid: the record's position in the export (unique across the layers), so import puts the
    // records back in this order
    Map<Part, List<RegistryRecord>> parts = new java.util.EnumMap<>(Part.class);
    Map<Part, List<Long>> fids = new java.util.EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      parts.put(p, new ArrayList<>());
      fids.put(p, new ArrayList<>());
    }
    long fid = 0;
    for (RegistryRecord r : records) {
      Part p = Part.of(r.geometry());
      parts.get(p).add(r);
      fids.get(p).add(++fid);
    }
    try (GpkgWriter w =
        dgiwgAt == null
            ? GpkgWriter.create(db)
            : GpkgWriter.createDgiwg(db, DgiwgMetadata.of(records, dgiwgAt))) {
      List<String> tables = new ArrayList<>();
      for (Part p : Part.values()) {
        if (!parts.get(p).isEmpty()) {
          layer(w, p, parts.get(p), fids.get(p));
          tables.add(p.table());
        }
      }
      GpkgStyles.write(w.connection(), tables);
    }
  }

  private static void layer(GpkgWriter w, Part part, List<RegistryRecord> records, List<Long> fids)
      throws SQLException {
    Envelope env = new Envelope();
    for (RegistryRecord r : records) {
      env.expandToInclude(r.geometry().getEnvelopeInternal());
    }
    GpkgWriter.Layer layer =
        w.layer(
            part.table(),
            "Skydas registry export, "
                + part.name().toLowerCase(Locale.ROOT)
                + ": obstacles, minefields, sensor sites, depots and shelters",
            part.gpkgType(),
            COLUMNS,
            env);
    int k = 0;
    for (RegistryRecord r : records) {
      layer.add(fids.get(k++), r.geometry(), values(r));
    }
  }

  private static Object[] values(RegistryRecord r) {
    Symbology.Symbol sym = Symbology.defaults().of(r);
    return new Object[] {
      r.id(),
      r.kind().id(),
      r.type(),
      r.name(),
      r.status().id(),
      r.year(),
      r.notes(),
      r.marked(),
      r.fenced(),
      r.monitored(),
      r.source(),
      r.version(),
      r.createdAt().toString(),
      r.updatedAt().toString(),
      Fields.minefieldJson(r),
      r.height_m(),
      r.azimuth_deg(),
      Fields.depotJson(r),
      Fields.shelterJson(r),
      sym.sidc(),
      sym.sidcApp6d()
    };
  }
}
