package lt.skydas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.RegionInputs;
import lt.skydas.assess.report.RaceSection;
import lt.skydas.core.progress.Progress;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.RegionDefinition;

/**
 * Macro benchmark of issue 16's goal: the built-in Suwałki Gap region built from the shipped layers
 * and assessed (attackers from Kaliningrad and Belarus, 3 classes × 3 seasons, with the corridor
 * race) in ≤ 90 s on 2 cores. Prints the build, load and assessment seconds and the race lines.
 *
 * <pre>
 * java -Xmx8g -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.SuwalkiMacro [LAYERS_DIR] [cell_m]
 * </pre>
 */
public final class SuwalkiMacro {
  private SuwalkiMacro() {}

  public static void main(String[] args) throws Exception {
    Path layers = Path.of(args.length > 0 ? args[0] : "data/baltic");
    double cell = args.length > 1 ? Double.parseDouble(args[1]) : 100;
    Path pack = Files.createTempDirectory("suwalki-pack").resolve("pack");
    long t0 = System.nanoTime();
    RegionBuilder.build(
        new RegionBuildOptions(layers, pack, cell, 25, RegionDefinition.builtIn("suwalki-gap")),
        Progress.NONE);
    double build = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    Region region = Region.load(pack);
    AssessmentRegion ar = RegionInputs.from(region, 1000);
    Assessor assessor = new Assessor(ar, ObjectivesReader.of(region.definition()), Progress.NONE);
    double load = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    AssessmentResult r =
        assessor.assess(
            BarrierPlan.empty(PlanPolicy.DEFAULT),
            AssessmentOptions.defaults().withThreads(2),
            Progress.NONE);
    double assess = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "suwalki-gap %.0f m: %d x %d cells (EPSG:%d), %d start cells, %d nodes%n"
            + "build %.1f s, load + network %.1f s, assess %d cases %.1f s; total %.1f s (goal <= 90 s)%n",
        cell,
        ar.grid().width(),
        ar.grid().height(),
        ar.grid().epsg(),
        ar.attackerStartCells().length,
        assessor.network().nodeCount(),
        build,
        load,
        r.cases().size(),
        assess,
        build + load + assess);
    RaceSection.lines(r).forEach(System.out::println);
  }
}
