package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.RouteTime;
import lt.skydas.mobility.Season;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.PlanPolicy;
import org.junit.jupiter.api.Test;

/** The friendly-route limit is checked on the verified plan: a breach is exit 6, one line each. */
class RouteLimitTest {
  static AssessmentResult with(List<RouteTime> routes) {
    return new AssessmentResult(
        "test", BarrierPlan.empty(PlanPolicy.DEFAULT), List.of(), List.of(), List.of(), routes, 0);
  }

  static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void routesWithinTheLimitPass() {
    AssessmentResult ok =
        with(
            List.of(
                new RouteTime("pl-kaunas", "LT-PL → Kaunas", Season.DRY, 1000, 1100, 10),
                new RouteTime("pl-vilnius", "LT-PL → Vilnius", Season.WET, 2000, 2000, 10)));
    assertThat(OptimizeCommand.routeLimitsHeld(ok, Path.of("out"))).isZero();
  }

  @Test
  void aRouteOverItsLimitFailsNamingRouteSeasonAndLimit() {
    AssessmentResult bad =
        with(
            List.of(
                new RouteTime("pl-kaunas", "LT-PL → Kaunas", Season.DRY, 1000, 1000, 10),
                new RouteTime("pl-vilnius", "LT-PL → Vilnius", Season.FROZEN, 2000, 2300, 10)));
    int[] code = new int[1];
    String err = stderrOf(() -> code[0] = OptimizeCommand.routeLimitsHeld(bad, Path.of("out")));
    assertThat(code[0]).isEqualTo(6);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("LT-PL → Vilnius", "frozen", "15.0 %", "10 % limit");
  }
}
