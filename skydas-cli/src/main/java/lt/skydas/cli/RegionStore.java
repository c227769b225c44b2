package lt.skydas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.RegionDefinition;

/**
 * Finds the Skydas home (the launcher passes {@code -Dskydas.home}), the shipped layers, and the
 * cache of default region packs, which are rebuilt when the layers or the pack format change.
 */
final class RegionStore {
  private static final String FINGERPRINT = "fingerprint.txt";

  private RegionStore() {}

  /** A loaded region, as the assessment sees it. */
  record Loaded(AssessmentRegion region, Region pack) {}

  static Path home() {
    String h = System.getProperty("skydas.home");
    Path p = h != null ? Path.of(h) : Path.of("").toAbsolutePath();
    return p;
  }

  static Path shippedLayers() {
    Path p = home().resolve("data").resolve("baltic");
    if (!Files.isDirectory(p)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "shipped region data not found at "
              + p
              + "; run from a Skydas checkout or give --layers/--region");
    }
    return p;
  }

  static Path cacheDir() {
    String env = System.getenv("SKYDAS_CACHE");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : home().resolve(".skydas").resolve("packs");
  }

  /**
   * The default pack at {@code cellSize_m}, built from the shipped layers when missing or stale.
   */
  static Path ensureDefaultPack(double cellSize_m, Progress progress) {
    if (!(cellSize_m >= 5 && cellSize_m <= 1000)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--cell-size must be within 5..1000 m");
    }
    Path layers = shippedLayers();
    Path dir = cacheDir().resolve(String.format(Locale.ROOT, "lt-%.0fm", cellSize_m));
    String fp;
    try {
      fp =
          Fingerprint.of(
              layers,
              "format="
                  + RegionBuilder.formatVersion()
                  + ";cell="
                  + cellSize_m
                  + ";margin=25;region="
                  + RegionDefinition.lithuania().sha256());
      Path f = dir.resolve(FINGERPRINT);
      if (Files.isRegularFile(f)
          && Files.readString(f).trim().equals(fp)
          && packFormat(dir) == RegionBuilder.formatVersion()) {
        return dir;
      }
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, "cannot read " + layers + ": " + e.getMessage());
    }
    progress.info(
        "building the Lithuania region pack at "
            + Math.round(cellSize_m)
            + " m into "
            + dir
            + " (once)");
    RegionBuilder.build(
        new RegionBuildOptions(layers, dir, cellSize_m, 25, RegionDefinition.lithuania()),
        progress);
    try {
      Files.writeString(dir.resolve(FINGERPRINT), fp + "\n");
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, "cannot write " + dir + ": " + e.getMessage());
    }
    return dir;
  }

  /** The format_version in a pack's region.json, or -1 when unreadable. */
  private static int packFormat(Path dir) {
    return metadata(dir).path("format_version").asInt(-1);
  }

  /** A pack's region.json, or a missing node when unreadable. */
  static com.fasterxml.jackson.databind.JsonNode metadata(Path dir) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(dir.resolve("region.json").toFile());
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  static Loaded load(Path packDir, double startDepth_m, Progress progress) {
    progress.begin("loading region pack " + packDir.getFileName(), -1);
    Region r = Region.load(packDir);
    AssessmentRegion ar = RegionInputs.from(r, startDepth_m);
    progress.end();
    return new Loaded(ar, r);
  }
}
