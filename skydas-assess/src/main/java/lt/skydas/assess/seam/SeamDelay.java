package lt.skydas.assess.seam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.PlanEffects;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;

/**
 * The delay an attacker avoids by passing through a seam: for each case (vehicle class, season) and
 * objective asked at a seam, the attacker's time to the objective with the allies' lines as they
 * are ({@code open}) and with the seam's gap closed by one more obstacle ({@code closed}), both
 * with every obstacle of every line in full (the neighbours' sensors are not known). The difference
 * is what the gap is worth to him: 0 when he has a way round as fast as through it. One search per
 * distinct case with the lines, and per seam and case with its closer ({@link Assessor#arrivals}:
 * exact shortest times on the full model). Stateless.
 */
public final class SeamDelay {
  private SeamDelay() {}

  /** A case and objective to time at a seam. */
  public record Asked(VehicleClass vehicle, Season season, String objective) {}

  /**
   * The attacker's time to the objective, seconds after crossing, with the seam open and closed
   * (+Inf where never reached).
   */
  public record Timed(Asked asked, double open_s, double closed_s) {
    /** What closing the seam would cost him, seconds (NaN where either time is infinite). */
    public double avoided_s() {
      return Double.isInfinite(open_s) || Double.isInfinite(closed_s)
          ? Double.NaN
          : closed_s - open_s;
    }
  }

  /**
   * Times every asked case at every seam.
   *
   * @param lines the allies' lines as one plan (map CRS of the assessor's region)
   * @param closers per seam the obstacle that would close its gap, or null (nothing timed there)
   * @param asked per seam the cases and objectives to time (same order as {@code closers})
   * @param threads worker threads (>= 1)
   * @throws IllegalArgumentException for an objective the assessor does not know
   */
  public static List<List<Timed>> of(
      Assessor assessor,
      SpeedTable speeds,
      BarrierPlan lines,
      List<Obstacle> closers,
      List<List<Asked>> asked,
      int threads) {
    if (closers.size() != asked.size()) {
      throw new IllegalArgumentException("one closer (or null) per seam");
    }
    Map<String, Integer> objective = new HashMap<>();
    List<Objective> objs = assessor.objectives();
    for (int i = 0; i < objs.size(); i++) {
      objective.put(objs.get(i).id(), i);
    }
    for (List<Asked> as : asked) {
      for (Asked a : as) {
        if (!objective.containsKey(a.objective())) {
          throw new IllegalArgumentException("no objective " + a.objective() + " in the region");
        }
      }
    }
    PlanEffects open = effects(assessor, lines);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      Map<String, Future<double[]>> openTimes = new HashMap<>();
      List<Map<String, Future<double[]>>> closedTimes = new ArrayList<>();
      for (int k = 0; k < asked.size(); k++) {
        Map<String, Future<double[]>> closed = new HashMap<>();
        closedTimes.add(closed);
        if (closers.get(k) == null) {
          continue;
        }
        List<Obstacle> withCloser = new ArrayList<>(lines.obstacles());
        withCloser.add(closers.get(k));
        PlanEffects shut =
            effects(
                assessor,
                new BarrierPlan(lines.source(), lines.name(), lines.policy(), withCloser));
        for (Asked a : asked.get(k)) {
          String key = a.vehicle().id() + "/" + a.season().id();
          openTimes.computeIfAbsent(
              key,
              x ->
                  pool.submit(
                      () ->
                          assessor.arrivals(a.vehicle(), a.season(), speeds, open).objective_s()));
          closed.computeIfAbsent(
              key,
              x ->
                  pool.submit(
                      () ->
                          assessor.arrivals(a.vehicle(), a.season(), speeds, shut).objective_s()));
        }
      }
      List<List<Timed>> out = new ArrayList<>();
      for (int k = 0; k < asked.size(); k++) {
        List<Timed> timed = new ArrayList<>();
        if (closers.get(k) != null) {
          for (Asked a : asked.get(k)) {
            String key = a.vehicle().id() + "/" + a.season().id();
            int j = objective.get(a.objective());
            timed.add(
                new Timed(a, openTimes.get(key).get()[j], closedTimes.get(k).get(key).get()[j]));
          }
        }
        out.add(timed);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while timing the seams", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static PlanEffects effects(Assessor assessor, BarrierPlan plan) {
    return PlanEffects.locate(plan, assessor.network(), assessor.region().roads());
  }
}
