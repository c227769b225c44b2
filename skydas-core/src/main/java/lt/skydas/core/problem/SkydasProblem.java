package lt.skydas.core.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user-fixable problem: bad input, a wrong option, a missing file. Carries a stable machine code,
 * a one-line human message and structured details (file, feature id, coordinate) so the CLI can
 * print one clear line and exit with {@link ProblemCode#exitCode()}, and HTTP can answer with RFC
 * 9457 problem details.
 *
 * <p>Bugs are not problems: they are {@link IllegalStateException}s with a full trace.
 */
public final class SkydasProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final Map<String, Object> details;

  public SkydasProblem(ProblemCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public SkydasProblem(ProblemCode code, String message, Map<String, ?> details) {
    this(code, message, details, null);
  }

  public SkydasProblem(ProblemCode code, String message, Map<String, ?> details, Throwable cause) {
    super(Objects.requireNonNull(message), cause);
    this.code = Objects.requireNonNull(code);
    this.details = Map.copyOf(new LinkedHashMap<>(details));
  }

  /** A problem in an input file, optionally at a feature (id or index) and a location text. */
  public static SkydasProblem badInput(String file, String where, String what) {
    StringBuilder sb = new StringBuilder(file == null ? "input" : file);
    if (where != null && !where.isBlank()) {
      sb.append(": ").append(where);
    }
    sb.append(": ").append(what);
    Map<String, Object> d = new LinkedHashMap<>();
    if (file != null) {
      d.put("file", file);
    }
    if (where != null) {
      d.put("where", where);
    }
    return new SkydasProblem(ProblemCode.BAD_INPUT, sb.toString(), d);
  }

  public ProblemCode code() {
    return code;
  }

  /** Immutable structured details (file, feature, coordinate, option ...). */
  public Map<String, Object> details() {
    return details;
  }
}
