package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry is a GeoPackage GDAL (and so QGIS) opens, with the right SRS. */
class GeoPackageGdalTest {
  @TempDir Path dir;

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(cmd[0] + " is missing in CI (install gdal-bin)", e);
      }
      Assumptions.abort(cmd[0] + " not installed (apt-get install gdal-bin)");
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void ogrinfoListsTheLayersWithWgs84AndReadsTheRecords() throws Exception {
    Path file = dir.resolve("registry.gpkg");
    try (Registry reg = Fixtures.open(dir)) {
      reg.create(
          Fixtures.PLANNER,
          RecordDraft.planned("d1", "at_ditch", Fixtures.line(24.2, 55.2, 0.01))
              .withName("Griovys Šalčininkų"));
      reg.create(
          Fixtures.PLANNER,
          RecordDraft.planned("m1", "at_minefield", Fixtures.square(24.3, 55.3, 0.01)));
    }
    String layers = run("ogrinfo", "-ro", "-q", file.toString());
    assertThat(layers)
        .contains("records", "activities", "audit_events")
        .doesNotContain("records_bbox");
    String summary = run("ogrinfo", "-ro", "-so", file.toString(), "records");
    assertThat(summary)
        .contains("Feature Count: 2")
        .contains("WGS 84")
        .contains("Geometry Column NOT NULL = geom")
        .doesNotContain("Warning");
    String features =
        run("ogrinfo", "-ro", "-al", "-q", file.toString(), "records", "-where", "id = 'd1'");
    assertThat(features)
        .contains("name (String) = Griovys Šalčininkų")
        .contains("LINESTRING (24.2 55.2,24.21 55.201)");
    String check =
        run(
            "ogrinfo",
            "-ro",
            "-q",
            "-sql",
            "SELECT COUNT(*) AS n FROM audit_events",
            file.toString());
    assertThat(check).contains("n (Integer").contains("= 2");
  }

  /**
   * Issue 19: the registry carries the standard GeoPackage R-tree ({@code gpkg_rtree_index}), which
   * GDAL (and so QGIS) finds and uses for a spatial filter, and the store's own queries use too
   * (schema 11 dropped its private R*Tree): its triggers follow every write, the store's and
   * GDAL's.
   */
  @Test
  void gdalUsesTheStandardSpatialIndexWhichFollowsEveryWrite() throws Exception {
    Path file = dir.resolve("registry.gpkg");
    try (Registry reg = Fixtures.open(dir)) {
      reg.create(
          Fixtures.PLANNER, RecordDraft.planned("d1", "at_ditch", Fixtures.line(24.2, 55.2, 0.01)));
      reg.create(
          Fixtures.PLANNER, RecordDraft.planned("d2", "at_ditch", Fixtures.line(25.2, 54.6, 0.01)));
      reg.create(Fixtures.PLANNER, RecordDraft.planned("b1", "bunker", Fixtures.point(24.5, 55.0)));
    }
    assertThat(
            run(
                "ogrinfo",
                "-ro",
                file.toString(),
                "-sql",
                "SELECT HasSpatialIndex('records', 'geom')"))
        .containsPattern("HasSpatialIndex.*\\(Integer\\) = 1");
    String inBox =
        run(
            "ogrinfo",
            "-ro",
            "-q",
            file.toString(),
            "records",
            "-spat",
            "24.1",
            "55.1",
            "24.3",
            "55.3");
    assertThat(inBox).contains("id (String) = d1").doesNotContain("= d2").doesNotContain("= b1");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'records_bbox'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).as("the store's own R*Tree is gone (schema 11)").isZero();
    }
    // a geometry moved by GDAL (as QGIS would) is where the store's bbox query looks for it: the
    // standard index's triggers followed the edit, and verify names the edit, not the index
    run(
        "ogrinfo",
        file.toString(),
        "-sql",
        "UPDATE records SET geom = AsGPB(ST_GeomFromText('LINESTRING (26 55, 26.01 55.01)', 4326))"
            + " WHERE id = 'd1'");
    try (Registry reg = Fixtures.open(dir)) {
      assertThat(
              reg.list(
                  new org.locationtech.jts.geom.Envelope(25.9, 26.1, 54.9, 55.1),
                  null,
                  null,
                  10,
                  0))
          .extracting(RegistryRecord::id)
          .containsExactly("d1");
      assertThat(reg.verify().problems())
          .anySatisfy(pr -> assertThat(pr).contains("record d1"))
          .noneSatisfy(pr -> assertThat(pr).contains("index"));
    }
  }

  /**
   * Issue 19: NGA's GeoPackage library, the reference implementation many DGIWG tools build on,
   * opens the registry's GeoPackage as a valid GeoPackage, finds the records layer and its standard
   * R-tree, and reads every record's geometry as the registry stores it (compared as WKT).
   */
  @Test
  void ngasGeoPackageLibraryReadsTheRegistryAsTheRegistryDoes() throws Exception {
    Path file = dir.resolve("registry.gpkg");
    java.util.Map<String, String> wkt = new java.util.TreeMap<>();
    try (Registry reg = Fixtures.open(dir)) {
      reg.create(
          Fixtures.PLANNER, RecordDraft.planned("d1", "at_ditch", Fixtures.line(24.2, 55.2, 0.01)));
      reg.create(
          Fixtures.PLANNER,
          RecordDraft.planned("m1", "at_minefield", Fixtures.square(24.3, 55.3, 0.01)));
      reg.create(Fixtures.PLANNER, RecordDraft.planned("b1", "bunker", Fixtures.point(24.5, 55.0)));
      for (RegistryRecord r : reg.list(null, null, null, 10, 0)) {
        wkt.put(r.id(), RecordCodec.wkt(r.geometry()));
      }
    }
    mil.nga.geopackage.GeoPackage g =
        mil.nga.geopackage.GeoPackageManager.open(file.toFile(), false);
    try {
      assertThat(g.getFeatureTables()).contains("records");
      assertThat(new mil.nga.geopackage.extension.rtree.RTreeIndexExtension(g).has("records"))
          .isTrue();
      java.util.Map<String, String> nga = new java.util.TreeMap<>();
      mil.nga.geopackage.features.user.FeatureDao dao = g.getFeatureDao("records");
      mil.nga.geopackage.features.user.FeatureResultSet rs = dao.queryForAll();
      try {
        while (rs.moveToNext()) {
          mil.nga.geopackage.features.user.FeatureRow row = rs.getRow();
          byte[] wkb = row.getGeometry().getWkb();
          nga.put(
              (String) row.getValue("id"),
              RecordCodec.wkt(new org.locationtech.jts.io.WKBReader().read(wkb)));
        }
      } finally {
        rs.close();
      }
      assertThat(nga).isEqualTo(wkt);
      assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
    } finally {
      g.close();
    }
  }

  /**
   * Issue 19: the registry is in WAL mode, so a reader holding a transaction open (QGIS drawing the
   * layer, a long export) does not block the writer; with a rollback journal this write waited the
   * whole busy timeout and failed with "database is locked".
   */
  @Test
  void aReaderHoldingATransactionDoesNotBlockTheWriter() throws Exception {
    Path file = dir.resolve("registry.gpkg");
    try (Registry reg = Fixtures.open(dir)) {
      reg.create(
          Fixtures.PLANNER, RecordDraft.planned("d1", "at_ditch", Fixtures.line(24.2, 55.2, 0.01)));
      try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        reader.setAutoCommit(false);
        try (Statement s = reader.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(1);
          reg.create(
              Fixtures.PLANNER,
              RecordDraft.planned("d2", "at_ditch", Fixtures.line(24.4, 55.2, 0.01)));
        }
        reader.commit();
      }
      assertThat(reg.find("d2")).isPresent();
    }
  }
}
