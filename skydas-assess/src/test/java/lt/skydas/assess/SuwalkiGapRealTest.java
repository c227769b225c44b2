package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentResult.RaceTime;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.progress.Progress;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityCosts;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.RegionDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in Suwałki Gap region on the shipped layers (1 km cells): Lithuania and Poland at home
 * in one ETRS89-LAEA grid, attackers from Kaliningrad and Belarus, the corridor race on every
 * friendly route, and the Via Baltica across the LT–PL border timed as the sum of its parts.
 */
class SuwalkiGapRealTest {
  @TempDir static Path tmp;
  static Region pack;
  static AssessmentRegion region;
  static Assessor assessor;

  @BeforeAll
  static void build() {
    Path dir = tmp.resolve("pack");
    RegionBuilder.build(
        new RegionBuildOptions(
            Path.of("..").resolve("data/baltic").toAbsolutePath(),
            dir,
            1000,
            25,
            RegionDefinition.builtIn("suwalki-gap")),
        Progress.NONE);
    pack = Region.load(dir);
    region = RegionInputs.from(pack, 1000);
    assessor = new Assessor(region, ObjectivesReader.of(region.definition()), Progress.NONE);
  }

  @Test
  void twoHomesInOneLaeaGridAttackedFromBothSides() {
    assertThat(region.grid().epsg()).isEqualTo(3035);
    assertThat(region.definition().homeCountries()).containsExactly(Country.LT, Country.PL);
    Map<String, int[]> sides = CorridorRace.sides(region);
    assertThat(sides).containsOnlyKeys("RU", "BY");
    for (int[] cells : sides.values()) {
      assertThat(cells.length).isGreaterThan(20);
    }
    // every start cell lies outside the home countries
    boolean[] home = region.definition().homeCodes();
    for (int c : region.attackerStartCells()) {
      assertThat(home[pack.country()[c] & 0xff]).as("start cell %d at home", c).isFalse();
    }
  }

  @Test
  void theCorridorRaceHasBothSidesOnEveryRouteAndCase() {
    AssessmentResult r =
        assessor.assess(
            BarrierPlan.empty(PlanPolicy.DEFAULT),
            AssessmentOptions.defaults()
                .withCases(List.of(VehicleClass.WHEELED), List.of(Season.DRY))
                .withThreads(2),
            Progress.NONE);
    List<RaceTime> rows = lt.skydas.assess.report.RaceSection.rows(r);
    assertThat(rows).hasSize(3 * 2);
    for (RaceTime x : rows) {
      assertThat(x.transitBaseline_s()).as(x.routeId()).isFinite().isPositive();
      assertThat(x.cutBaseline_s()).as(x.routeId() + " " + x.side()).isFinite().isPositive();
    }
    for (var t : r.cases().get(0).times()) {
      assertThat(t.baseline_s()).as(t.objectiveId()).isFinite();
    }
  }

  @Test
  void viaBalticaCrossesTheBorderOnTheRoadAndIsTheSumOfItsParts() {
    GridSpec g = region.grid();
    MobilityNetwork net = assessor.network();
    float[] friction =
        MobilityCosts.friction(
            region.landCover(),
            region.landCoverNames(),
            SpeedTable.defaults(),
            VehicleClass.WHEELED,
            Season.DRY);
    double[] base =
        MobilityCosts.edgeCosts(
            net, friction, SpeedTable.defaults(), VehicleClass.WHEELED, Season.DRY);
    CostDistanceSearch s =
        assessor.search(0, Assessor.grid(g, friction, null), assessor.topology().withCosts(base));
    Map<String, Objective> byId = new java.util.HashMap<>();
    ObjectivesReader.of(region.definition()).forEach(o -> byId.put(o.id(), o));
    int[] from = ObjectiveNodes.of(g, region.landCover(), net, byId.get("augustow"));
    int[] to = ObjectiveNodes.of(g, region.landCover(), net, byId.get("kaunas"));
    s.run(Query.from(from).withFirstOfTargets(to));
    int end = to[0];
    for (int n : to) {
      end = s.cost(n) < s.cost(end) ? n : end;
    }
    double whole = s.cost(end);
    int[] path = s.path(end);
    assertThat(whole).isFinite();
    // the first node of the path in Lithuania, and the one before it in Poland
    int cross = -1;
    for (int i = 1; i < path.length && cross < 0; i++) {
      if (country(net, path[i - 1]) == Country.PL && country(net, path[i]) == Country.LT) {
        cross = i;
      }
    }
    assertThat(cross).as("the path crosses from PL into LT").isPositive();
    int x = path[cross];
    assertThat(x).as("crossing on a road node").isGreaterThanOrEqualTo(g.cellCount());
    assertThat(path[cross - 1]).as("and from a road node").isGreaterThanOrEqualTo(g.cellCount());
    double toBorder = s.cost(x);
    s.run(Query.from(x).withFirstOfTargets(to));
    double beyond = Double.POSITIVE_INFINITY;
    for (int n : to) {
      beyond = Math.min(beyond, s.cost(n));
    }
    assertThat(toBorder + beyond).isCloseTo(whole, within(1e-6));
    assertThat(toBorder).isPositive();
    assertThat(beyond).isPositive();
  }

  private static Country country(MobilityNetwork net, int node) {
    int cell =
        region.grid().cellAt(net.nodeX(node, region.roads()), net.nodeY(node, region.roads()));
    return Country.fromCode(pack.country()[cell]);
  }
}
