package lt.skydas.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Future;
import lt.skydas.core.progress.Progress;

/**
 * One background job: its state moves queued → running → succeeded | failed | cancelled. Progress
 * is the current step, units done and total (−1 unknown). Thread-safe: the worker writes, request
 * threads read a {@link #snapshot()}.
 */
public final class Job {
  /** Where a job is. */
  public enum State {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** It was queued or running when the server stopped; it can be run again. */
    INTERRUPTED;

    public boolean done() {
      return this != QUEUED && this != RUNNING;
    }

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A consistent copy for a response. */
  public record Snapshot(
      String id,
      String type,
      String owner,
      State state,
      String step,
      long done,
      long total,
      Instant submittedAt,
      Instant startedAt,
      Instant finishedAt,
      String error,
      JsonNode result,
      String publishedBy,
      Instant publishedAt) {
    /** Whether the job's layers are the shared ones (see {@link JobManager#publish}). */
    public boolean published() {
      return publishedAt != null;
    }

    public double fraction() {
      return total > 0 ? Math.min(1, (double) done / total) : state == State.SUCCEEDED ? 1 : -1;
    }
  }

  final String id;
  final String type;
  final String owner;
  final JsonNode params;
  final Path dir;
  final Instant submittedAt;
  private State state = State.QUEUED;
  private String step = "queued";
  private long done;
  private long total = -1;
  private Instant startedAt;
  private Instant finishedAt;
  private String error;
  private JsonNode result;
  private String publishedBy;
  private Instant publishedAt;
  private volatile boolean cancelRequested;
  Future<?> future;

  Job(String id, String type, String owner, JsonNode params, Path dir, Instant submittedAt) {
    this.id = id;
    this.type = type;
    this.owner = owner;
    this.params = params;
    this.dir = dir;
    this.submittedAt = submittedAt;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public Path dir() {
    return dir;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        id,
        type,
        owner,
        state,
        step,
        done,
        total,
        submittedAt,
        startedAt,
        finishedAt,
        error,
        result,
        publishedBy,
        publishedAt);
  }

  /** A job as stored (it does not run: its worker is gone); see {@link JobStore}. */
  static Job restored(
      String id,
      String type,
      String owner,
      JsonNode params,
      Path dir,
      State state,
      String step,
      Instant submittedAt,
      Instant startedAt,
      Instant finishedAt,
      String error,
      JsonNode result,
      String publishedBy,
      Instant publishedAt) {
    Job j = new Job(id, type, owner, params, dir, submittedAt);
    j.state = state;
    j.step = step;
    j.startedAt = startedAt;
    j.finishedAt = finishedAt;
    j.error = error;
    j.result = result;
    j.publishedBy = publishedBy;
    j.publishedAt = publishedAt;
    return j;
  }

  /** A job found queued or running when the server started: it stopped with the old server. */
  synchronized void interrupted(Instant t) {
    state = State.INTERRUPTED;
    finishedAt = t;
    step = "interrupted";
    error =
        "the server stopped while this job was "
            + (startedAt == null ? "queued" : "running")
            + "; run it again (POST /api/jobs/"
            + id
            + "/rerun)";
  }

  /** Marks the job's layers as the shared ones; false if it has not succeeded. */
  synchronized boolean publish(String by, Instant at) {
    if (state != State.SUCCEEDED) {
      return false;
    }
    publishedBy = by;
    publishedAt = at;
    return true;
  }

  synchronized void started(Instant t) {
    state = State.RUNNING;
    startedAt = t;
    step = "starting";
  }

  synchronized void finished(State s, Instant t, JsonNode res, String err) {
    state = s;
    finishedAt = t;
    result = res;
    error = err;
    if (s == State.SUCCEEDED) {
      step = "done";
    }
  }

  /** Asks the job to stop; a queued job never starts. Returns false when it had already ended. */
  synchronized boolean cancel() {
    if (state.done()) {
      return false;
    }
    cancelRequested = true;
    if (state == State.QUEUED) {
      state = State.CANCELLED;
      step = "cancelled before it started";
      finishedAt = Instant.now();
    }
    return true;
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  /** The progress sink handed to the job's work: records, and throws once cancelled. */
  Progress progress() {
    return new Progress() {
      @Override
      public void begin(String s, long t) {
        check();
        synchronized (Job.this) {
          step = s;
          total = t;
          done = 0;
        }
      }

      @Override
      public void advance(long d) {
        check();
        synchronized (Job.this) {
          done = d;
        }
      }

      @Override
      public void end() {
        check();
      }

      @Override
      public void info(String message) {
        check();
      }
    };
  }

  void check() {
    if (cancelRequested || Thread.currentThread().isInterrupted()) {
      throw new JobCancelledException();
    }
  }
}
