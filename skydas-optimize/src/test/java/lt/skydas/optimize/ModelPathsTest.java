package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import org.junit.jupiter.api.Test;

/** The site on a group's binding path is named saturated only with its strongest option built. */
class ModelPathsTest {
  /**
   * Source 0 → gate in 2 → (site 0) → out 3 → sink 1, arcs of 10 s; a bypass 0 → 1 of 1,000 s. Site
   * 0 offers a ditch (+100 s) and a minefield (+500 s) on its cell gate.
   */
  private static BarrierModel model() {
    GateGraph g =
        new GateGraph.Builder(4)
            .arc(0, 2, 10)
            .gate(2, 3, 0, 0, GateGraph.CELL_GATE)
            .arc(3, 1, 10)
            .arc(0, 1, 1_000)
            .build(0, 1);
    return new BarrierModel(
        List.of("b3-c1"),
        List.of(
            new BarrierModel.Option(0, "at_ditch", 1, false, false),
            new BarrierModel.Option(0, "at_minefield", 2, true, false)),
        List.of(new BarrierModel.Group("tracked/vilnius", 1, BarrierModel.Aggregate.MIN)),
        List.of(
            new BarrierModel.Scenario(
                "tracked/dry/vilnius", 0, g, new double[] {100, 500}, new double[] {0, 0})),
        List.of(new BarrierModel.Budget("total", new long[] {1, 2}, 10)));
  }

  @Test
  void anEmptySiteIsOpen() {
    ModelPaths.PathLimit p = ModelPaths.of(model(), new boolean[] {false, false}).get(0);
    assertThat(p.group()).isEqualTo("tracked/vilnius");
    assertThat(p.scenario()).isEqualTo("tracked/dry/vilnius");
    assertThat(p.saturated()).isEmpty();
    assertThat(p.open()).containsExactly("b3-c1");
  }

  @Test
  void aWeakerOptionIsOpenAndTheStrongestSaturated() {
    assertThat(ModelPaths.of(model(), new boolean[] {true, false}).get(0).open())
        .containsExactly("b3-c1 at_ditch");
    ModelPaths.PathLimit strong = ModelPaths.of(model(), new boolean[] {false, true}).get(0);
    assertThat(strong.saturated()).containsExactly("b3-c1 at_minefield");
    assertThat(strong.open()).isEmpty();
    assertThat(BudgetRows.modelPathLine(List.of(strong)))
        .contains("1 of 1 objective groups")
        .contains("tracked/vilnius (tracked/dry/vilnius): b3-c1 at_minefield");
  }
}
