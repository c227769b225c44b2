package lt.skydas.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs in the background on a small pool ({@code workers} at a time, the rest queued), keeps
 * their state in memory for the server's lifetime (so a page reload finds them) and their outputs
 * under {@code workDir/<job id>}. At most {@value #MAX_QUEUED} jobs wait or run at once, at most
 * {@value #MAX_PER_USER} of one user, and the last {@value #RESERVED_FOR_ADMINS} places are kept
 * for admins, so one user cannot fill the queue for everyone (issue 18, finding 4); the count and
 * the insert are one atomic step. Thread-safe.
 */
public final class JobManager implements AutoCloseable {
  static final int MAX_QUEUED = 32;
  static final int MAX_PER_USER = 4;
  static final int RESERVED_FOR_ADMINS = 4;

  /** The seconds a refused client is told to wait ({@code Retry-After}). */
  public static final long RETRY_AFTER_S = 30;

  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);

  private final Map<String, JobType> types;
  private final Path workDir;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final JobStore store;

  /** Jobs in memory only (a restart forgets them). */
  public JobManager(Map<String, JobType> types, Path workDir, int workers, Clock clock) {
    this(types, workDir, workers, clock, null);
  }

  /**
   * Jobs kept in {@code store} (null: memory only): loaded at start, where a job that was queued or
   * running is marked {@link Job.State#INTERRUPTED}.
   */
  public JobManager(
      Map<String, JobType> types, Path workDir, int workers, Clock clock, JobStore store) {
    this.store = store;
    if (store != null) {
      for (Job j : store.loadAll()) {
        if (!j.snapshot().state().done()) {
          j.interrupted(clock.instant());
          store.save(j);
          LOG.warn("job {} ({} of {}) was interrupted by a restart", j.id, j.type, j.owner);
        }
        jobs.put(j.id, j);
      }
    }
    this.types = Map.copyOf(types);
    this.workDir = workDir;
    this.clock = clock;
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "skydas-job");
              t.setDaemon(true);
              return t;
            });
  }

  public Map<String, JobType> types() {
    return types;
  }

  public JobType type(String name) {
    JobType t = types.get(name);
    if (t == null) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "no job type '"
              + name
              + "' (this server runs: "
              + String.join(", ", types.keySet())
              + ")");
    }
    return t;
  }

  /** Validates and queues a job of a user who is not an admin; returns it. */
  public Job submit(String typeName, String owner, JsonNode params) {
    return submit(typeName, owner, false, params);
  }

  /**
   * Validates and queues a job; returns it.
   *
   * @throws SkydasProblem TOO_MANY_REQUESTS (with {@code retry_after_s}) beyond the limits
   */
  public Job submit(String typeName, String owner, boolean admin, JsonNode params) {
    JobType t = type(typeName);
    t.validate(params);
    String id = UUID.randomUUID().toString();
    synchronized (this) {
      long waiting = 0;
      long own = 0;
      for (Job j : jobs.values()) {
        if (!j.snapshot().state().done()) {
          waiting++;
          if (j.owner.equals(owner)) {
            own++;
          }
        }
      }
      if (own >= MAX_PER_USER) {
        throw busy(own + " of your jobs are queued or running (at most " + MAX_PER_USER + ")");
      }
      long room = admin ? MAX_QUEUED : MAX_QUEUED - RESERVED_FOR_ADMINS;
      if (waiting >= room) {
        throw busy(waiting + " jobs are queued or running on this server");
      }
      // a placeholder holds the place while the folder is made
      jobs.put(id, new Job(id, typeName, owner, params, workDir.resolve(id), clock.instant()));
    }
    Path dir = workDir.resolve(id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      jobs.remove(id);
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, "cannot create job folder " + dir + ": " + e.getMessage());
    }
    Job job = jobs.get(id);
    save(job);
    job.future = pool.submit(() -> run(job, t));
    return job;
  }

  private static SkydasProblem busy(String why) {
    return new SkydasProblem(
        ProblemCode.TOO_MANY_REQUESTS,
        why + "; wait for some to finish or cancel them",
        Map.of("retry_after_s", RETRY_AFTER_S));
  }

  private void run(Job job, JobType t) {
    if (job.cancelRequested()) {
      return;
    }
    job.started(clock.instant());
    save(job);
    try {
      JsonNode r = t.run(job.params, job.dir, job.progress());
      job.check();
      job.finished(Job.State.SUCCEEDED, clock.instant(), r, null);
    } catch (JobCancelledException | InterruptedException e) {
      if (!job.cancelRequested()) {
        LOG.warn("job {} ({}) interrupted", job.id, job.type);
      }
      job.finished(Job.State.CANCELLED, clock.instant(), null, "cancelled");
    } catch (SkydasProblem e) {
      job.finished(Job.State.FAILED, clock.instant(), null, e.getMessage());
    } catch (Exception | Error e) {
      LOG.error("job {} ({}) failed", job.id, job.type, e);
      job.finished(
          job.cancelRequested() ? Job.State.CANCELLED : Job.State.FAILED,
          clock.instant(),
          null,
          job.cancelRequested() ? "cancelled" : "internal error: " + e);
    }
    save(job);
  }

  /** Writes the job through to the store, if there is one; a failure is logged, not thrown. */
  private void save(Job job) {
    if (store == null) {
      return;
    }
    try {
      store.save(job);
    } catch (RuntimeException e) {
      LOG.error("job {}: could not be stored: {}", job.id, e.toString());
    }
  }

  /** What fills an adopted job's folder (copies and renders its files there). */
  @FunctionalInterface
  public interface Filler {
    void fill(Path dir) throws IOException;
  }

  /**
   * Takes a result made outside the server (the demo's assessment, {@code skydas serve
   * --assessment}) as a finished job of {@code type}, owned by {@code owner}, its files put in a
   * new job folder by {@code fill}, published by {@code owner}: the map shows it on the first
   * visit. Returns the job.
   */
  public Job adopt(String type, String owner, JsonNode params, JsonNode result, Filler fill)
      throws IOException {
    String id = UUID.randomUUID().toString();
    Path dir = workDir.resolve(id);
    Files.createDirectories(dir);
    fill.fill(dir);
    Instant now = clock.instant();
    Job job = new Job(id, type, owner, params, dir, now);
    job.started(now);
    job.finished(Job.State.SUCCEEDED, now, result, null);
    job.publish(owner, now);
    jobs.put(id, job);
    save(job);
    LOG.info("adopted {} as job {} ({}), published", params, id, type);
    return job;
  }

  /** The parameters a job was submitted with (to run it again). */
  public JsonNode params(Job j) {
    return j.params.deepCopy();
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /**
   * Publishes a succeeded job's layers to everyone (the OGC collections of the newest published
   * assessment); false if the job has not succeeded.
   */
  public boolean publish(Job j, String by) {
    boolean ok = j.publish(by, clock.instant());
    if (ok) {
      save(j);
      LOG.info("job {} ({}) published by {}", j.id, j.type, by);
    }
    return ok;
  }

  /** Jobs newest first, only {@code owner}'s unless null. */
  public List<Job.Snapshot> list(String owner) {
    List<Job.Snapshot> out = new ArrayList<>();
    for (Job j : jobs.values()) {
      if (owner == null || j.owner.equals(owner)) {
        out.add(j.snapshot());
      }
    }
    out.sort(Comparator.comparing(Job.Snapshot::submittedAt).reversed());
    return out;
  }

  /** Requests cancellation; false when the job had already ended. */
  public boolean cancel(Job j) {
    boolean live = j.cancel();
    save(j);
    if (live && j.future != null) {
      j.future.cancel(true);
    }
    return live;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
