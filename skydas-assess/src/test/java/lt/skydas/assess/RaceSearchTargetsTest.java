package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The race and arrival searches stop once the objectives and the plan's obstacles are settled
 * ({@link Assessor#settleTargets}); they must give exactly what a search of the whole region gives.
 * Region: open ground 80 × 20 cells, a river across column 20 with a bridge on the east–west road,
 * the objective at column 34 (the region goes on far beyond it), a ditch, the bridge's demolition,
 * a road control point and three minefields, one far beyond the objective.
 */
class RaceSearchTargetsTest {
  @TempDir Path dir;

  @Test
  void searchesStoppedAtTheirTargetsGiveWhatWholeSearchesGive() throws Exception {
    SyntheticRegion r = new SyntheticRegion(80, 20);
    r.column(20, 0, 19, SyntheticRegion.RIVER);
    r.road(0.5, 10.5, 79.5, 10.5, "PRIMARY", false);
    r.road(30.5, 10.5, 30.5, 19.5, "SECONDARY", false);
    AssessmentRegion region = r.build();
    Assessor assessor =
        new Assessor(
            region,
            List.of(
                new Objective(
                    "target",
                    "Target",
                    new GeometryFactory().createPoint(new Coordinate(r.x(34.5), r.y(10.5))),
                    0)),
            Progress.NONE);
    BarrierPlan plan =
        r.plan(
            dir,
            region,
            r.feature("ditch", "at_ditch", "LineString", 8.5, 0.000001, 8.5, 19.999999),
            r.feature("bridge", "bridge_demolition", "Point", 20.5, 10.5),
            r.feature("cp", "road_control_point", "Point", 26.5, 10.5),
            r.feature("mines-w", "at_minefield", "LineString", 14.5, 0.000001, 14.5, 19.999999),
            r.feature("mines-e", "at_minefield", "LineString", 30.2, 0.000001, 30.2, 19.999999),
            r.feature("mines-far", "at_minefield", "LineString", 60.5, 0.000001, 60.5, 19.999999));
    PlanEffects effects =
        PlanEffects.locate(plan, assessor.network(), region.roads())
            .withWatch(WatchFactors.full(plan.obstacles().size()));
    int n = plan.obstacles().size();
    boolean[] onWarning = new boolean[n];
    for (int o = 0; o < n; o++) {
      onWarning[o] = plan.obstacles().get(o).type().emplacement().onWarning();
    }
    assertThat(onWarning).containsExactly(false, true, true, true, true, true);
    SpeedTable speeds = SpeedTable.defaults();
    for (VehicleClass v : VehicleClass.values()) {
      for (Season s : List.of(Season.DRY, Season.FROZEN)) {
        // everything built: the arrival search against the whole race search
        Assessor.Arrivals a = assessor.arrivals(v, s, speeds, effects);
        RaceSearch.Outcome all =
            RaceSearch.run(assessor, v, s, speeds, effects, new boolean[n], new double[n], true);
        assertThat(a.objective_s()).as(v + " " + s).containsExactly(all.objective_s());
        assertThat(a.obstacle_s()).as(v + " " + s).containsExactly(all.obstacle_s());
        assertThat(a.objective_s()[0]).as(v + " " + s).isFinite();
        for (long seed = 1; seed <= 30; seed++) {
          Random rnd = new Random(seed);
          double[] threshold = new double[n];
          for (int o = 0; o < n; o++) {
            int k = rnd.nextInt(6);
            threshold[o] =
                k == 0
                    ? Double.POSITIVE_INFINITY
                    : k == 1 ? Double.NEGATIVE_INFINITY : rnd.nextDouble() * 1.5 * 3600;
          }
          String where = v + " " + s + " seed " + seed + " " + Arrays.toString(threshold);
          RaceSearch.Outcome got =
              RaceSearch.run(assessor, v, s, speeds, effects, onWarning, threshold);
          RaceSearch.Outcome whole =
              RaceSearch.run(assessor, v, s, speeds, effects, onWarning, threshold, true);
          assertThat(got.objective_s()).as(where).containsExactly(whole.objective_s());
          assertThat(got.obstacle_s()).as(where).containsExactly(whole.obstacle_s());
          assertThat(got.acted()).as(where).containsExactly(whole.acted());
          assertThat(got.reached()).as(where).containsExactly(whole.reached());
        }
      }
    }
  }
}
