package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.Resident;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterPairs;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.mobility.SpeedTable;
import org.junit.jupiter.api.Test;

/**
 * Shelter access on the network (issue 17, ADR 0032): known times on open ground, a river that only
 * a bridge crosses, driving on a road, and the pairs of {@link ShelterPairs} against a plain
 * all-pairs reference on random regions.
 */
class CivilAccessTest {
  private static final SpeedTable SPEEDS = SpeedTable.defaults();

  private static ShelterSite site(SyntheticRegion r, double col, double row, int capacity) {
    return new ShelterSite("s", null, r.x(col + 0.5), r.y(row + 0.5), capacity, 0);
  }

  @Test
  void onOpenGroundTheWalkIsTheDistanceAtACiviliansPace() {
    SyntheticRegion r = new SyntheticRegion(40, 40);
    r.resident("A", 10, 20, 50);
    AssessmentRegion ar = r.build();
    CivilAccess walk = CivilAccess.walk(ar, SPEEDS);
    Demand d = Demand.of(ar.residents());
    double[] t = new double[1];
    walk.times(r.x(20.5), r.y(20.5), 3600, d, new int[] {0}, 1, t);
    // a village of 50 is one point at its place; 1,000 m across fields at 4 km/h × 0.8 = 3.2 km/h
    assertThat(t[0]).isCloseTo(1000 * 3.6 / 3.2, within(1e-6));
    List<ShelterSite> s = List.of(site(r, 20, 20, 500));
    // 18.75 min on the network: 19 min covers, 18 does not; the straight-line estimate
    // (1,000 m × 1.3 at 4 km/h = 19.5 min) covers neither
    assertThat(cover(ar, d, s, ShelterAccess.walk(19).on(walk))).isEqualTo(50);
    assertThat(cover(ar, d, s, ShelterAccess.walk(18).on(walk))).isZero();
    assertThat(cover(ar, d, s, ShelterAccess.walk(19))).isZero();
  }

  @Test
  void aRiverIsCrossedOnlyOnTheBridgeSoTheShelterAcrossItIsOutOfReach() {
    SyntheticRegion r = new SyntheticRegion(40, 40);
    r.column(15, 0, 39, SyntheticRegion.RIVER);
    r.road(5, 35.5, 14.5, 35.5, "MINOR", false);
    r.road(14.5, 35.5, 15.5, 35.5, "MINOR", true);
    r.road(15.5, 35.5, 25, 35.5, "MINOR", false);
    r.resident("A", 10, 20, 50);
    AssessmentRegion ar = r.build();
    Demand d = Demand.of(ar.residents());
    List<ShelterSite> s = List.of(site(r, 20, 20, 500));
    CivilAccess walk = CivilAccess.walk(ar, SPEEDS);
    // 1,000 m straight: the estimate says a 20 min walk
    assertThat(cover(ar, d, s, ShelterAccess.walk(20))).isEqualTo(50);
    assertThat(cover(ar, d, s, ShelterAccess.walk(20).on(walk))).isZero();
    double[] t = new double[1];
    walk.times(r.x(20.5), r.y(20.5), 4 * 3600, d, new int[] {0}, 1, t);
    // every way crosses on the bridge at row 35: at least 2 × 1,581 m at 4 km/h, at most that
    // across fields at 3.2 km/h with the 8-neighbour grid's 8 % over the straight line and the
    // links on and off the bridge (two cells)
    double least_s = 2 * Math.hypot(500, 1500) * 3.6 / 4;
    assertThat(t[0]).isBetween(least_s, least_s * 1.25 * 1.09 + 2 * 100 * 3.6 / 3.2);
    assertThat(cover(ar, d, s, ShelterAccess.walk(Math.ceil(t[0] / 60)).on(walk))).isEqualTo(50);
    // no car crosses the river off the bridge either
    CivilAccess drive = CivilAccess.drive(ar, SPEEDS);
    drive.times(r.x(20.5), r.y(20.5), 4 * 3600, d, new int[] {0}, 1, t);
    assertThat(t[0]).isGreaterThan(2 * 1500 * 3.6 / CivilAccess.DRIVE_ROAD_KMH);
    assertThat(ShelterAccess.walk(20).on(walk).describe())
        .isEqualTo(
            "20 min walk over the roads, paths and terrain of the region (100 m cells), on foot"
                + " at up to 4.0 km/h");
  }

  @Test
  void aCarDrivesTheMappedRoadAtAlertTrafficSpeedAndTheRestAtTheOffRoadPace() {
    SyntheticRegion r = new SyntheticRegion(80, 10);
    r.road(0.5, 5.5, 79.5, 5.5, "PRIMARY", false);
    r.resident("A", 70, 5, 50);
    AssessmentRegion ar = r.build();
    Demand d = Demand.of(ar.residents());
    CivilAccess drive = CivilAccess.drive(ar, SPEEDS);
    assertThat(drive.maxSpeed_mps() * 3.6).isCloseTo(CivilAccess.DRIVE_ROAD_KMH, within(1e-9));
    double[] t = new double[1];
    drive.times(r.x(10.5), r.y(5.5), 3600, d, new int[] {0}, 1, t);
    // 6 km of road at 30 km/h, give or take the links between the cells and the road
    assertThat(t[0]).isBetween(6000 * 3.6 / 30, 6000 * 3.6 / 30 + 2 * 100 * 3.6 / 10);
    // off the road: 6 km at no more than 10 km/h
    drive.times(r.x(10.5), r.y(0.5), 3600, d, new int[] {0}, 1, t);
    assertThat(t[0]).isGreaterThan(6000 * 3.6 / 30);
  }

  /**
   * The pairs found with the bucket grid and the searches cut off at the limit equal those of a
   * plain reference: every shelter searched without a limit to every demand point.
   */
  @Test
  void networkPairsEqualAnAllPairsReferenceOnRandomRegions() {
    for (long seed = 1; seed <= 12; seed++) {
      Random rnd = new Random(seed);
      SyntheticRegion r = new SyntheticRegion(60, 50);
      for (int k = 0; k < 3; k++) {
        int col = 5 + rnd.nextInt(50);
        r.column(col, rnd.nextInt(10), 30 + rnd.nextInt(20), SyntheticRegion.RIVER);
      }
      for (int k = 0; k < 200; k++) {
        r.column(rnd.nextInt(60), 0, 0, SyntheticRegion.FOREST);
        int c = rnd.nextInt(60);
        int w = rnd.nextInt(50);
        r.column(c, w, Math.min(49, w + rnd.nextInt(6)), SyntheticRegion.FOREST);
      }
      r.road(0.5, 10.5 + rnd.nextInt(30), 59.5, 10.5 + rnd.nextInt(30), "SECONDARY", false);
      r.road(10.5 + rnd.nextInt(40), 0.5, 10.5 + rnd.nextInt(40), 49.5, "MINOR", false);
      for (int k = 0; k < 40; k++) {
        r.resident("R" + k, rnd.nextInt(60), rnd.nextInt(50), 1 + rnd.nextInt(3000));
      }
      AssessmentRegion ar = r.build();
      Demand d = Demand.of(ar.residents());
      List<ShelterSite> sites = new ArrayList<>();
      for (int k = 0; k < 15; k++) {
        sites.add(
            new ShelterSite(
                "s" + k,
                null,
                r.x(rnd.nextDouble() * 60),
                r.y(rnd.nextDouble() * 50),
                1 + rnd.nextInt(500),
                0));
      }
      CivilAccess net =
          rnd.nextBoolean() ? CivilAccess.walk(ar, SPEEDS) : CivilAccess.drive(ar, SPEEDS);
      ShelterAccess a =
          (net.maxSpeed_mps() * 3.6 > 10
                  ? ShelterAccess.drive(2 + rnd.nextInt(8))
                  : ShelterAccess.walk(5 + rnd.nextInt(30)))
              .on(net);
      ShelterPairs fast = ShelterPairs.of(d, sites, a);
      int[] all = new int[d.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      double[] t = new double[all.length];
      for (int j = 0; j < sites.size(); j++) {
        ShelterSite s = sites.get(j);
        net.times(s.x_m(), s.y_m(), Double.POSITIVE_INFINITY, d, all, all.length, t);
        Set<Integer> want = new HashSet<>();
        for (int i = 0; i < all.length; i++) {
          if (t[i] <= a.limit_s()) {
            want.add(i);
          }
        }
        Set<Integer> got = new HashSet<>();
        for (int k = fast.start()[j]; k < fast.start()[j + 1]; k++) {
          got.add(fast.point()[k]);
        }
        assertThat(got).as("seed %d, site %d, %s", seed, j, a.describe()).isEqualTo(want);
      }
    }
  }

  private static long cover(AssessmentRegion ar, Demand d, List<ShelterSite> s, ShelterAccess a) {
    List<Resident> rs = ar.residents();
    return ShelterCoverage.of(rs, d, s, a).covered();
  }
}
