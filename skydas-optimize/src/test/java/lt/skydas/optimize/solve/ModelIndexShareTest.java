package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/** {@link ModelIndex#of} shares the arrays between models that differ only in budget rows. */
class ModelIndexShareTest {
  @Test
  void modelsThatDifferOnlyInBudgetsShareTheIndexAndEvaluateAlike() {
    BarrierModel m = TestModels.small(5);
    ModelIndex a = ModelIndex.of(m);
    BarrierModel fewer =
        new BarrierModel(m.sites(), m.options(), m.groups(), m.scenarios(), List.of(), m.links());
    ModelIndex b = ModelIndex.of(fewer);
    assertThat(b.model).isSameAs(fewer);
    assertThat(b.first).isSameAs(a.first);
    assertThat(b.through).isSameAs(a.through);
    assertThat(ModelIndex.of(fewer).first).isSameAs(a.first);
    // a model of other scenarios gets its own index
    BarrierModel other = TestModels.small(6);
    assertThat(ModelIndex.of(other).first).isNotSameAs(a.first);
    // and the shared index evaluates plans as a fresh one does
    boolean[] all = new boolean[m.options().size()];
    for (int s = 0; s < m.sites().size(); s++) {
      for (int o = 0; o < all.length; o++) {
        if (m.options().get(o).site() == s) {
          all[o] = true;
          break;
        }
      }
    }
    assertThat(new PlanEvaluator(fewer).objective(all))
        .isEqualTo(new PlanEvaluator(new ModelIndex(fewer)).objective(all));
  }
}
