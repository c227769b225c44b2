package lt.skydas.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Properties any line-of-sight model must have, checked on the sweep and the brute force. */
class ViewshedPropertiesTest {

  private static ViewshedOptions.Builder opts() {
    return ViewshedOptions.builder();
  }

  @Test
  void flatGroundWithoutCurvatureIsAllVisibleWithinTheMaxDistance() {
    int w = 121;
    int h = 91;
    float[] z = new float[w * h];
    Arrays.fill(z, 42f);
    ElevationGrid dem = ElevationGrid.of(w, h, 25, z);
    ViewshedOptions o =
        opts().withObserverHeight_m(2).withCurvature(false).withMaxDistance_m(1000).build();
    byte[] out = new byte[w * h];
    int visible = new Viewshed(dem).compute(40, 50, o, out);
    byte[] ref = new ReferenceLineOfSight(dem, 40, 50, o).out;
    int inRange = 0;
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        boolean within = Math.hypot(c - 40, r - 50) * 25 <= 1000;
        byte expected = within ? Viewshed.VISIBLE : Viewshed.NODATA;
        inRange += within ? 1 : 0;
        assertThat(out[r * w + c]).as("cell (%d, %d)", c, r).isEqualTo(expected);
        assertThat(ref[r * w + c]).as("reference cell (%d, %d)", c, r).isEqualTo(expected);
      }
    }
    assertThat(visible).isEqualTo(inRange);
  }

  /**
   * On a smooth Earth with refraction k, a point at height t is seen from height h up to {@code
   * √(2R'h) + √(2R't)}, R' = R / (1 − k): 3.86 (√h + √t) km for k = 1/7 (REFERENCES.md).
   */
  @Test
  void curvatureGivesTheGeometricHorizonOnFlatGround() {
    int w = 1000;
    int h = 5;
    double cs = 25;
    float[] z = new float[w * h];
    ElevationGrid dem = ElevationGrid.of(w, h, cs, z);
    Viewshed vs = new Viewshed(dem);
    byte[] out = new byte[w * h];
    double[][] cases = {{10, 0}, {20, 0}, {10, 2}, {4, 4}};
    for (double[] hc : cases) {
      ViewshedOptions o = opts().withObserverHeight_m(hc[0]).withTargetHeight_m(hc[1]).build();
      vs.compute(0, 2, o, out);
      int last = 0;
      for (int c = 1; c < w; c++) {
        if (out[2 * w + c] == Viewshed.VISIBLE) {
          last = c;
        }
      }
      double reff = o.earthRadius_m() / (1 - o.refractionCoeff());
      double horizon = Math.sqrt(2 * reff * hc[0]) + Math.sqrt(2 * reff * hc[1]);
      assertThat(last * cs)
          .as("horizon for observer %.0f m, target %.0f m", hc[0], hc[1])
          .isBetween(horizon - 2 * cs, horizon + 2 * cs);
      double rule = 3860 * (Math.sqrt(hc[0]) + Math.sqrt(hc[1]));
      assertThat(horizon / rule).isBetween(0.995, 1.005);
      for (int c = 1; c < w; c++) {
        assertThat(out[2 * w + c])
            .as("cell %d before / beyond the horizon", c)
            .isEqualTo(c <= last ? Viewshed.VISIBLE : Viewshed.INVISIBLE);
      }
    }
  }

  @Test
  void aWallHidesWhatIsBehindIt() {
    int w = 80;
    int h = 60;
    float[] z = new float[w * h];
    for (int r = 20; r < 40; r++) {
      z[r * w + 30] = 50f; // a wall 50 m high, 20 cells long, 20 cells east of the observer
    }
    ElevationGrid dem = ElevationGrid.of(w, h, 10, z);
    ViewshedOptions o = opts().withObserverHeight_m(2).withCurvature(false).build();
    byte[] out = new byte[w * h];
    new Viewshed(dem).compute(10, 30, o, out);
    assertThat(out[30 * w + 30]).as("the wall's face").isEqualTo(Viewshed.VISIBLE);
    assertThat(out[30 * w + 29]).as("the foot of the wall").isEqualTo(Viewshed.VISIBLE);
    for (int c = 31; c < w; c++) {
      assertThat(out[30 * w + c]).as("behind the wall, column %d", c).isEqualTo(Viewshed.INVISIBLE);
      assertThat(out[25 * w + c])
          .as("behind the wall, row 25, column %d", c)
          .isEqualTo(Viewshed.INVISIBLE);
    }
    assertThat(out[0 * w + 40]).as("beside the wall").isEqualTo(Viewshed.VISIBLE);
    assertThat(out[30 * w + 0]).as("behind the observer").isEqualTo(Viewshed.VISIBLE);
  }

  @Test
  void nodataCellsAreNodataAndDoNotBlock() {
    int w = 50;
    int h = 50;
    float[] z = new float[w * h];
    for (int r = 0; r < h; r++) {
      z[r * w + 20] = Float.NaN; // a nodata column between observer and the far side
    }
    ElevationGrid dem = ElevationGrid.of(w, h, 10, z);
    ViewshedOptions o = opts().withObserverHeight_m(2).withCurvature(false).build();
    byte[] out = new byte[w * h];
    new Viewshed(dem).compute(10, 25, o, out);
    for (int r = 0; r < h; r++) {
      assertThat(out[r * w + 20]).isEqualTo(Viewshed.NODATA);
      assertThat(out[r * w + 30]).isEqualTo(Viewshed.VISIBLE);
    }
    assertThat(out[25 * w + 10]).as("the observer's cell").isEqualTo(Viewshed.VISIBLE);
  }

  @Test
  void oneEngineServesManyQueriesLikeFreshOnes() {
    int w = 90;
    int h = 70;
    float[] z = RandomTerrain.generate(3, w, h, 10, 40, 2, 0.01);
    ElevationGrid dem = ElevationGrid.of(w, h, 25, z);
    Viewshed reused = new Viewshed(dem);
    int[][] observers = {{5, 5}, {80, 60}, {45, 35}, {0, 69}, {89, 0}};
    double[] maxD = {500, Double.POSITIVE_INFINITY, 1200, 300, 5000};
    for (int i = 0; i < observers.length; i++) {
      int c = observers[i][0];
      int r = observers[i][1];
      if (Float.isNaN(z[r * w + c])) {
        continue;
      }
      ViewshedOptions o = opts().withObserverHeight_m(5 + i).withMaxDistance_m(maxD[i]).build();
      byte[] a = new byte[w * h];
      byte[] b = new byte[w * h];
      int va = reused.compute(c, r, o, a);
      int vb = new Viewshed(dem).compute(c, r, o, b);
      assertThat(a).as("observer %d", i).isEqualTo(b);
      assertThat(va).isEqualTo(vb);
      int count = 0;
      for (byte x : a) {
        count += x == Viewshed.VISIBLE ? 1 : 0;
      }
      assertThat(va).as("returned count").isEqualTo(count);
    }
  }

  @Test
  void refusesObserversOffTheGridOrOnNodata() {
    float[] z = new float[100];
    z[55] = Float.NaN;
    Viewshed vs = new Viewshed(ElevationGrid.of(10, 10, 25, z));
    ViewshedOptions o = opts().build();
    assertThatThrownBy(() -> vs.compute(10, 0, o, new byte[100]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> vs.compute(5, 5, o, new byte[100]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodata");
    assertThatThrownBy(() -> vs.compute(1, 1, o, new byte[99]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> opts().withTargetHeight_m(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> opts().withRefractionCoeff(1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> opts().withMaxDistance_m(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
