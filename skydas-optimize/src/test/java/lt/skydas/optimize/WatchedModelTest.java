package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The model with sensors, on {@link ModelFactoryTest}'s one-site graphs: the ditch's unwatched and
 * watched options with delays scaled by the catalog's watch rule, the sensor as a site of its own,
 * the link and the sensor ceiling; through the solver to a plan with a {@code SensorSite}.
 */
class WatchedModelTest {
  static final SensorType EOIR = SensorCatalog.defaults().findType("eoir_mast").orElseThrow();
  static final SensorCandidate MAST =
      new SensorCandidate(
          "eoir_mast-0",
          EOIR,
          new GeometryFactory().createPoint(new Coordinate(561_000, 6_050_500)),
          new int[] {0},
          new double[] {0.8},
          450_000);

  static ModelFactory.Built build(List<SensorCandidate> sensors, double max_eur) {
    return ModelFactory.build(
        ModelFactoryTest.SITES,
        ModelFactoryTest.each(ModelFactoryTest.ARCS),
        ModelFactory.Fixed.none(),
        Programme.defaults(),
        ModelFactoryTest.WEIGHTS,
        true,
        new ModelFactory.Sensors(sensors, max_eur));
  }

  @Test
  void aCoveredSiteOffersAnUnwatchedAndAWatchedOptionLinkedToItsSensor() {
    double f = ModelFactoryTest.DITCH.unobservedDelayFactor();
    assertThat(f).as("the ditch needs a watch (catalog)").isLessThan(1);
    ModelFactory.Built b = build(List.of(MAST), 1e6);
    BarrierModel m = b.model();
    assertThat(m.sites()).containsExactly("s0", "eoir_mast-0");
    assertThat(m.options()).hasSize(3);
    assertThat(m.options().get(2).site()).isEqualTo(1);
    assertThat(b.sensor(2)).isSameAs(MAST);
    assertThat(b.watched()).containsExactly(false, true, false);
    assertThat(m.links()).hasSize(1);
    assertThat(m.links().get(0).option()).isEqualTo(1);
    assertThat(m.links().get(0).sensors()).containsExactly(2);
    for (BarrierModel.Scenario sc : m.scenarios()) {
      VehicleClass v =
          sc.name().startsWith("tracked") ? VehicleClass.TRACKED : VehicleClass.WHEELED;
      double d = ModelFactoryTest.DITCH.crossingDelay_s(v);
      assertThat(sc.cellDelay_s()[0]).isCloseTo(f * d, within(1e-9));
      assertThat(sc.cellDelay_s()[1]).isCloseTo((f + (1 - f) * 0.8) * d, within(1e-9));
      assertThat(sc.cellDelay_s()[2]).isZero();
    }
    assertThat(m.options().get(1).cost_eur()).isEqualTo(m.options().get(0).cost_eur());
    BarrierModel.Budget total = m.budgets().get(0);
    assertThat(total.coefficient()[2]).isEqualTo(450_000);
    BarrierModel.Budget sensors =
        m.budgets().stream()
            .filter(r -> r.name().equals(ModelFactory.SENSOR_CEILING))
            .findFirst()
            .orElseThrow();
    assertThat(sensors.coefficient()).containsExactly(0, 0, 450_000);
    assertThat(sensors.limit()).isEqualTo(1_000_000);
  }

  @Test
  void withoutSensorCandidatesTheModelIsTheObstacleOnlyOne() {
    BarrierModel m = build(List.of(), Double.POSITIVE_INFINITY).model();
    BarrierModel old =
        ModelFactoryTest.build(ModelFactoryTest.each(ModelFactoryTest.ARCS), true).model();
    assertThat(m.options()).isEqualTo(old.options());
    assertThat(m.links()).isEmpty();
    assertThat(m.budgets()).hasSameSizeAs(old.budgets());
    for (int k = 0; k < m.scenarios().size(); k++) {
      assertThat(m.scenarios().get(k).cellDelay_s())
          .containsExactly(old.scenarios().get(k).cellDelay_s());
    }
    // no ceiling: no sensor row
    assertThat(build(List.of(MAST), Double.POSITIVE_INFINITY).model().budgets())
        .hasSameSizeAs(old.budgets());
  }

  @Test
  void aPinnedSiteKeepsOnlyItsUnwatchedOption() {
    ModelFactory.Built b =
        ModelFactory.build(
            ModelFactoryTest.SITES,
            ModelFactoryTest.each(ModelFactoryTest.ARCS),
            new ModelFactory.Fixed(Map.of(0, "at_ditch"), java.util.Set.of()),
            Programme.defaults(),
            ModelFactoryTest.WEIGHTS,
            true,
            new ModelFactory.Sensors(List.of(MAST), Double.POSITIVE_INFINITY));
    assertThat(b.model().options()).hasSize(2);
    assertThat(b.model().links()).isEmpty();
    assertThat(b.watched()).containsExactly(false, false);
  }

  @Test
  void theSolverBuysTheSensorAndThePlanCarriesItAsASensorSite() {
    ModelFactory.Built b = build(List.of(MAST), Double.POSITIVE_INFINITY);
    OrToolsModelSolver solver = new OrToolsModelSolver();
    ModelSolver.Solved solved = solver.solve(b.model(), 30, 0, 1, Progress.NONE);
    assertThat(solved.chosen()).containsExactly(false, true, true);
    ModelSolver.Phased phased =
        solver.phase(b.model(), solved.chosen(), Programme.defaults(), b.buildEffort_h(), null);
    PlanStep.MadePlan made =
        PlanStep.make(
            b,
            solved.chosen(),
            phased.yearOfOption(),
            PlanPolicy.DEFAULT,
            lt.skydas.core.geo.Crs.lks94());
    assertThat(made.plan().obstacles()).hasSize(1);
    assertThat(made.plan().sensors()).hasSize(1);
    assertThat(made.plan().sensors().get(0).id()).isEqualTo("eoir_mast-0");
    assertThat(made.plan().sensors().get(0).type()).isSameAs(EOIR);
    assertThat(made.plan().sensors().get(0).year()).isBetween(1, 10);
    assertThat(made.watched()).containsExactly("s0");

    // a sensor ceiling below its cost: the unwatched ditch alone
    ModelFactory.Built capped = build(List.of(MAST), 400_000);
    assertThat(solver.solve(capped.model(), 30, 0, 1, Progress.NONE).chosen())
        .containsExactly(true, false, false);
  }
}
