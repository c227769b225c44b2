package lt.skydas.optimize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.BarrierOptimizer.SiteEdits;
import lt.skydas.optimize.corridor.CorridorGraphs;

/**
 * Pipeline step "build the model": the user's pins and existing obstacles as site numbers, {@link
 * ModelFactory#build} on the (route-restricted) sites and the corridor graphs, then {@link
 * BudgetChecks#checkBudgetsAllowSomething}.
 */
final class ModelStep {
  private ModelStep() {}

  /**
   * The model of the sites and graphs under the options' programme, class weights and season
   * aggregation.
   *
   * @throws SkydasProblem INFEASIBLE if the pins alone break a budget row, the budget pays for no
   *     obstacle, or no scenario reaches its objective
   */
  static ModelFactory.Built build(
      Sites sites, CorridorGraphs graphs, SiteEdits edits, OptimizeOptions opt) {
    return build(sites, graphs, edits, opt, List.of());
  }

  /** As above, with the sensor candidates the model may choose (empty: none). */
  static ModelFactory.Built build(
      Sites sites,
      CorridorGraphs graphs,
      SiteEdits edits,
      OptimizeOptions opt,
      List<SensorCandidate> sensors) {
    return build(sites, graphs, edits, opt, sensors, List.of());
  }

  /**
   * As above, with the engineer-capacity rows of the emplacement model ({@link EmplacementStep};
   * empty: none).
   */
  static ModelFactory.Built build(
      Sites sites,
      CorridorGraphs graphs,
      SiteEdits edits,
      OptimizeOptions opt,
      List<SensorCandidate> sensors,
      List<ModelFactory.WorkRow> workRows) {
    return build(
        sites,
        graphs,
        edits,
        opt,
        sensors,
        workRows,
        DepotStorage.none(),
        PlanningWarnings.single());
  }

  /**
   * As above, with the depots' storage rows and depot sites ({@link DepotStorage}), planning for
   * several warning times ({@link PlanningWarnings}).
   */
  static ModelFactory.Built build(
      Sites sites,
      CorridorGraphs graphs,
      SiteEdits edits,
      OptimizeOptions opt,
      List<SensorCandidate> sensors,
      List<ModelFactory.WorkRow> workRows,
      DepotStorage storage,
      PlanningWarnings warnings) {
    ModelFactory.Built built =
        ModelFactory.build(
            sites.list(),
            graphs,
            fixed(sites, edits),
            opt.programme(),
            new HashMap<>(opt.classWeights()),
            opt.robust(),
            new ModelFactory.Sensors(sensors, opt.sensors().max_eur()),
            workRows,
            storage,
            warnings);
    BudgetChecks.checkBudgetsAllowSomething(
        built.model(), java.util.Arrays.stream(opt.programme().yearCeilings_eur()).max().orElse(0));
    return built;
  }

  /** The pins by site number; pins that name no site are ignored (the edits reader checks them). */
  static ModelFactory.Fixed fixed(Sites sites, SiteEdits edits) {
    Map<Integer, String> pinnedBySite = new HashMap<>();
    Set<Integer> existing = new TreeSet<>();
    for (Map.Entry<String, String> e : edits.pinned().entrySet()) {
      Integer s = sites.indexById().get(e.getKey());
      if (s != null) {
        pinnedBySite.put(s, e.getValue());
        if (edits.existing().contains(e.getKey())) {
          existing.add(s);
        }
      }
    }
    return new ModelFactory.Fixed(pinnedBySite, existing);
  }
}
