package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an objective's cases without delay read. */
class LimitsTest {
  private static Limits.ObjectiveLimit of(String... cases) {
    return new Limits.ObjectiveLimit(
        "klaipeda", "Klaipėda", Limits.Reason.PROTECTED, List.of(cases), "text");
  }

  @Test
  void allCasesAreCountedSomeAreListed() {
    assertThat(of("tracked/dry", "wheeled/dry").casesText(2)).isEqualTo("all 2 cases");
    assertThat(of("tracked/dry", "wheeled/dry").casesText(9)).isEqualTo("tracked/dry, wheeled/dry");
    assertThat(of("tracked/dry").casesText(1)).isEqualTo("tracked/dry");
  }

  @Test
  void theBudgetLeftIsAShareOfTheBudget() {
    assertThat(new Limits.BudgetLimit(1_000, 250, List.of()).leftShare()).isEqualTo(0.75);
    assertThat(new Limits.BudgetLimit(1_000, 1_200, List.of()).leftShare()).isZero();
    assertThat(new Limits.BudgetLimit(0, 0, List.of()).leftShare()).isZero();
  }
}
