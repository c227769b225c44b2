package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.ProtectOptions;
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
