package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skydas coverage} on the shipped region's 1 km pack. */
class CoverageCommandTest {
  @TempDir Path dir;

  /** Two radars and an EO/IR mast near the LT–BY border by Medininkai, a UGS line fence. */
  static final String PLAN =
      """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "gsr1", "properties": {"type": "gsr_portable", "height_m": 20},
         "geometry": {"type": "Point", "coordinates": [25.60, 54.50]}},
        {"type": "Feature", "id": "cam1", "properties": {"type": "eoir_mast"},
         "geometry": {"type": "Point", "coordinates": [25.40, 54.30]}},
        {"type": "Feature", "id": "fence1", "properties": {"type": "fibre_fence_sensor"},
         "geometry": {"type": "LineString", "coordinates": [[25.70, 54.55], [25.75, 54.52]]}}
      ]}
      """;

  @Test
  void writesCoveragePerTargetAndTheObservedShareOfTheHostileBorders() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(plan, PLAN);
    Path out = dir.resolve("cov");
    CliRunner.Result r =
        CliRunner.run(
            "coverage",
            "--region",
            TestPacks.oneKm().toString(),
            "--plan",
            plan.toString(),
            "--out",
            out.toString(),
            "--threads",
            "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("vehicle (2.5 m above the surface)", "border LT-BY:");
    JsonNode j = new ObjectMapper().readTree(out.resolve("coverage.json").toFile());
    assertThat(j.get("targets")).hasSize(3);
    JsonNode vehicle = j.get("targets").get(0);
    assertThat(vehicle.get("target").asText()).isEqualTo("vehicle");
    JsonNode by = vehicle.get("lines").get("LT-BY");
    assertThat(by.get("length_km").asDouble()).isBetween(600.0, 750.0);
    assertThat(by.get("observed_km").asDouble()).isGreaterThan(0.5);
    assertThat(by.get("unobserved_km").asDouble()).isGreaterThan(400.0);
    assertThat(by.get("observed_km").asDouble() + by.get("unobserved_km").asDouble())
        .isCloseTo(by.get("length_km").asDouble(), org.assertj.core.data.Offset.offset(0.02));
    // the fence sensor does not see drones: a note says so
    assertThat(j.get("notes").toString())
        .contains("fence1 (fibre_fence_sensor) observes no small_uas");
    ByteRaster tif = GeoTiff.readByte(out.resolve("coverage_vehicle.tif"));
    int max = 0;
    for (byte b : tif.data()) {
      if ((b & 0xff) != 255) {
        max = Math.max(max, b & 0xff);
      }
    }
    assertThat(max).isBetween(1, 3);
    assertThat(Files.readString(out.resolve("gaps.geojson")))
        .contains("\"line\":\"LT-BY\"", "\"target\":\"vehicle\"");
  }

  @Test
  void namedSitesAreProtectedWhenADroneOverThemIsDetectedAndWithinAnEffectorsReach()
      throws Exception {
    Path plan = dir.resolve("cuas.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "rf", "properties": {"type": "rf_drone_detector"},
           "geometry": {"type": "Point", "coordinates": [23.90, 54.90]}},
          {"type": "Feature", "id": "gun", "properties": {"type": "cuas_gun_35mm"},
           "geometry": {"type": "Point", "coordinates": [23.91, 54.90]}}
        ]}
        """);
    Path sites = dir.resolve("sites.geojson");
    Files.writeString(
        sites,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "b1", "properties": {"name": "Kaunas bridge"},
           "geometry": {"type": "Point", "coordinates": [23.905, 54.905]}},
          {"type": "Feature", "id": "d1", "properties": {"name": "Depot far away"},
           "geometry": {"type": "Point", "coordinates": [25.0, 55.5]}}
        ]}
        """);
    Path out = dir.resolve("protect");
    CliRunner.Result r =
        CliRunner.run(
            "coverage",
            "--region",
            TestPacks.oneKm().toString(),
            "--plan",
            plan.toString(),
            "--protect",
            sites.toString(),
            "--target",
            "small_uas",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Protected against small UAS: 1 of 2 sites (50 %)")
        .contains("Depot far away: a drone over it is not detected");
    JsonNode p =
        new ObjectMapper()
            .readTree(out.resolve("coverage.json").toFile())
            .get("protection_against_small_uas");
    assertThat(p.get("protected_share").asDouble()).isEqualTo(0.5);
    assertThat(p.get("each").get(0).get("protected").asBoolean()).isTrue();

    Files.writeString(
        sites,
        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"id\": \"z\","
            + " \"properties\": {}, \"geometry\": {\"type\": \"LineString\", \"coordinates\":"
            + " [[23.9, 54.9], [23.95, 54.9]]}}]}");
    CliRunner.Result bad =
        CliRunner.run(
            "coverage",
            "--region",
            TestPacks.oneKm().toString(),
            "--plan",
            plan.toString(),
            "--protect",
            sites.toString(),
            "--out",
            dir.resolve("bad").toString(),
            "--quiet");
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(errorLines(bad))
        .singleElement()
        .asString()
        .contains("sites.geojson", "feature 0 (id \"z\")", "must be a Point, not a LineString");
  }

  @Test
  void aPlanWithoutSensorsObservesNothingAndSaysSo() throws Exception {
    Path plan = dir.resolve("empty.geojson");
    Files.writeString(plan, "{\"type\": \"FeatureCollection\", \"features\": []}");
    CliRunner.Result r =
        CliRunner.run(
            "coverage",
            "--region",
            TestPacks.oneKm().toString(),
            "--plan",
            plan.toString(),
            "--target",
            "person",
            "--out",
            dir.resolve("none").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("no sensor sites", "0.0 of");
  }

  @Test
  void badInputIsOneLineWithItsExitCodeAndNoOutput() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(plan, PLAN);
    String pack = TestPacks.oneKm().toString();
    Path out = dir.resolve("bad");
    CliRunner.Result target =
        CliRunner.run(
            "coverage",
            "--region",
            pack,
            "--plan",
            plan.toString(),
            "--target",
            "tank",
            "--out",
            out.toString());
    assertThat(target.exit()).isEqualTo(2);
    assertThat(errorLines(target)).singleElement().asString().contains("unknown target \"tank\"");

    Path dem = dir.resolve("degrees.tif");
    GridSpec geographic = new GridSpec(24, 55, 0.01, 50, 50, 4326);
    GeoTiff.writeFloat32(dem, new FloatRaster(geographic, new float[2500]));
    CliRunner.Result geo =
        CliRunner.run(
            "coverage",
            "--region",
            pack,
            "--plan",
            plan.toString(),
            "--dem",
            dem.toString(),
            "--out",
            out.toString());
    assertThat(geo.exit()).isEqualTo(3);
    assertThat(errorLines(geo))
        .singleElement()
        .asString()
        .contains("degrees.tif: the DEM is in a geographic CRS (EPSG:4326)");

    Path badPlan = dir.resolve("tall.geojson");
    Files.writeString(badPlan, PLAN.replace("\"height_m\": 20", "\"height_m\": 5000"));
    CliRunner.Result tall =
        CliRunner.run(
            "coverage",
            "--region",
            pack,
            "--plan",
            badPlan.toString(),
            "--out",
            out.toString(),
            "--quiet");
    assertThat(tall.exit()).isEqualTo(3);
    assertThat(errorLines(tall))
        .singleElement()
        .asString()
        .contains("tall.geojson", "gsr1", "height");
    assertThat(out).doesNotExist();
  }

  /**
   * {@code region build --dem} stores the DEM in the pack; coverage from that pack without {@code
   * --dem} equals coverage from the plain pack with the same {@code --dem}, and differs from flat
   * ground. A bad DEM is one error line naming it, and the pack stays as it was.
   */
  @Test
  void aPackBuiltWithADemServesCoverageWithoutDem() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(plan, PLAN);
    JsonNode meta = new ObjectMapper().readTree(TestPacks.oneKm().resolve("region.json").toFile());
    int w = meta.get("width").asInt() * 2;
    int h = meta.get("height").asInt() * 2;
    GridSpec g =
        new GridSpec(meta.get("min_x").asDouble(), meta.get("max_y").asDouble(), 500, w, h, 3346);
    float[] z = new float[w * h];
    for (int i = 0; i < z.length; i++) {
      z[i] =
          (float)
              (150
                  + 60 * Math.sin(g.centerX(i % w) / 4000.0) * Math.cos(g.centerY(i / w) / 5000.0));
    }
    Path dem = dir.resolve("hills.tif");
    GeoTiff.writeFloat32(dem, new FloatRaster(g, z));
    Path pack = dir.resolve("pack-dem");
    CliRunner.Result built = buildOneKm(pack, dem);
    assertThat(built.exit()).as(built.err()).isZero();
    assertThat(built.out()).contains("DEM " + dem + " stored as");
    byte[] stored = coverage(pack, null, "stored");
    byte[] given = coverage(TestPacks.oneKm(), dem, "given");
    byte[] flat = coverage(TestPacks.oneKm(), null, "flat");
    assertThat(stored).isEqualTo(given);
    assertThat(stored).isNotEqualTo(flat);

    String before = Files.readString(pack.resolve("region.json"));
    Path degrees = dir.resolve("degrees.tif");
    GeoTiff.writeFloat32(
        degrees, new FloatRaster(new GridSpec(24, 55, 0.01, 50, 50, 4326), new float[2500]));
    CliRunner.Result bad = buildOneKm(pack, degrees);
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(errorLines(bad))
        .singleElement()
        .asString()
        .contains("degrees.tif", "geographic CRS");
    assertThat(Files.readString(pack.resolve("region.json"))).isEqualTo(before);
  }

  /** {@code region build} of the shipped layers at 1 km into {@code pack} with {@code dem}. */
  private static CliRunner.Result buildOneKm(Path pack, Path dem) {
    return CliRunner.run(
        "region",
        "build",
        "--layers",
        TestPacks.ROOT.resolve("data/baltic").toString(),
        "--cell-size",
        "1000",
        "--out",
        pack.toString(),
        "--dem",
        dem.toString(),
        "--quiet");
  }

  /** The vehicle coverage raster of {@link #PLAN} over {@code pack}, with {@code dem} or none. */
  private byte[] coverage(Path pack, Path dem, String name) {
    Path out = dir.resolve("cov-" + name);
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "coverage",
                "--region",
                pack.toString(),
                "--plan",
                dir.resolve("plan.geojson").toString(),
                "--target",
                "vehicle",
                "--out",
                out.toString(),
                "--quiet"));
    if (dem != null) {
      args.add("--dem");
      args.add(dem.toString());
    }
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return GeoTiff.readByte(out.resolve("coverage_vehicle.tif")).data();
  }

  /** The lines of stderr that report an error (progress lines aside). */
  private static java.util.List<String> errorLines(CliRunner.Result r) {
    return r.err().lines().filter(l -> l.startsWith("skydas:")).toList();
  }
}
