package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Locale;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.progress.Progress;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.RegionDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code skydas seams} on a hand-made pack: Lithuania north-east and Poland north-west of a
 * tri-point at 25.0 E 54.6 N, Belarus south of it. Each country's line runs along the Belarusian
 * border and stops short of the tri-point; the gap between their ends is known.
 */
class SeamsCommandTest {
  @TempDir static Path dir;
  static Path pack;

  private static final String SQUARE = "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]";

  private static String square(double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT, SQUARE, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
  }

  @BeforeAll
  static void pack() throws IOException {
    Path layers = Files.createDirectories(dir.resolve("layers"));
    Files.writeString(
        layers.resolve("countries.geojson"),
        "{\"type\":\"FeatureCollection\",\"features\":["
            + country("LT", square(25.0, 54.6, 25.1, 54.65))
            + ","
            + country("PL", square(24.9, 54.6, 25.0, 54.65))
            + ","
            + country("BY", square(24.9, 54.55, 25.1, 54.6))
            + "]}");
    Files.writeString(
        layers.resolve("borders.geojson"),
        "{\"type\":\"FeatureCollection\",\"features\":["
            + border("LT-PL", "[[25.0,54.6],[25.0,54.65]]")
            + ","
            + border("LT-BY", "[[25.0,54.6],[25.1,54.6]]")
            + ","
            + border("PL-BY", "[[24.9,54.6],[25.0,54.6]]")
            + "]}");
    Files.writeString(
        layers.resolve("roads_main.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
    Path def = dir.resolve("seam.json");
    Files.writeString(
        def,
        """
        {"format": "skydas-region/1", "id": "seam", "name": "Seam", "home": ["LT"],
         "crs": "EPSG:3346", "hostile_borders": ["LT-BY"],
         "objectives": {"type": "FeatureCollection", "features": [
           {"type": "Feature", "id": "t", "properties": {"name": "T"},
            "geometry": {"type": "Point", "coordinates": [25.05, 54.63]}}]}}
        """);
    pack = dir.resolve("pack");
    RegionBuilder.build(
        new RegionBuildOptions(layers, pack, 200, 1, RegionDefinition.read(def)), Progress.NONE);
  }

  private static String country(String iso, String rings) {
    return "{\"type\":\"Feature\",\"properties\":{\"iso_a2\":\""
        + iso
        + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + rings
        + "}}";
  }

  private static String border(String pair, String coords) {
    return "{\"type\":\"Feature\",\"properties\":{\"pair\":\""
        + pair
        + "\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
        + coords
        + "}}";
  }

  /** Candidate sites as skydas candidates writes them. */
  private static Path candidates() throws IOException {
    Path p = dir.resolve("candidates.geojson");
    Files.writeString(
        p,
        "{\"type\":\"FeatureCollection\",\"features\":["
            + site("c1", "[[25.003,54.605],[25.019,54.605]]", 100)
            + ","
            + site("p1", "[[24.981,54.604],[24.996,54.604]]", 50)
            + ","
            + site("p2", "[[24.981,54.63],[24.996,54.63]]", 10)
            + "]}");
    return p;
  }

  private static String site(String id, String coords, long cost) {
    return "{\"type\":\"Feature\",\"id\":\""
        + id
        + "\",\"properties\":{\"kind\":\"belt\",\"cheapest_cost_eur\":"
        + cost
        + "},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
        + coords
        + "}}";
  }

  private static String avenue(String coords, double hours) {
    return "{\"type\":\"Feature\",\"properties\":{\"objective\":\"t\",\"vehicle\":\"tracked\","
        + "\"season\":\"dry\",\"scenario\":\"baseline\",\"time_h\":"
        + hours
        + "},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
        + coords
        + "}}";
  }

  private static Path line(String name, String... lineStrings) throws IOException {
    StringBuilder fs = new StringBuilder();
    for (int i = 0; i < lineStrings.length; i++) {
      fs.append(i == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"id\":\"")
          .append(name)
          .append(i)
          .append("\",\"properties\":{\"type\":\"at_ditch\"},\"geometry\":{\"type\":")
          .append("\"LineString\",\"coordinates\":")
          .append(lineStrings[i])
          .append("}}");
    }
    Path p = dir.resolve(name + ".geojson");
    Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[" + fs + "]}");
    return p;
  }

  @Test
  void theGapAtTheTriPointIsMeasuredAndAMeetingPointWritten() throws Exception {
    Path lt = line("lt", "[[25.02,54.605],[25.09,54.605]]");
    Path pl = line("pl", "[[24.91,54.604],[24.98,54.604]]");
    Path out = dir.resolve("out");
    // an assessment's avenues (as skydas assess writes them): one through the gap, one 4 km east
    Path assessed = Files.createDirectories(dir.resolve("assessed"));
    Files.writeString(
        assessed.resolve("avenues.geojson"),
        "{\"type\":\"FeatureCollection\",\"features\":["
            + avenue("[[25.0,54.59],[25.0,54.64]]", 1.25)
            + ","
            + avenue("[[25.08,54.59],[25.08,54.64]]", 0.75)
            + "]}");
    CliRunner.Result r =
        CliRunner.run(
            "seams",
            "--region",
            pack.toString(),
            "--line",
            "LT=" + lt,
            "--line",
            "PL=" + pl,
            "--assessment",
            assessed.toString(),
            "--candidates",
            candidates().toString(),
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Coordinate a = Crs.lks94().toMetric(25.02, 54.605, new Coordinate());
    Coordinate b = Crs.lks94().toMetric(24.98, 54.604, new Coordinate());
    double gapKm = Math.round(a.distance(b)) / 1000.0;
    assertThat(r.out())
        .contains("LT-PL at BY (25.0000 E 54.6000 N): gap")
        .contains("1 avenue(s) of approach through it (fastest 1.25 h to t, tracked dry)")
        .contains("closing the gap would delay them by up to");
    JsonNode s = new ObjectMapper().readTree(out.resolve("seams.json").toFile());
    JsonNode seam = s.path("seams").get(0);
    assertThat(s.path("seams")).hasSize(1);
    assertThat(seam.path("status").asText()).isEqualTo("gap");
    assertThat(seam.path("avenues_through")).hasSize(1);
    // each side's candidate nearest the other's line end: LT's c1, PL's p1 (p2 lies further off)
    JsonNode best = seam.path("best_closers");
    assertThat(best).hasSize(2);
    assertThat(best.get(0).path("country").asText()).isEqualTo("LT");
    assertThat(best.get(0).path("site").asText()).isEqualTo("c1");
    Coordinate c1 = Crs.lks94().toMetric(25.003, 54.605, new Coordinate());
    assertThat(best.get(0).path("gap_after_km").asDouble())
        .isEqualTo(Math.round(c1.distance(b)) / 1000.0);
    assertThat(best.get(1).path("site").asText()).isEqualTo("p1");
    Coordinate p1 = Crs.lks94().toMetric(24.996, 54.604, new Coordinate());
    assertThat(best.get(1).path("gap_after_km").asDouble())
        .isEqualTo(Math.round(a.distance(p1)) / 1000.0);
    assertThat(r.out()).contains("best candidate: LT c1");
    assertThat(seam.path("avenues_through").get(0).path("time_h").asDouble()).isEqualTo(1.25);
    // timed on the pack: closing the 2.6 km gap with a ditch (both lines' type) costs the
    // tracked attacker toward t something, and never less than nothing
    assertThat(seam.path("closed_with").asText()).isEqualTo("at_ditch");
    JsonNode avoided = seam.path("avenues_through").get(0).path("delay_avoided_h");
    assertThat(avoided.isNumber()).as(avoided.toString()).isTrue();
    assertThat(avoided.asDouble()).isGreaterThan(0);
    assertThat(seam.path("gap_km").asDouble()).isEqualTo(gapKm);
    assertThat(seam.path("end_LT").get(0).asDouble()).isCloseTo(25.02, within(1e-6));
    assertThat(seam.path("end_PL").get(0).asDouble()).isCloseTo(24.98, within(1e-6));
    // on the LT-PL border (25.0 E), between the two ends' latitudes
    assertThat(seam.path("meeting_point").get(0).asDouble()).isCloseTo(25.0, within(1e-6));
    assertThat(seam.path("meeting_point").get(1).asDouble()).isBetween(54.604, 54.605);
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + out.resolve("meeting-points.gpkg"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT m.allies, m.status, m.gap_km, g.srs_id FROM meeting_points m,"
                        + " gpkg_geometry_columns g WHERE g.table_name = 'meeting_points'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("LT-PL");
      assertThat(rs.getString(2)).isEqualTo("gap");
      assertThat(rs.getDouble(3)).isCloseTo(a.distance(b) / 1000, within(1e-9));
      assertThat(rs.getInt(4)).isEqualTo(4326);
      assertThat(rs.next()).isFalse();
    }
    assertThat(Files.readString(out.resolve("seams.html"))).contains("LT-PL").contains("gap");
    assertThat(Files.readString(out.resolve("seams.geojson"))).contains("\"tri-point\"");
  }

  @Test
  void aNeighboursFeatureOnTheWrongSideIsNamed() throws IOException {
    Path lt = line("lt2", "[[25.02,54.605],[25.09,54.605]]");
    Path pl = line("pl2", "[[24.91,54.604],[24.98,54.604]]", "[[25.05,54.62],[25.08,54.62]]");
    CliRunner.Result r =
        CliRunner.run(
            "seams",
            "--region",
            pack.toString(),
            "--line",
            "LT=" + lt,
            "--line",
            "PL=" + pl,
            "--out",
            dir.resolve("bad").toString(),
            "--quiet");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("pl2.geojson")
        .contains("pl21")
        .contains("lies in LT")
        .contains("not on PL's side of the border");
    assertThat(Files.exists(dir.resolve("bad"))).isFalse();
  }

  @Test
  void projectedCoordinatesAndBadArgumentsAreRefused() throws IOException {
    Path lt = line("lt3", "[[25.02,54.605],[25.09,54.605]]");
    Path pl = line("pl3", "[[520000,6050000],[525000,6050000]]");
    CliRunner.Result r =
        CliRunner.run(
            "seams",
            "--region",
            pack.toString(),
            "--line",
            "LT=" + lt,
            "--line",
            "PL=" + pl,
            "--out",
            dir.resolve("x").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("pl3.geojson").contains("is not lon/lat in degrees (wrong CRS?");
    CliRunner.Result one =
        CliRunner.run("seams", "--region", pack.toString(), "--line", "LT=" + lt, "--out", "x");
    assertThat(one.exit()).isEqualTo(2);
    assertThat(one.err()).contains("give at least two countries' lines");
    CliRunner.Result hostile =
        CliRunner.run(
            "seams",
            "--region",
            pack.toString(),
            "--line",
            "LT=" + lt,
            "--line",
            "BY=" + lt,
            "--out",
            "x");
    assertThat(hostile.err()).contains("BY is a hostile country of this region");
  }
}
