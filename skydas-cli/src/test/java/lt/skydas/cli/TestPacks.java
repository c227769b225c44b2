package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped region as a 1 km pack, built once per test JVM (by the real {@code region build}
 * command) for the tests that need a quick region rather than the build itself.
 */
final class TestPacks {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static Path oneKm;

  private TestPacks() {}

  static synchronized Path oneKm() {
    if (oneKm == null) {
      try {
        Path dir = Files.createTempDirectory("skydas-test-pack");
        Path pack = dir.resolve("pack-1km");
        CliRunner.Result r =
            CliRunner.run(
                "region",
                "build",
                "--layers",
                ROOT.resolve("data/baltic").toString(),
                "--cell-size",
                "1000",
                "--out",
                pack.toString(),
                "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        oneKm = pack;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return oneKm;
  }
}
