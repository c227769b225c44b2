package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's factor for delays of obstacles no sensor watches, and how it mixes. */
class UnobservedDelayFactorTest {
  @TempDir Path dir;

  private final ObstacleCatalog catalog = ObstacleCatalog.defaults();

  @Test
  void breachableObstaclesLoseDelayUnwatchedWhileMannedOnesWatchThemselves() {
    for (String id : new String[] {"at_minefield", "at_ditch", "dragons_teeth"}) {
      assertThat(catalog.findType(id).orElseThrow().unobservedDelayFactor())
          .as(id)
          .isGreaterThan(0)
          .isLessThan(1);
    }
    for (String id : new String[] {"bunker", "road_control_point", "bridge_demolition"}) {
      assertThat(catalog.findType(id).orElseThrow().unobservedDelayFactor()).as(id).isEqualTo(1);
    }
  }

  @Test
  void watchedFactorRunsLinearlyFromTheUnobservedFactorToOne() {
    ObstacleType t = catalog.findType("at_ditch").orElseThrow();
    double f = t.unobservedDelayFactor();
    assertThat(t.watchedFactor(0)).isEqualTo(f);
    assertThat(t.watchedFactor(1)).isEqualTo(1.0);
    assertThat(t.watchedFactor(0.5)).isCloseTo((f + 1) / 2, within(1e-12));
    assertThatThrownBy(() -> t.watchedFactor(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.watchedFactor(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFactorOutsideZeroToOneOrWithoutSourceIsRejectedNamingTheType() throws IOException {
    String shipped = shipped();
    Path big =
        Files.writeString(
            dir.resolve("big.json"),
            shipped.replaceFirst(
                "\"unobserved_delay_factor\": [0-9.]+", "\"unobserved_delay_factor\": 1.5"));
    assertThatThrownBy(() -> ObstacleCatalog.load(big))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("type \"at_minefield\"")
        .hasMessageContaining("unobserved_delay_factor must be within 0..1, not 1.5");
    Path missing =
        Files.writeString(
            dir.resolve("missing.json"),
            shipped.replaceFirst("\"unobserved_delay_factor\": [0-9.]+,", ""));
    assertThatThrownBy(() -> ObstacleCatalog.load(missing))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("type \"at_minefield\"")
        .hasMessageContaining("unobserved_delay_factor");
    Path unsourced =
        Files.writeString(
            dir.resolve("unsourced.json"),
            shipped.replaceFirst("\"watch\": \"[^\"]*\"", "\"x\": \"\""));
    assertThatThrownBy(() -> ObstacleCatalog.load(unsourced))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("sources.watch is missing");
  }

  private static String shipped() throws IOException {
    try (InputStream in =
        ObstacleCatalog.class.getResourceAsStream("/lt/skydas/plan/catalog.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
