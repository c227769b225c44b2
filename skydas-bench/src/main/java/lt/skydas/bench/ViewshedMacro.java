package lt.skydas.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import lt.skydas.terrain.ElevationGrid;
import lt.skydas.terrain.Viewshed;
import lt.skydas.terrain.ViewshedOptions;

/**
 * Macro benchmark for sensor coverage (issue 14: "coverage of 2,000 candidate sites over the
 * Lithuania region ≤ 60 s on 2 cores"): N observers (default 2000) at random cells of a {@code size
 * × size} 25 m smooth random terrain (default 4000 × 4000, i.e. 100 × 100 km; seed 42), 10 m masts,
 * 15 km range, curvature and refraction on, split over T threads (default 2), one {@link Viewshed}
 * per thread; each thread ORs its viewsheds into its own coverage mask, merged at the end. Prints
 * total wall seconds, the workers' CPU seconds (robust on a shared machine), milliseconds per
 * viewshed and the covered share.
 *
 * <pre>
 * java -Xmx3g -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.ViewshedMacro [N] [T] [size]
 * </pre>
 */
public final class ViewshedMacro {
  private static final AtomicLong CPU_NANOS = new AtomicLong();

  private ViewshedMacro() {}

  /** Entry point; optional args: observers, threads, grid size. */
  public static void main(String[] args) throws Exception {
    int sites = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
    float[] z = RandomGrids.smoothTerrain(size, 42);
    ElevationGrid dem = ElevationGrid.of(size, size, 25, z);
    ViewshedOptions options =
        ViewshedOptions.builder().withObserverHeight_m(10).withMaxDistance_m(15_000).build();
    SplittableRandom rnd = new SplittableRandom(42);
    int[] cells = new int[sites];
    for (int i = 0; i < sites; i++) {
      cells[i] = rnd.nextInt(size * size);
    }
    System.out.printf(
        Locale.ROOT,
        "%d viewsheds of 15 km on %dx%d x 25 m, %d threads, %d CPUs, %s%n",
        sites,
        size,
        size,
        threads,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    run(dem, options, cells, threads, Math.min(sites, 50)); // warm-up
    CPU_NANOS.set(0);
    long t0 = System.nanoTime();
    byte[] coverage = run(dem, options, cells, threads, sites);
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = CPU_NANOS.get() / 1e9;
    long covered = 0;
    for (byte b : coverage) {
      covered += b;
    }
    System.out.printf(
        Locale.ROOT,
        "total %.2f s wall, %.2f ms per viewshed per thread; %.2f s CPU in the workers, %.2f ms"
            + " CPU per viewshed; %.1f %% of cells seen by a site%n",
        s,
        s * 1000 * threads / sites,
        cpu,
        cpu * 1000 / sites,
        100.0 * covered / coverage.length);
  }

  private static byte[] run(
      ElevationGrid dem, ViewshedOptions options, int[] cells, int threads, int count)
      throws Exception {
    int size = dem.width();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<byte[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(
            pool.submit(
                () -> {
                  long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                  Viewshed vs = new Viewshed(dem);
                  byte[] out = new byte[size * size];
                  byte[] seen = new byte[size * size];
                  for (int i = first; i < count; i += threads) {
                    int c = cells[i] % size;
                    int r = cells[i] / size;
                    vs.computeInWindow(c, r, options, out);
                    Viewshed.Window w = vs.window();
                    for (int rr = w.row0(); rr < w.row0() + w.height(); rr++) {
                      int base = rr * size;
                      for (int cc = base + w.col0(); cc < base + w.col0() + w.width(); cc++) {
                        seen[cc] |= (byte) (out[cc] == Viewshed.VISIBLE ? 1 : 0);
                      }
                    }
                  }
                  CPU_NANOS.addAndGet(
                      ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
                  return seen;
                }));
      }
      byte[] all = new byte[size * size];
      for (Future<byte[]> f : parts) {
        byte[] seen = f.get();
        for (int i = 0; i < all.length; i++) {
          all[i] |= seen[i];
        }
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }
}
