package lt.skydas.core.problem;

/** Stable problem codes; each maps to a CLI exit code and an HTTP status. */
public enum ProblemCode {
  /** A command-line option is missing or wrong. */
  USAGE(2, 400),
  /** An input file is malformed, truncated, has invalid geometry, CRS or values. */
  BAD_INPUT(3, 400),
  /** A file or resource that was named does not exist. */
  NOT_FOUND(4, 404),
  /** Output could not be written (permissions, disk full). */
  OUTPUT_FAILED(5, 500),
  /** The input is well formed but cannot be satisfied (e.g. no objective reachable at all). */
  INFEASIBLE(6, 422),
  /** A concurrent change got there first (optimistic locking); reload and retry. */
  CONFLICT(7, 409),
  /** The acting role may not do this. */
  FORBIDDEN(8, 403),
  /** Stored data failed an integrity check (the registry's audit chain). */
  TAMPERED(9, 409),
  /** The database could not be opened or reached. */
  STORAGE_FAILED(10, 503),
  /** No valid credentials or session (the web server; log in first). */
  UNAUTHENTICATED(11, 401),
  /** The request body or upload is larger than the server accepts. */
  TOO_LARGE(12, 413),
  /** Too many attempts (login throttling); retry after the time given. */
  TOO_MANY_REQUESTS(13, 429);

  private final int exitCode;
  private final int httpStatus;

  ProblemCode(int exitCode, int httpStatus) {
    this.exitCode = exitCode;
    this.httpStatus = httpStatus;
  }

  public int exitCode() {
    return exitCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Kebab-case type name, used in problem JSON {@code type} URIs. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
