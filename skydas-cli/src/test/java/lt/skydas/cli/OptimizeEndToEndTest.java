package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `skydas optimize` on the shipped data at 1 km cells (graph and verification on one pack). */
class OptimizeEndToEndTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path pack;

  @BeforeAll
  static void buildPack() {
    pack = tmp.resolve("pack-1km");
    CliRunner.Result r =
        CliRunner.run(
            "region",
            "build",
            "--layers",
            ROOT.resolve("data/baltic").toString(),
            "--cell-size",
            "1000",
            "--out",
            pack.toString(),
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  static CliRunner.Result optimize(Path out, String... extra) {
    String[] base = {
      "optimize",
      "--region",
      pack.toString(),
      "--out",
      out.toString(),
      "--classes",
      "tracked,wheeled",
      "--seasons",
      "dry,wet",
      "--time-limit-s",
      "20",
      "--quiet"
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return CliRunner.run(all);
  }

  @Test
  void planStaysWithinBudgetPassesTheHumanitarianCheckAndReassessesToTheVerifiedTimes()
      throws Exception {
    Path out = tmp.resolve("opt");
    CliRunner.Result r = optimize(out, "--budget-eur", "2e8", "--mine-ceiling-eur", "5e7");
    assertThat(r.exit()).as(r.err()).isZero();
    for (String f :
        new String[] {
          "plan.geojson", "phasing.csv", "optimization.json", "report.html", "summary.json"
        }) {
      assertThat(out.resolve(f)).as(f).exists();
    }
    JsonNode s = JSON.readTree(out.resolve("optimization.json").toFile());
    AssessmentRegion ar =
        RegionStore.load(pack, 1000, lt.skydas.core.progress.Progress.NONE).region();
    ObstacleCatalog cat = ObstacleCatalog.defaults();
    BarrierPlan plan = new BarrierPlanReader(cat, ar.extent()).read(out.resolve("plan.geojson"));
    assertThat(plan.obstacles()).isNotEmpty();
    assertThat(plan.obstacles().size()).isEqualTo(s.path("obstacles").asInt());
    // budget: construction + clearance liability of mines within the total; mines within ceiling
    double total = 0;
    double mines = 0;
    for (Obstacle o : plan.obstacles()) {
      total += o.cost_eur() + o.clearanceCost_eur();
      if (o.type().mines().isMine()) {
        mines += o.cost_eur();
        assertThat(o.type().mines().hasAp()).as(o.id()).isFalse();
      }
      assertThat(o.year()).as(o.id()).isBetween(1, 10);
    }
    assertThat(total).isLessThanOrEqualTo(2e8 + 10);
    assertThat(mines).isLessThanOrEqualTo(5e7 + 10);
    assertThat(new HumanitarianCheck(ar.civilians()).check(plan)).isEmpty();
    assertThat(s.path("humanitarian_violations").asInt()).isZero();
    assertThat(s.path("model_bound").asDouble())
        .isGreaterThanOrEqualTo(s.path("model_objective").asDouble() - 1e-9);
    // the verified figures equal a fresh `assess` of the written plan
    Path again = tmp.resolve("reassess");
    CliRunner.Result a =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            out.resolve("plan.geojson").toString(),
            "--out",
            again.toString(),
            "--classes",
            "tracked,wheeled",
            "--seasons",
            "dry,wet",
            "--quiet");
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode re = JSON.readTree(again.resolve("summary.json").toFile());
    Map<String, Double> fresh = new HashMap<>();
    for (JsonNode c : re.path("cases")) {
      double best = Double.POSITIVE_INFINITY;
      for (JsonNode t : c.path("times")) {
        best = Math.min(best, t.path("plan_s").asDouble());
      }
      fresh.put(c.path("vehicle").asText() + "/" + c.path("season").asText(), best / 3600);
    }
    for (JsonNode c : s.path("cases")) {
      assertThat(fresh.get(c.path("case").asText()))
          .as(c.path("case").asText())
          .isCloseTo(
              c.path("verified_plan_h").asDouble(), org.assertj.core.data.Offset.offset(0.006));
      assertThat(c.path("verified_plan_h").asDouble())
          .isGreaterThanOrEqualTo(c.path("verified_baseline_h").asDouble());
    }
    assertThat(Files.readString(out.resolve("report.html"))).contains("Optimisation");
    assertThat(Files.readString(out.resolve("phasing.csv"))).startsWith("year,category,cost_eur");
  }

  @Test
  void aBudgetTooSmallForAnythingIsReportedNamingTheBudget() {
    CliRunner.Result r = optimize(tmp.resolve("tiny"), "--budget-eur", "1000");
    assertThat(r.exit()).isEqualTo(6);
    assertThat(r.err()).contains("total budget").contains("too small");
    assertThat(tmp.resolve("tiny")).doesNotExist();
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(optimize(tmp.resolve("x"), "--years", "0").exit()).isEqualTo(2);
    assertThat(optimize(tmp.resolve("x"), "--weights", "tanks=2").exit()).isNotZero();
    assertThat(optimize(tmp.resolve("x"), "--year-ceilings-eur", "1,2").err())
        .contains("one value per year");
  }
}
