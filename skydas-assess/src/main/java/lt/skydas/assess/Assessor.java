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
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.ObjectiveTime;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.EdgeGraph;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.MobilityNetworkBuilder;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.Violation;
import lt.skydas.raster.FloatRaster;

/**
 * The main job: how long an attacker needs from the border to each objective, per vehicle class and
 * season, with and without a barrier plan; along which avenues; and what each obstacle buys.
 *
 * <p>Build once per region and objective set (the mobility network is class-independent), then
 * {@link #assess} any number of plans. Thread-safe: each assessment uses its own search state.
 */
public final class Assessor {
  private final AssessmentRegion region;
  private final List<Objective> objectives;
  private final MobilityNetwork net;
  private final AttackerSurfaces surfaces;
  private final EdgeGraph topology;
  private final int[][] objectiveNodes;
  private final int[] allObjectiveNodes;
  private final HumanitarianCheck humanitarian;

  /** Grid cell of each of the region's residents (-1 outside the grid). */
  private final int[] residentCells;

  private final int[] edgeSource;
  private volatile NoPlanTimes noPlanTimes;

  /** Search state reused by each worker thread across cases (3 slots: baseline, plan, extra). */
  private final ThreadLocal<CostDistanceSearch[]> searches =
      ThreadLocal.withInitial(() -> new CostDistanceSearch[3]);

  /** The friendly routes' searches. */
  private final RouteSearches routeSearches;

  /** The attacker's sides for the corridor race; null without routes. */
  private final CorridorRace race;

  public Assessor(AssessmentRegion region, List<Objective> objectives, Progress progress) {
    this.region = region;
    this.objectives = List.copyOf(objectives);
    if (region.attackerStartCells().length == 0) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE, "the region has no attacker start cells along the border");
    }
    this.net = new MobilityNetworkBuilder(region.grid(), region.roads()).build(progress);
    this.surfaces = new AttackerSurfaces(region, net);
    this.topology = topologyOf(net);
    int[] first = net.firstEdge();
    this.edgeSource = new int[net.edgeCount()];
    for (int u = 0; u < net.nodeCount(); u++) {
      for (int e = first[u]; e < first[u + 1]; e++) {
        edgeSource[e] = u;
      }
    }
    this.objectiveNodes = new int[objectives.size()][];
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      objectiveNodes[i] = nodesOf(objectives.get(i));
      if (objectiveNodes[i].length == 0) {
        throw SkydasProblem.badInput(
            null,
            "objective \"" + objectives.get(i).name() + "\"",
            "covers no cell of the region model");
      }
      for (int n : objectiveNodes[i]) {
        all.add(n);
      }
    }
    this.allObjectiveNodes = all.stream().mapToInt(Integer::intValue).toArray();
    this.humanitarian = region.humanitarian();
    this.residentCells = new int[region.residents().size()];
    for (int i = 0; i < residentCells.length; i++) {
      var r = region.residents().get(i);
      residentCells[i] = region.grid().cellAt(r.x_m(), r.y_m());
    }
    this.routeSearches = new RouteSearches(this);
    this.race = routeSearches.routes().isEmpty() ? null : new CorridorRace(region);
  }

  /**
   * One forward search from the attacker's start cells for class {@code v} in season {@code s} with
   * {@code effects} acting (null: none; delays scaled by its watch factors, so a factor of 0 takes
   * an obstacle out): the times to each objective and the earliest arrival at each obstacle of the
   * effects' plan (any of its cells or the source of any road piece it cuts), seconds after the
   * attacker crosses, +Inf where never reached. For the race against warning time (issue 15).
   * Thread-safe (uses the calling thread's search state).
   */
  public Arrivals arrivals(VehicleClass v, Season s, SpeedTable speeds, PlanEffects effects) {
    GridSpec g = region.grid();
    AttackerSurfaces.Surface surface = surface(v, s, speeds);
    float[] friction = surface.friction();
    double[] base = surface.edgeBase();
    boolean any = effects != null && !effects.plan().obstacles().isEmpty();
    int n = effects == null ? 0 : effects.plan().obstacles().size();
    CostGrid grid = grid(g, friction, any ? effects.penalties(g.cellCount(), v, -1) : null);
    NoPlanTimes kept = noPlanTimes;
    String key = null;
    if (!any && kept != null) {
      key = kept.key(this, grid, base);
      double[] t = kept.get(key, objectives.size());
      if (t != null) {
        double[] none = new double[n];
        java.util.Arrays.fill(none, Double.POSITIVE_INFINITY);
        return new Arrivals(t, none);
      }
    }
    CostDistanceSearch search =
        search(2, grid, topology.withCosts(any ? effects.edgeCosts(base, v, -1) : base));
    search.run(
        Query.from(region.attackerStartCells())
            .withoutPaths()
            .withTargetGroups(SettleGroups.of(this, any ? effects : null)));
    double[] atObstacle = new double[n];
    for (int o = 0; o < n; o++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c : effects.cells(o)) {
        best = Math.min(best, search.cost(c));
      }
      for (int e : effects.edges(o)) {
        best = Math.min(best, search.cost(edgeSource[e]));
      }
      atObstacle[o] = best;
    }
    double[] times = objectiveTimes(search);
    if (key != null) {
      kept.put(key, times);
    }
    return new Arrivals(times, atObstacle);
  }

  /**
   * Keeps the times to the objectives without a plan ({@link #arrivals} with no obstacles) in
   * {@code dir} and takes them from there when a case's inputs are the same (keyed by their
   * SHA-256, see {@code NoPlanTimes}): every emplacement of a region needs them, none depends on
   * the plan. A directory that cannot be written keeps them for this assessor only.
   *
   * @return this assessor
   */
  private volatile List<lt.skydas.assess.civil.Evacuation.Assembly> rear = List.of();

  public Assessor keepNoPlanTimesIn(java.nio.file.Path dir) {
    this.noPlanTimes = new NoPlanTimes(dir);
    return this;
  }

  /**
   * Evacuates to {@code points} instead of the towns the attacker reaches last (docs/civilians.md);
   * an empty list restores those.
   *
   * @return this assessor
   */
  public Assessor evacuateTo(List<lt.skydas.assess.civil.Evacuation.Assembly> points) {
    this.rear = List.copyOf(points);
    return this;
  }

  /** The assembly points given by {@link #evacuateTo}, empty for the towns reached last. */
  List<lt.skydas.assess.civil.Evacuation.Assembly> rear() {
    return rear;
  }

  /** Where no-plan results are kept ({@link #keepNoPlanTimesIn}), null when nowhere. */
  NoPlanTimes noPlanTimes() {
    return noPlanTimes;
  }

  /** Grid cell of each of the region's residents (-1 outside the grid); do not modify. */
  int[] residentCells() {
    return residentCells;
  }

  /** The attacker's surface without a plan (kept: the races search each case many times). */
  AttackerSurfaces.Surface surface(VehicleClass v, Season s, SpeedTable speeds) {
    return surfaces.get(v, s, speeds);
  }

  /**
   * What {@link #arrivals} found: seconds after the attacker crosses, per objective (in the
   * assessor's order) and per obstacle (in plan order).
   */
  public record Arrivals(double[] objective_s, double[] obstacle_s) {}

  /** The objectives, in the order of {@link Arrivals#objective_s}. */
  public List<Objective> objectives() {
    return objectives;
  }

  /** Per network edge, its source node. */
  int edgeSource(int e) {
    return edgeSource[e];
  }

  /** The network's edges with their topology only (costs set per use). */
  EdgeGraph topology() {
    return topology;
  }

  /** The region this assessor was built for. */
  public AssessmentRegion region() {
    return region;
  }

  /** The combined road + raster network (for diagnostics and benchmarks). */
  public MobilityNetwork network() {
    return net;
  }

  /**
   * The evacuation of {@code plan}'s region in season {@code s} (docs/civilians.md), the attacker's
   * reach taken from {@code cases} (their exposure's arrivals): for a plan changed after an
   * assessment, without assessing it again. Uses one road search of its own.
   */
  public lt.skydas.assess.civil.Evacuation evacuate(
      BarrierPlan plan, List<Case> cases, SpeedTable speeds, Season s) {
    return Evacuations.run(this, plan, cases, speeds, s);
  }

  public HumanitarianCheck humanitarianCheck() {
    return humanitarian;
  }

  private int[] nodesOf(Objective o) {
    return ObjectiveNodes.of(region.grid(), region.landCover(), net, o);
  }

  /**
   * Assesses {@code plan} (an empty plan gives the baseline only). With sensor sites in the plan,
   * each obstacle's delays count by how much of it the sensors watch ({@link PlanWatch}, unless
   * {@link AssessmentOptions.WatchOptions#assumeWatched}); without, every obstacle counts in full.
   */
  public AssessmentResult assess(BarrierPlan plan, AssessmentOptions opt, Progress progress) {
    long t0 = System.nanoTime();
    PlanWatch watch = PlanWatch.compute(plan, region, opt.watch(), opt.threads());
    PlanEffects effects = PlanEffects.locate(plan, net, region.roads()).withWatch(watch.factors());
    List<Violation> violations = humanitarian.check(plan);
    List<VehicleClass> classes = opt.classes();
    List<Season> seasons = opt.seasons();
    int total = classes.size() * seasons.size();
    progress.begin("assessing " + total + " cases", total);
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(opt.threads(), total));
    try {
      // longest cases first (tracked, then dismounted, then wheeled) so no core idles at the end
      List<VehicleClass> order = new ArrayList<>(classes);
      order.sort(java.util.Comparator.comparingInt(AssessmentRunOrder::weight).reversed());
      // friendly routes first: each case races the attacker against their paths
      PlanEffects friendly = effects.forFriendlyTraffic();
      List<Future<RouteSearches.RouteRun>> routeFutures = new ArrayList<>();
      for (Season s : seasons) {
        routeFutures.add(pool.submit(() -> routeSearches.times(s, friendly, opt)));
      }
      List<AssessmentResult.RouteTime> reinforcement = new ArrayList<>();
      List<CorridorRace.RoutePath> paths = new ArrayList<>();
      for (Future<RouteSearches.RouteRun> f : routeFutures) {
        reinforcement.addAll(f.get().times());
        paths.addAll(f.get().paths());
      }
      Map<String, Future<Case>> futures = new LinkedHashMap<>();
      for (VehicleClass v : order) {
        for (Season s : seasons) {
          futures.put(
              v.id() + "-" + s.id(),
              pool.submit(
                  () -> {
                    Case c = runCase(v, s, effects, opt, paths);
                    progress.advance(done.incrementAndGet());
                    return c;
                  }));
        }
      }
      List<Case> cases = new ArrayList<>();
      for (VehicleClass v : classes) {
        for (Season s : seasons) {
          cases.add(futures.get(v.id() + "-" + s.id()).get());
        }
      }
      progress.end();
      // evacuation by road per season; the plan's cut-off settlements are violations
      List<Violation> all = new ArrayList<>(violations);
      List<lt.skydas.assess.civil.Evacuation> evacuations =
          Evacuations.everySeason(this, plan, cases, opt.speeds(), seasons, all);
      return new AssessmentResult(
          region.name(),
          plan,
          objectives,
          cases,
          List.copyOf(all),
          reinforcement,
          (System.nanoTime() - t0) / 1e9,
          watch,
          lt.skydas.assess.civil.MineNeighbours.of(region.residents(), plan),
          evacuations);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("assessment interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The friendly reinforcement routes found in the region (both ends on the network). */
  public List<ReinforcementRoute> routes() {
    return routeSearches.routes();
  }

  /** A wheeled convoy's cost per network edge in season {@code s} (s), nothing built. */
  public double[] friendlyEdgeCosts(Season s, SpeedTable speeds) {
    return routeSearches.edgeCosts(s, speeds);
  }

  /**
   * A wheeled convoy's transit time along each of {@link #routes()} in season {@code s} with the
   * given edge costs (e.g. as dual-use works leave them), s; +Inf where a route is cut. Uses the
   * calling thread's search.
   */
  public double[] routeTransit_s(Season s, SpeedTable speeds, double[] edgeCosts) {
    return routeSearches.transit(s, speeds, edgeCosts);
  }

  /** Relative search cost per class on the shipped region (measured), for scheduling only. */
  private static final class AssessmentRunOrder {
    static int weight(VehicleClass v) {
      return switch (v) {
        case TRACKED -> 3;
        case DISMOUNTED -> 2;
        case WHEELED -> 1;
      };
    }
  }

  private Case runCase(
      VehicleClass v,
      Season s,
      PlanEffects effects,
      AssessmentOptions opt,
      List<CorridorRace.RoutePath> routePaths) {
    long t0 = System.nanoTime();
    GridSpec g = region.grid();
    AttackerSurfaces.Surface surface = surfaces.compute(v, s, opt.speeds());
    float[] friction = surface.friction();
    double[] base = surface.edgeBase();
    int[] sources = region.attackerStartCells();

    CostGrid baseGrid = grid(g, friction, null);
    CostDistanceSearch search = search(0, baseGrid, topology.withCosts(base));
    search.run(Query.from(sources));
    double[] baseTimes = objectiveTimes(search);

    boolean hasPlan = !effects.plan().obstacles().isEmpty();
    float[] penalty = hasPlan ? effects.penalties(g.cellCount(), v, -1) : null;
    double[] planCosts = hasPlan ? effects.edgeCosts(base, v, -1) : base;
    CostGrid planGrid = hasPlan ? grid(g, friction, penalty) : baseGrid;
    CostDistanceSearch planSearch =
        hasPlan ? search(1, planGrid, topology.withCosts(planCosts)) : search;
    if (hasPlan) {
      planSearch.run(Query.from(sources));
    }
    double[] planTimes = hasPlan ? objectiveTimes(planSearch) : baseTimes;
    lt.skydas.assess.civil.Exposure exposure =
        lt.skydas.assess.civil.Exposure.count(
            region.residents(), residentCells, search::cost, planSearch::cost);
    double[] allWatched =
        hasPlan && effects.watch().reducesAny()
            ? allWatchedTimes(v, friction, base, effects)
            : planTimes;
    float[] iso = isochrone_h(planSearch, g.cellCount());
    List<ObjectiveTime> times = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      times.add(
          new ObjectiveTime(objectives.get(i).id(), baseTimes[i], planTimes[i], allWatched[i]));
    }

    AvenueFinder finder =
        new AvenueFinder(net, region.roads(), region.attackerStartCells(), opt.corridorWidth_m());
    List<Avenue> avenues = new ArrayList<>();
    // the baseline's fastest avenue per objective comes straight from the forward search tree
    for (int i = 0; i < objectives.size(); i++) {
      if (opt.avenuesPerObjective() > 0) {
        finder
            .fromForwardTree(
                search, objectiveNodes[i], objectives.get(i).id(), v, s, Scenario.BASELINE)
            .ifPresent(avenues::add);
      }
    }
    Map<String, Map<String, Double>> marginal = new LinkedHashMap<>();
    int obstacleCount = effects.plan().obstacles().size();
    boolean fast = hasPlan && opt.marginal() == AssessmentOptions.Marginal.FAST;
    double[] forward = null;
    double[][] best = null;
    if (fast) {
      forward = new double[planSearch.nodeCount()];
      planSearch.copyCosts(forward);
      best = new double[obstacleCount][objectives.size()];
    }
    for (int i = 0; i < objectives.size(); i++) {
      String id = objectives.get(i).id();
      List<Avenue> found =
          finder.find(
              planSearch,
              id,
              objectiveNodes[i],
              planTimes[i],
              opt.avenueSlack(),
              opt.avenuesPerObjective(),
              v,
              s,
              hasPlan ? Scenario.PLAN : Scenario.BASELINE,
              hasPlan ? effects : null);
      if (hasPlan) {
        avenues.addAll(found);
      } else {
        avenues.removeIf(a -> a.objectiveId().equals(id));
        avenues.addAll(found);
      }
      if (fast && Double.isFinite(planTimes[i])) {
        // planSearch now holds the backward times B from objective i
        for (int o = 0; o < obstacleCount; o++) {
          best[o][i] = bestWithout(o, forward, planSearch, penalty, planCosts, effects, v);
        }
      }
    }
    if (fast) {
      fastMarginals(best, planTimes, effects, marginal);
    }
    if (hasPlan && opt.marginal() == AssessmentOptions.Marginal.EXACT) {
      exactMarginals(v, friction, base, planTimes, effects, marginal);
    }
    List<AssessmentResult.RaceTime> raced =
        race == null
            ? List.of()
            : race.run(
                v,
                s,
                routePaths,
                routeSearches.routes(),
                () -> search(2, baseGrid, topology.withCosts(base)),
                () -> search(2, planGrid, topology.withCosts(planCosts)),
                hasPlan);
    return new Case(
        v,
        s,
        List.copyOf(times),
        List.copyOf(avenues),
        new FloatRaster(g, iso),
        marginal,
        (System.nanoTime() - t0) / 1e9,
        raced,
        exposure);
  }

  /**
   * The objective times with every obstacle of the plan counted in full, as if all were watched:
   * one more forward search (in the calling thread's extra slot).
   */
  private double[] allWatchedTimes(
      VehicleClass v, float[] friction, double[] base, PlanEffects effects) {
    PlanEffects full = effects.fullyWatched();
    GridSpec g = region.grid();
    CostDistanceSearch s =
        search(
            2,
            grid(g, friction, full.penalties(g.cellCount(), v, -1)),
            topology.withCosts(full.edgeCosts(base, v, -1)));
    s.run(Query.from(region.attackerStartCells()));
    return objectiveTimes(s);
  }

  /** Arrival time in hours per cell of the given forward search; NaN where unreached. */
  private static float[] isochrone_h(CostDistanceSearch forward, int cellCount) {
    float[] iso = new float[cellCount];
    for (int c = 0; c < iso.length; c++) {
      double t = forward.cost(c);
      iso[c] = Double.isFinite(t) ? (float) (t / 3600.0) : Float.NaN;
    }
    return iso;
  }

  /**
   * Fast marginal values (ADR 0005): the delay each obstacle buys toward each objective, from the
   * best times without it ({@code best[obstacle][objective]}, seconds) found over the forward and
   * backward searches. Adds one entry per obstacle to {@code marginal}.
   */
  private void fastMarginals(
      double[][] best,
      double[] planTimes,
      PlanEffects effects,
      Map<String, Map<String, Double>> marginal) {
    for (int o = 0; o < best.length; o++) {
      Map<String, Double> perObjective = new LinkedHashMap<>();
      for (int i = 0; i < objectives.size(); i++) {
        double t = planTimes[i];
        double d = Double.isFinite(t) ? t - Math.min(t, best[o][i]) : Double.NaN;
        perObjective.put(objectives.get(i).id(), d);
      }
      marginal.put(effects.plan().obstacles().get(o).id(), perObjective);
    }
  }

  /**
   * Exact marginal values: one forward search per obstacle with the plan less that obstacle, cut
   * off at the slowest objective time with the plan. Adds one entry per obstacle to {@code
   * marginal}.
   */
  private void exactMarginals(
      VehicleClass v,
      float[] friction,
      double[] base,
      double[] planTimes,
      PlanEffects effects,
      Map<String, Map<String, Double>> marginal) {
    GridSpec g = region.grid();
    int[] sources = region.attackerStartCells();
    double cutoff = 0;
    for (double t : planTimes) {
      if (Double.isFinite(t)) {
        cutoff = Math.max(cutoff, t);
      }
    }
    int obstacleCount = effects.plan().obstacles().size();
    for (int o = 0; o < obstacleCount; o++) {
      CostGrid gi = grid(g, friction, effects.penalties(g.cellCount(), v, o));
      CostDistanceSearch si = search(2, gi, topology.withCosts(effects.edgeCosts(base, v, o)));
      si.run(Query.from(sources).withCutoff(cutoff));
      double[] without = objectiveTimes(si);
      Map<String, Double> perObjective = new LinkedHashMap<>();
      for (int i = 0; i < objectives.size(); i++) {
        double d = planTimes[i] - without[i];
        perObjective.put(objectives.get(i).id(), Double.isFinite(d) ? d : Double.NaN);
      }
      marginal.put(effects.plan().obstacles().get(o).id(), perObjective);
    }
  }

  /**
   * The fastest time to the objective of the backward search in {@code back} over a path that
   * crosses obstacle {@code o} at one of its cells or cut edges, with o's delay removed there.
   */
  private double bestWithout(
      int o,
      double[] forward,
      CostDistanceSearch back,
      float[] penalty,
      double[] costs,
      PlanEffects effects,
      VehicleClass v) {
    double best = Double.POSITIVE_INFINITY;
    double crossing = effects.crossingDelay_s(o, v);
    for (int c : effects.cells(o)) {
      double f = forward[c];
      double b = back.cost(c);
      if (f < Double.POSITIVE_INFINITY && b < Double.POSITIVE_INFINITY) {
        double p = penalty == null ? 0 : penalty[c];
        best = Math.min(best, f - Math.min(crossing, p) + (b - p));
      }
    }
    double road = effects.roadDelay_s(o, v);
    for (int e : effects.edges(o)) {
      int u = edgeSource[e];
      int w = net.edgeTarget()[e];
      double f = forward[u];
      double b = back.cost(w);
      if (f < Double.POSITIVE_INFINITY
          && b < Double.POSITIVE_INFINITY
          && costs[e] < Double.POSITIVE_INFINITY) {
        double p = penalty == null || w >= penalty.length ? 0 : penalty[w];
        best = Math.min(best, f + (costs[e] - road) + (b - p));
      }
    }
    return best;
  }

  /** The calling thread's search in {@code slot}, set to the given grid and edges. */
  CostDistanceSearch search(int slot, CostGrid g, EdgeGraph edges) {
    CostDistanceSearch[] mine = searches.get();
    if (mine[slot] == null) {
      mine[slot] = new CostDistanceSearch(g, edges);
    } else {
      mine[slot].setGrid(g);
      mine[slot].setEdgeGraph(edges);
    }
    return mine[slot];
  }

  /** The edges of {@code net} with their topology only (costs set per use, in edge order). */
  static EdgeGraph topologyOf(MobilityNetwork net) {
    EdgeGraph.Builder b = EdgeGraph.builder(net.nodeCount());
    int[] first = net.firstEdge();
    int[] target = net.edgeTarget();
    for (int u = 0; u < net.nodeCount(); u++) {
      for (int e = first[u]; e < first[u + 1]; e++) {
        b.addEdge(u, target[e], 0);
      }
    }
    return b.freeze();
  }

  static CostGrid grid(GridSpec g, float[] friction, float[] penalty) {
    return new CostGrid(
        g.width(), g.height(), g.cellSize(), friction, penalty, CostGrid.Neighbourhood.EIGHT);
  }

  /** Per objective, the nodes it covers (read-only). */
  int[][] objectiveNodes() {
    return objectiveNodes;
  }

  double[] objectiveTimes(CostDistanceSearch search) {
    double[] t = new double[objectives.size()];
    for (int i = 0; i < t.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int n : objectiveNodes[i]) {
        best = Math.min(best, search.cost(n));
      }
      t[i] = best;
    }
    return t;
  }
}
