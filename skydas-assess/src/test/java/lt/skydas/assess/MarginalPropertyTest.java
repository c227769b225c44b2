package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Fast marginal values against the exact reference (one search per obstacle) on random plans. */
class MarginalPropertyTest {
  @TempDir Path dir;

  @Test
  void fastMarginalNeverExceedsExactAndMostlyEqualsIt() throws IOException {
    int compared = 0;
    int equal = 0;
    for (int seed = 1; seed <= 25; seed++) {
      Random r = new Random(seed);
      SyntheticRegion reg = new SyntheticRegion(36, 24);
      for (int k = 0; k < 3; k++) {
        int col = 5 + r.nextInt(26);
        int r0 = r.nextInt(12);
        reg.column(
            col,
            r0,
            r0 + 4 + r.nextInt(8),
            r.nextBoolean() ? SyntheticRegion.FOREST : SyntheticRegion.RIVER);
      }
      double row = 2.5 + r.nextInt(19);
      reg.road(0.5, row, 35.5, row, "PRIMARY", false);
      AssessmentRegion ar = reg.build();
      List<String> features = new ArrayList<>();
      String[] lineTypes = {"at_ditch", "dragons_teeth", "drainage_ditch", "at_minefield"};
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        if (r.nextInt(4) == 0) {
          double[] p = reg.lonLat(3 + r.nextInt(30) + 0.5, row);
          features.add(
              String.format(
                  Locale.ROOT,
                  "{\"type\":\"Feature\",\"id\":\"o%d\",\"properties\":{\"type\":\"road_control_point\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.9f,%.9f]}}",
                  i,
                  p[0],
                  p[1]));
        } else {
          double c = 3 + r.nextInt(30) + r.nextDouble();
          double a0 = r.nextDouble() * 10;
          double a1 = 14 + r.nextDouble() * 9.9;
          double[] a = reg.lonLat(c, Math.max(0.05, a0));
          double[] b = reg.lonLat(c + r.nextDouble() * 4 - 2, Math.min(23.95, a1));
          features.add(
              String.format(
                  Locale.ROOT,
                  "{\"type\":\"Feature\",\"id\":\"o%d\",\"properties\":{\"type\":\"%s\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}}",
                  i,
                  lineTypes[r.nextInt(lineTypes.length)],
                  a[0],
                  a[1],
                  b[0],
                  b[1]));
        }
      }
      Path planFile = dir.resolve("plan" + seed + ".geojson");
      Files.writeString(
          planFile,
          "{\"type\":\"FeatureCollection\",\"policy\":{\"civilian_buffer_m\":0,\"buffer_override_reason\":\"random plans on a synthetic region\"},\"features\":["
              + String.join(",", features)
              + "]}");
      BarrierPlan plan =
          new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent()).read(planFile);
      Objective target =
          new Objective(
              "t",
              "T",
              new GeometryFactory()
                  .createPoint(new Coordinate(reg.x(34.5), reg.y(2.5 + r.nextInt(19)))),
              0);
      Assessor a = new Assessor(ar, List.of(target), Progress.NONE);
      AssessmentOptions base =
          AssessmentOptions.defaults()
              .withCases(List.of(VehicleClass.values()), List.of(Season.DRY))
              .withThreads(1)
              .withAvenues(1);
      AssessmentResult exact =
          a.assess(plan, base.withMarginal(AssessmentOptions.Marginal.EXACT), Progress.NONE);
      AssessmentResult fast =
          a.assess(plan, base.withMarginal(AssessmentOptions.Marginal.FAST), Progress.NONE);
      for (int c = 0; c < exact.cases().size(); c++) {
        for (Map.Entry<String, Map<String, Double>> e :
            exact.cases().get(c).marginal_s().entrySet()) {
          double ex = e.getValue().get("t");
          double fa = fast.cases().get(c).marginal_s().get(e.getKey()).get("t");
          if (Double.isNaN(ex)) {
            continue;
          }
          compared++;
          assertThat(fa)
              .as(
                  "seed %d, %s, obstacle %s: fast %.3f <= exact %.3f",
                  seed, exact.cases().get(c).id(), e.getKey(), fa, ex)
              .isLessThanOrEqualTo(ex + 1e-6);
          assertThat(fa).as("seed %d: non-negative", seed).isGreaterThanOrEqualTo(0);
          if (Math.abs(fa - ex) < 1e-6) {
            equal++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
    assertThat(equal)
        .as("%d of %d equal", equal, compared)
        .isGreaterThanOrEqualTo((int) (0.9 * compared));
  }
}
