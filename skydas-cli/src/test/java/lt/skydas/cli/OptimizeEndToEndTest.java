package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.ObjectivesReader;
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
    pack = TestPacks.oneKm();
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
    Map<String, Double> freshByObjective = new HashMap<>();
    for (JsonNode c : re.path("cases")) {
      double best = Double.POSITIVE_INFINITY;
      String id = c.path("vehicle").asText() + "/" + c.path("season").asText();
      for (JsonNode t : c.path("times")) {
        best = Math.min(best, t.path("plan_s").asDouble());
        freshByObjective.put(
            id + " " + t.path("objective").asText(), t.path("plan_s").asDouble() / 3600);
      }
      fresh.put(id, best / 3600);
    }
    for (JsonNode c : s.path("cases")) {
      assertThat(fresh.get(c.path("case").asText()))
          .as(c.path("case").asText())
          .isCloseTo(
              c.path("verified_plan_h").asDouble(), org.assertj.core.data.Offset.offset(0.006));
      assertThat(c.path("verified_plan_h").asDouble())
          .isGreaterThanOrEqualTo(c.path("verified_baseline_h").asDouble());
    }
    // each objective counts (the default): per case and objective, model and verified times;
    // the plan buys delay toward more than one objective, not only toward the nearest
    assertThat(s.path("objective_mode").asText()).isEqualTo("each");
    assertThat(s.path("objectives").size()).isEqualTo(4 * ObjectivesReader.defaults().size());
    java.util.Set<String> delayed = new java.util.TreeSet<>();
    for (JsonNode t : s.path("objectives")) {
      String key = t.path("case").asText() + " " + t.path("objective").asText();
      assertThat(t.path("modelled").asBoolean()).as(key).isTrue();
      assertThat(freshByObjective.get(key))
          .as(key)
          .isCloseTo(
              t.path("verified_plan_h").asDouble(), org.assertj.core.data.Offset.offset(0.006));
      if (t.path("verified_delay_h").asDouble() > 0.05 && t.path("model_delay_h").asDouble() > 0) {
        delayed.add(t.path("objective").asText());
      }
    }
    assertThat(delayed).as("objectives delayed").hasSizeGreaterThan(1);
    // every objective a case does not delay is named with a reason in words
    java.util.Set<String> explained = new java.util.TreeSet<>();
    for (JsonNode l : s.path("limits").path("undelayed_objectives")) {
      assertThat(l.path("reason").asText()).isNotBlank();
      assertThat(l.path("text").asText()).contains(": the fastest approach");
      explained.add(l.path("objective").asText());
    }
    for (JsonNode t : s.path("objectives")) {
      if (t.path("verified_delay_h").asDouble() == 0.0) {
        assertThat(explained).as("reason for %s", t).contains(t.path("objective").asText());
      }
    }
    assertThat(s.path("limits").path("budget").path("budget_eur").asLong()).isPositive();
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("Optimisation")
        .contains("Delay per objective")
        .contains("What limits the plan");
    assertThat(Files.readString(out.resolve("phasing.csv"))).startsWith("year,category,cost_eur");
  }

  @Test
  void nearestModeCountsOnlyTheNearestObjective() throws Exception {
    Path out = tmp.resolve("opt-nearest");
    CliRunner.Result r = small(out, "--objective-mode", "nearest");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(out.resolve("optimization.json").toFile());
    assertThat(s.path("objective_mode").asText()).isEqualTo("nearest");
    assertThat(s.path("stats").path("scenarios").asInt()).isEqualTo(1);
    assertThat(s.path("cases")).hasSize(1);
    // the verified times per objective are still there; the model has none of its own
    assertThat(s.path("objectives")).hasSize(ObjectivesReader.defaults().size());
    for (JsonNode t : s.path("objectives")) {
      assertThat(t.path("modelled").asBoolean()).isFalse();
      assertThat(t.path("model_plan_h").isNull()).isTrue();
      assertThat(t.path("verified_plan_h").asDouble())
          .isGreaterThanOrEqualTo(s.path("cases").get(0).path("verified_plan_h").asDouble());
    }
  }

  @Test
  void aBudgetTooSmallForAnythingIsReportedNamingTheBudget() {
    CliRunner.Result r = optimize(tmp.resolve("tiny"), "--budget-eur", "1000");
    assertThat(r.exit()).isEqualTo(6);
    assertThat(r.err()).contains("total budget").contains("too small");
    assertThat(tmp.resolve("tiny")).doesNotExist();
  }

  /** A sites file: one feature per line of {@code features}. */
  static Path sites(String name, String... features) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(
        p,
        "{\"type\": \"FeatureCollection\", \"features\": [\n"
            + String.join(",\n", features)
            + "]}\n");
    return p;
  }

  static String feature(String id, String props, String geometry) {
    return "{\"type\": \"Feature\", \"id\": \""
        + id
        + "\", \"properties\": {"
        + props
        + "}, \"geometry\": "
        + geometry
        + "}";
  }

  /** The first belt's candidates as `skydas candidates` writes them: id → feature. */
  static Map<String, lt.skydas.core.geojson.Feature> beltCandidates() {
    Path file = tmp.resolve("candidates-3km.geojson");
    if (!Files.exists(file)) {
      CliRunner.Result r =
          CliRunner.run(
              "candidates",
              "--region",
              pack.toString(),
              "--belts-km",
              "3",
              "--out",
              file.toString(),
              "--quiet");
      assertThat(r.exit()).as(r.err()).isZero();
    }
    Map<String, lt.skydas.core.geojson.Feature> byId = new java.util.LinkedHashMap<>();
    for (lt.skydas.core.geojson.Feature f : lt.skydas.core.geojson.GeoJsonReader.readAll(file)) {
      byId.put(f.id(), f);
    }
    return byId;
  }

  /** Around Medininkai, where the unedited plan on the 3 km belt puts its road blocks. */
  static final String MEDININKAI_BOX =
      "{\"type\": \"Polygon\", \"coordinates\": [[[25.45, 54.50], [25.80, 54.50],"
          + " [25.80, 54.75], [25.45, 54.75], [25.45, 54.50]]]}";

  /** One case on the 3 km belt with EUR 2 m in one year: a run of a few seconds. */
  static CliRunner.Result small(Path out, String... extra) {
    String[] base = {
      "optimize",
      "--region",
      pack.toString(),
      "--out",
      out.toString(),
      "--classes",
      "tracked",
      "--seasons",
      "dry",
      "--belts-km",
      "3",
      "--budget-eur",
      "2e6",
      "--years",
      "1",
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
  void onWarningOptionsNoTeamCanLayBeforeTheAttackerComesLeaveTheModel() throws Exception {
    // with no warning at all no unit is even ready (6 h and more) before the attacker reaches a
    // belt 3 km behind the border: every reserved and crisis-laid option leaves the model
    Path at0 = tmp.resolve("opt-warning-0");
    CliRunner.Result r = small(at0, "--planning-warning-h", "0", "--verify-emplacement");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(at0.resolve("optimization.json").toFile());
    JsonNode e = s.path("emplacement");
    assertThat(e.path("enabled").asBoolean()).isTrue();
    assertThat(e.path("planning_warning_h").asDouble()).isZero();
    assertThat(e.path("planning_warning_source").asText()).isEqualTo("given");
    assertThat(e.path("forces").asText()).contains("forces-lithuania.json");
    assertThat(e.path("on_warning_cost_eur").asLong()).isZero();
    assertThat(e.path("dropped").size()).isPositive();
    for (JsonNode d : e.path("dropped")) {
      assertThat(d.path("count").asInt()).isPositive();
      assertThat(d.path("reason").asText()).contains("needs").contains("after a warning of 0.0 h");
    }
    ObstacleCatalog cat = ObstacleCatalog.defaults();
    AssessmentRegion ar =
        RegionStore.load(pack, 1000, lt.skydas.core.progress.Progress.NONE).region();
    BarrierPlan plan = new BarrierPlanReader(cat, ar.extent()).read(at0.resolve("plan.geojson"));
    assertThat(plan.obstacles()).noneMatch(o -> o.type().emplacement().onWarning());
    // the timeline and race on the plan: nothing laid on warning, so the race is the permanent
    // obstacles' delay
    JsonNode check = e.path("verification");
    assertThat(check.path("warning_h").asDouble()).isZero();
    assertThat(check.path("classes"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path("class").asText()).isEqualTo("tracked");
              assertThat(c.path("on_warning").asInt()).isZero();
              assertThat(c.path("race_delay_h").asDouble()).isGreaterThanOrEqualTo(0);
            });
    // the model's delay curve: 0 to 72 h (the planning warning is 0 h here), shares rising to
    // the whole plan; nothing laid on warning is in the plan, so every point is the whole plan
    JsonNode curve = e.path("curve");
    List<Double> hours = new java.util.ArrayList<>();
    curve.forEach(p -> hours.add(p.path("warning_h").asDouble()));
    assertThat(hours).containsExactly(0.0, 6.0, 12.0, 24.0, 36.0, 48.0, 72.0);
    for (JsonNode p : curve) {
      assertThat(p.path("on_warning").asInt()).as(p.toString()).isZero();
      assertThat(p.path("share_of_plan_delay").asDouble()).as(p.toString()).isEqualTo(1.0);
      assertThat(p.path("delay_h").size()).as(p.toString()).isPositive();
    }
    assertThat(r.out() + r.err()).doesNotContain("Exception");
    assertThat(Files.readString(at0.resolve("report.html")))
        .contains("Emplacement at the planning warning")
        .contains("Delay against warning time");
    // the model before: every option offered, no emplacement block beyond "enabled"
    Path off = tmp.resolve("opt-no-emplacement");
    CliRunner.Result o = small(off, "--no-emplacement");
    assertThat(o.exit()).as(o.err()).isZero();
    JsonNode so = JSON.readTree(off.resolve("optimization.json").toFile());
    assertThat(so.path("emplacement").path("enabled").asBoolean()).isFalse();
    int dropped = 0;
    for (JsonNode d : e.path("dropped")) {
      dropped += d.path("count").asInt();
    }
    // every option of the run on warning is one of the run without, but the depot sites (offered
    // with the emplacement only); options too big for any year leave both models, and more of
    // them without the emplacement (the on-warning ones among them, dropped first with it)
    int depotSites = e.path("depot_sites").path("offered").asInt();
    assertThat(so.path("stats").path("options").asInt() + tooBigForAYear(so) - tooBigForAYear(s))
        .isGreaterThanOrEqualTo(s.path("stats").path("options").asInt() - depotSites + dropped);
  }

  /** The options the model left out as too big for any year, from its note (0 without one). */
  private static int tooBigForAYear(JsonNode result) {
    java.util.regex.Pattern p =
        java.util.regex.Pattern.compile(
            "^(\\d+) option\\(s\\) cost more than the largest yearly ceiling");
    for (JsonNode n : result.path("notes")) {
      java.util.regex.Matcher m = p.matcher(n.asText());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 0;
  }

  @Test
  void planningForASecondWarningTimeAveragesTheObjectiveAtEach() throws Exception {
    // at 0 h nothing laid on warning is in place; at the planning warning (24 h) it is
    Path out = tmp.resolve("opt-robust");
    CliRunner.Result r = small(out, "--also-warning-h", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(out.resolve("optimization.json").toFile());
    JsonNode at = s.path("emplacement").path("robust_over_warnings");
    assertThat(at).hasSize(2);
    assertThat(at.get(0).path("warning_h").asDouble()).isZero();
    assertThat(at.get(0).path("planning").asBoolean()).isFalse();
    assertThat(at.get(1).path("warning_h").asDouble()).isEqualTo(24.0);
    assertThat(at.get(1).path("planning").asBoolean()).isTrue();
    double a0 = at.get(0).path("model_objective").asDouble();
    double a24 = at.get(1).path("model_objective").asDouble();
    assertThat(a24).isGreaterThanOrEqualTo(a0);
    assertThat(a0).isGreaterThanOrEqualTo(at.get(0).path("model_empty_objective").asDouble());
    // the solver's objective is the mean of the two
    assertThat(s.path("model_objective").asDouble())
        .isCloseTo((a0 + a24) / 2, org.assertj.core.api.Assertions.within(1e-5));
    assertThat(r.out() + r.err()).doesNotContain("Exception");
    // a sixth warning time is refused naming the option
    CliRunner.Result bad = small(tmp.resolve("opt-robust-bad"), "--also-warning-h", "1,2,3,4,5");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--also-warning-h").contains("at most 4");
    CliRunner.Result neg = small(tmp.resolve("opt-robust-neg"), "--also-warning-h", "-3");
    assertThat(neg.exit()).isEqualTo(2);
    assertThat(neg.err()).contains("--also-warning-h").contains("0..720");
  }

  /**
   * The shipped forces with no room for AT mines at any standing depot, and {@code sites} as depot
   * sites (id, EUR, lon, lat each).
   */
  static Path forcesWithoutRoom(String name, Object[]... sites) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode f =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            JSON.readTree(
                lt.skydas.emplace.ForcesReader.class.getResourceAsStream(
                    "/lt/skydas/emplace/forces-lithuania.json"));
    for (JsonNode d : f.path("depots")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("stock")).put("at_mines", 0);
    }
    com.fasterxml.jackson.databind.node.ArrayNode ds = f.putArray("depot_sites");
    for (Object[] s : sites) {
      com.fasterxml.jackson.databind.node.ObjectNode d = ds.addObject();
      d.put("id", (String) s[0]);
      d.put("name", "site " + s[0]);
      d.put("lon", (Double) s[2]);
      d.put("lat", (Double) s[3]);
      d.put("build_cost_eur", (Double) s[1]);
      d.putObject("capacity").put("at_mines", 1_000_000);
    }
    Path p = tmp.resolve(name);
    JSON.writeValue(p.toFile(), f);
    return p;
  }

  /**
   * Mines only (the barrier ceiling at EUR 1), one case on the 3 km belt, EUR 100 m. The 3 km
   * belt's minefields on the avenues lie within 1 km of farmsteads, so this test of depot siting
   * runs under a policy with a 300 m buffer and its audited reason (docs/policy.md).
   */
  static CliRunner.Result minesOnly(Path out, Path forces) throws java.io.IOException {
    Path policy = out.resolveSibling(out.getFileName() + "-policy.json");
    Files.writeString(
        policy,
        "{\"civilian_buffer_m\": 300, \"buffer_override_reason\": \"test of depot siting\"}");
    return CliRunner.run(
        "optimize",
        "--policy",
        policy.toString(),
        "--region",
        pack.toString(),
        "--out",
        out.toString(),
        "--classes",
        "tracked",
        "--seasons",
        "dry",
        "--belts-km",
        "3",
        "--budget-eur",
        "1e8",
        "--barriers-max-eur",
        "1",
        "--threads",
        "1",
        "--time-limit-s",
        "20",
        "--forces",
        forces.toString(),
        "--quiet");
  }

  @Test
  void aDepotSiteIsBuiltWhenTheStandingDepotsHaveNoRoomForTheMines() throws Exception {
    // no standing depot stores AT mines: without a depot site no minefield can be stocked
    Path none = tmp.resolve("opt-no-room");
    CliRunner.Result r0 = minesOnly(none, forcesWithoutRoom("forces-no-room.json"));
    assertThat(r0.exit()).as(r0.err()).isZero();
    JsonNode e0 = JSON.readTree(none.resolve("optimization.json").toFile()).path("emplacement");
    assertThat(e0.path("dropped").toString()).contains("at_minefield").contains("no depot holds");
    assertThat(Files.readString(none.resolve("plan.geojson"))).doesNotContain("at_minefield");
    // a cheap site near the belt and a dear one: the plan builds the cheap one and stocks there
    Path built = tmp.resolve("opt-depot-site");
    Path forces =
        forcesWithoutRoom(
            "forces-sites.json",
            new Object[] {"site-cheap", 1000.0, 24.9, 54.6},
            new Object[] {"site-dear", 5e8, 24.0, 54.9});
    CliRunner.Result r = minesOnly(built, forces);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(built.resolve("optimization.json").toFile());
    JsonNode e = s.path("emplacement");
    JsonNode sites = e.path("depot_sites");
    assertThat(sites.path("offered").asInt()).isEqualTo(2);
    assertThat(sites.path("built"))
        .singleElement()
        .satisfies(d -> assertThat(d.path("id").asText()).isEqualTo("site-cheap"));
    assertThat(sites.path("built_cost_eur").asLong()).isEqualTo(1000);
    JsonNode atMines = null;
    for (JsonNode k : e.path("storage")) {
      atMines = k.path("kind").asText().equals("at_mines") ? k : atMines;
    }
    assertThat(atMines).isNotNull();
    assertThat(atMines.path("standing_depots").asLong()).isZero();
    assertThat(atMines.path("built_depots").asLong()).isEqualTo(1_000_000);
    assertThat(atMines.path("stored").asLong()).isPositive();
    // the plan's minefields draw exactly what the storage row says, and the site's cost is spent
    BarrierPlan plan =
        new BarrierPlanReader(
                ObstacleCatalog.defaults(),
                RegionStore.load(pack, 1000, lt.skydas.core.progress.Progress.NONE)
                    .region()
                    .extent())
            .read(built.resolve("plan.geojson"));
    double items = 0;
    double obstacles = 0;
    int minefields = 0;
    for (Obstacle o : plan.obstacles()) {
      double n = o.type().emplacement().stockPerUnit().getOrDefault("at_mines", 0.0);
      items += n * o.quantity();
      minefields += n > 0 ? 1 : 0;
      obstacles += o.cost_eur();
    }
    assertThat(items).isPositive();
    // each option's items are rounded up in the model; the plan file's lengths went through WGS84
    assertThat(atMines.path("stored").asLong())
        .isBetween((long) Math.floor(items * 0.999), (long) Math.ceil(items * 1.001) + minefields);
    assertThat(s.path("total_cost_eur").asDouble())
        .isCloseTo(obstacles + 1000, org.assertj.core.api.Assertions.within(obstacles * 1e-4));
    assertThat(Files.readString(built.resolve("report.html")))
        .contains("Depot sites built (1 of 2 offered")
        .contains("site site-cheap");
  }

  @Test
  void sitesFileForbidsPinsAndCountsExistingObstaclesAsBuilt() throws Exception {
    AssessmentRegion ar =
        RegionStore.load(pack, 1000, lt.skydas.core.progress.Progress.NONE).region();
    BarrierPlanReader planReader = new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent());
    org.locationtech.jts.geom.Geometry box =
        lt.skydas.core.geo.Crs.lks94()
            .toMetric(
                new org.locationtech.jts.geom.GeometryFactory()
                    .toGeometry(
                        new org.locationtech.jts.geom.Envelope(25.45, 25.80, 54.50, 54.75)));
    // without edits the plan blocks the roads around Medininkai
    Path baseOut = tmp.resolve("opt-unedited");
    CliRunner.Result b = small(baseOut);
    assertThat(b.exit()).as(b.err()).isZero();
    List<Obstacle> unedited = planReader.read(baseOut.resolve("plan.geojson")).obstacles();
    assertThat(unedited).anySatisfy(o -> assertThat(o.geometry_lks94().intersects(box)).isTrue());
    String forbid = unedited.get(0).id();
    String pin =
        beltCandidates().values().stream()
            .filter(f -> "corridor".equals(f.string("kind")))
            .filter(f -> f.string("types").contains("at_ditch"))
            .map(lt.skydas.core.geojson.Feature::id)
            .filter(id -> unedited.stream().noneMatch(o -> o.id().equals(id)))
            .findFirst()
            .orElseThrow();
    // an existing 16 km anti-tank ditch south of Vilnius: about EUR 2.5 m, more than the budget
    Path file =
        sites(
            "sites.geojson",
            feature("no-medininkai", "\"action\": \"forbid\"", MEDININKAI_BOX),
            feature("f1", "\"action\": \"forbid\", \"candidate\": \"" + forbid + "\"", "null"),
            feature(
                "p1",
                "\"action\": \"pin\", \"candidate\": \"" + pin + "\", \"type\": \"at_ditch\"",
                "null"),
            feature(
                "e1",
                "\"action\": \"existing\", \"type\": \"at_ditch\"",
                "{\"type\": \"LineString\", \"coordinates\": [[25.30, 54.45], [25.30, 54.60]]}"));
    Path out = tmp.resolve("opt-sites");
    CliRunner.Result r = small(out, "--sites", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    BarrierPlan plan = planReader.read(out.resolve("plan.geojson"));
    Map<String, JsonNode> props = new HashMap<>();
    for (JsonNode f : JSON.readTree(out.resolve("plan.geojson").toFile()).path("features")) {
      props.put(f.path("id").asText(), f.path("properties"));
    }
    Map<String, Obstacle> byId = new HashMap<>();
    plan.obstacles().forEach(o -> byId.put(o.id(), o));
    // pinned: always there, with its type
    assertThat(byId).containsKey(pin);
    assertThat(byId.get(pin).type().id()).isEqualTo("at_ditch");
    assertThat(props.get(pin).path("status").asText()).isEqualTo("pinned");
    // existing: there at no cost, though building it would cost more than the whole budget
    assertThat(byId).containsKey("e1");
    assertThat(byId.get("e1").cost_eur()).isGreaterThan(2e6);
    assertThat(props.get("e1").path("status").asText()).isEqualTo("existing");
    assertThat(props.get("e1").path("cost_eur").asLong()).isZero();
    assertThat(byId.get("e1").year()).isZero();
    // forbidden: never there
    double spent = 0;
    for (Obstacle o : plan.obstacles()) {
      assertThat(o.id()).isNotEqualTo(forbid);
      if (!o.id().equals("e1")) {
        assertThat(o.geometry_lks94().intersects(box)).as(o.id()).isFalse();
        assertThat(props.get(o.id()).path("status").asText())
            .as(o.id())
            .isEqualTo(o.id().equals(pin) ? "pinned" : "chosen");
        spent += o.cost_eur() + o.clearanceCost_eur();
      }
    }
    assertThat(spent).isLessThanOrEqualTo(2e6 + 10);
    JsonNode s = JSON.readTree(out.resolve("optimization.json").toFile());
    assertThat(s.path("pinned").asInt()).isEqualTo(1);
    assertThat(s.path("existing").asInt()).isEqualTo(1);
    assertThat(s.path("total_cost_eur").asDouble()).isLessThanOrEqualTo(2e6);
    assertThat(s.path("notes").toString())
        .contains("pinned " + pin + " as at_ditch")
        .contains("existing at_ditch e1 counts as built")
        .contains("forbade ");
  }

  @Test
  void pinsOverTheBudgetAreInfeasibleNamingTheBudget() throws Exception {
    String pin =
        beltCandidates().values().stream()
            .filter(f -> f.string("types").contains("at_ditch"))
            .findFirst()
            .orElseThrow()
            .id();
    Path file =
        sites(
            "pin-too-dear.geojson",
            feature(
                "p1",
                "\"action\": \"pin\", \"candidate\": \"" + pin + "\", \"type\": \"at_ditch\"",
                "null"));
    Path out = tmp.resolve("too-dear");
    CliRunner.Result r =
        optimize(out, "--belts-km", "3", "--budget-eur", "1e5", "--sites", file.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(6);
    assertThat(r.err())
        .contains("pinned obstacles need EUR")
        .contains("of the total budget but only EUR 100,000 is available");
    assertThat(out).doesNotExist();
  }

  @Test
  void aBadSitesFileIsOneLineNamingTheFeature() throws Exception {
    Path file =
        sites(
            "bad-sites.geojson",
            feature(
                "p1",
                "\"action\": \"pin\", \"candidate\": \"b99-c1\", \"type\": \"at_ditch\"",
                "null"));
    CliRunner.Result r =
        optimize(tmp.resolve("bad"), "--belts-km", "3", "--sites", file.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("bad-sites.geojson: feature 0 (id \"p1\"): pin: property \"candidate\"")
        .contains("unknown candidate \"b99-c1\"");
    CliRunner.Result missing =
        optimize(tmp.resolve("bad"), "--sites", tmp.resolve("nope.geojson").toString());
    assertThat(missing.exit()).isEqualTo(4);
    assertThat(missing.err()).contains("nope.geojson: no such file");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(optimize(tmp.resolve("x"), "--years", "0").exit()).isEqualTo(2);
    CliRunner.Result mode = optimize(tmp.resolve("x"), "--objective-mode", "furthest");
    assertThat(mode.exit()).isEqualTo(2);
    assertThat(mode.err()).contains("--objective-mode must be each or nearest");
    assertThat(optimize(tmp.resolve("x"), "--weights", "tanks=2").exit()).isNotZero();
    assertThat(optimize(tmp.resolve("x"), "--year-ceilings-eur", "1,2").err())
        .contains("one value per year");
    CliRunner.Result warning = optimize(tmp.resolve("x"), "--planning-warning-h", "-1");
    assertThat(warning.exit()).isEqualTo(2);
    assertThat(warning.err()).contains("--planning-warning-h must be hours within 0..720");
    assertThat(optimize(tmp.resolve("x"), "--warning-floor-h", "1000").err())
        .contains("--warning-floor-h must be hours within 0..720");
  }

  /** The A3 bridge near Medininkai, 0.4 km from the Belarus border, and a road bridge beside it. */
  static Path protectFile(String name, String geometry2) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(
        file,
        "{\"type\": \"FeatureCollection\", \"features\": ["
            + "{\"type\": \"Feature\", \"id\": \"a3\", \"properties\": {\"name\": \"A3 bridge\"},"
            + " \"geometry\": {\"type\": \"Point\", \"coordinates\": [25.6936, 54.5462]}},"
            + "{\"type\": \"Feature\", \"id\": \"b2\", \"properties\": {},"
            + " \"geometry\": "
            + geometry2
            + "}]}");
    return file;
  }

  @Test
  void namedSitesAreProtectedFirstAndTheBarrierSpendsTheRest() throws Exception {
    Path out = tmp.resolve("protect");
    Path file =
        protectFile("bridges.geojson", "{\"type\": \"Point\", \"coordinates\": [25.66, 54.55]}");
    CliRunner.Result r = small(out, "--protect", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(out.resolve("optimization.json").toFile());
    JsonNode p = j.get("protection");
    assertThat(p.get("sites").asInt()).isEqualTo(2);
    assertThat(p.get("protected_model").asInt()).isEqualTo(2);
    assertThat(p.get("protected_verified").asInt()).isEqualTo(2);
    assertThat(p.get("optimal").asBoolean()).isTrue();
    long ew = p.get("cost_eur").asLong();
    // 2 km apart: one RF detector and one interceptor drone serve both (sensors.json, 1 year)
    assertThat(ew).isEqualTo(120_000 + 12_000 + 200_000 + 120_000);
    assertThat(j.get("ew_counter_drone_cost_eur").asLong()).isEqualTo(ew);
    assertThat(j.get("total_cost_eur").asLong())
        .isEqualTo(j.get("obstacle_cost_eur").asLong() + j.get("sensor_cost_eur").asLong() + ew)
        .isLessThanOrEqualTo(2_000_000);
    JsonNode sites = JSON.readTree(out.resolve("protect.geojson").toFile()).get("features");
    assertThat(sites).hasSize(2);
    for (JsonNode f : sites) {
      assertThat(f.get("properties").get("protected").asBoolean()).isTrue();
    }
    assertThat(Files.readString(out.resolve("phasing.csv"))).contains("1,ew_counter_drone,320000");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("Counter-drone protection of named sites");
  }

  @Test
  void aBadProtectFileOrCeilingIsOneLine() throws Exception {
    Path file =
        protectFile(
            "bad-protect.geojson",
            "{\"type\": \"LineString\", \"coordinates\": [[25.66, 54.55], [25.67, 54.55]]}");
    CliRunner.Result r = small(tmp.resolve("bad"), "--protect", file.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("bad-protect.geojson")
        .contains("b2")
        .contains("must be a Point, not a LineString");
    Path far = protectFile("far.geojson", "{\"type\": \"Point\", \"coordinates\": [10.0, 50.0]}");
    CliRunner.Result outside = small(tmp.resolve("bad"), "--protect", far.toString());
    assertThat(outside.exit()).isEqualTo(3);
    assertThat(outside.err()).contains("far.geojson").contains("outside the region");
    CliRunner.Result share =
        small(tmp.resolve("bad"), "--protect", file.toString(), "--protect-share", "2");
    assertThat(share.exit()).isEqualTo(2);
    assertThat(share.err()).contains("--protect-share must be within 0..1");
    CliRunner.Result ceiling = small(tmp.resolve("bad"), "--ew-max-eur", "-1");
    assertThat(ceiling.exit()).isEqualTo(2);
    assertThat(ceiling.err()).contains("--ew-max-eur must be a finite amount >= 0");
  }

  @Test
  void aMinimumWarningBuysSensorsWithTheMoneyTheBarrierLeaves() throws Exception {
    Path out = tmp.resolve("warn");
    // the barrier may take EUR 1.2 m of the 2 m: the rest can buy warning sensors
    CliRunner.Result r =
        small(out, "--barriers-max-eur", "1.2e6", "--min-warning-h", "vilnius=0.2");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(out.resolve("optimization.json").toFile());
    JsonNode w = j.get("warning_minimum");
    assertThat(w.get("avenues").asInt()).isEqualTo(1);
    JsonNode row = w.get("verified").get(0);
    assertThat(row.get("objective").asText()).isEqualTo("vilnius");
    assertThat(row.get("required_h").asDouble()).isEqualTo(0.2);
    assertThat(row.get("status").asText()).isEqualTo("met");
    assertThat(row.get("warning_h").asDouble()).isGreaterThanOrEqualTo(0.2);
    assertThat(w.get("met_verified").asInt()).isEqualTo(1);
    long added = w.get("added_cost_eur").asLong();
    assertThat(j.get("warning_sensor_cost_eur").asLong()).isEqualTo(added);
    assertThat(j.get("total_cost_eur").asLong()).isLessThanOrEqualTo(2_000_000);
    if (w.get("added").size() > 0) {
      assertThat(Files.readString(out.resolve("plan.geojson"))).contains("\"warn-");
      assertThat(w.get("planned").get(0).get("status").asText()).isEqualTo("met_by_added_sensors");
    }
    assertThat(Files.readString(out.resolve("report.html"))).contains("Minimum warning time");
  }

  @Test
  void aBadMinimumWarningIsAUsageError() {
    CliRunner.Result unknown = small(tmp.resolve("bad"), "--min-warning-h", "atlantis=1");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--min-warning-h names an unknown objective \"atlantis\"");
    CliRunner.Result big = small(tmp.resolve("bad"), "--min-warning-h", "100");
    assertThat(big.exit()).isEqualTo(2);
    assertThat(big.err()).contains("--min-warning-h wants hours within 0..48, not 100");
  }
}
