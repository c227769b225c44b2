package lt.skydas.cli;

import java.nio.file.Path;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import picocli.CommandLine.Option;

/**
 * Which region to work on: a pack directory, or the default pack built (and cached) from layers.
 */
final class RegionOptions {
  @Option(
      names = "--region",
      paramLabel = "PACK",
      description =
          "Region pack directory (from `skydas region build`). Default: the shipped Lithuania region, built and cached on first use.")
  Path pack;

  @Option(
      names = "--cell-size",
      paramLabel = "M",
      description = "Cell size of the default region pack (default 100).")
  Double cellSize;

  @Option(
      names = "--start-depth-m",
      paramLabel = "M",
      defaultValue = "1000",
      description =
          "Attackers start anywhere within this distance of the region's hostile borders (Lithuania: LT-BY and LT-RU), on the far side (default ${DEFAULT-VALUE}).")
  double startDepth_m = 1000;

  RegionStore.Loaded load(Progress progress) {
    if (!(startDepth_m >= 0 && startDepth_m <= 50_000)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--start-depth-m must be within 0..50000");
    }
    if (pack != null && cellSize != null) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--cell-size applies to the default region only; a pack has its own");
    }
    Path dir =
        pack != null
            ? pack
            : RegionStore.ensureDefaultPack(cellSize == null ? 100 : cellSize, progress);
    return RegionStore.load(dir, startDepth_m, progress);
  }
}
