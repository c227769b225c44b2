package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.Candidate;
import lt.skydas.optimize.CandidateGenerator;
import lt.skydas.optimize.CandidateOptions;
import lt.skydas.optimize.CandidateWriter;
import lt.skydas.plan.ObstacleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where obstacles could go: candidate sites under the hard constraints, for review in a GIS. */
@Command(
    name = "candidates",
    mixinStandardHelpOptions = true,
    description = {
      "Generate candidate obstacle sites: belts at given depths behind the region's hostile borders",
      "(LT-BY, LT-RU) and the allies' borders near them (LT-PL, LT-LV within 60 km of Belarus or",
      "Kaliningrad),",
      "open corridors and road crossings on each belt, and road bridges near the border. Mine types",
      "are offered only outside the civilian buffer (and AP mines only when enabled); nothing is",
      "offered inside protected areas. Writes GeoJSON (WGS84)."
    })
final class CandidatesCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output GeoJSON.")
  Path out;

  @Mixin RegionOptions region = new RegionOptions();

  @Option(
      names = "--belts-km",
      split = ",",
      paramLabel = "KM",
      description = "Belt depths from the border in km (default 3,8,15).")
  List<Double> belts;

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Obstacle catalog JSON (default: built-in).")
  Path catalog;

  @Option(names = "--quiet", description = "Print only the summary.")
  boolean quiet;

  @Override
  public Integer call() {
    List<Double> depths = new ArrayList<>();
    for (double km : belts == null ? List.of(3.0, 8.0, 15.0) : belts) {
      if (!(km > 0 && km <= 200)) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "--belts-km values must be within (0, 200], not " + km);
      }
      depths.add(km * 1000);
    }
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    ObstacleCatalog cat =
        catalog == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalog);
    CandidateOptions opt =
        new CandidateOptions(depths, 3000, 20_000, policy.resolve(cat), true, true);
    List<Candidate> cs =
        new CandidateGenerator(
                loaded.pack(), cat, SpeedTable.defaults(), loaded.region().humanitarian())
            .generate(opt, progress);
    CandidateWriter.write(out, cs, cat, loaded.pack().grid().epsg());
    for (Candidate.Kind k : Candidate.Kind.values()) {
      if (k == Candidate.Kind.USER) {
        continue; // only `optimize --sites` makes those
      }
      long n = cs.stream().filter(c -> c.kind() == k).count();
      System.out.printf(Locale.ROOT, "%-9s %6d%n", k.name().toLowerCase(Locale.ROOT), n);
    }
    System.out.println("Candidates: " + out.toAbsolutePath());
    return 0;
  }
}
