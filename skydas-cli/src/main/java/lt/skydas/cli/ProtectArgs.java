package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.ProtectOptions;
import lt.skydas.optimize.WarningOptions;
import picocli.CommandLine.Option;

/** The options of {@code optimize} for the named sites to protect against small UAS. */
final class ProtectArgs {
  @Option(
      names = "--protect",
      paramLabel = "FILE",
      description =
          "Named sites to protect against small UAS (GeoJSON points: bridges, control points,"
              + " depots, shelters). EW and counter-drone sites are bought so that a drone over"
              + " each is detected and within reach of an effector, at least cost, before the"
              + " barrier spends the rest (see --ew-max-eur).")
  Path file;

  @Option(
      names = "--protect-share",
      paramLabel = "FRACTION",
      defaultValue = "1",
      description =
          "Protect at least this share of the --protect sites (default ${DEFAULT-VALUE}).")
  double share = 1;

  @Option(
      names = "--protect-detectors",
      paramLabel = "TYPE",
      split = ",",
      description =
          "Sensor catalog types offered to detect drones (default rf_drone_detector,"
              + "tethered_drone_radar).")
  List<String> detectors;

  @Option(
      names = "--protect-effectors",
      paramLabel = "TYPE",
      split = ",",
      description =
          "Sensor catalog types offered to defeat drones (default interceptor_drone,"
              + "uas_link_jammer).")
  List<String> effectors;

  @Option(
      names = "--min-warning-h",
      paramLabel = "H|OBJECTIVE=H",
      split = ",",
      description =
          "Minimum warning time: on each case's fastest verified avenue a sensor of the plan must"
              + " see the attacker this many hours before he arrives; H for every objective,"
              + " OBJECTIVE=H for one (e.g. 1.5,vilnius=2). Sensors that achieve it are bought"
              + " with the money the barrier leaves.")
  List<String> minWarning;

  /**
   * The minimum warning time the user asked, for {@code objectiveIds}, sensors standing where
   * {@code placeable} says.
   *
   * @throws SkydasProblem USAGE for a value that is no number within 0..48 or an unknown objective
   *     id
   */
  WarningOptions warning(List<String> objectiveIds, java.util.function.IntPredicate placeable) {
    if (minWarning == null || minWarning.isEmpty()) {
      return WarningOptions.none();
    }
    double all = 0;
    Map<String, Double> by = new java.util.LinkedHashMap<>();
    for (String v : minWarning) {
      String s = v.trim();
      int eq = s.indexOf('=');
      String id = eq < 0 ? null : s.substring(0, eq).trim();
      double h = hours(eq < 0 ? s : s.substring(eq + 1));
      if (id == null) {
        all = h;
      } else if (!objectiveIds.contains(id)) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--min-warning-h names an unknown objective \""
                + id
                + "\" (objectives: "
                + String.join(", ", objectiveIds)
                + ")");
      } else {
        by.put(id, h);
      }
    }
    return new WarningOptions(
        all, by, WarningOptions.DEFAULT_TYPES, WarningOptions.DEFAULT_SPACING_M, placeable);
  }

  private static double hours(String s) {
    try {
      double h = Double.parseDouble(s.trim());
      if (h >= 0 && h <= WarningOptions.MAX_H) {
        return h;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new SkydasProblem(
        ProblemCode.USAGE,
        "--min-warning-h wants hours within 0.." + Math.round(WarningOptions.MAX_H) + ", not " + s);
  }

  /** Nothing asked. */
  static ProtectArgs none() {
    return new ProtectArgs();
  }

  /** The named sites of {@code file}, or of none. */
  static ProtectArgs of(Path file) {
    ProtectArgs a = new ProtectArgs();
    a.file = file;
    return a;
  }

  /**
   * The options, the sites read and checked against {@code grid} ({@link
   * CoverageCommand#namedPoints}).
   *
   * @throws SkydasProblem NOT_FOUND for a missing file, USAGE for a share outside 0..1, BAD_INPUT
   *     for a feature that is no point or lies outside the region
   */
  ProtectOptions options(GridSpec grid) {
    if (file == null) {
      return ProtectOptions.none();
    }
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, file + ": no such file", Map.of("file", file.toString()));
    }
    if (!(share >= 0 && share <= 1)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--protect-share must be within 0..1");
    }
    var sites = CoverageCommand.namedPoints(file, grid);
    if (sites.isEmpty()) {
      throw SkydasProblem.badInput(file.toString(), "the file", "holds no site to protect");
    }
    return new ProtectOptions(
        sites,
        file.getFileName().toString(),
        share,
        detectors == null || detectors.isEmpty() ? ProtectOptions.DEFAULT_DETECTORS : detectors,
        effectors == null || effectors.isEmpty() ? ProtectOptions.DEFAULT_EFFECTORS : effectors);
  }
}
