package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
}
