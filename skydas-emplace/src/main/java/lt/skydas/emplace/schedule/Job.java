package lt.skydas.emplace.schedule;

import java.util.Map;
import java.util.Objects;

/**
 * One job of the scheduling problem: lay or execute one obstacle at location {@code site}, after
 * loading its stock at location {@code depot} (or none, −1: the team goes straight to the site).
 * Immutable.
 *
 * @param id unique within the problem (the obstacle's id)
 * @param value what it is worth when finished by its deadline (> 0)
 * @param deadline_s the latest finish, seconds after the warning, that still counts
 * @param work_s seconds of work at the site (loading included) per team type able to do it; a team
 *     type that is absent cannot do the job
 */
public record Job(
    String id, int site, int depot, double value, double deadline_s, Map<String, Double> work_s) {
  public Job {
    Objects.requireNonNull(id, "id");
    work_s = Map.copyOf(work_s);
    if (site < 0) {
      throw new IllegalArgumentException("job " + id + ": site location " + site + " < 0");
    }
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("job " + id + ": value must be > 0, not " + value);
    }
    if (Double.isNaN(deadline_s)) {
      throw new IllegalArgumentException("job " + id + ": deadline is NaN");
    }
    for (Map.Entry<String, Double> e : work_s.entrySet()) {
      if (!(e.getValue() > 0 && Double.isFinite(e.getValue()))) {
        throw new IllegalArgumentException(
            "job " + id + ": work for " + e.getKey() + " must be > 0 s, not " + e.getValue());
      }
    }
  }
}
