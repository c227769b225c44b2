package lt.skydas.registry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * A file of signed checkpoints, one per line, only ever appended to (each append is flushed to disk
 * before it returns). Keep it where the registry's operator cannot rewrite it — another machine,
 * write-once storage, or copies given to the auditor — since a verifier trusts the checkpoints it
 * is given, not the database. Stateless.
 */
public final class CheckpointLog {
  private CheckpointLog() {}

  /** Lines beyond this length are refused unread (a checkpoint line is about 200 characters). */
  static final int MAX_LINE = 1_000;

  /** Appends a checkpoint, creating the log (mode 0600) if needed. */
  public static void append(Path log, Checkpoint c) {
    try {
      PrivateFiles.ensure(log);
      try (FileChannel ch = FileChannel.open(log, StandardOpenOption.APPEND)) {
        ch.write(java.nio.ByteBuffer.wrap((c.line() + "\n").getBytes(StandardCharsets.US_ASCII)));
        ch.force(true);
      }
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, log + ": cannot append the checkpoint: " + e.getMessage());
    }
  }

  /**
   * Every checkpoint of the log, in file order; blank lines and {@code #} comments are skipped. A
   * missing file or a malformed line is a problem naming the file and line.
   */
  public static List<Checkpoint> read(Path log) {
    List<String> lines;
    try {
      if (Files.size(log) > 64L * 1024 * 1024) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, log + ": larger than 64 MB; not a checkpoint log");
      }
      lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, log + ": no such checkpoint log");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, log + ": not a checkpoint log (not ASCII text)");
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, log + ": cannot read: " + e.getMessage());
    }
    List<Checkpoint> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      String where = log + " line " + (i + 1);
      if (l.length() > MAX_LINE) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, where + ": longer than " + MAX_LINE + " characters");
      }
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      out.add(Checkpoint.parse(l, where));
    }
    return out;
  }
}
