package lt.skydas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.progress.Progress;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.region.Region;

/**
 * Macro benchmark of the main job on the real region: loads a region pack, builds the mobility
 * network, then assesses a plan for 3 classes × 3 seasons (a) times and isochrones only, (b) with
 * avenues and fast marginal values (the `skydas assess` default). Prints seconds, cells/s and heap.
 *
 * <pre>
 * java -Xmx12g -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.AssessMacro PACK_DIR PLAN.geojson [runs]
 * </pre>
 */
public final class AssessMacro {
  private AssessMacro() {}

  public static void main(String[] args) {
    Path pack = Path.of(args[0]);
    Path planFile = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    long t0 = System.nanoTime();
    Region region = Region.load(pack);
    AssessmentRegion ar = RegionInputs.from(region, 1000);
    double load = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    Assessor assessor = new Assessor(ar, ObjectivesReader.of(region.definition()), Progress.NONE);
    double network = (System.nanoTime() - t0) / 1e9;
    BarrierPlan plan =
        BarrierPlanReader.forRegion(ObstacleCatalog.defaults(), ar.extent(), ar.grid().epsg())
            .read(planFile);
    int nodes = assessor.network().nodeCount();
    System.out.printf(
        Locale.ROOT,
        "region %s: %d x %d cells, %d nodes (%d road access points), %d edges, %d start cells; load %.1f s, network %.1f s%n",
        ar.name(),
        ar.grid().width(),
        ar.grid().height(),
        nodes,
        assessor.network().accessCount(),
        assessor.network().edgeCount(),
        ar.attackerStartCells().length,
        load,
        network);
    AssessmentOptions core =
        AssessmentOptions.defaults().withAvenues(0).withMarginal(AssessmentOptions.Marginal.NONE);
    AssessmentOptions full = AssessmentOptions.defaults();
    for (String name : List.of("core (times + isochrones)", "default (+ avenues, fast marginal)")) {
      AssessmentOptions opt = name.startsWith("core") ? core : full;
      for (int r = 0; r < runs; r++) {
        long s = System.nanoTime();
        AssessmentResult res = assessor.assess(plan, opt, Progress.NONE);
        double sec = (System.nanoTime() - s) / 1e9;
        double searches = name.startsWith("core") ? 18 : 18 + 9 * 8;
        System.out.printf(
            Locale.ROOT,
            "%-36s run %d: %6.1f s  (%d cases, ~%.0f searches, %.1f M node-settles/s)%n",
            name,
            r + 1,
            sec,
            res.cases().size(),
            searches,
            searches * nodes / sec / 1e6);
      }
    }
    System.gc();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == java.lang.management.MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "heap used after GC %d MB, peak (sum of pools) %d MB, max %d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        peak >> 20,
        rt.maxMemory() >> 20);
  }
}
