package lt.skydas.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import lt.skydas.core.progress.Progress;
import lt.skydas.registry.Role;

/**
 * A kind of long job (assess, optimize, verify) the server can run in the background.
 * Implementations validate {@code params} first (a {@code SkydasProblem} for bad input, reported
 * when the job is submitted), then work, reporting through {@code progress}; a cancelled job's
 * progress throws {@link JobCancelledException} at its next report, so work must report often.
 */
public interface JobType {
  /** Roles that may start this job. */
  java.util.Set<Role> roles();

  /** Checks the parameters before the job is queued; throws a problem naming what is wrong. */
  void validate(JsonNode params);

  /**
   * Runs the job; returns a JSON summary. Output files go under {@code dir} (created, empty); a
   * file named {@code *.geojson} there is served as the job's layer.
   */
  JsonNode run(JsonNode params, Path dir, Progress progress) throws Exception;
}
