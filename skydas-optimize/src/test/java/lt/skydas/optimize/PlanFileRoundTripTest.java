package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.SensorSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan with sensor sites written by {@link OptimizationWriter#writePlan} matches the golden file
 * and reads back as the same plan. Regenerate the golden file with {@code
 * -Dskydas.updateGolden=true} (it is written into src/test/resources).
 */
class PlanFileRoundTripTest {
  private static final String GOLDEN = "sensor-plan.golden.geojson";
  @TempDir Path dir;

  @Test
  void sensorSitesRoundTripThroughThePlanWriter() throws IOException, URISyntaxException {
    BarrierPlanReader reader = new BarrierPlanReader(ObstacleCatalog.defaults(), null);
    BarrierPlan plan = reader.read(resource("sensor-plan.geojson"));
    Path written = dir.resolve("plan.geojson");
    OptimizationWriter.writePlan(written, plan);

    if (Boolean.getBoolean("skydas.updateGolden")) {
      Files.copy(
          written,
          Paths.get("src/test/resources/lt/skydas/optimize", GOLDEN),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      assertThat(Files.readString(written)).isEqualTo(Files.readString(resource(GOLDEN)));
    }

    BarrierPlan back = reader.read(written);
    assertThat(back.name()).isEqualTo(plan.name());
    assertThat(back.policy().sameRules(plan.policy())).isTrue();
    assertThat(back.obstacles()).extracting(o -> o.id()).containsExactly("d1");
    assertThat(back.sensors()).hasSize(4);
    List<SensorSite> before = plan.sensors();
    for (int i = 0; i < before.size(); i++) {
      SensorSite a = before.get(i);
      SensorSite b = back.sensors().get(i);
      assertThat(b.id()).isEqualTo(a.id());
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.type()).isEqualTo(a.type());
      assertThat(b.height_m()).isEqualTo(a.height_m());
      assertThat(Double.valueOf(b.azimuth_deg())).isEqualTo(Double.valueOf(a.azimuth_deg()));
      assertThat(b.year()).isEqualTo(a.year());
      assertThat(b.geometry_wgs84().equalsExact(a.geometry_wgs84(), 1e-6)).isTrue();
    }
    assertThat(back.sensorCost_eur()).isEqualTo(plan.sensorCost_eur());
    assertThat(back.totalCost_eur()).isEqualTo(plan.totalCost_eur());
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PlanFileRoundTripTest.class.getResource(name).toURI());
  }
}
