package lt.skydas.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lt.skydas.terrain.ElevationGrid;
import lt.skydas.terrain.Viewshed;
import lt.skydas.terrain.ViewshedOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One viewshed of 15 km radius on a 25 m grid (issue 14's speed goal: ≤ 25 ms in the process):
 * observer 10 m above a smooth random terrain ({@link RandomGrids#smoothTerrain}, seed 42) in the
 * centre of a {@code size × size} grid, curvature and refraction on. {@code size} 1201 is exactly
 * the 15 km window; 4000 adds filling the rest of a region-sized output ({@code compute}) — {@code
 * computeInWindow} does not.
 *
 * <pre>
 * java -Xmx2g -jar skydas-bench/target/benchmarks.jar ViewshedBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-XX:+UseTransparentHugePages"})
@State(Scope.Benchmark)
public class ViewshedBenchmark {

  /** Grid edge length in 25 m cells. */
  @Param({"1201", "4000"})
  public int size;

  private Viewshed viewshed;
  private Viewshed twoThreads;
  private ExecutorService helper;
  private ViewshedOptions options;
  private byte[] out;

  /** Builds the terrain once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    float[] z = RandomGrids.smoothTerrain(size, 42);
    viewshed = new Viewshed(ElevationGrid.of(size, size, 25, z));
    options = ViewshedOptions.builder().withObserverHeight_m(10).withMaxDistance_m(15_000).build();
    out = new byte[size * size];
    helper =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "viewshed-helper");
              t.setDaemon(true);
              return t;
            });
    twoThreads = new Viewshed(viewshed.dem(), helper);
  }

  /** Stops the helper thread. */
  @TearDown(Level.Trial)
  public void tearDown() {
    helper.shutdownNow();
  }

  /** One full viewshed into a whole-grid output; returns the visible count. */
  @Benchmark
  public int viewshed() {
    return viewshed.compute(size / 2, size / 2, options, out);
  }

  /**
   * One full viewshed split over two threads (the caller and one helper), as the {@code viewshed}
   * command computes it: the latency of one viewshed on a 2-core machine.
   */
  @Benchmark
  public int viewshedTwoThreads() {
    return twoThreads.compute(size / 2, size / 2, options, out);
  }

  /** One viewshed writing only its 15 km window. */
  @Benchmark
  public int viewshedInWindow() {
    return viewshed.computeInWindow(size / 2, size / 2, options, out);
  }
}
