package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.emplace.Forces;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * Turns sites, their obstacle types and the corridor graphs into the {@link BarrierModel} the
 * solvers work on: one option per site and type, with its cost against the budget (construction,
 * plus clearance liability for mines when the programme counts it), its mine-ceiling cost and build
 * effort; one scenario per vehicle class × season × target of the graphs and one objective group
 * per class × target; budget rows for the total, the mine ceiling and the build capacity.
 *
 * <p>The objective is {@code Σ_v weight_v · mean_j agg_s(T_vsj) / T0_vj}: per class v and target j
 * (each objective, or the nearest of them, see {@link ObjectiveMode}) the attacker time, aggregated
 * over the seasons s (the worst season when robust, else the mean), relative to the unobstructed
 * time {@code T0_vj} (the smallest over seasons on the graph region's full model), averaged over
 * the class's targets, so a class or an objective that is slow anyway does not drown the others;
 * the weights are the user's. Each group's weight is {@code weight_v / (n_v · T0_vj)} with {@code
 * n_v} the class's targets. A scenario whose sink the graph cannot reach is left out (and named in
 * {@link Built#notes}); a class's targets are those with at least one scenario left.
 *
 * <p><b>Sensors and watched obstacles</b> (when there are sensor candidates). Each candidate is a
 * site of its own after the obstacle sites, with one option: its cost (purchase plus upkeep over
 * the programme) counts against the total and the "sensors" ceiling, it has no delay and no build
 * effort. An obstacle type with unobserved delay factor {@code f < 1} ({@link
 * ObstacleType#watchedFactor}) gets, at a site some candidate covers, two options: unwatched
 * (delays × {@code f}) and watched (delays × {@code watchedFactor(share)}, {@code share} the
 * smallest observed share among the site's covering candidates, so the model never counts more
 * watch than assess will find), same costs, the watched one linked to the covering candidates
 * ({@link BarrierModel.Link}). Elsewhere (no candidate covers the site, or the site is pinned or
 * existing) only the unwatched option; types with {@code f = 1} keep their full delay. Without
 * sensor candidates every option has its full delay, as before.
 */
public final class ModelFactory {
  private ModelFactory() {}

  /** What the user fixed: a type per pinned site, and which pinned sites already stand. */
  public record Fixed(Map<Integer, String> typeBySite, Set<Integer> existing) {
    public Fixed {
      typeBySite = Map.copyOf(typeBySite);
      existing = Set.copyOf(existing);
    }

    public static Fixed none() {
      return new Fixed(Map.of(), Set.of());
    }
  }

  /**
   * The model and, per option, what it costs and takes to build (for reports and phasing).
   *
   * @param scenarioCase per scenario of the model: its case (index into the graphs' cases)
   * @param scenarioTarget per scenario: its target (index into the graphs' targets)
   * @param notes scenarios left out because the graph cannot reach their objective
   * @param lazyBudgets indices into the model's budgets of the rows a solver may leave out until a
   *     plan breaks them (the engineer-capacity rows: necessary conditions that rarely bind, and
   *     that slow CP-SAT down when present from the start; {@link SolveStep})
   */
  public record Built(
      BarrierModel model,
      List<Obstacle> obstacles,
      double[] buildCost_eur,
      double[] buildEffort_h,
      boolean[] existing,
      int[] scenarioCase,
      int[] scenarioTarget,
      List<String> notes,
      List<SensorCandidate> sensorOf,
      boolean[] watched,
      List<Integer> lazyBudgets,
      List<Forces.DepotSite> depotOf,
      ScenarioWarnings warnings) {
    public Built {
      lazyBudgets = List.copyOf(lazyBudgets);
    }

    /** The sensor candidate option {@code o} buys, or null for an obstacle or depot option. */
    public SensorCandidate sensor(int o) {
      return sensorOf.get(o);
    }

    /** The depot site option {@code o} builds, or null for an obstacle or sensor option. */
    public Forces.DepotSite depot(int o) {
      return depotOf.get(o);
    }
  }

  /**
   * The sensor candidates the model may choose and their ceiling.
   *
   * @param candidates in site order after the obstacle sites
   * @param max_eur the "sensors" budget row's limit (+Inf: no row)
   */
  public record Sensors(List<SensorCandidate> candidates, double max_eur) {
    public Sensors {
      candidates = List.copyOf(candidates);
    }

    /** No sensors: the obstacle-only model. */
    public static Sensors none() {
      return new Sensors(List.of(), Double.POSITIVE_INFINITY);
    }
  }

  /**
   * An engineer-capacity row of the emplacement model ({@link EmplacementStep}): {@code Σ
   * coefficient · y ≤ limit} in whole minutes of work.
   *
   * @param teamTypes the team types whose hours it counts, joined by {@code +}
   * @param threshold_h the deadline threshold, hours after the warning
   * @param limit teams × (threshold − least readiness), minutes
   * @param coefficient site number → type id → work minutes of that option (absent: 0)
   */
  public record WorkRow(
      String name,
      String teamTypes,
      double threshold_h,
      long limit,
      Map<Integer, Map<String, Long>> coefficient) {
    public WorkRow {
      coefficient = Map.copyOf(coefficient);
    }

    long of(BarrierModel.Option op) {
      Map<String, Long> byType = coefficient.get(op.site());
      return byType == null ? 0 : byType.getOrDefault(op.type(), 0L);
    }
  }

  /** The model's name of the scenario of case {@code c} toward target {@code t}. */
  public static String scenarioName(CorridorGraphs.Case c, CorridorGraphs.Target t) {
    return t.id().equals(CorridorGraphs.Target.NEAREST_ID) ? c.name() : c.name() + "/" + t.id();
  }

  /** Budget row of the programme's total (EUR, construction plus counted clearance). */
  public static final String TOTAL_BUDGET = "total budget";

  /** Budget row of the mine ceiling (EUR, construction of minefields). */
  public static final String MINE_CEILING = "mine ceiling";

  /** Budget row of the sensor ceiling (EUR, purchase plus upkeep), when it is finite. */
  public static final String SENSOR_CEILING = "sensor ceiling";

  /** Budget row of the barrier ceiling (EUR, construction of obstacles that are not mines). */
  public static final String BARRIER_CEILING = "barrier ceiling";

  /** Budget row of the clearance ceiling (EUR, clearance cost of the planned minefields). */
  public static final String CLEARANCE_CEILING = "clearance ceiling";

  /** Budget row of the build capacity over all years (hours), when the capacity is finite. */
  public static final String BUILD_CAPACITY = "build capacity";

  /**
   * The reference time (s) of a class and target whose unobstructed time on the graph region's full
   * model is not finite and positive (the graph reaches the sink, the full model did not): one
   * hour, so its times still count on a comparable scale.
   */
  static final double FALLBACK_REFERENCE_S = 3600.0;

  /**
   * The model of {@code sites} on {@code graphs}.
   *
   * @param sites site number → id, geometry and types (a pinned site offers only its pinned type)
   * @param fixed pins and existing obstacles by site number
   * @param classWeights user weight per vehicle class (missing = 1)
   * @param robust the worst season counts (else the mean over seasons)
   * @throws SkydasProblem INFEASIBLE if no scenario's sink can be reached on its graph
   */
  public static Built build(
      List<SiteTypes> sites,
      CorridorGraphs graphs,
      Fixed fixed,
      Programme programme,
      Map<VehicleClass, Double> classWeights,
      boolean robust) {
    return build(sites, graphs, fixed, programme, classWeights, robust, Sensors.none());
  }

  /**
   * The model of {@code sites} and {@code sensors} on {@code graphs} (see the class comment).
   *
   * @throws SkydasProblem INFEASIBLE if no scenario's sink can be reached on its graph
   */
  public static Built build(
      List<SiteTypes> sites,
      CorridorGraphs graphs,
      Fixed fixed,
      Programme programme,
      Map<VehicleClass, Double> classWeights,
      boolean robust,
      Sensors sensors) {
    return build(sites, graphs, fixed, programme, classWeights, robust, sensors, List.of());
  }

  /**
   * As above, with the engineer-capacity rows of the emplacement model (empty: none). A row's limit
   * is raised to what the forced options take when they take more (pins stand).
   *
   * @throws SkydasProblem INFEASIBLE if no scenario's sink can be reached on its graph
   */
  public static Built build(
      List<SiteTypes> sites,
      CorridorGraphs graphs,
      Fixed fixed,
      Programme programme,
      Map<VehicleClass, Double> classWeights,
      boolean robust,
      Sensors sensors,
      List<WorkRow> workRows) {
    return build(
        sites,
        graphs,
        fixed,
        programme,
        classWeights,
        robust,
        sensors,
        workRows,
        DepotStorage.none(),
        PlanningWarnings.single());
  }

  /**
   * As above, with the storage rows and the depot sites the model may build ({@link DepotStorage})
   * and planning for several warning times ({@link PlanningWarnings}).
   *
   * @throws SkydasProblem INFEASIBLE if no scenario's sink can be reached on its graph
   */
  public static Built build(
      List<SiteTypes> sites,
      CorridorGraphs graphs,
      Fixed fixed,
      Programme programme,
      Map<VehicleClass, Double> classWeights,
      boolean robust,
      Sensors sensors,
      List<WorkRow> workRows,
      DepotStorage storage,
      PlanningWarnings warnings) {
    OptionTable table =
        OptionTable.of(sites, fixed, programme, sensors.candidates(), storage.sites());
    Reach reach = reach(graphs);
    Groups groups = groups(graphs, reach, classWeights, robust, warnings);
    Scenarios scenarios = scenarios(graphs, reach, groups, table, warnings);
    if (scenarios.list().isEmpty()) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          "the attacker can reach no objective from the start line on the corridor graph");
    }
    List<String> ids = new ArrayList<>(sites.stream().map(SiteTypes::id).toList());
    for (SensorCandidate c : sensors.candidates()) {
      ids.add(c.id());
    }
    for (Forces.DepotSite d : storage.sites()) {
      ids.add(d.id());
    }
    List<BarrierModel.Budget> budgets = budgets(table, programme, sensors.max_eur(), workRows);
    List<Integer> lazy = new ArrayList<>();
    for (int r = budgets.size() - workRows.size(); r < budgets.size(); r++) {
      lazy.add(r);
    }
    budgets.addAll(storage.rows(table));
    BarrierModel model =
        new BarrierModel(
            ids, table.options(), groups.list(), scenarios.list(), budgets, table.links());
    return new Built(
        model,
        table.obstacles(),
        table.buildCost_eur(),
        table.buildEffort_h(),
        table.existing(),
        scenarios.scenarioCase(),
        scenarios.scenarioTarget(),
        table.notes(reach.notes(), programme),
        table.sensorOf(),
        table.watched(),
        lazy,
        table.depotOf(),
        warnings.of(model, scenarios.scenarioWarning()));
  }

  /** What option {@code o} costs against the total budget: construction, plus counted clearance. */
  static long budgetCost_eur(Obstacle o, Programme programme) {
    return Math.round(o.cost_eur() + (programme.countClearance() ? o.clearanceCost_eur() : 0));
  }

  /**
   * Which scenarios the graphs can solve, and per class and target the unobstructed reference time.
   *
   * @param usable {@code usable[case][target]}: the graph's sink is reachable
   * @param reference per class, per target: the smallest finite positive unobstructed time over the
   *     class's cases (+Inf if none)
   * @param hasScenario per class, per target: some case of the class is usable
   * @param notes one per unusable scenario
   */
  private record Reach(
      boolean[][] usable,
      Map<VehicleClass, double[]> reference,
      Map<VehicleClass, boolean[]> hasScenario,
      List<String> notes) {}

  private static Reach reach(CorridorGraphs graphs) {
    List<CorridorGraphs.Case> cases = graphs.cases();
    List<CorridorGraphs.Target> targets = graphs.targets();
    int nt = targets.size();
    List<String> notes = new ArrayList<>();
    boolean[][] usable = new boolean[cases.size()][nt];
    Map<VehicleClass, double[]> reference = new EnumMap<>(VehicleClass.class);
    Map<VehicleClass, boolean[]> hasScenario = new EnumMap<>(VehicleClass.class);
    for (int k = 0; k < cases.size(); k++) {
      VehicleClass v = cases.get(k).vehicle();
      double[] ref = reference.computeIfAbsent(v, x -> filled(nt, Double.POSITIVE_INFINITY));
      boolean[] has = hasScenario.computeIfAbsent(v, x -> new boolean[nt]);
      for (int j = 0; j < nt; j++) {
        usable[k][j] = sinkReachable(graphs.graph(k, j));
        if (!usable[k][j]) {
          notes.add(
              "no way to "
                  + targets.get(j).name()
                  + " for "
                  + cases.get(k).name()
                  + " on the corridor graph: not counted in the objective");
          continue;
        }
        has[j] = true;
        double t0 = graphs.baseline_s()[k][j];
        if (Double.isFinite(t0) && t0 > 0) {
          ref[j] = Math.min(ref[j], t0);
        }
      }
    }
    return new Reach(usable, reference, hasScenario, notes);
  }

  /** The objective groups and, per class ordinal and target, its group (-1: none). */
  private record Groups(List<BarrierModel.Group> list, int[][] groupOf) {}

  /**
   * One group per class and target that has a scenario, in order of the class's first case; weight
   * {@code weight_v / (n_v · T0_vj)}.
   */
  private static Groups groups(
      CorridorGraphs graphs,
      Reach reach,
      Map<VehicleClass, Double> classWeights,
      boolean robust,
      PlanningWarnings warnings) {
    Groups base = groups(graphs, reach, classWeights, robust);
    if (!warnings.many()) {
      return base;
    }
    int nw = warnings.hours().length;
    List<BarrierModel.Group> list = new ArrayList<>();
    for (BarrierModel.Group g : base.list()) {
      for (int w = 0; w < nw; w++) {
        list.add(
            new BarrierModel.Group(g.name() + warnings.suffix(w), g.weight() / nw, g.aggregate()));
      }
    }
    return new Groups(list, base.groupOf());
  }

  private static Groups groups(
      CorridorGraphs graphs, Reach reach, Map<VehicleClass, Double> classWeights, boolean robust) {
    List<CorridorGraphs.Target> targets = graphs.targets();
    int nt = targets.size();
    int[][] groupOf = new int[VehicleClass.values().length][nt];
    for (int[] row : groupOf) {
      Arrays.fill(row, -1);
    }
    boolean[] grouped = new boolean[VehicleClass.values().length];
    List<BarrierModel.Group> groups = new ArrayList<>();
    for (CorridorGraphs.Case c : graphs.cases()) {
      VehicleClass v = c.vehicle();
      if (grouped[v.ordinal()]) {
        continue;
      }
      grouped[v.ordinal()] = true;
      boolean[] has = reach.hasScenario().get(v);
      int count = 0;
      for (boolean h : has) {
        count += h ? 1 : 0;
      }
      double w = classWeights.getOrDefault(v, 1.0);
      for (int j = 0; j < nt; j++) {
        if (!has[j]) {
          continue;
        }
        double t0 = reach.reference().get(v)[j];
        double ref = Double.isFinite(t0) ? t0 : FALLBACK_REFERENCE_S;
        groupOf[v.ordinal()][j] = groups.size();
        String name =
            targets.get(j).id().equals(CorridorGraphs.Target.NEAREST_ID)
                ? v.id()
                : v.id() + "/" + targets.get(j).id();
        groups.add(
            new BarrierModel.Group(
                name,
                w / (count * ref),
                robust ? BarrierModel.Aggregate.MIN : BarrierModel.Aggregate.MEAN));
      }
    }
    return new Groups(groups, groupOf);
  }

  /** The scenarios and, per scenario, its case, target and warning. */
  private record Scenarios(
      List<BarrierModel.Scenario> list,
      int[] scenarioCase,
      int[] scenarioTarget,
      int[] scenarioWarning) {}

  /**
   * One scenario per usable case and target, with each option's cell and road delays (its
   * obstacle's, times its delay factor; none for sensors).
   */
  private static Scenarios scenarios(
      CorridorGraphs graphs,
      Reach reach,
      Groups groups,
      OptionTable table,
      PlanningWarnings warnings) {
    List<Obstacle> obstacles = table.obstacles();
    int n = obstacles.size();
    int nw = warnings.hours().length;
    List<CorridorGraphs.Case> cases = graphs.cases();
    List<CorridorGraphs.Target> targets = graphs.targets();
    List<BarrierModel.Scenario> scenarios = new ArrayList<>();
    List<Integer> scenCase = new ArrayList<>();
    List<Integer> scenTarget = new ArrayList<>();
    List<Integer> scenWarning = new ArrayList<>();
    for (int k = 0; k < cases.size(); k++) {
      CorridorGraphs.Case c = cases.get(k);
      double[] cell = new double[n];
      double[] road = new double[n];
      for (int o = 0; o < n; o++) {
        if (obstacles.get(o) == null) {
          continue; // a sensor: no delay of its own
        }
        ObstacleType t = obstacles.get(o).type();
        double f = table.delayFactor()[o];
        cell[o] = f * t.crossingDelay_s(c.vehicle());
        road[o] = t.blocksRoads() ? f * t.roadDelay_s(c.vehicle()) : 0;
      }
      for (int w = 0; w < nw; w++) {
        double[] cw =
            warnings.many()
                ? PlanningWarnings.atWarning(cell, table, warnings.inTime().get(w))
                : cell;
        double[] rw =
            warnings.many()
                ? PlanningWarnings.atWarning(road, table, warnings.inTime().get(w))
                : road;
        for (int j = 0; j < targets.size(); j++) {
          if (!reach.usable()[k][j]) {
            continue;
          }
          scenarios.add(
              new BarrierModel.Scenario(
                  scenarioName(c, targets.get(j)) + warnings.suffix(w),
                  groups.groupOf()[c.vehicle().ordinal()][j] * nw + w,
                  graphs.graph(k, j),
                  cw,
                  rw));
          scenCase.add(k);
          scenTarget.add(j);
          scenWarning.add(w);
        }
      }
    }
    return new Scenarios(
        scenarios,
        scenCase.stream().mapToInt(Integer::intValue).toArray(),
        scenTarget.stream().mapToInt(Integer::intValue).toArray(),
        scenWarning.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The total, the mine ceiling, (when there are sensors and a finite ceiling) the sensor ceiling,
   * (when finite) the barrier and clearance ceilings ({@link Programme.Ceilings}) and (when finite)
   * the build capacity over all years. Obstacles that already stand count in none of them.
   */
  private static List<BarrierModel.Budget> budgets(
      OptionTable table, Programme programme, double sensorsMax_eur, List<WorkRow> workRows) {
    int n = table.options().size();
    long[] total = new long[n];
    long[] mines = new long[n];
    long[] hours = new long[n];
    long[] sensors = new long[n];
    long[] barriers = new long[n];
    long[] clearance = new long[n];
    boolean anySensor = false;
    for (int o = 0; o < n; o++) {
      BarrierModel.Option op = table.options().get(o);
      total[o] = op.cost_eur();
      mines[o] = op.mine() ? Math.round(table.buildCost_eur()[o]) : 0;
      hours[o] = Math.round(table.buildEffort_h()[o]);
      if (table.sensorOf().get(o) != null) {
        sensors[o] = total[o];
        anySensor = true;
      } else if (table.depotOf().get(o) != null) {
        continue; // a depot counts against the total only
      } else if (!table.existing()[o]) {
        barriers[o] = op.mine() ? 0 : Math.round(table.buildCost_eur()[o]);
        clearance[o] = op.mine() ? Math.round(table.obstacles().get(o).clearanceCost_eur()) : 0;
      }
    }
    List<BarrierModel.Budget> budgets = new ArrayList<>();
    budgets.add(
        new BarrierModel.Budget(TOTAL_BUDGET, total, Math.round(programme.spendable_eur())));
    budgets.add(new BarrierModel.Budget(MINE_CEILING, mines, Math.round(programme.mines_eur())));
    if (anySensor && Double.isFinite(sensorsMax_eur)) {
      budgets.add(new BarrierModel.Budget(SENSOR_CEILING, sensors, Math.round(sensorsMax_eur)));
    }
    Programme.Ceilings c = programme.ceilings();
    if (Double.isFinite(c.barriers_eur())) {
      budgets.add(new BarrierModel.Budget(BARRIER_CEILING, barriers, Math.round(c.barriers_eur())));
    }
    if (Double.isFinite(c.clearance_eur())) {
      budgets.add(
          new BarrierModel.Budget(CLEARANCE_CEILING, clearance, Math.round(c.clearance_eur())));
    }
    if (Double.isFinite(programme.yearCapacity_h())) {
      budgets.add(
          new BarrierModel.Budget(
              BUILD_CAPACITY, hours, Math.round(programme.yearCapacity_h() * programme.years())));
    }
    for (WorkRow r : workRows) {
      long[] work = new long[n];
      long forced = 0;
      for (int o = 0; o < n; o++) {
        BarrierModel.Option op = table.options().get(o);
        work[o] = table.sensorOf().get(o) == null ? r.of(op) : 0;
        forced += op.forced() ? work[o] : 0;
      }
      budgets.add(new BarrierModel.Budget(r.name(), work, Math.max(r.limit(), forced)));
    }
    return budgets;
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** True when the graph has a path from its source to its sink (arc lengths aside). */
  static boolean sinkReachable(GateGraph g) {
    boolean[] seen = new boolean[g.nodeCount()];
    int[] stack = new int[g.nodeCount()];
    int top = 0;
    stack[top++] = g.source();
    seen[g.source()] = true;
    while (top > 0) {
      int u = stack[--top];
      if (u == g.sink()) {
        return true;
      }
      for (int a = g.firstArc(u); a < g.firstArc(u + 1); a++) {
        int v = g.head(a);
        if (!seen[v]) {
          seen[v] = true;
          stack[top++] = v;
        }
      }
    }
    return false;
  }
}
