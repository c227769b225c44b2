package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.Emplacement.Employment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permanent, reserved and crisis-laid types in the shipped catalog, and bad emplacement blocks. */
class EmplacementCatalogTest {
  @TempDir Path dir;

  private final ObstacleCatalog catalog = ObstacleCatalog.defaults();

  private Emplacement of(String id) {
    return catalog.findType(id).orElseThrow().emplacement();
  }

  @Test
  void minefieldsAreLaidOnWarningDemolitionsAndClosuresExecutedAndTheRestBuilt() {
    for (String id : new String[] {"at_minefield", "ap_minefield", "mixed_minefield"}) {
      assertThat(of(id).employment()).as(id).isEqualTo(Employment.CRISIS_LAID);
      assertThat(of(id).needsStock()).as(id).isTrue();
    }
    assertThat(of("bridge_demolition").employment()).isEqualTo(Employment.RESERVED);
    assertThat(of("bridge_demolition").stockPerUnit()).containsEntry("demolition_charges", 1.0);
    assertThat(of("road_control_point").employment()).isEqualTo(Employment.RESERVED);
    assertThat(of("road_control_point").needsStock())
        .as("barrier sets wait at the point")
        .isFalse();
    for (String id :
        new String[] {
          "at_ditch", "dragons_teeth", "bunker", "drainage_ditch", "reforestation_belt"
        }) {
      assertThat(of(id).employment()).as(id).isEqualTo(Employment.PERMANENT);
      assertThat(of(id).workH_perUnit()).as(id).isEmpty();
    }
    assertThat(of("at_minefield").stockPerUnit()).containsEntry("at_mines", 1000.0);
    assertThat(of("mixed_minefield").stockPerUnit()).containsKeys("at_mines", "ap_mines");
  }

  @Test
  void preparationAndStockAddUpToWhatTheBudgetSpendsAndEveryFigureHasASource() {
    for (ObstacleType t : catalog.listTypes()) {
      Emplacement e = t.emplacement();
      if (e.onWarning()) {
        assertThat(e.preparationCostEur_perUnit() + e.stockCostEur_perUnit())
            .as(t.id())
            .isEqualTo(t.costEur_perUnit());
        assertThat(t.sources().get("emplacement")).as(t.id()).isNotBlank();
        assertThat(e.workH_perUnit()).as(t.id()).isNotEmpty();
      }
    }
    // a machine lays an AT row faster than a section by hand
    assertThat(of("at_minefield").workH_perUnit().get("mechanical_minelayer"))
        .isLessThan(of("at_minefield").workH_perUnit().get("engineer_section"));
  }

  @Test
  void badEmplacementBlocksAreRefusedNamingTheTypeAndField() throws IOException {
    String shipped = shipped();
    assertRefused(
        shipped.replaceFirst("\"employment\": \"crisis_laid\"", "\"employment\": \"buried\""),
        "employment must be permanent, reserved or crisis_laid, not \"buried\"");
    assertRefused(
        shipped.replaceFirst("\"mechanical_minelayer\": 3.0", "\"mechanical_minelayer\": -3"),
        "emplacement.work_h_per_unit.mechanical_minelayer must be a number > 0");
    assertRefused(
        shipped.replaceFirst(
            "\"stock_cost_eur_per_unit\": 1200000", "\"stock_cost_eur_per_unit\": 1"),
        "must equal cost_eur_per_unit");
    assertRefused(
        shipped.replaceFirst("\"employment\": \"permanent\"", "\"employment\": \"reserved\""),
        "reserved types need an emplacement block");
  }

  private void assertRefused(String json, String message) throws IOException {
    Path f = Files.writeString(dir.resolve("c" + System.nanoTime() + ".json"), json);
    assertThatThrownBy(() -> ObstacleCatalog.load(f))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("type \"")
        .hasMessageContaining(message);
  }

  private static String shipped() throws IOException {
    try (InputStream in =
        ObstacleCatalog.class.getResourceAsStream("/lt/skydas/plan/catalog.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
