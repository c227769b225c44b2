package lt.skydas.assess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.civil.Exposure;
import lt.skydas.assess.civil.MineNeighbours;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.progress.Progress;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Violation;

/**
 * The civilians of a plan without the rest of the assessment ({@code skydas civilians}, issue 17):
 * per vehicle class and season the two forward searches from the attacker's start band, without and
 * with the plan (its obstacles' delays scaled by what its sensors watch, as in {@link
 * Assessor#assess}), give each settlement's arrival and so the exposure; then the evacuation of
 * every season, the people near the plan's mines and the humanitarian check. No avenue, marginal
 * value, isochrone or corridor race is computed, so the figures come in a fraction of an
 * assessment's time and equal the assessment's own (the same searches, the same counts). The
 * no-plan arrivals at the settlements depend on the region alone: an assessor that keeps its
 * no-plan times ({@link Assessor#keepNoPlanTimesIn}) keeps them too, under the SHA-256 of the
 * case's search inputs and the settlements' cells, and the next run searches with the plan only.
 */
public final class CivilianAssessment {
  private CivilianAssessment() {}

  /**
   * The civilians of {@code plan}: an {@link AssessmentResult} whose cases carry the exposure only
   * (no objective times, avenues or isochrones), with the evacuations, mine neighbours and
   * violations (the humanitarian check and the settlements the plan cuts off).
   */
  public static AssessmentResult run(
      Assessor a, BarrierPlan plan, AssessmentOptions opt, Progress progress) {
    long t0 = System.nanoTime();
    AssessmentRegion region = a.region();
    PlanWatch watch = PlanWatch.compute(plan, region, opt.watch(), opt.threads());
    PlanEffects effects =
        PlanEffects.locate(plan, a.network(), region.roads()).withWatch(watch.factors());
    List<Violation> violations = new ArrayList<>(a.humanitarianCheck().check(plan));
    List<VehicleClass> classes = opt.classes();
    List<Season> seasons = opt.seasons();
    int total = classes.size() * seasons.size();
    progress.begin("civilians: " + total + " cases", total);
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(opt.threads(), total)));
    try {
      Map<String, Future<Case>> futures = new LinkedHashMap<>();
      for (VehicleClass v : classes) {
        for (Season s : seasons) {
          futures.put(
              v.id() + "-" + s.id(),
              pool.submit(
                  () -> {
                    Case c = exposure(a, v, s, effects, opt);
                    progress.advance(done.incrementAndGet());
                    return c;
                  }));
        }
      }
      List<Case> cases = new ArrayList<>();
      for (Future<Case> f : futures.values()) {
        cases.add(f.get());
      }
      progress.end();
      List<lt.skydas.assess.civil.Evacuation> evacuations =
          Evacuations.everySeason(a, plan, cases, opt.speeds(), seasons, violations);
      return new AssessmentResult(
          region.name(),
          plan,
          a.objectives(),
          cases,
          List.copyOf(violations),
          List.of(),
          (System.nanoTime() - t0) / 1e9,
          watch,
          MineNeighbours.of(region.residents(), plan),
          evacuations);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("civilians interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The times {@code at} the residents' {@code cells} as a function of the cell. */
  private static Exposure.CellTimes atCells(int[] cells, double[] at) {
    java.util.Map<Integer, Double> byCell = new java.util.HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] >= 0) {
        byCell.put(cells[i], at[i]);
      }
    }
    return cell -> byCell.getOrDefault(cell, Double.POSITIVE_INFINITY);
  }

  /**
   * One case's exposure: a forward search without the plan (or its arrivals kept beside the pack)
   * and one with it.
   */
  private static Case exposure(
      Assessor a, VehicleClass v, Season s, PlanEffects effects, AssessmentOptions opt) {
    long t0 = System.nanoTime();
    GridSpec g = a.region().grid();
    AttackerSurfaces.Surface surface = a.surface(v, s, opt.speeds());
    int[] sources = a.region().attackerStartCells();
    int[] cells = a.residentCells();
    var baseGrid = Assessor.grid(g, surface.friction(), null);
    // the no-plan arrivals depend on the region only: kept beside the pack when the assessor keeps
    NoPlanTimes kept = a.noPlanTimes();
    String key =
        kept == null ? null : kept.arrivalsKey(kept.key(a, baseGrid, surface.edgeBase()), cells);
    double[] baseAt = key == null ? null : kept.get(key, cells.length);
    if (baseAt == null) {
      CostDistanceSearch base = a.search(0, baseGrid, a.topology().withCosts(surface.edgeBase()));
      base.run(Query.from(sources).withoutPaths());
      baseAt = new double[cells.length];
      for (int i = 0; i < cells.length; i++) {
        baseAt[i] = cells[i] < 0 ? Double.POSITIVE_INFINITY : base.cost(cells[i]);
      }
      if (key != null) {
        kept.put(key, baseAt);
      }
    }
    double[] planAt = baseAt;
    if (!effects.plan().obstacles().isEmpty()) {
      CostDistanceSearch withPlan =
          a.search(
              1,
              Assessor.grid(g, surface.friction(), effects.penalties(g.cellCount(), v, -1)),
              a.topology().withCosts(effects.edgeCosts(surface.edgeBase(), v, -1)));
      withPlan.run(Query.from(sources).withoutPaths());
      planAt = new double[cells.length];
      for (int i = 0; i < cells.length; i++) {
        planAt[i] = cells[i] < 0 ? Double.POSITIVE_INFINITY : withPlan.cost(cells[i]);
      }
    }
    Exposure e =
        Exposure.count(
            a.region().residents(), cells, atCells(cells, baseAt), atCells(cells, planAt));
    return new Case(
        v, s, List.of(), List.of(), null, Map.of(), (System.nanoTime() - t0) / 1e9, List.of(), e);
  }
}
