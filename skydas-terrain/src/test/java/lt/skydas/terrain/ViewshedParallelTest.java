package lt.skydas.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An engine with a helper executor computes each viewshed in two halves; its output must be the
 * single-threaded engine's, byte for byte, whether the helper runs its half, never does, or refuses
 * it.
 */
class ViewshedParallelTest {
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(1);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void twoThreadsGiveTheSameBytesAsOne() {
    for (long seed = 1; seed <= 12; seed++) {
      Random rnd = new Random(seed);
      int w = 60 + rnd.nextInt(240);
      int h = 60 + rnd.nextInt(240);
      double holes = seed % 3 == 0 ? 0.02 : 0;
      float[] z = RandomTerrain.generate(seed, w, h, 12, 60, rnd.nextDouble() * 4, holes);
      ElevationGrid dem = ElevationGrid.of(w, h, 25, z);
      Viewshed one = new Viewshed(dem);
      Viewshed two = new Viewshed(dem, pool);
      byte[] a = new byte[w * h];
      byte[] b = new byte[w * h];
      for (int q = 0; q < 5; q++) {
        int oc;
        int or;
        do {
          oc = rnd.nextInt(w);
          or = rnd.nextInt(h);
        } while (Float.isNaN(z[or * w + oc]));
        ViewshedOptions.Builder o =
            ViewshedOptions.builder()
                .withObserverHeight_m(1 + rnd.nextInt(30))
                .withTargetHeight_m(rnd.nextInt(3))
                .withCurvature(rnd.nextBoolean());
        if (q < 4) {
          o.withMaxDistance_m(25 * (5 + rnd.nextInt(Math.max(w, h))));
        }
        ViewshedOptions opts = o.build();
        int va = one.compute(oc, or, opts, a);
        int vb = two.compute(oc, or, opts, b);
        String where = "seed " + seed + " query " + q + " observer (" + oc + ", " + or + ")";
        assertThat(vb).as(where).isEqualTo(va);
        assertThat(Arrays.mismatch(a, b)).as(where + ": first differing cell").isEqualTo(-1);
      }
    }
  }

  @Test
  void aHelperThatNeverRunsItsHalfCostsOnlyTheParallelism() {
    AtomicInteger given = new AtomicInteger();
    float[] z = RandomTerrain.generate(7, 150, 120, 12, 60, 2, 0.01);
    ElevationGrid dem = ElevationGrid.of(150, 120, 25, z);
    ViewshedOptions o = ViewshedOptions.builder().withObserverHeight_m(8).build();
    byte[] a = new byte[150 * 120];
    byte[] b = new byte[150 * 120];
    byte[] c = new byte[150 * 120];
    int va = new Viewshed(dem).compute(75, 60, o, a);
    int vb = new Viewshed(dem, task -> given.incrementAndGet()).compute(75, 60, o, b);
    int vc =
        new Viewshed(
                dem,
                task -> {
                  throw new RejectedExecutionException("full");
                })
            .compute(75, 60, o, c);
    assertThat(given).as("tasks handed to the idle helper").hasValue(2);
    assertThat(vb).isEqualTo(va);
    assertThat(vc).isEqualTo(va);
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
  }

  @Test
  void badInputIsRefusedAsOnOneThread() {
    float[] z = new float[40 * 30];
    z[5] = Float.NaN;
    Viewshed two = new Viewshed(ElevationGrid.of(40, 30, 25, z), pool);
    ViewshedOptions o = ViewshedOptions.builder().withObserverHeight_m(2).build();
    assertThatThrownBy(() -> two.compute(5, 0, o, new byte[40 * 30]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodata");
    assertThatThrownBy(() -> two.compute(0, 0, o, new byte[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length");
  }
}
