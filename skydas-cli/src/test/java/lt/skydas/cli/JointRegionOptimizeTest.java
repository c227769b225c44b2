package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.progress.Progress;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.SensorSite;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code skydas optimize --country-budgets-eur} on the built-in joint region {@code suwalki-gap}
 * (Lithuania and Poland at home) at 1 km: each country pays for the sites in its land, so a country
 * with no money gets no obstacle and no sensor, and the other stays within its own budget.
 */
class JointRegionOptimizeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path pack;
  static Region region;

  @BeforeAll
  static void buildPack() throws Exception {
    pack = tmp.resolve("suwalki-1km");
    CliRunner.Result r =
        RegionCommandTest.build("suwalki-gap", pack, "--cell-size", "1000", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    region = Region.load(pack);
  }

  static CliRunner.Result optimize(Path out, String budgets) {
    return CliRunner.run(
        "optimize",
        "--region",
        pack.toString(),
        "--out",
        out.toString(),
        "--classes",
        "wheeled",
        "--seasons",
        "dry",
        "--budget-eur",
        "2e8",
        "--country-budgets-eur",
        budgets,
        "--time-limit-s",
        "15",
        "--no-emplacement",
        "--quiet");
  }

  /** The home country (LT or PL) whose land holds {@code g}'s interior point, else the nearest. */
  static String countryOf(Geometry g) {
    Geometry lt = region.countryPolygon(Country.LT);
    Geometry pl = region.countryPolygon(Country.PL);
    var p = g.getInteriorPoint();
    if (lt.covers(p)) {
      return "LT";
    }
    if (pl.covers(p)) {
      return "PL";
    }
    return lt.distance(p) <= pl.distance(p) ? "LT" : "PL";
  }

  @ParameterizedTest(name = "{0} pays {1} EUR, {2} nothing")
  @CsvSource({"LT, 3e7, PL", "PL, 3e7, LT"})
  void aCountryWithoutMoneyGetsNothingAndTheOtherStaysWithinItsBudget(
      String payer, double budget_eur, String broke) throws Exception {
    Path out = tmp.resolve("opt-" + payer);
    CliRunner.Result r = optimize(out, payer + "=" + budget_eur + "," + broke + "=0");
    assertThat(r.exit()).as(r.err()).isZero();
    AssessmentRegion ar = RegionStore.load(pack, 1000, Progress.NONE).region();
    BarrierPlan plan =
        BarrierPlanReader.forRegion(ObstacleCatalog.defaults(), ar.extent(), ar.crs().epsg())
            .read(out.resolve("plan.geojson"));
    assertThat(plan.obstacles()).as("the paying country builds something").isNotEmpty();
    Map<String, Double> spent = new HashMap<>();
    for (Obstacle o : plan.obstacles()) {
      spent.merge(countryOf(o.geometry_lks94()), o.cost_eur() + o.clearanceCost_eur(), Double::sum);
    }
    for (SensorSite s : plan.sensors()) {
      assertThat(countryOf(s.geometry_lks94())).as(s.id()).isEqualTo(payer);
    }
    assertThat(spent).containsOnlyKeys(payer);
    assertThat(spent.get(payer)).isLessThanOrEqualTo(budget_eur + 1);
    JsonNode s = JSON.readTree(out.resolve("optimization.json").toFile());
    Map<String, JsonNode> rows = new HashMap<>();
    s.path("country_budgets").forEach(c -> rows.put(c.path("country").asText(), c));
    assertThat(rows).containsOnlyKeys("LT", "PL");
    assertThat(rows.get(broke).path("spent_eur").asLong()).isZero();
    assertThat(rows.get(payer).path("spent_eur").asDouble())
        .isLessThanOrEqualTo(budget_eur)
        // the model counts each option's cost in whole euros
        .isGreaterThanOrEqualTo(spent.get(payer) - plan.obstacles().size());
    assertThat(rows.get(payer).path("budget_eur").asDouble()).isEqualTo(budget_eur);
  }

  @Test
  void aCountryThatIsNotAtHomeIsNamedWithTheHomeCountries() {
    CliRunner.Result r = optimize(tmp.resolve("lv"), "LV=1e7");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("--country-budgets-eur")
        .contains("names LV, which is not a home country of region")
        .contains("(home: LT, PL)");
    CliRunner.Result bad = optimize(tmp.resolve("bad"), "LT");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--country-budgets-eur wants CC=EUR once per country");
  }

  @Test
  void aMinimumCorridorMarginIsBoughtFirstAndHoldsOnTheModel() throws Exception {
    Path out = tmp.resolve("margin");
    CliRunner.Result r =
        CliRunner.run(
            "optimize",
            "--region",
            pack.toString(),
            "--out",
            out.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--budget-eur",
            "3e8",
            "--min-corridor-margin-h",
            "-1.0",
            // the margin's path generation is bounded by the limit: 40 s fell short once on a
            // loaded 2-core CI machine (8 rounds); it stops as soon as the margin holds
            "--time-limit-s",
            "120",
            "--no-emplacement",
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = JSON.readTree(out.resolve("optimization.json").toFile()).path("corridor_margin");
    assertThat(m.path("required_h").asDouble()).isEqualTo(-1.0);
    assertThat(m.path("routes")).hasSize(3); // the three routes of suwalki-gap, one case
    for (JsonNode row : m.path("routes")) {
      assertThat(row.path("held_on_model").asBoolean()).as(row.toString()).isTrue();
      assertThat(row.path("model_margin_h").asDouble()).as(row.toString()).isGreaterThan(-1.01);
      assertThat(row.path("verified_margin_h").isNumber()).as(row.toString()).isTrue();
    }
    assertThat(m.path("cost_eur").asLong())
        .isGreaterThanOrEqualTo(m.path("cost_bound_eur").asLong());
    // the obstacles it bought are in the plan, marked as such
    String plan = java.nio.file.Files.readString(out.resolve("plan.geojson"));
    int marked = plan.split("\"status\":\"corridor_margin\"", -1).length - 1;
    assertThat(marked).isEqualTo(m.path("obstacles_bought").asInt()).isPositive();
    // a margin no budget buys is one line naming the route, exit 6
    CliRunner.Result no =
        CliRunner.run(
            "optimize",
            "--region",
            pack.toString(),
            "--out",
            tmp.resolve("no-margin").toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--budget-eur",
            "1e5",
            "--min-corridor-margin-h",
            "2",
            "--time-limit-s",
            "20",
            "--no-emplacement",
            "--quiet");
    assertThat(no.exit()).as(no.err()).isEqualTo(6);
    assertThat(no.err()).contains("no plan within the budget holds a corridor margin of 2.00 h");
  }
}
