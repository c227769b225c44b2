package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: hazardous areas from an IMSMA-style export (GICHD MDR fields) are what {@code clearance
 * plan --hazards} clears: the open ones, with their own vegetation and priority; a file with a
 * missing MDR field, an unknown device category, an area abroad, one overlapping released land or
 * an area that disagrees with its perimeter is refused in one line naming the file, the row or
 * feature and the field, and nothing is written.
 */
class HazardsImportTest {
  @TempDir Path dir;

  private static final String LAYERS = TestPacks.ROOT.resolve("data/baltic").toString();
  private static final String COUNTRIES =
      TestPacks.ROOT.resolve("data/baltic/countries.geojson.gz").toString();

  private static String square(double lon, double lat, double d) {
    return String.format(
        Locale.ROOT,
        "{\"type\": \"Polygon\", \"coordinates\": [[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}",
        lon,
        lat,
        lon + d,
        lat,
        lon + d,
        lat + d,
        lon,
        lat + d,
        lon,
        lat);
  }

  private static String feature(String props, String geometry) {
    return "{\"type\": \"Feature\", \"properties\": {"
        + props
        + "}, \"geometry\": "
        + geometry
        + "}";
  }

  private static String collection(String... features) {
    return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
  }

  private static final String H1 =
      feature(
          "\"hazard_id\": \"H-1\", \"hazard_type\": \"CHA\", \"status\": \"open\","
              + " \"device_categories\": \"AP;AT\", \"vegetation\": \"forest\", \"priority\": 5,"
              + " \"soil\": \"Clay\"",
          square(23.73, 55.09, 0.004));
  private static final String H2 =
      feature(
          "\"hazard_id\": \"H-2\", \"hazard_type\": \"SHA\", \"status\": \"open\","
              + " \"device_categories\": \"AT\"",
          square(23.69, 55.09, 0.004));
  private static final String RELEASED =
      feature(
          "\"hazard_id\": \"H-9\", \"hazard_type\": \"CHA\", \"status\": \"released\","
              + " \"device_categories\": \"AT\"",
          square(23.80, 55.09, 0.004));

  private CliRunner.Result plan(Path hazards, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "clearance",
                "plan",
                "--hazards",
                hazards.toString(),
                "--out",
                out.toString(),
                "--layers",
                LAYERS,
                "--countries",
                COUNTRIES,
                "--years",
                "2",
                "--time-limit-s",
                "4"));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void theOpenHazardsAreClearedWithTheirOwnFields() throws Exception {
    Path f = dir.resolve("imsma.geojson");
    Files.writeString(f, collection(H1, H2, RELEASED));
    Path out = dir.resolve("out");
    CliRunner.Result r = plan(f, out);
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("schedule.csv"));
    assertThat(rows).hasSize(3);
    String h1 = rows.stream().filter(x -> x.startsWith("H-1,")).findFirst().orElseThrow();
    String[] c = h1.split(",");
    assertThat(c[4]).isEqualTo("forest");
    assertThat(c[5]).isEqualTo("AP AT");
    assertThat(c[6]).isEqualTo("5");
    assertThat(c[12]).as("the survey's soil").isEqualTo("clay");
    assertThat(rows.get(0)).endsWith(",cost_eur,soil");
    assertThat(rows).noneMatch(x -> x.startsWith("H-9,"));
    // H-2 is suspected: surveyed first, so only what the surveys leave is cleared (0.5 × 0.6)
    assertThat(r.out()).contains("Survey of the suspected areas");
    String h2 = rows.stream().filter(x -> x.startsWith("H-2,")).findFirst().orElseThrow();
    double cleared = Double.parseDouble(h2.split(",")[3]);
    double whole = Double.parseDouble(h1.split(",")[3]); // the same 0.004° square, at 55.09 N
    assertThat(cleared / whole).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
    // a survey kind is not a team to schedule
    CliRunner.Result teams =
        CliRunner.run(
            "clearance",
            "plan",
            "--hazards",
            f.toString(),
            "--out",
            dir.resolve("t").toString(),
            "--layers",
            LAYERS,
            "--countries",
            COUNTRIES,
            "--teams",
            "non_technical_survey_team=1");
    assertThat(teams.exit()).isEqualTo(2);
    assertThat(teams.err()).contains("a survey kind is not scheduled");
  }

  /**
   * The export as a GeoPackage (made here by GDAL's ogr2ogr, as an information system's export
   * would be): its hazards layer is read with NGA's library like the GeoJSON, and the same layer in
   * LKS-94 is refused naming the layer and the CRS.
   */
  @Test
  void aGeoPackageExportReadsAsTheGeoJsonAndAnotherCrsIsRefused() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/ogr2ogr")) || System.getenv("CI") != null,
        "ogr2ogr (gdal-bin) not installed");
    Path json = dir.resolve("imsma.geojson");
    Files.writeString(json, collection(H1, H2, RELEASED));
    Path gpkg = dir.resolve("imsma.gpkg");
    ogr2ogr("-f", "GPKG", gpkg.toString(), json.toString(), "-nln", "hazards");
    Path out = dir.resolve("out-gpkg");
    CliRunner.Result r = plan(gpkg, out);
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("schedule.csv"));
    assertThat(rows).hasSize(3);
    String h1 = rows.stream().filter(x -> x.startsWith("H-1,")).findFirst().orElseThrow();
    assertThat(h1.split(",")[4]).isEqualTo("forest");
    assertThat(h1.split(",")[12]).isEqualTo("clay");

    Path lks = dir.resolve("imsma-lks.gpkg");
    ogr2ogr(
        "-f", "GPKG", lks.toString(), json.toString(), "-nln", "hazards", "-t_srs", "EPSG:3346");
    Path never = dir.resolve("never-gpkg");
    CliRunner.Result b = plan(lks, never);
    assertThat(b.exit()).as(b.out()).isEqualTo(3);
    assertThat(b.err())
        .contains("imsma-lks.gpkg", "layer hazards", "EPSG:3346, not WGS 84 (EPSG:4326)");
    assertThat(never).doesNotExist();
    Path junk = dir.resolve("junk.gpkg");
    Files.writeString(junk, "not a database");
    CliRunner.Result j = plan(junk, never);
    assertThat(j.exit()).isEqualTo(3);
    assertThat(j.err()).contains("junk.gpkg", "not a GeoPackage");
  }

  private static void ogr2ogr(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("ogr2ogr"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(text).isZero();
  }

  /**
   * The export's clearance tasks: a completed task's cleared area comes off its hazard, a hazard
   * with an ongoing task is left to it; an unknown asset type, hazard or a task without its start
   * is refused in one line naming the row and field, and nothing is written.
   */
  @Test
  void theExportsTasksAreTakenIntoAccount() throws Exception {
    Path f = dir.resolve("imsma.geojson");
    Files.writeString(f, collection(H1, H2, RELEASED));
    Path tasks = dir.resolve("tasks.csv");
    Files.writeString(
        tasks,
        "task_id,hazard_id,organisation,asset,status,start_date,cleared_m2\n"
            + "T-1,H-1,Demining Co,manual_team,completed,2031-05-02,40000\n"
            + "T-2,H-2,Army Engineer Bn,mechanical_flail,ongoing,2031-06-01,\n");
    Path out = dir.resolve("out-tasks");
    CliRunner.Result r = plan(f, out, "--tasks", tasks.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Tasks: 2 read; 4.0 ha cleared by completed tasks; 1 hazard(s) left to ongoing")
        .contains("H-2: T-2 by Army Engineer Bn");
    List<String> rows = Files.readAllLines(out.resolve("schedule.csv"));
    assertThat(rows).hasSize(2);
    double left = Double.parseDouble(rows.get(1).split(",")[3]);
    // the 0.004° square at 55.09 N is about 113,600 m2; 40,000 of it cleared
    assertThat(left).isBetween(70_000.0, 77_000.0);
    JsonNode j = new ObjectMapper().readTree(out.resolve("clearance.json").toFile());
    assertThat(j.at("/tasks/in_progress/0/task_id").asText()).isEqualTo("T-2");
    assertThat(j.at("/tasks/cleared_m2").asDouble()).isEqualTo(40_000.0);

    String head = "task_id,hazard_id,organisation,asset,status,start_date\n";
    for (String[] bad :
        new String[][] {
          {
            "T-3,H-1,Co,robot,planned,2031-05-02",
            "row 1 (T-3)",
            "asset: unknown asset type 'robot'"
          },
          {"T-4,H-7,Co,manual_team,planned,2031-05-02", "row 1 (T-4)", "hazard_id: 'H-7' is not"},
          {"T-5,H-1,Co,manual_team,planned,", "row 1 (T-5)", "start_date: missing"},
          {"T-6,H-1,Co,manual_team,done,2031-05-02", "row 1 (T-6)", "status: 'done' is not"}
        }) {
      Files.writeString(tasks, head + bad[0] + "\n");
      Path never = dir.resolve("never-tasks");
      CliRunner.Result b = plan(f, never, "--tasks", tasks.toString());
      assertThat(b.exit()).as(b.out()).isEqualTo(3);
      assertThat(b.err().strip().lines().count()).as(b.err()).isEqualTo(1);
      assertThat(b.err()).contains("tasks.csv", bad[1], bad[2]);
      assertThat(never).doesNotExist();
    }
  }

  private void refused(String content, String file, String... expected) throws Exception {
    Path f = dir.resolve(file);
    Files.writeString(f, content);
    Path out = dir.resolve("never");
    CliRunner.Result r = plan(f, out);
    assertThat(r.exit()).as(r.out()).isEqualTo(3);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains(file).contains(expected);
    assertThat(out).doesNotExist();
  }

  @Test
  void aBadFileIsRefusedInOneLineNamingTheRowAndField() throws Exception {
    refused(
        collection(
            H1,
            feature(
                "\"hazard_id\": \"H-3\", \"status\": \"open\", \"device_categories\": \"AT\"",
                square(23.75, 55.09, 0.004))),
        "missing.geojson",
        "(H-3)",
        "hazard_type: missing (a GICHD MDR field)");
    refused(
        collection(
            feature(
                "\"hazard_id\": \"H-4\", \"hazard_type\": \"CHA\", \"status\": \"open\","
                    + " \"device_categories\": \"AT;IED\"",
                square(23.75, 55.09, 0.004))),
        "device.geojson",
        "device_categories: unknown category 'IED'");
    refused(
        collection(
            feature(
                "\"hazard_id\": \"H-5\", \"hazard_type\": \"CHA\", \"status\": \"open\","
                    + " \"device_categories\": \"AT\"",
                square(27.55, 53.90, 0.004))),
        "minsk.geojson",
        "(H-5)",
        "geometry: ");
    refused(
        collection(
            RELEASED,
            feature(
                "\"hazard_id\": \"H-6\", \"hazard_type\": \"CHA\", \"status\": \"open\","
                    + " \"device_categories\": \"AT\"",
                square(23.802, 55.092, 0.004))),
        "overlap.geojson",
        "(H-6)",
        "overlaps released area H-9 by ");
    refused(
        collection(
            feature(
                "\"hazard_id\": \"H-7\", \"hazard_type\": \"CHA\", \"status\": \"open\","
                    + " \"device_categories\": \"AT\", \"area_m2\": 500",
                square(23.75, 55.09, 0.004))),
        "area.geojson",
        "area_m2: 500 differs from the perimeter's");
    refused(
        collection(
            feature(
                "\"hazard_id\": \"H-11\", \"hazard_type\": \"CHA\", \"status\": \"open\","
                    + " \"device_categories\": \"AT\", \"soil\": \"loam\"",
                square(23.75, 55.09, 0.004))),
        "soil.geojson",
        "(H-11)",
        "soil: 'loam' is not mineral, sandy, clay, stony or peat");
    refused(
        "hazard_id,hazard_type,status,device_categories,wkt\n"
            + "H-8,CHA,open,AT,\"POLYGON ((23.75 55.09, 23.754 55.09, 23.754 55.094, 23.75 55.094, 23.75 55.09))\"\n"
            + "H-10,CHA,open,AT,\"POLYGON ((23.75 55.09, 23.754\"\n",
        "imsma.csv",
        "row 2 (H-10)",
        "wkt: ");
  }
}
