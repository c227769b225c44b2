package lt.skydas.optimize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.BarrierPlan;

/**
 * What {@code skydas optimize} found.
 *
 * @param plan the chosen obstacles with their programme year (existing ones in year 0)
 * @param solved objective, bound and status on the corridor-graph model
 * @param objectiveMode which times the objective counts (each objective, or the nearest)
 * @param cases per vehicle class × season: attacker time to the nearest objective on the model and
 *     on the full model, without and with the plan
 * @param objectiveTimes per vehicle class × season × objective (cases in order, objectives in
 *     order): the attacker time to it on the model (when the model has a scenario toward it alone)
 *     and on the full model, without and with the plan
 * @param emptyObjective the model's objective with nothing built
 * @param modelObjective the model's objective of the plan (weighted relative time)
 * @param verifiedObjective the same objective measured on the full raster + road model
 * @param verifiedEmptyObjective the same objective on the full model with nothing built (the delay
 *     bought on the full model is {@code verifiedObjective − verifiedEmptyObjective})
 * @param years per programme year: spent and the model's objective at its end
 * @param unscheduled ids of chosen obstacles that fit no year's ceiling or capacity (not built)
 * @param verification the full assessment of the plan (times per objective, routes, violations)
 * @param stats sizes and timings
 * @param notes things the user should know (sites closed to mines by friendly routes, edits …)
 * @param fixedStatus obstacle id → {@link #PINNED} or {@link #EXISTING} for the sites the user
 *     fixed ({@code optimize --sites}); the optimiser's own choices are absent
 * @param sensors what the plan's sensors cost and which obstacles they watch
 * @param modelPaths per objective group, what the model's attacker meets on the path that sets its
 *     value ({@link ModelPaths})
 * @param protection the EW and counter-drone sites bought to protect named sites, and what the
 *     final plan verifiably protects ({@link Protection#none()} when no site was named)
 * @param warning the sensors bought for a minimum warning time and the warning verified ({@link
 *     WarningResult#none()} when none was asked)
 * @param emplacement the emplacement model at the planning warning time ({@link OnWarning#none()}
 *     with {@code --no-emplacement})
 */
public record OptimizationResult(
    BarrierPlan plan,
    ModelSolver.Solved solved,
    ObjectiveMode objectiveMode,
    List<CaseTimes> cases,
    List<ObjectiveTimes> objectiveTimes,
    double emptyObjective,
    double modelObjective,
    double verifiedObjective,
    double verifiedEmptyObjective,
    List<Year> years,
    List<String> unscheduled,
    AssessmentResult verification,
    Stats stats,
    List<String> notes,
    Map<String, String> fixedStatus,
    Sensors sensors,
    List<ModelPaths.PathLimit> modelPaths,
    Protection protection,
    WarningResult warning,
    OnWarning emplacement,
    MarginStep.Outcome margin,
    List<CountrySpend> countries) {
  /**
   * What the plan spends in each home country that has a budget, by what buys it.
   *
   * @param iso the country
   * @param budget_eur its budget as the user gave it (before the protection's share came off)
   * @param barrier_eur the barrier model's options chosen there (obstacles, sensors, depot sites)
   * @param ew_eur EW and counter-drone sites bought there before the model (purchase plus upkeep)
   * @param warning_eur sensors bought there after the verification for a minimum warning time
   */
  public record CountrySpend(
      String iso, double budget_eur, double barrier_eur, double ew_eur, double warning_eur) {
    public double spent_eur() {
      return barrier_eur + ew_eur + warning_eur;
    }

    /** The budget is full to {@link BudgetRows#TIGHT}. */
    public boolean binds() {
      return budget_eur > 0 && spent_eur() >= BudgetRows.TIGHT * budget_eur;
    }

    /** More was spent than the budget (only the steps outside the model can do that). */
    public boolean over() {
      return spent_eur() > budget_eur + 0.5;
    }
  }

  /** {@link #fixedStatus} of an obstacle the user pinned: built in the programme. */
  public static final String PINNED = "pinned";

  /** {@link #fixedStatus} of an obstacle that already stands: in the plan at no cost. */
  public static final String EXISTING = "existing";

  /**
   * {@link #fixedStatus} of an obstacle bought to hold the minimum corridor margin ({@link
   * MarginStep}): a pin of the barrier model.
   */
  public static final String CORRIDOR_MARGIN = "corridor_margin";

  /** {@link #fixedStatus} written for the optimiser's own choices. */
  public static final String CHOSEN = "chosen";

  public OptimizationResult {
    cases = List.copyOf(cases);
    objectiveTimes = List.copyOf(objectiveTimes);
    unscheduled = List.copyOf(unscheduled);
    notes = List.copyOf(notes);
    fixedStatus = Map.copyOf(fixedStatus);
    countries = List.copyOf(countries);
  }

  /**
   * The plan's sensor sites chosen with the obstacles: without those bought to protect named sites
   * or for a minimum warning time.
   */
  public List<lt.skydas.plan.SensorSite> barrierSensors() {
    Set<String> other = new java.util.HashSet<>();
    protection.chosen().forEach(s -> other.add(s.id()));
    warning.added().forEach(s -> other.add(s.id()));
    return plan.sensors().stream().filter(s -> !other.contains(s.id())).toList();
  }

  /** {@link #PINNED}, {@link #EXISTING} or {@link #CHOSEN}. */
  public String status(String obstacleId) {
    return fixedStatus.getOrDefault(obstacleId, CHOSEN);
  }

  /** Construction cost of the plan without the obstacles that already stand, EUR. */
  public double buildCost_eur() {
    double eur = 0;
    for (var o : plan.obstacles()) {
      if (!EXISTING.equals(status(o.id()))) {
        eur += o.cost_eur();
      }
    }
    return eur;
  }

  /**
   * What the plan spends against the total budget's construction: obstacles, sensors, the EW and
   * counter-drone sites that protect named sites and the depot sites it builds, EUR.
   */
  public double spend_eur() {
    return buildCost_eur()
        + sensors.cost_eur()
        + protection.cost_eur()
        + warning.cost_eur()
        + emplacement.storage().built_eur();
  }

  /**
   * The sensor side of the plan.
   *
   * @param candidates sensor candidates the model could choose (0 when sensors are off)
   * @param watched ids of the obstacles built as watched (a chosen sensor covers them; their full
   *     delay counts in the model)
   * @param cost_eur the chosen sensors' purchase plus upkeep over the programme, EUR
   * @param candidates_s time spent placing the candidates and computing their coverage
   */
  public record Sensors(int candidates, Set<String> watched, double cost_eur, double candidates_s) {
    public Sensors {
      watched = Set.copyOf(watched);
    }

    /** No sensors. */
    public static Sensors none() {
      return new Sensors(0, Set.of(), 0, 0);
    }
  }

  /** Attacker time to the nearest objective, seconds. */
  public record CaseTimes(
      String caseId,
      double modelBaseline_s,
      double modelPlan_s,
      double verifiedBaseline_s,
      double verifiedPlan_s) {}

  /**
   * Attacker time to one objective, seconds.
   *
   * @param modelBaseline_s NaN (as {@code modelPlan_s}) when the model has no scenario toward this
   *     objective alone ({@link ObjectiveMode#NEAREST}, or no way there on the corridor graph)
   */
  public record ObjectiveTimes(
      String caseId,
      String objectiveId,
      String objectiveName,
      double modelBaseline_s,
      double modelPlan_s,
      double verifiedBaseline_s,
      double verifiedPlan_s) {
    /** True when the model counts this objective on its own. */
    public boolean modelled() {
      return !Double.isNaN(modelPlan_s);
    }
  }

  /** One programme year. */
  public record Year(int year, double spent_eur, double modelObjective) {}

  /** Problem sizes and timings ({@code scenarios}: the model's, {@code arcs}: over all graphs). */
  public record Stats(
      int candidates,
      int sites,
      int options,
      int gates,
      int scenarios,
      long arcs,
      double candidates_s,
      double graphs_s,
      double solve_s,
      double verify_s) {}
}
