package lt.skydas.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.EmplaceOptions;
import lt.skydas.emplace.EmplacementPlanner;
import lt.skydas.emplace.EmplacementResult;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.ForcesReader;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.region.Region;

/**
 * Macro benchmark of issue 15 on the real region: the emplacement of every reserved and crisis-laid
 * obstacle of a plan (the demo's) with the shipped forces — set-up (road travel, the attacker's
 * round-0 searches), the timeline and the delay at one warning time (goal ≤ 30 s), and the whole
 * 0–72 h curve (goal ≤ 2 min on 2 cores). All classes and seasons.
 *
 * <pre>
 * java -Xmx12g -XX:+UseTransparentHugePages -cp skydas-bench/target/benchmarks.jar \
 *     lt.skydas.bench.EmplaceMacro PACK_DIR PLAN.geojson [warning_h]
 * </pre>
 */
public final class EmplaceMacro {
  private EmplaceMacro() {}

  private static boolean hasNoPlanTimes(Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return false;
    }
    try (var s = java.nio.file.Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("no-plan-"));
    }
  }

  public static void main(String[] args) throws Exception {
    Path pack = Path.of(args[0]);
    Path planFile = Path.of(args[1]);
    double warning = args.length > 2 ? Double.parseDouble(args[2]) : 24;
    Region region = Region.load(pack);
    AssessmentRegion ar = RegionInputs.from(region, 1000);
    // as `skydas emplace`: the no-plan times kept beside the pack (a first run searches them)
    boolean warm = hasNoPlanTimes(pack.resolve("cache"));
    Assessor assessor =
        new Assessor(ar, ObjectivesReader.of(region.definition()), Progress.NONE)
            .keepNoPlanTimesIn(pack.resolve("cache"));
    ObstacleCatalog cat = ObstacleCatalog.defaults();
    BarrierPlan plan =
        BarrierPlanReader.forRegion(cat, ar.extent(), ar.grid().epsg()).read(planFile);
    Set<String> teamTypes = new HashSet<>();
    for (ObstacleType t : cat.listTypes()) {
      teamTypes.addAll(t.emplacement().workH_perUnit().keySet());
    }
    byte[] country = region.country();
    Forces forces =
        new ForcesReader(
                teamTypes,
                (x, y) -> {
                  int c = ar.grid().cellAt(x, y);
                  return c >= 0 && ar.definition().homeCodes()[country[c] & 0xff];
                },
                ar.grid().epsg())
            .defaults();
    EmplaceOptions opt = EmplaceOptions.defaults();
    long t0 = System.nanoTime();
    try (EmplacementPlanner p =
        new EmplacementPlanner(assessor, plan, forces, opt, Progress.NONE)) {
      double setup = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      EmplacementResult at = p.at(warning, Progress.NONE);
      double one = (System.nanoTime() - t1) / 1e9;
      int before = p.raceSearches();
      long t2 = System.nanoTime();
      List<EmplacementResult> curve = p.curve(Progress.NONE);
      double all = (System.nanoTime() - t2) / 1e9;
      int curveSearches = p.raceSearches() - before;
      int searches = at.cases().stream().mapToInt(EmplacementResult.CaseOutcome::searches).sum();
      System.out.printf(
          Locale.ROOT,
          "plan %s: %d obstacles, %d jobs; %d cases%n"
              + "set-up (road travel, round-0 searches; no-plan times %s) %.1f s%n"
              + "timeline + delay at %.0f h: %.1f s (%d race searches; set-up + this = %.1f s)%n"
              + "curve over %d warning times: %.1f s, %d race searches (set-up + curve = %.1f s)%n",
          plan.name(),
          plan.obstacles().size(),
          at.seasons().get(0).schedule().assignments().size(),
          at.cases().size(),
          warm ? "on disk before this run" : "none on disk before this run",
          setup,
          warning,
          one,
          searches,
          setup + one,
          curve.size(),
          all,
          curveSearches,
          setup + all);
      for (EmplacementResult.SeasonPlan s : at.seasons()) {
        System.out.printf(
            Locale.ROOT,
            "  %s: %s, value %.2f, bound %.2f, %.1f s%n",
            s.season().id(),
            s.schedule().method(),
            s.schedule().value(),
            s.schedule().bound(),
            s.solve_s());
      }
    }
  }
}
