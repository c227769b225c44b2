package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.observe.SiteProtection;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorSite;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Counter-drone protection on the open 30 × 30 km test region ({@link SensorCandidatesTest}):
 * bridges A and B 2 km apart, C 22 km from them. Worked by hand from sensors.json over 10 years: RF
 * detector EUR 240 000, tethered-drone radar 1 050 000, interceptor drone 1 400 000, drone-link
 * jammer 700 000 (it denies RF detectors and interceptors within 5 km). Cheapest per group: an RF
 * detector and an interceptor, EUR 1 640 000 (radar and jammer: 1 750 000); A and B share one pair
 * (within 5 and 10 km), C needs its own (22 km away): EUR 3 280 000 for all three.
 */
class ProtectionStepTest {
  static final SensorCatalog CATALOG = SensorCatalog.defaults();

  static List<SiteProtection.NamedPoint> bridges() {
    return List.of(
        point("A", 505_000, 6_085_000),
        point("B", 507_000, 6_085_000),
        point("C", 525_000, 6_075_000));
  }

  static SiteProtection.NamedPoint point(String id, double x, double y) {
    return new SiteProtection.NamedPoint(
        id, "bridge " + id, SensorCandidatesTest.GF.createPoint(new Coordinate(x, y)));
  }

  static ProtectionStep.Outcome run(ProtectOptions opt, Programme p) {
    return ProtectionStep.run(SensorCandidatesTest.region(), opt, p, CATALOG, 1, Progress.NONE);
  }

  @Test
  void buysTheCheapestPairsAndTheyVerify() {
    ProtectionStep.Outcome o = run(ProtectOptions.all(bridges(), "t"), Programme.defaults());
    Protection p = o.protection();
    assertThat(p.protectedCount()).isEqualTo(3);
    assertThat(p.optimal()).isTrue();
    assertThat(p.cost_eur()).isEqualTo(3_280_000);
    assertThat(p.chosen().stream().map(s -> s.type().id()).sorted())
        .containsExactly(
            "interceptor_drone", "interceptor_drone", "rf_drone_detector", "rf_drone_detector");
    // the plan's years carry it: purchase in year 1, upkeep every year
    assertThat(o.byYear_eur()[0]).isEqualTo(2 * 320_000 + 2 * 132_000);
    assertThat(o.byYear_eur()[9]).isEqualTo(2 * 120_000 + 2 * 12_000);
    double sum = 0;
    for (double v : o.byYear_eur()) {
      sum += v;
    }
    assertThat(sum).isEqualTo(3_280_000);
    // the verification (the coverage model of `skydas coverage --protect`) agrees
    AssessmentRegion r = SensorCandidatesTest.region();
    List<SiteProtection> v = ProtectionStep.verify(r, p.chosen(), bridges(), 1);
    assertThat(v).allMatch(SiteProtection::isProtected);
    Programme less = Programme.defaults().less(o.byYear_eur());
    assertThat(less.total_eur()).isEqualTo(1.1e9 - 3_280_000);
    assertThat(less.yearCeilings_eur()[0]).isEqualTo(110e6 - 904_000);
  }

  @Test
  void theEwCeilingBuysWhatItCanAndSaysSo() {
    Programme p =
        Programme.defaults()
            .withCeilings(new Programme.Ceilings(Double.POSITIVE_INFINITY, 2_000_000, 1e12));
    Protection pr = run(ProtectOptions.all(bridges(), "t"), p).protection();
    assertThat(pr.protectedCount()).isEqualTo(2);
    assertThat(pr.bound()).isEqualTo(2);
    assertThat(pr.cost_eur()).isEqualTo(1_640_000);
    assertThat(pr.notes()).anyMatch(n -> n.contains("2 of the 3") && n.contains("ceiling"));
  }

  @Test
  void aJammerNeverStandsBesideTheDetectorItWouldBlind() {
    ProtectOptions opt =
        new ProtectOptions(
            bridges(), "t", 1, List.of("rf_drone_detector"), List.of("uas_link_jammer"));
    Protection pr = run(opt, Programme.defaults()).protection();
    // every jammer within 5 km of a detector that could see its sites: nothing can be protected
    assertThat(pr.protectedCount()).isZero();
    assertThat(pr.chosen()).isEmpty();
    assertThat(pr.conflictsAvoided()).isGreaterThan(0);
  }

  @Test
  void refusesTypesOfTheWrongRoleOrArc() {
    assertThatThrownBy(
            () ->
                run(
                    new ProtectOptions(
                        bridges(),
                        "t",
                        1,
                        List.of("interceptor_drone"),
                        List.of("uas_link_jammer")),
                    Programme.defaults()))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("cannot serve as a drone detector");
    assertThatThrownBy(
            () ->
                run(
                    new ProtectOptions(
                        bridges(), "t", 1, List.of("cuas_radar"), List.of("interceptor_drone")),
                    Programme.defaults()))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("all-round");
    assertThatThrownBy(
            () ->
                run(
                    new ProtectOptions(
                        bridges(), "t", 1, List.of("no_such"), List.of("interceptor_drone")),
                    Programme.defaults()))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("not in the sensor catalog");
  }

  @Test
  void nothingNamedBuysNothing() {
    ProtectionStep.Outcome o = run(ProtectOptions.none(), Programme.defaults());
    assertThat(o.protection().enabled()).isFalse();
    assertThat(o.byYear_eur()).containsOnly(0.0);
    List<SensorSite> none = o.protection().chosen();
    assertThat(none).isEmpty();
  }
}
