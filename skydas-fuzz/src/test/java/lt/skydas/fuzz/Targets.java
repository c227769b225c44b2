package lt.skydas.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.problem.SkydasProblem;

/**
 * What every fuzz target shares: the input written to a scratch file of the right name, and the
 * contract under test — an importer either reads the input or refuses it with a {@link
 * SkydasProblem} (one clear line); anything else (an unchecked exception, an error, a hang) is a
 * crash Jazzer reports and keeps.
 */
final class Targets {
  private Targets() {}

  private static final Path SCRATCH;

  static {
    try {
      SCRATCH = Files.createTempDirectory("skydas-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code data} to a fresh scratch file named {@code name}. */
  static Path file(String name, byte[] data) {
    try {
      Path f = SCRATCH.resolve(name);
      Files.deleteIfExists(f);
      return Files.write(f, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code r}; a problem (the importer's refusal) is the other good outcome. */
  static void readsOrRefuses(Runnable r) {
    try {
      r.run();
    } catch (SkydasProblem refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("a refusal without a message", refused);
      }
    }
  }
}
