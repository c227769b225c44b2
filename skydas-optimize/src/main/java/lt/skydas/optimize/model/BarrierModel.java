package lt.skydas.optimize.model;

import java.util.List;

/**
 * The aggregated barrier-planning problem the solvers work on: candidate sites, the obstacle
 * options that may be built at each (at most one per site), budget rows, and one {@link GateGraph}
 * per scenario (vehicle class × season, and objective when each counts: {@link ObjectiveMode}).
 * Immutable by contract (arrays are not copied; scenarios may share them).
 *
 * <p><b>Value of a plan.</b> A plan picks at most one option per site. In scenario σ the attacker's
 * time {@code L_σ} is the shortest source–sink path where a gate arc of site s costs its length
 * plus the chosen option's {@link Scenario#cellDelay_s} or {@link Scenario#roadDelay_s} (by the
 * arc's gate kind). The objective is {@code Σ_g weight_g · agg_g(L_σ : σ in g)} where {@code agg}
 * is the minimum (robust: the worst season) or the mean over the group's scenarios. Delay bought is
 * measured against the empty plan (no option at all, not even forced ones).
 *
 * <p><b>Constraints.</b> Every {@link Budget} row: {@code Σ_o coefficient[o] · y_o ≤ limit}
 * (integers: euros, or build hours); forced options ({@link Option#forced}, pins and existing
 * obstacles) are in every plan; at most one option per site; every {@link Link}: {@code y_o ≤ Σ_{j
 * ∈ sensors} y_j} (a watched option only with one of the sensors that cover it).
 *
 * <p><b>Suppliers.</b> A budget coefficient may be negative: the option supplies the row (a depot
 * site adds its storage to the "depot storage" rows). Such an option is a site of its own with no
 * gate arc, like a sensor; solvers add one when an option needs its room and never drop one that a
 * chosen option needs.
 *
 * <p><b>Sensors.</b> A sensor candidate is a site of its own with one option (the sensor type) and
 * no gate arc in any scenario: it adds no delay by itself and only enables the watched options
 * linked to it. A model without links is exactly the obstacle-only model.
 *
 * @param sites site ids, index = site number used by options and gate arcs
 * @param options what can be built, grouped by site in any order
 * @param groups objective groups (one per vehicle class, or per class and objective)
 * @param scenarios one per vehicle class × season (× objective)
 * @param budgets budget rows (total, mines, build capacity …)
 * @param links watch links: an option that may be chosen only with one of its covering sensors
 */
public record BarrierModel(
    List<String> sites,
    List<Option> options,
    List<Group> groups,
    List<Scenario> scenarios,
    List<Budget> budgets,
    List<Link> links) {

  /** A model without sensors (no links). */
  public BarrierModel(
      List<String> sites,
      List<Option> options,
      List<Group> groups,
      List<Scenario> scenarios,
      List<Budget> budgets) {
    this(sites, options, groups, scenarios, budgets, List.of());
  }

  /**
   * An obstacle type at a site.
   *
   * @param site site index
   * @param type catalog type id
   * @param cost_eur what it costs against the total budget (build, plus clearance liability if the
   *     model counts it)
   * @param mine true for minefields (categories the mine ceiling applies to)
   * @param forced pinned by the user or already built: in every plan
   */
  public record Option(int site, String type, long cost_eur, boolean mine, boolean forced) {}

  /** How a group's scenarios combine. */
  public enum Aggregate {
    /** The worst (smallest) time: robust over seasons. */
    MIN,
    /** The mean time over the scenarios. */
    MEAN
  }

  /** An objective group, e.g. a vehicle class and objective, with its weight. */
  public record Group(String name, double weight, Aggregate aggregate) {}

  /**
   * One scenario: a corridor graph and the delays options add on its gate arcs.
   *
   * @param group index into {@link #groups}
   * @param cellDelay_s per option: delay on the site's cell gates
   * @param roadDelay_s per option: delay on the site's road gates
   */
  public record Scenario(
      String name, int group, GateGraph graph, double[] cellDelay_s, double[] roadDelay_s) {}

  /** {@code Σ_o coefficient[o] · y_o ≤ limit}; a negative coefficient supplies the row. */
  public record Budget(String name, long[] coefficient, long limit) {}

  /**
   * The watch link {@code y_option ≤ Σ_{j ∈ sensors} y_j}: the option (an obstacle counted with its
   * full, watched delay) may be chosen only together with at least one of the sensor options that
   * cover its site. The array is not copied.
   *
   * @param option the watched option
   * @param sensors the covering sensor options (non-empty, none at the option's site)
   */
  public record Link(int option, int[] sensors) {}

  public BarrierModel {
    sites = List.copyOf(sites);
    options = List.copyOf(options);
    groups = List.copyOf(groups);
    scenarios = List.copyOf(scenarios);
    budgets = List.copyOf(budgets);
    links = List.copyOf(links);
    if (groups.isEmpty() || scenarios.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one group and one scenario");
    }
    for (Option o : options) {
      if (o.site() < 0 || o.site() >= sites.size()) {
        throw new IllegalArgumentException("option " + o + " names no site");
      }
      if (o.cost_eur() < 0) {
        throw new IllegalArgumentException("option " + o + " has a negative cost");
      }
    }
    for (Scenario s : scenarios) {
      if (s.group() < 0 || s.group() >= groups.size()) {
        throw new IllegalArgumentException("scenario " + s.name() + " names no group");
      }
      if (s.cellDelay_s().length != options.size() || s.roadDelay_s().length != options.size()) {
        throw new IllegalArgumentException("scenario " + s.name() + ": one delay per option");
      }
    }
    for (Budget b : budgets) {
      if (b.coefficient().length != options.size()) {
        throw new IllegalArgumentException("budget " + b.name() + ": one coefficient per option");
      }
    }
    boolean[] linked = new boolean[options.size()];
    for (Link l : links) {
      if (l.option() < 0 || l.option() >= options.size() || linked[l.option()]) {
        throw new IllegalArgumentException(
            "link of option " + l.option() + ": no such option or twice");
      }
      linked[l.option()] = true;
      if (l.sensors().length == 0 || options.get(l.option()).forced()) {
        throw new IllegalArgumentException(
            "link of option " + l.option() + ": needs a sensor and an option that is not forced");
      }
      for (int j : l.sensors()) {
        if (j < 0
            || j >= options.size()
            || options.get(j).site() == options.get(l.option()).site()) {
          throw new IllegalArgumentException(
              "link of option " + l.option() + ": sensor " + j + " is no option of another site");
        }
      }
    }
  }
}
