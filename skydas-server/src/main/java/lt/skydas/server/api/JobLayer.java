package lt.skydas.server.api;

import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.server.jobs.Job;
import lt.skydas.server.jobs.JobManager;

/**
 * A collection served from a GeoJSON file of the newest <i>published</i> job that wrote one (e.g.
 * {@code avenues.geojson} of the newest published assessment), loaded once per job and cached. A
 * run is shared only by an explicit, role-checked publish ({@code POST /api/jobs/{id}/publish}): a
 * planner's private run never replaces the layer everyone sees (issue 18, finding 8). Thread-safe:
 * a racing request may load the same file twice, never a stale one for a newer job.
 */
final class JobLayer {
  private final String id;
  private final String file;
  private final String missing;
  private final JobManager jobs;

  /** The cached layer and the file it was loaded from, replaced together. */
  private record Loaded(Path file, Layers.Layer layer) {}

  private volatile Loaded loaded;

  /**
   * @param id the collection id
   * @param file the file name in a job's folder
   * @param missing the problem's message while no finished job has the file
   */
  JobLayer(String id, String file, String missing, JobManager jobs) {
    this.id = id;
    this.file = file;
    this.missing = missing;
    this.jobs = jobs;
  }

  String id() {
    return id;
  }

  /** Whether a finished job has the file (the collection is listed). */
  boolean exists() {
    return newest() != null;
  }

  /**
   * The newest finished job's layer.
   *
   * @throws SkydasProblem NOT_FOUND while no finished job has the file
   */
  Layers.Layer get() {
    Path p = newest();
    if (p == null) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, missing);
    }
    Loaded l = loaded;
    if (l == null || !p.equals(l.file())) {
      l = new Loaded(p, Layers.load(id, p));
      loaded = l;
    }
    return l.layer();
  }

  private Path newest() {
    Job.Snapshot best = null;
    for (Job.Snapshot j : jobs.list(null)) {
      if (j.state() == Job.State.SUCCEEDED
          && j.published()
          && Files.isRegularFile(jobs.find(j.id()).orElseThrow().dir().resolve(file))
          && (best == null || j.publishedAt().isAfter(best.publishedAt()))) {
        best = j;
      }
    }
    return best == null ? null : jobs.find(best.id()).orElseThrow().dir().resolve(file);
  }
}
