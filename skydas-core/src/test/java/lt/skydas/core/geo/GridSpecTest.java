package lt.skydas.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridSpecTest {
  @Test
  void coveringSnapsOutwardAndIndexesRowsFromTheNorth() {
    GridSpec g = GridSpec.covering(1050, 2020, 1390, 2290, 100, 3346);
    assertThat(g.minX()).isEqualTo(1000);
    assertThat(g.maxY()).isEqualTo(2300);
    assertThat(g.width()).isEqualTo(4);
    assertThat(g.height()).isEqualTo(3);
    assertThat(g.cellAt(1001, 2299)).isEqualTo(0);
    assertThat(g.cellAt(1399, 2001)).isEqualTo(2 * 4 + 3);
    assertThat(g.cellAt(999, 2100)).isEqualTo(-1);
    assertThat(g.centerX(0)).isEqualTo(1050);
    assertThat(g.centerY(0)).isEqualTo(2250);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new GridSpec(0, 0, 0, 1, 1, 0)).hasMessageContaining("cell size");
    assertThatThrownBy(() -> new GridSpec(0, 0, Double.NaN, 1, 1, 0))
        .hasMessageContaining("cell size");
    assertThatThrownBy(() -> new GridSpec(0, 0, 1, 0, 1, 0)).hasMessageContaining("cells");
    assertThatThrownBy(() -> new GridSpec(0, 0, 1, 100_000, 100_000, 0))
        .hasMessageContaining("too large");
  }
}
