package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorSite;
import lt.skydas.raster.FloatRaster;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Minimum warning time on the open 30 × 30 km test region ({@link SensorCandidatesTest}), worked by
 * hand: one avenue runs west to east along y = 6 085 000 at 28 km/h (arrival time (x − 500 km) / 28
 * km per h), reaching the objective at x = 528 km after 1 h. Asked for 0.5 h of warning, a sensor
 * must see the avenue west of x = 514 km.
 */
class WarningStepTest {
  static final SensorCatalog CATALOG = SensorCatalog.defaults();
  static final AssessmentRegion REGION = SensorCandidatesTest.region();
  static final double Y = 6_085_050;

  static AssessmentResult result(VehicleClass v) {
    GridSpec g = REGION.grid();
    float[] t = new float[g.cellCount()];
    for (int row = 0; row < g.height(); row++) {
      for (int col = 0; col < g.width(); col++) {
        t[row * g.width() + col] = (float) ((g.centerX(col) - 500_000) / 28_000);
      }
    }
    AssessmentResult.Avenue a =
        new AssessmentResult.Avenue(
            "obj",
            v,
            Season.DRY,
            AssessmentResult.Scenario.BASELINE,
            1,
            3600 * (528_050 - 500_000) / 28_000.0,
            28_000,
            0,
            List.of(new Coordinate(500_050, Y), new Coordinate(528_050, Y)),
            List.of());
    AssessmentResult.Case c =
        new AssessmentResult.Case(
            v, Season.DRY, List.of(), List.of(a), new FloatRaster(g, t), Map.of(), 0);
    BarrierPlan empty = new BarrierPlan("t", "t", PlanPolicy.DEFAULT, List.of());
    return new AssessmentResult("t", empty, List.of(), List.of(c), List.of(), List.of(), 0);
  }

  static WarningOptions half(java.util.function.IntPredicate placeable) {
    return new WarningOptions(
        0.5, Map.of(), WarningOptions.DEFAULT_TYPES, WarningOptions.DEFAULT_SPACING_M, placeable);
  }

  static SensorSite mast(double x) {
    var t = CATALOG.findType("eoir_mast").orElseThrow();
    var p = SensorCandidatesTest.GF.createPoint(new Coordinate(x, Y));
    return SensorSite.builder()
        .withId("m")
        .withName("m")
        .withType(t)
        .withGeometry(lt.skydas.core.geo.Crs.lks94().toWgs84(p), p)
        .build();
  }

  @Test
  void theWarningIsFromTheFirstObservedCellToTheArrival() {
    // a mast at 527 km would see vehicles to 11 km, but a vehicle in the forest block (520 to 523
    // km) is concealed and the canopy hides what lies beyond: first seen at 523 km
    List<WarningResult.Row> rows =
        WarningStep.check(
            REGION, result(VehicleClass.TRACKED), List.of(mast(527_000)), half(null), 1);
    assertThat(rows).hasSize(1);
    WarningResult.Row r = rows.get(0);
    assertThat(r.arrival_h()).isCloseTo(28.05 / 28, within(1e-9));
    assertThat(r.warning_h()).isCloseTo((28.05 - 23.0) / 28, within(0.1 / 28));
    assertThat(r.status()).isEqualTo(WarningStep.UNMET);
    // a mast at 515 km sees from 504 km: 24 km before arrival, 0.86 h
    WarningResult.Row early =
        WarningStep.check(
                REGION, result(VehicleClass.TRACKED), List.of(mast(515_000)), half(null), 1)
            .get(0);
    assertThat(early.status()).isEqualTo(WarningStep.MET);
    assertThat(early.warning_h()).isCloseTo(24.05 / 28, within(0.1 / 28));
  }

  @Test
  void buysTheCheapestSensorThatSeesTheAvenueEarlyEnough() {
    WarningStep.Outcome o =
        WarningStep.run(
            REGION,
            result(VehicleClass.TRACKED),
            List.of(),
            half(null),
            CATALOG,
            1e9,
            10,
            1,
            1,
            Progress.NONE);
    assertThat(o.added()).hasSize(1);
    assertThat(o.added().get(0).type().id()).isEqualTo("eoir_mast");
    assertThat(o.cost_eur()).isEqualTo(250_000 + 10 * 20_000);
    assertThat(o.optimal()).isTrue();
    assertThat(o.rows().get(0).status()).isEqualTo(WarningStep.BOUGHT);
    // and the bought sensor verifies
    assertThat(
            WarningStep.check(REGION, result(VehicleClass.TRACKED), o.added(), half(null), 1)
                .get(0)
                .met())
        .isTrue();
    // dismounted: people are seen to 5 km, still by a mast
    WarningStep.Outcome d =
        WarningStep.run(
            REGION,
            result(VehicleClass.DISMOUNTED),
            List.of(),
            half(null),
            CATALOG,
            1e9,
            10,
            1,
            1,
            Progress.NONE);
    assertThat(d.added()).extracting(s -> s.type().id()).containsExactly("eoir_mast");
  }

  @Test
  void saysWhyWhenNoPlaceOrNoMoneyServes() {
    // no cell may take a sensor (outside the home country)
    WarningStep.Outcome nowhere =
        WarningStep.run(
            REGION,
            result(VehicleClass.TRACKED),
            List.of(),
            half(cell -> false),
            CATALOG,
            1e9,
            10,
            1,
            1,
            Progress.NONE);
    assertThat(nowhere.added()).isEmpty();
    assertThat(nowhere.rows().get(0).status()).isEqualTo(WarningStep.UNMET);
    assertThat(nowhere.rows().get(0).reason()).contains("no place in the home country");
    WarningStep.Outcome poor =
        WarningStep.run(
            REGION,
            result(VehicleClass.TRACKED),
            List.of(),
            half(null),
            CATALOG,
            100_000,
            10,
            1,
            1,
            Progress.NONE);
    assertThat(poor.added()).isEmpty();
    assertThat(poor.rows().get(0).reason()).contains("money left");
  }
}
