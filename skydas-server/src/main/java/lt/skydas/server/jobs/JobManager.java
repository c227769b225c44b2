package lt.skydas.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * under {@code workDir/<job id>}. At most {@value #MAX_QUEUED} jobs wait at once. Thread-safe.
 */
public final class JobManager implements AutoCloseable {
  static final int MAX_QUEUED = 32;
  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);

  private final Map<String, JobType> types;
  private final Path workDir;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  public JobManager(Map<String, JobType> types, Path workDir, int workers, Clock clock) {
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

  /** Validates and queues a job; returns it. */
  public Job submit(String typeName, String owner, JsonNode params) {
    JobType t = type(typeName);
    t.validate(params);
    long waiting = jobs.values().stream().filter(j -> !j.snapshot().state().done()).count();
    if (waiting >= MAX_QUEUED) {
      throw new SkydasProblem(
          ProblemCode.TOO_MANY_REQUESTS,
          waiting + " jobs are queued or running; wait for some to finish or cancel them");
    }
    String id = UUID.randomUUID().toString();
    Path dir = workDir.resolve(id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, "cannot create job folder " + dir + ": " + e.getMessage());
    }
    Job job = new Job(id, typeName, owner, params, dir, clock.instant());
    jobs.put(id, job);
    job.future = pool.submit(() -> run(job, t));
    return job;
  }

  private void run(Job job, JobType t) {
    if (job.cancelRequested()) {
      return;
    }
    job.started(clock.instant());
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
