package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Action;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: {@code skydas clearance plan} on a plan's minefields and on the registry's laid ones:
 * every area scheduled in working months, dates that follow the working days, the sizing curve
 * falling with the years; bad teams and a catalog without units refused in one line, nothing
 * written.
 */
class ClearanceCommandTest {
  @TempDir Path dir;

  private static final String LAYERS = TestPacks.ROOT.resolve("data/baltic").toString();

  private static final String PLAN =
      """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "mf-a", "properties": {"type": "at_minefield"},
         "geometry": {"type": "LineString", "coordinates": [[23.70, 55.09], [23.72, 55.09]]}},
        {"type": "Feature", "id": "mf-b", "properties": {"type": "ap_minefield"},
         "geometry": {"type": "LineString", "coordinates": [[24.10, 54.40], [24.12, 54.41]]}},
        {"type": "Feature", "id": "d-1", "properties": {"type": "at_ditch"},
         "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}}]}
      """;

  @Test
  void aPlansMinefieldsAreScheduledAndTheCapabilitySized() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(plan, PLAN);
    Path out = dir.resolve("out");
    CliRunner.Result r =
        CliRunner.run(
            "clearance",
            "plan",
            "--layers",
            LAYERS,
            "--plan",
            plan.toString(),
            "--out",
            out.toString(),
            "--start",
            "2031-04-01",
            "--years",
            "4",
            "--time-limit-s",
            "8",
            "--teams",
            "manual_team=2,mechanical_flail=1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Clearance of 2 areas", "by 3 teams from 2031-04-01", "Cleared by");
    List<String> rows = Files.readAllLines(out.resolve("schedule.csv"));
    assertThat(rows).hasSize(3); // header and the two minefields (the ditch holds no mines)
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      LocalDate s = LocalDate.parse(c[9]), e = LocalDate.parse(c[10]);
      assertThat(e).isAfterOrEqualTo(s);
      assertThat(s).isAfterOrEqualTo(LocalDate.of(2031, 4, 1));
      // no working day falls in December to March
      assertThat(s.getMonthValue()).isBetween(4, 11);
      assertThat(e.getMonthValue()).isBetween(4, 11);
      // ~2 km × 100 m belts: 20 ha each
      assertThat(Double.parseDouble(c[3])).isBetween(100_000.0, 300_000.0);
    }
    JsonNode j = new ObjectMapper().readTree(out.resolve("clearance.json").toFile());
    assertThat(j.path("areas").asInt()).isEqualTo(2);
    assertThat(j.path("bound_priority_days").asDouble())
        .isLessThanOrEqualTo(j.path("objective_priority_days").asDouble());
    assertThat(j.path("sizing")).hasSize(4);
    int first = teams(j.path("sizing").get(0)), last = teams(j.path("sizing").get(3));
    assertThat(first).isGreaterThanOrEqualTo(last);
    assertThat(j.path("assets").path("manual_team").path("productivity").asText())
        .contains("GICHD");
    double released = 0;
    for (JsonNode v : j.path("released_m2_per_month")) {
      released += v.asDouble();
    }
    assertThat(released)
        .isCloseTo(j.path("area_m2").asDouble(), org.assertj.core.data.Offset.offset(1.0));
    assertThat(Files.readAllLines(out.resolve("sizing.csv"))).hasSize(5);
  }

  private static int teams(JsonNode s) {
    int n = 0;
    for (JsonNode v : s.path("teams")) {
      n += v.asInt();
    }
    return n;
  }

  @Test
  void theRegistrysLaidMinefieldsAreWhatIsCleared() throws Exception {
    Path db = dir.resolve("reg.gpkg");
    try (Registry reg =
        new Registry(
            JdbcStore.open(db.toString(), true),
            ObstacleCatalog.defaults(),
            Territory.load(TestPacks.ROOT.resolve("data/baltic/countries.geojson.gz"), "LT"),
            Clock.systemUTC())) {
      Actor planner = new Actor("planner", Role.PLANNER);
      Actor admin = new Actor("admin", Role.ADMIN);
      Actor engineer = new Actor("engineer", Role.ENGINEER);
      for (String id : List.of("m-laid", "m-planned")) {
        double lon = id.equals("m-laid") ? 23.73 : 23.69;
        reg.create(
            planner,
            RecordDraft.planned(
                id,
                "at_minefield",
                RecordCodec.geometry(
                    String.format(
                        java.util.Locale.ROOT,
                        "POLYGON ((%s 55.09, %s 55.09, %s 55.094, %s 55.094, %s 55.09))",
                        lon,
                        lon + 0.004,
                        lon + 0.004,
                        lon,
                        lon))));
      }
      reg.transition(admin, "m-laid", 1, Action.APPROVE);
      reg.transition(engineer, "m-laid", 2, Action.PREPARE);
      reg.transition(engineer, "m-laid", 3, Action.STOCK);
      reg.transition(admin, "m-laid", 4, Action.ORDER);
      reg.transition(engineer, "m-laid", 5, Action.LAY);
      // a technical survey reduced the southern half: only the northern half is to clear
      reg.addActivity(
          engineer,
          "m-laid",
          lt.skydas.registry.ActivityKind.SURVEY,
          RecordCodec.geometry(
              "POLYGON ((23.729 55.089, 23.735 55.089, 23.735 55.092, 23.729 55.092, 23.729"
                  + " 55.089))"),
          java.util.Map.of(
              "date",
              "2031-03-02",
              "survey",
              "technical",
              "outcome",
              "reduced",
              "evidence",
              "8 lanes to 20 cm, nothing found"));
    }
    Path out = dir.resolve("reg-out");
    CliRunner.Result r =
        CliRunner.run(
            "clearance",
            "plan",
            "--layers",
            LAYERS,
            "--registry",
            db.toString(),
            "--out",
            out.toString(),
            "--years",
            "2",
            "--time-limit-s",
            "4",
            "--countries",
            TestPacks.ROOT.resolve("data/baltic/countries.geojson.gz").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("schedule.csv"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).startsWith("m-laid,");
    // 0.004° × 0.002° at 55.09 N is about 255 m × 222 m: half the recorded square
    assertThat(Double.parseDouble(rows.get(1).split(",")[3])).isBetween(52_000.0, 61_000.0);
    // the laid minefield is watched: due for its first inspection (issue 20, Articles 5 and 10)
    CliRunner.Result insp =
        CliRunner.run(
            "registry",
            "inspections",
            "--db",
            db.toString(),
            "--countries",
            TestPacks.ROOT.resolve("data/baltic/countries.geojson.gz").toString(),
            "--fail-if-overdue");
    assertThat(insp.exit()).as(insp.err()).isZero();
    assertThat(insp.out())
        .contains("ok      m-laid (laid): last inspection none recorded; due ")
        .contains("1 minefields in the ground, 0 overdue for an inspection every 30 days")
        .contains("perimeter 1.4 km, upkeep EUR ");
  }

  @Test
  void badTeamsOrACatalogWithoutUnitsAreRefusedInOneLine() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(plan, PLAN);
    Path out = dir.resolve("bad");
    CliRunner.Result robot =
        CliRunner.run(
            "clearance",
            "plan",
            "--layers",
            LAYERS,
            "--plan",
            plan.toString(),
            "--out",
            out.toString(),
            "--teams",
            "manual_team=2,robot=1");
    assertThat(robot.exit()).isEqualTo(2);
    assertThat(robot.err().strip().lines().count()).isEqualTo(1);
    assertThat(robot.err()).contains("no clearance asset 'robot'");
    Path cat = dir.resolve("assets.json");
    Files.writeString(
        cat,
        "{\"assets\": [{\"id\": \"m\", \"productivity\": 300, \"cost_eur_per_day\": 1,"
            + " \"clears\": [\"AT\"], \"depth_cm\": 13, \"months\": [5]}]}");
    CliRunner.Result units =
        CliRunner.run(
            "clearance",
            "plan",
            "--layers",
            LAYERS,
            "--plan",
            plan.toString(),
            "--out",
            out.toString(),
            "--assets",
            cat.toString());
    assertThat(units.exit()).isEqualTo(3);
    assertThat(units.err()).contains("assets.json: asset 'm': 'productivity' has no unit");
    assertThat(out).doesNotExist();
  }
}
