package lt.skydas.server.jobs;

/** Thrown from a cancelled job's progress reports to unwind its work. */
public final class JobCancelledException extends RuntimeException {
  public JobCancelledException() {
    super("cancelled", null, false, false);
  }
}
