package lt.skydas.emplace;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Assessor.Arrivals;
import lt.skydas.assess.FriendlyRoads;
import lt.skydas.assess.PlanEffects;
import lt.skydas.assess.PlanWatch;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.EmplacementResult.CaseOutcome;
import lt.skydas.emplace.EmplacementResult.ObjectiveDelay;
import lt.skydas.emplace.EmplacementResult.ObstacleOutcome;
import lt.skydas.emplace.EmplacementResult.SeasonPlan;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.emplace.schedule.Schedule;
import lt.skydas.emplace.schedule.Team;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;

/**
 * The emplacement of a plan's reserved and crisis-laid obstacles when warning comes (issue 15): the
 * teams' timeline per season (friendly road travel, depots, work rates from the catalog), and per
 * case the race against the attacker ({@link Race}), at one warning time or over a curve of warning
 * times. Build once per plan and forces (the road searches and the attacker's round-0 searches are
 * done here), then ask {@link #at} or {@link #curve}. Not thread safe.
 */
public final class EmplacementPlanner implements AutoCloseable {
  private final Assessor assessor;
  private final BarrierPlan plan;
  private final Forces forces;
  private final EmplaceOptions options;
  private final Race race;
  private final boolean[] permanent;
  private final List<Team> teams;
  private final Map<Season, SeasonSetup> setups = new EnumMap<>(Season.class);
  private final Map<Season, Jobs> jobs = new EnumMap<>(Season.class);

  /** Worker threads for the whole run: their search state (large) is kept between searches. */
  private final ExecutorService pool;

  /**
   * Prepares the run: the plan's sensors' watch, the road travel between every unit home, depot and
   * site, and the attacker's searches without a plan and with the permanent obstacles alone.
   */
  public EmplacementPlanner(
      Assessor assessor, BarrierPlan plan, Forces forces, EmplaceOptions options, Progress progress)
      throws InterruptedException {
    this(assessor, plan, forces, options, java.util.Set.of(), progress);
  }

  /**
   * As above, with the reserved and crisis-laid obstacles that are in place already (laid,
   * executed: the registry's records in the ground): they count like permanent ones and no team
   * goes to them.
   *
   * @param inPlace ids of obstacles of the plan already in place
   * @throws IllegalArgumentException naming an id the plan does not hold
   */
  public EmplacementPlanner(
      Assessor assessor,
      BarrierPlan plan,
      Forces forces,
      EmplaceOptions options,
      java.util.Set<String> inPlace,
      Progress progress)
      throws InterruptedException {
    this.assessor = assessor;
    this.plan = plan;
    this.forces = forces;
    this.options = options;
    int n = plan.obstacles().size();
    this.permanent = new boolean[n];
    java.util.Set<String> ids = new java.util.HashSet<>();
    plan.obstacles().forEach(o -> ids.add(o.id()));
    for (String id : new java.util.TreeSet<>(inPlace)) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException(
            "obstacle \"" + id + "\" said to be in place is not in the plan");
      }
    }
    List<Coordinate> locations = new ArrayList<>();
    for (Forces.Unit u : forces.units()) {
      locations.add(new Coordinate(u.x(), u.y()));
    }
    for (Forces.Depot d : forces.depots()) {
      locations.add(new Coordinate(d.x(), d.y()));
    }
    int hubs = locations.size();
    int[] siteOf = new int[n];
    List<Boolean> local = new ArrayList<>();
    for (int i = 0; i < hubs; i++) {
      local.add(false);
    }
    for (int o = 0; o < n; o++) {
      Obstacle ob = plan.obstacles().get(o);
      permanent[o] = !ob.type().emplacement().onWarning() || inPlace.contains(ob.id());
      siteOf[o] = permanent[o] ? -1 : locations.size();
      if (!permanent[o]) {
        locations.add(Sites.of(ob));
        local.add(!ob.type().emplacement().needsStock());
      }
    }
    boolean[] isLocal = new boolean[local.size()];
    for (int i = 0; i < isLocal.length; i++) {
      isLocal[i] = local.get(i);
    }
    var a = options.assessment();
    PlanWatch watch = PlanWatch.compute(plan, assessor.region(), a.watch(), a.threads());
    PlanEffects effects =
        PlanEffects.locate(plan, assessor.network(), assessor.region().roads())
            .withWatch(watch.factors());
    this.race = new Race(assessor, a.speeds(), effects, permanent);
    this.teams = Crews.of(forces);
    int total = a.seasons().size();
    progress.begin("road travel and attacker searches, " + total + " seasons", total);
    this.pool = Executors.newFixedThreadPool(a.threads());
    FriendlyRoads[] roads = new FriendlyRoads[a.threads()];
    try {
      // every attacker search first, one task each, so the workers never idle; the road searches
      // follow season by season (each worker's road search state is set to one season at a time)
      Map<Season, Map<VehicleClass, Future<Arrivals>>> none = new EnumMap<>(Season.class);
      Map<Season, Map<VehicleClass, Future<Arrivals>>> perm = new EnumMap<>(Season.class);
      for (Season s : a.seasons()) {
        none.put(s, new EnumMap<>(VehicleClass.class));
        perm.put(s, new EnumMap<>(VehicleClass.class));
        for (VehicleClass v : a.classes()) {
          none.get(s).put(v, pool.submit(() -> assessor.arrivals(v, s, a.speeds(), null)));
          perm.get(s).put(v, pool.submit(() -> race.permanentOnly(v, s)));
        }
      }
      int done = 0;
      for (Season s : a.seasons()) {
        SeasonSetup setup =
            SeasonSetup.build(
                assessor, s, a.speeds(), effects, locations, hubs, isLocal, pool, roads);
        setups.put(s, setup);
        progress.advance(++done);
      }
      for (Season s : a.seasons()) {
        SeasonSetup setup = setups.get(s);
        for (VehicleClass v : a.classes()) {
          setup.baseline.put(v, none.get(s).get(v).get());
          setup.permanentOnly.put(v, perm.get(s).get(v).get());
        }
        jobs.put(s, Jobs.build(plan, forces, teams, siteOf, setup));
      }
    } catch (ExecutionException e) {
      pool.shutdownNow();
      throw unwrap(e);
    } catch (RuntimeException | InterruptedException e) {
      pool.shutdownNow();
      throw e;
    }
    progress.end();
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** The emplacement at {@code warning_h} hours of warning. */
  public EmplacementResult at(double warning_h, Progress progress) throws InterruptedException {
    EmplaceOptions.checkWarning(warning_h);
    return evaluate(warning_h, solveAll(warning_h, Map.of()), progress);
  }

  /**
   * The delay over the options' warning times, ascending. Monotone by construction: at each time
   * the previous time's schedule (still feasible, every deadline later) is raced as well, and the
   * new schedule is kept only if no case's time to any objective falls below the previous point; by
   * {@link Race}'s monotonicity the previous schedule never does.
   */
  public List<EmplacementResult> curve(Progress progress) throws InterruptedException {
    double[] hs = options.curve_h();
    List<EmplacementResult> out = new ArrayList<>();
    progress.begin("delay curve over " + hs.length + " warning times", hs.length);
    EmplacementResult prev = null;
    Map<Season, Schedule> hints = Map.of();
    for (int i = 0; i < hs.length; i++) {
      EmplacementResult r = evaluate(hs[i], solveAll(hs[i], hints), Progress.NONE);
      if (prev != null && !dominates(r, prev)) {
        Map<Season, CompletableFuture<SeasonPlan>> kept = new EnumMap<>(Season.class);
        for (SeasonPlan p : prev.seasons()) {
          kept.put(p.season(), CompletableFuture.completedFuture(reDeadlined(p, hs[i])));
        }
        r = evaluate(hs[i], kept, Progress.NONE);
      }
      out.add(r);
      prev = r;
      Map<Season, Schedule> next = new EnumMap<>(Season.class);
      for (SeasonPlan p : r.seasons()) {
        next.put(p.season(), p.schedule());
      }
      hints = next;
      progress.advance(i + 1);
    }
    progress.end();
    return out;
  }

  /**
   * One schedule per season, solved in parallel on the worker threads; each season's races start as
   * soon as its schedule is done ({@link #evaluate}), beside the other seasons' solves.
   */
  private Map<Season, CompletableFuture<SeasonPlan>> solveAll(
      double warning_h, Map<Season, Schedule> hints) {
    Map<Season, CompletableFuture<SeasonPlan>> futures = new EnumMap<>(Season.class);
    for (Season s : options.assessment().seasons()) {
      futures.put(
          s,
          CompletableFuture.supplyAsync(
              () -> {
                long t0 = System.nanoTime();
                Jobs j = jobs.get(s);
                Schedule sch =
                    j.solve(
                        teams, setups.get(s), warning_h * 3600, options.scheduler(), hints.get(s));
                return new SeasonPlan(
                    s,
                    sch,
                    j.depotOf(),
                    j.deadlines(warning_h * 3600),
                    (System.nanoTime() - t0) / 1e9);
              },
              pool));
    }
    return futures;
  }

  private SeasonPlan reDeadlined(SeasonPlan p, double warning_h) {
    Jobs j = jobs.get(p.season());
    return new SeasonPlan(
        p.season(),
        j.rescore(p.schedule(), warning_h * 3600),
        p.depotOf(),
        j.deadlines(warning_h * 3600),
        p.solve_s());
  }

  private EmplacementResult evaluate(
      double warning_h, Map<Season, CompletableFuture<SeasonPlan>> plans, Progress progress)
      throws InterruptedException {
    var a = options.assessment();
    int total = a.classes().size() * a.seasons().size();
    progress.begin("racing the attacker, " + total + " cases", total);
    try {
      List<Future<CaseOutcome>> futures = new ArrayList<>();
      for (Season s : a.seasons()) {
        for (VehicleClass v : a.classes()) {
          futures.add(
              plans
                  .get(s)
                  .thenApplyAsync(
                      p -> raceCase(v, s, finishTimes(p.schedule()), warning_h * 3600), pool));
        }
      }
      List<CaseOutcome> cases = new ArrayList<>();
      for (Future<CaseOutcome> f : futures) {
        cases.add(f.get());
        progress.advance(cases.size());
      }
      progress.end();
      List<SeasonPlan> seasons = new ArrayList<>();
      for (Season s : a.seasons()) {
        seasons.add(plans.get(s).get());
      }
      Jobs any = jobs.get(a.seasons().get(0));
      return new EmplacementResult(
          warning_h,
          seasons,
          cases,
          any.shortfalls(),
          any.stock(),
          any.depotStock(),
          any.idleUnits());
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private CaseOutcome raceCase(VehicleClass v, Season s, double[] finish, double warning_s) {
    SeasonSetup setup = setups.get(s);
    Arrivals base = setup.baseline.get(v);
    Arrivals start = setup.permanentOnly.get(v);
    Race.Outcome r = race.run(v, s, start, finish, warning_s);
    List<ObjectiveDelay> objectives = new ArrayList<>();
    for (int i = 0; i < assessor.objectives().size(); i++) {
      objectives.add(
          new ObjectiveDelay(
              assessor.objectives().get(i).id(),
              base.objective_s()[i],
              start.objective_s()[i],
              r.objective_s()[i]));
    }
    List<ObstacleOutcome> obstacles = new ArrayList<>();
    for (int o = 0; o < permanent.length; o++) {
      if (!permanent[o]) {
        obstacles.add(
            new ObstacleOutcome(
                plan.obstacles().get(o).id(), finish[o], r.arrival_s()[o], r.inPlace()[o]));
      }
    }
    return new CaseOutcome(v, s, objectives, obstacles, r.searches());
  }

  /** Per obstacle of the plan, when its team finishes (+Inf when none does; NaN permanent). */
  private double[] finishTimes(Schedule schedule) {
    Map<String, Double> byId = new HashMap<>();
    for (Assignment x : schedule.assignments()) {
      byId.put(x.jobId(), x.finish_s());
    }
    double[] f = new double[permanent.length];
    for (int o = 0; o < f.length; o++) {
      f[o] =
          permanent[o]
              ? Double.NaN
              : byId.getOrDefault(plan.obstacles().get(o).id(), Double.POSITIVE_INFINITY);
    }
    return f;
  }

  /** Whether {@code r} is no worse than {@code prev} for every case and objective. */
  private static boolean dominates(EmplacementResult r, EmplacementResult prev) {
    Map<String, Double> before = new LinkedHashMap<>();
    for (CaseOutcome c : prev.cases()) {
      for (ObjectiveDelay d : c.objectives()) {
        before.put(c.vehicleClass() + "/" + c.season() + "/" + d.id(), d.plan_s());
      }
    }
    for (CaseOutcome c : r.cases()) {
      for (ObjectiveDelay d : c.objectives()) {
        Double b = before.get(c.vehicleClass() + "/" + c.season() + "/" + d.id());
        if (b != null && d.plan_s() < b) {
          return false;
        }
      }
    }
    return true;
  }

  private static RuntimeException unwrap(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof RuntimeException re) {
      return re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(c);
  }

  /** Attacker searches the races have run so far (for benchmarks: the rest needed none). */
  public int raceSearches() {
    return race.searchesRun();
  }

  /** The forces this planner uses. */
  public Forces forces() {
    return forces;
  }

  /** The plan this planner emplaces. */
  public BarrierPlan plan() {
    return plan;
  }
}
