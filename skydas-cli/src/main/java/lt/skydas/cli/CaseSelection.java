package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import picocli.CommandLine.Option;

/**
 * Which cases a run searches: vehicle classes, seasons, the speed table and the threads ({@code
 * assess}, {@code emplace} through {@link AssessCommand.CaseOptions}, {@code civilians}).
 */
final class CaseSelection {
  @Option(
      names = "--classes",
      split = ",",
      paramLabel = "CLASS",
      description = "Vehicle classes: tracked,wheeled,dismounted (default all).")
  List<String> classes;

  @Option(
      names = "--seasons",
      split = ",",
      paramLabel = "SEASON",
      description = "Seasons: dry,wet,frozen (default all).")
  List<String> seasons;

  @Option(
      names = "--speeds",
      paramLabel = "FILE",
      description = "Speed table CSV (default: built-in).")
  Path speeds;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Cases searched in parallel (default: up to 2).")
  Integer threads;

  /** The default options with these cases, speeds and threads. */
  AssessmentOptions options() {
    List<VehicleClass> vs = new ArrayList<>();
    if (classes == null) {
      vs.addAll(List.of(VehicleClass.values()));
    } else {
      for (String c : classes) {
        vs.add(usage(() -> VehicleClass.parse(c, "--classes")));
      }
    }
    List<Season> ss = new ArrayList<>();
    if (seasons == null) {
      ss.addAll(List.of(Season.values()));
    } else {
      for (String s : seasons) {
        ss.add(usage(() -> Season.parse(s, "--seasons")));
      }
    }
    if (threads != null && (threads < 1 || threads > 64)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--threads must be within 1..64");
    }
    AssessmentOptions o =
        AssessmentOptions.defaults()
            .withCases(
                List.copyOf(new java.util.LinkedHashSet<>(vs)),
                List.copyOf(new java.util.LinkedHashSet<>(ss)));
    if (speeds != null) {
      o = o.withSpeeds(SpeedTable.load(speeds));
    }
    if (threads != null) {
      o = o.withThreads(threads);
    }
    return o;
  }

  private static <T> T usage(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (SkydasProblem e) {
      throw new SkydasProblem(ProblemCode.USAGE, e.getMessage().replaceFirst("^input: ", ""));
    }
  }
}
