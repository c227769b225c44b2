package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.TargetClass;
import lt.skydas.region.LandCover;
import lt.skydas.terrain.Viewshed;
import lt.skydas.terrain.ViewshedOptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class CoverageTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final ClutterTable CLUTTER = ClutterTable.defaults();

  static GridSpec grid(int w, int h, double cell) {
    return new GridSpec(500_000, 6_100_000, cell, w, h, 3346);
  }

  static Geometry point(GridSpec g, double col, double row) {
    return GF.createPoint(
        new Coordinate(g.minX() + col * g.cellSize(), g.maxY() - row * g.cellSize()));
  }

  static byte[] filled(GridSpec g, LandCover c) {
    byte[] lc = new byte[g.cellCount()];
    Arrays.fill(lc, c.code());
    return lc;
  }

  /**
   * The plain reference: for every sensor a full viewshed, then every cell checked on its own
   * (range by centre distance, arc by the angle between unit vectors, concealment by clutter).
   */
  static short[] reference(Surface s, List<SensorPlacement> sensors, double targetHeight_m) {
    GridSpec g = s.grid();
    short[] count = new short[g.cellCount()];
    byte[] seen = new byte[g.cellCount()];
    Viewshed vs = new Viewshed(s.elevation());
    for (SensorPlacement p : sensors) {
      if (p.range_m() <= 0) {
        continue;
      }
      Geometry geom = p.geometry_lks94();
      if (p.lineOfSight()) {
        double x = geom.getCoordinate().x;
        double y = geom.getCoordinate().y;
        int cell = g.cellAt(x, y);
        if (cell < 0 || s.isNodata(cell)) {
          continue;
        }
        vs.compute(
            cell % g.width(),
            cell / g.width(),
            ViewshedOptions.builder()
                .withObserverHeight_m(p.mastHeight_m() - s.clutter_m(cell))
                .withTargetHeight_m(targetHeight_m)
                .withMaxDistance_m(p.range_m())
                .build(),
            seen);
        double ax = Math.sin(Math.toRadians(p.azimuth_deg()));
        double ay = Math.cos(Math.toRadians(p.azimuth_deg()));
        for (int c = 0; c < count.length; c++) {
          double dx = g.centerX(c % g.width()) - x;
          double dy = g.centerY(c / g.width()) - y;
          double d = Math.hypot(dx, dy);
          boolean inArc =
              p.arc_deg() >= 360
                  || d == 0
                  || (dx * ax + dy * ay) / d >= Math.cos(Math.toRadians(p.arc_deg() / 2)) - 1e-12;
          if (seen[c] == Viewshed.VISIBLE && inArc && s.clutter_m(c) <= targetHeight_m) {
            count[c]++;
          }
        }
      } else {
        for (int c = 0; c < count.length; c++) {
          Geometry centre =
              GF.createPoint(new Coordinate(g.centerX(c % g.width()), g.centerY(c / g.width())));
          if (!s.isNodata(c) && geom.distance(centre) <= p.range_m()) {
            count[c]++;
          }
        }
      }
    }
    return count;
  }

  @Test
  void countsEqualThePlainReferenceOnRandomTerrainClutterAndSensors() {
    for (long seed = 1; seed <= 6; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      GridSpec g = grid(90, 70, 50);
      byte[] lc = new byte[g.cellCount()];
      float[] ground = new float[g.cellCount()];
      LandCover[] covers = {LandCover.OPEN, LandCover.OPEN, LandCover.FOREST, LandCover.BUILT_UP};
      for (int c = 0; c < lc.length; c++) {
        lc[c] = covers[rnd.nextInt(covers.length)].code();
        int col = c % g.width();
        int row = c / g.width();
        ground[c] = (float) (30 * Math.sin(col / 9.0) * Math.cos(row / 7.0) + rnd.nextDouble());
      }
      lc[rnd.nextInt(lc.length)] = LandCover.NODATA.code();
      Surface s = Surface.of(g, lc, CLUTTER, ground);
      List<SensorPlacement> sensors = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        boolean los = i % 3 != 2;
        Geometry where =
            los || i % 2 == 0
                ? point(g, 5 + rnd.nextDouble() * 80, 5 + rnd.nextDouble() * 60)
                : GF.createLineString(
                    new Coordinate[] {
                      point(g, 10, 10 + i).getCoordinate(), point(g, 70, 50 - i).getCoordinate()
                    });
        sensors.add(
            new SensorPlacement(
                "s" + i,
                where,
                los ? 1 + rnd.nextDouble() * 30 : 0,
                los ? 500 + rnd.nextDouble() * 2500 : 40 + rnd.nextDouble() * 200,
                los && i % 2 == 0 ? 30 + rnd.nextDouble() * 300 : 360,
                rnd.nextDouble() * 360,
                los));
      }
      short[] expected = reference(s, sensors, 2.5);
      for (int threads : new int[] {1, 2}) {
        CoverageGrid got = Coverage.compute(s, sensors, TargetClass.VEHICLE, 2.5, threads);
        assertThat(got.count()).as("seed %d, %d thread(s)", seed, threads).isEqualTo(expected);
      }
    }
  }

  @Test
  void onFlatOpenGroundAShortRangeSensorSeesTheDiscOfItsRange() {
    GridSpec g = grid(61, 61, 50);
    Surface s = Surface.of(g, filled(g, LandCover.OPEN), CLUTTER, null);
    SensorPlacement p = new SensorPlacement("r", point(g, 30.5, 30.5), 3, 1000, 360, 0, true);
    CoverageGrid cov = Coverage.compute(s, List.of(p), TargetClass.VEHICLE, 2.5, 1);
    int inside = 0;
    for (int c = 0; c < g.cellCount(); c++) {
      double d = Math.hypot(g.centerX(c % 61) - g.centerX(30), g.centerY(c / 61) - g.centerY(30));
      if (d <= 1000) {
        inside++;
      }
    }
    assertThat(cov.observedCells()).isEqualTo(inside);
    assertThat(cov.observedArea_km2())
        .isCloseTo(Math.PI, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void theHorizonOfA3mMastOverFlatGroundIsAbout12point8KmForA2point5mTarget() {
    // REFERENCES.md: visible light with k ≈ 1/7: d ≈ 3.86 (√h_obs + √h_target) km
    GridSpec g = grid(361, 3, 50);
    Surface s = Surface.of(g, filled(g, LandCover.OPEN), CLUTTER, null);
    SensorPlacement p = new SensorPlacement("r", point(g, 0.5, 1.5), 3, 17_000, 360, 0, true);
    CoverageGrid cov = Coverage.compute(s, List.of(p), TargetClass.VEHICLE, 2.5, 1);
    int furthest = 0;
    for (int col = 0; col < 361; col++) {
      if (cov.count()[g.width() + col] > 0) {
        furthest = col;
      }
    }
    double expected_m = 3860 * (Math.sqrt(3) + Math.sqrt(2.5));
    assertThat(furthest * 50.0).isCloseTo(expected_m, org.assertj.core.data.Offset.offset(150.0));
  }

  @Test
  void aVehicleInTheForestAndBehindItIsHiddenButADroneAboveTheCanopyIsNot() {
    GridSpec g = grid(80, 3, 25);
    byte[] lc = filled(g, LandCover.OPEN);
    for (int row = 0; row < 3; row++) {
      for (int col = 30; col < 40; col++) {
        lc[row * 80 + col] = LandCover.FOREST.code();
      }
    }
    Surface s = Surface.of(g, lc, CLUTTER, null);
    SensorPlacement radar = new SensorPlacement("r", point(g, 0.5, 1.5), 3, 1900, 360, 0, true);
    short[] vehicle = Coverage.compute(s, List.of(radar), TargetClass.VEHICLE, 2.5, 1).count();
    short[] drone = Coverage.compute(s, List.of(radar), TargetClass.SMALL_UAS, 50, 1).count();
    int mid = 80; // row 1
    assertThat(vehicle[mid + 20]).isEqualTo((short) 1); // open ground before the forest
    assertThat(vehicle[mid + 35]).isZero(); // in the forest: concealed
    assertThat(vehicle[mid + 50]).isZero(); // behind it: in its shadow
    assertThat(drone[mid + 35]).isEqualTo((short) 1);
    assertThat(drone[mid + 50]).isEqualTo((short) 1);
  }

  @Test
  void aMastBelowTheCanopySeesLittleAndASensorOffTheGridOrWithoutRangeIsListed() {
    GridSpec g = grid(40, 40, 25);
    Surface s = Surface.of(g, filled(g, LandCover.FOREST), CLUTTER, null);
    SensorPlacement under =
        new SensorPlacement("under", point(g, 20.5, 20.5), 3, 800, 360, 0, true);
    SensorPlacement above =
        new SensorPlacement("above", point(g, 20.5, 20.5), 30, 800, 360, 0, true);
    SensorPlacement off = new SensorPlacement("off", point(g, -50, 5), 30, 800, 360, 0, true);
    SensorPlacement deaf = new SensorPlacement("deaf", point(g, 5.5, 5.5), 30, 0, 360, 0, true);
    // a drone (50 m) over the canopy: the mast under the trees sees only its own cell
    CoverageGrid u = Coverage.compute(s, List.of(under, off, deaf), TargetClass.SMALL_UAS, 50, 1);
    CoverageGrid a = Coverage.compute(s, List.of(above), TargetClass.SMALL_UAS, 50, 1);
    assertThat(u.observedCells()).isLessThan(a.observedCells() / 10);
    assertThat(u.unplaced()).containsExactly("off", "deaf");
  }
}
