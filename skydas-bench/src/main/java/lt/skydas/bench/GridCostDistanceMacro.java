package lt.skydas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.Query;
import lt.skydas.costdist.QueueStrategy;

/**
 * Macro benchmark: one-to-all over a 4000 x 4000 random friction grid (seed 42, friction uniform in
 * [1, 100), cell size 1, 8 neighbours, source in the centre). Runs warm-up plus 5 timed runs per
 * strategy and prints time per run, cells per second and heap use.
 *
 * <pre>
 * java -Xmx1g -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.GridCostDistanceMacro \
 *     [size] [strategies e.g. BUCKET,HEAP,BASELINE]
 * </pre>
 */
public final class GridCostDistanceMacro {
  private GridCostDistanceMacro() {}

  /** Entry point; optional args: grid size (default 4000), comma-separated strategies. */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    String[] strategies = (args.length > 1 ? args[1] : "BUCKET,HEAP,BASELINE").split(",");
    int warmup = 2;
    int runs = 5;
    float[] f = RandomGrids.uniformFriction(size, 42);
    int centre = (size / 2) * size + size / 2;
    long cells = (long) size * size;
    System.out.printf(
        Locale.ROOT,
        "grid %dx%d (%d cells), max heap %d MB, %d CPUs, %s%n",
        size,
        size,
        cells,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    double checksum = 0;
    for (String s : strategies) {
      String name = s.trim();
      CostDistanceSearch search = null;
      BaselineBinaryHeapDijkstra baseline = null;
      Query query = null;
      if (name.equals("BASELINE")) {
        baseline = new BaselineBinaryHeapDijkstra(size, size, 1.0, f);
      } else {
        search = new CostDistanceSearch(new CostGrid(size, size, 1.0, f));
        query = Query.from(centre).withStrategy(QueueStrategy.valueOf(name));
      }
      resetPeaks();
      double total = 0;
      for (int i = 0; i < warmup + runs; i++) {
        long t0 = System.nanoTime();
        double c;
        if (baseline != null) {
          c = baseline.run(centre)[0];
        } else {
          search.run(query);
          c = search.cost(0);
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        checksum += c;
        boolean timed = i >= warmup;
        if (timed) {
          total += sec;
        }
        System.out.printf(
            Locale.ROOT,
            "%-8s %s %d: %.3f s  %.1f M cells/s  cost(0)=%.6f%s%n",
            name,
            timed ? "run" : "warm-up",
            timed ? i - warmup + 1 : i + 1,
            sec,
            cells / sec / 1e6,
            c,
            search != null ? "  used=" + search.lastStrategy() : "");
      }
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long used = rt.totalMemory() - rt.freeMemory();
      System.out.printf(
          Locale.ROOT,
          "%-8s mean %.3f s/run, %.1f M cells/s; heap used after GC %d MB (grid+search live),"
              + " peak heap (sum of pool peaks) %d MB%n",
          name,
          total / runs,
          cells / (total / runs) / 1e6,
          used >> 20,
          peakHeap() >> 20);
      // keep the structures reachable until measured
      if (search != null && search.nodeCount() < 0
          || baseline != null && baseline.hashCode() == 0) {
        System.out.println();
      }
    }
    System.out.println("checksum " + checksum);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
