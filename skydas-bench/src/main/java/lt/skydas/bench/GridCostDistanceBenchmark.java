package lt.skydas.bench;

import java.util.concurrent.TimeUnit;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.Query;
import lt.skydas.costdist.QueueStrategy;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-to-all cost distance on random {@code size x size} friction grids (uniform [1, 100), cell
 * size 1, 8 neighbours, source in the centre), engine strategies side by side with the plain
 * binary-heap baseline.
 *
 * <pre>
 * java -Xmx1g -jar skydas-bench/target/benchmarks.jar GridCostDistanceBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class GridCostDistanceBenchmark {

  /** Grid edge length in cells. */
  @Param({"1000", "4000"})
  public int size;

  /** Engine queue strategy, or BASELINE for the plain binary-heap Dijkstra. */
  @Param({"BUCKET", "HEAP", "BASELINE"})
  public String strategy;

  private CostDistanceSearch search;
  private BaselineBinaryHeapDijkstra baseline;
  private Query query;
  private int centre;

  /** Builds the grid once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    float[] f = RandomGrids.uniformFriction(size, 42);
    centre = (size / 2) * size + size / 2;
    if ("BASELINE".equals(strategy)) {
      baseline = new BaselineBinaryHeapDijkstra(size, size, 1.0, f);
    } else {
      search = new CostDistanceSearch(new CostGrid(size, size, 1.0, f));
      query = Query.from(centre).withStrategy(QueueStrategy.valueOf(strategy));
    }
  }

  /** One full one-to-all search; returns the cost of a corner cell. */
  @Benchmark
  public double oneToAll() {
    if (baseline != null) {
      return baseline.run(centre)[0];
    }
    search.run(query);
    return search.cost(0);
  }
}
