package lt.skydas.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import lt.skydas.core.progress.Progress;

/**
 * Macro benchmark (not a test): builds the real pack from {@code data/baltic} at the cell sizes
 * given as arguments and prints wall time, peak heap, pack size and graph size. Run with e.g.
 * {@code java -Xmx8g -cp ... lt.skydas.region.RegionBuildMacro data/baltic /tmp/packs 100 50 25}.
 */
public final class RegionBuildMacro {
  private RegionBuildMacro() {}

  public static void main(String[] args) throws Exception {
    Path layers = Path.of(args[0]);
    Path out = Path.of(args[1]);
    for (int i = 2; i < args.length; i++) {
      double cell = Double.parseDouble(args[i]);
      Path pack = out.resolve("pack-" + args[i] + "m");
      AtomicLong peak = new AtomicLong();
      Thread sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    Runtime rt = Runtime.getRuntime();
                    while (!Thread.currentThread().isInterrupted()) {
                      peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                      try {
                        Thread.sleep(20);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
      long t0 = System.nanoTime();
      RegionBuildReport r =
          RegionBuilder.build(
              new RegionBuildOptions(layers, pack, cell, 25, "LT"), new Printing(t0));
      double s = (System.nanoTime() - t0) / 1e9;
      sampler.interrupt();
      long t1 = System.nanoTime();
      Region region = Region.load(pack);
      double load = (System.nanoTime() - t1) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "cell %.0f m: %d x %d cells, %d nodes, %d edges, %d issues, build %.1f s, peak heap"
              + " %.0f MiB (sampled), pack %.1f MB, load %.1f s (%d cells)%n",
          cell,
          r.width(),
          r.height(),
          r.roadNodes(),
          r.roadEdges(),
          r.issues(),
          s,
          peak.get() / 1048576.0,
          size(pack) / 1e6,
          load,
          region.landCover().length);
      System.out.printf(
          Locale.ROOT,
          "  largest component %.1f %% of nodes; bridge/ford/tunnel edges %d/%d/%d%n",
          100.0 * largestComponent(region.roads()) / region.roads().nodeCount(),
          region.roads().countFlagged(RoadGraph.BRIDGE),
          region.roads().countFlagged(RoadGraph.FORD),
          region.roads().countFlagged(RoadGraph.TUNNEL));
      System.out.println("  " + region.metadata().path("roads"));
    }
  }

  static int largestComponent(RoadGraph g) {
    int[] seen = new int[g.nodeCount()];
    int[] stack = new int[g.nodeCount()];
    int largest = 0;
    for (int s = 0; s < g.nodeCount(); s++) {
      if (seen[s] != 0) {
        continue;
      }
      int size = 0;
      int top = 0;
      stack[top++] = s;
      seen[s] = 1;
      while (top > 0) {
        int n = stack[--top];
        size++;
        for (int i = g.adjacencyStart(n); i < g.adjacencyEnd(n); i++) {
          int m = g.otherNode(g.adjacentEdge(i), n);
          if (seen[m] == 0) {
            seen[m] = 1;
            stack[top++] = m;
          }
        }
      }
      largest = Math.max(largest, size);
    }
    return largest;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  private static final class Printing implements Progress {
    private final long t0;
    private long stepStart;

    Printing(long t0) {
      this.t0 = t0;
    }

    @Override
    public void begin(String step, long total) {
      stepStart = System.nanoTime();
      System.out.printf(Locale.ROOT, "%7.1f s  %s%n", (stepStart - t0) / 1e9, step);
    }

    @Override
    public void advance(long done) {}

    @Override
    public void end() {
      System.out.printf(
          Locale.ROOT, "           (%.1f s)%n", (System.nanoTime() - stepStart) / 1e9);
    }

    @Override
    public void info(String message) {
      System.out.println("           " + message);
    }
  }
}
