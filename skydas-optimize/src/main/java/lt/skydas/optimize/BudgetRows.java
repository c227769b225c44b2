package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.plan.Obstacle;

/**
 * What binds instead of money, in sentences: which budget rows of a programme an optimised plan
 * fills, whether the solver's proven bound leaves room, and what stands where the fastest avenues
 * cross the belts. Which budget rows of a programme an optimised plan fills: the mine ceiling, the
 * yearly ceilings and the yearly build capacity. A row counts as tight at {@value #TIGHT} of its
 * limit. Stateless.
 */
final class BudgetRows {
  /** A row filled to this share of its limit binds. */
  static final double TIGHT = 0.98;

  private BudgetRows() {}

  /** One sentence per tight row, in the order mines, yearly ceilings, capacity. */
  static List<String> tight(OptimizationResult r, Programme p) {
    List<String> out = new ArrayList<>();
    int years = p.years();
    double mines = 0;
    double barriers = 0;
    double clearance = 0;
    double[] spent = new double[years];
    double[] effort = new double[years];
    for (Obstacle o : r.plan().obstacles()) {
      if (OptimizationResult.EXISTING.equals(r.fixedStatus().get(o.id()))) {
        continue;
      }
      if (o.type().mines().isMine()) {
        mines += o.cost_eur();
        clearance += o.clearanceCost_eur();
      } else {
        barriers += o.cost_eur();
      }
      int y = o.year() - 1;
      if (y >= 0 && y < years) {
        spent[y] += o.cost_eur();
        effort[y] += o.buildEffort_h();
      }
    }
    if (p.mines_eur() > 0 && mines >= TIGHT * p.mines_eur()) {
      out.add(
          String.format(
              Locale.ROOT,
              "The mine ceiling binds: EUR %,.0f of EUR %,.0f spent on mines.",
              mines,
              p.mines_eur()));
    }
    Programme.Ceilings c = p.ceilings();
    tightCeiling(out, "barrier", barriers, c.barriers_eur());
    tightCeiling(out, "clearance", clearance, c.clearance_eur());
    tightCeiling(out, "EW and counter-drone", r.protection().cost_eur(), c.ew_eur());
    for (OnWarning.StorageUse u : r.emplacement().storage().kinds()) {
      if (u.binds()) {
        out.add(
            String.format(
                Locale.ROOT,
                "Depot storage binds: the plan's %,d %s fill the room of the standing depots"
                    + " (%,d) and of the depot sites it builds (%,d); another site, or more room"
                    + " in the forces file, would let it stock more.",
                u.stored(),
                u.kind(),
                u.standing(),
                u.built()));
      }
    }
    for (OptimizationResult.CountrySpend cs : r.countries()) {
      if (cs.binds() || cs.over()) {
        out.add(CountrySpendWriter.line(cs) + ".");
      }
    }
    List<String> ceilingYears = new ArrayList<>();
    List<String> capacityYears = new ArrayList<>();
    double[] ceilings = p.yearCeilings_eur();
    for (int y = 0; y < years; y++) {
      if (ceilings[y] > 0 && spent[y] >= TIGHT * ceilings[y]) {
        ceilingYears.add(Integer.toString(y + 1));
      }
      if (Double.isFinite(p.yearCapacity_h()) && effort[y] >= TIGHT * p.yearCapacity_h()) {
        capacityYears.add(Integer.toString(y + 1));
      }
    }
    if (!ceilingYears.isEmpty()) {
      out.add(
          "The yearly spending ceiling binds in year(s) " + String.join(", ", ceilingYears) + ".");
    }
    if (!capacityYears.isEmpty()) {
      out.add(
          String.format(
              Locale.ROOT,
              "The engineers' build capacity (%,.0f h a year) binds in year(s) %s.",
              p.yearCapacity_h(),
              String.join(", ", capacityYears)));
    }
    for (OnWarning.RowUse u : r.emplacement().rows()) {
      if (u.binds()) {
        out.add(
            String.format(
                Locale.ROOT,
                "The emplacement capacity of the %s teams binds (row \"%s\"): %,d of %,d"
                    + " team-minutes of work due by %.1f h after the warning (work only, travel"
                    + " left out: `skydas emplace` tells whether the timeline holds).",
                u.teamTypes(),
                u.name(),
                u.used_min(),
                u.limit_min(),
                u.threshold_h()));
      }
    }
    return out;
  }

  private static void tightCeiling(List<String> out, String what, double spent, double limit) {
    if (Double.isFinite(limit) && limit > 0 && spent >= TIGHT * limit) {
      out.add(
          String.format(
              Locale.ROOT,
              "The %s ceiling binds: EUR %,.0f of EUR %,.0f spent.",
              what,
              spent,
              limit));
    }
  }

  /** Whether money binds at all: the solver's status and proven gap, in one sentence. */
  static String solverLine(OptimizationResult r) {
    double gap = OptimizationWriter.gap(r);
    if ("TIME_LIMIT".equals(r.solved().status())) {
      return String.format(
          Locale.ROOT,
          "The solver stopped at its time limit %.1f %% from its proven bound: a longer"
              + " --time-limit-s may find a plan that spends more to better effect.",
          100 * gap);
    }
    return String.format(
        Locale.ROOT,
        "Money does not bind: no plan within the budget does more than %.2f %% better on the"
            + " corridor model (proven bound %.4f against %.4f). More delay needs more places to"
            + " build, not more money.",
        100 * gap,
        r.solved().bound(),
        r.modelObjective());
  }

  /** The belt crossings of the fastest verified avenues, counted by what stands there. */
  static String crossingLine(List<Limits.CrossingCount> crossings) {
    List<String> parts = new ArrayList<>();
    for (Limits.CrossingCount c : crossings) {
      String what =
          switch (c.what()) {
            case "strongest" -> "the strongest obstacle offered already stands";
            case "weaker" -> "a weaker obstacle than offered stands";
            case "empty" ->
                "an offered site is left empty (the corridor model judged it bypassed or not"
                    + " worth its cost)";
            case "protected" -> "no obstacle may stand: protected area (" + c.detail() + ")";
            case "not_offered" -> "no obstacle is offered: " + c.detail();
            default -> c.what();
          };
      parts.add(c.count() + " where " + what);
    }
    return parts.isEmpty()
        ? "The fastest verified avenues cross no belt."
        : "Where the fastest verified avenues cross the belts: " + String.join("; ", parts) + ".";
  }

  /**
   * The groups whose model path carries the strongest obstacle offered at every site it crosses,
   * with those sites: what binds on the model (at most {@value #PATHS_SHOWN} groups named).
   */
  static String modelPathLine(List<ModelPaths.PathLimit> paths) {
    List<String> full = new ArrayList<>();
    int open = 0;
    for (ModelPaths.PathLimit p : paths) {
      if (!p.open().isEmpty()) {
        open++;
      } else if (!p.saturated().isEmpty() && full.size() < PATHS_SHOWN) {
        full.add(p.group() + " (" + p.scenario() + "): " + String.join(", ", p.saturated()));
      }
    }
    long saturated =
        paths.stream().filter(p -> p.open().isEmpty() && !p.saturated().isEmpty()).count();
    if (saturated == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "On the model, %d of %d objective groups are held by paths whose every site already carries"
            + " the strongest obstacle it offers%s — e.g. %s. Stronger types there, or more sites"
            + " beside them (a belt, --sites), would buy more; money alone cannot.",
        saturated,
        paths.size(),
        open > 0
            ? String.format(Locale.ROOT, " (%d more cross sites left empty or weak)", open)
            : "",
        String.join("; ", full));
  }

  /** Groups named in {@link #modelPathLine}. */
  static final int PATHS_SHOWN = 4;
}
