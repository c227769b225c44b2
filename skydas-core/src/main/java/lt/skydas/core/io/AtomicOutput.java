package lt.skydas.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Writes a file or directory so that readers never see it half-written: content goes to a temporary
 * sibling which is moved into place only when complete. On failure the temporary is removed and the
 * previous file (if any) is untouched.
 */
public final class AtomicOutput {
  private AtomicOutput() {}

  /** Writer callback that may throw IOException. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Writer callback for a directory built in a temporary place. */
  @FunctionalInterface
  public interface DirWriter {
    void write(Path tmpDir) throws IOException;
  }

  /** Writes {@code target} atomically through {@code writer}. */
  public static void writeFile(Path target, StreamWriter writer) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      try (OutputStream out =
          new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        writer.write(out);
      }
      move(tmp, abs);
      tmp = null;
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED,
          "cannot write " + target + ": " + e.getMessage(),
          java.util.Map.of("file", target.toString()),
          e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Writes a text file atomically (UTF-8). */
  public static void writeString(Path target, String text) {
    writeFile(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * Builds a directory in a temporary sibling and swaps it into place: an existing {@code target}
   * is replaced only after {@code writer} succeeded.
   */
  public static void writeDirectory(Path target, DirWriter writer) {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    Path tmp = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
      writer.write(tmp);
      if (Files.exists(abs)) {
        old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old.");
        Files.delete(old);
        Files.move(abs, old);
      }
      Files.move(tmp, abs);
      tmp = null;
    } catch (IOException e) {
      if (old != null && !Files.exists(abs)) {
        try {
          Files.move(old, abs);
          old = null;
        } catch (IOException ignored) {
          // leave old in place, it is still on disk
        }
      }
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED,
          "cannot write " + target + ": " + e.getMessage(),
          java.util.Map.of("file", target.toString()),
          e);
    } finally {
      deleteTreeQuietly(tmp);
      deleteTreeQuietly(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  /** Deletes a directory tree, ignoring errors. */
  public static void deleteTreeQuietly(Path p) {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(AtomicOutput::deleteQuietly);
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }
}
