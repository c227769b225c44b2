package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.BarrierOptimizer.SiteEdits;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * The pipeline's early feasibility checks: pins the budget, the mine ceiling, the build capacity or
 * a programme year cannot hold, and a budget too small for any obstacle, fail with a {@link
 * SkydasProblem} ({@link ProblemCode#INFEASIBLE}) naming the binding row, rather than as an empty
 * or infeasible solve.
 */
final class BudgetChecks {
  private BudgetChecks() {}

  /**
   * Pins that alone break a budget row (as {@link ModelFactory} costs them) or fit in no programme
   * year fail here, before the corridor graphs are built. Pins must name a site and one of its
   * types (the {@code SiteEdits} reader checks that for the user).
   */
  static void checkPinsFit(Sites sites, SiteEdits edits, Programme p) {
    List<Obstacle> pins = new ArrayList<>();
    long total = 0;
    long mines = 0;
    long hours = 0;
    for (Map.Entry<String, String> e : edits.pinned().entrySet()) {
      Integer s = sites.indexById().get(e.getKey());
      SiteTypes st = s == null ? null : sites.get(s);
      ObstacleType t =
          st == null
              ? null
              : st.types().stream()
                  .filter(x -> x.id().equals(e.getValue()))
                  .findFirst()
                  .orElse(null);
      if (t == null) {
        throw new IllegalArgumentException(
            "pin " + e.getKey() + " as " + e.getValue() + " names no site with that type");
      }
      if (edits.existing().contains(e.getKey())) {
        continue;
      }
      Obstacle o = new Obstacle(st.id(), t.name(), t, null, st.geometry_lks94(), 0);
      pins.add(o);
      total += ModelFactory.budgetCost_eur(o, p);
      mines += t.mines().isMine() ? Math.round(o.cost_eur()) : 0;
      hours += Math.round(o.buildEffort_h());
    }
    if (total > Math.round(p.spendable_eur())) {
      throw pinsExceed(ModelFactory.TOTAL_BUDGET, total, Math.round(p.spendable_eur()));
    }
    if (mines > Math.round(p.mines_eur())) {
      throw pinsExceed(ModelFactory.MINE_CEILING, mines, Math.round(p.mines_eur()));
    }
    if (Double.isFinite(p.yearCapacity_h())) {
      long cap = Math.round(p.yearCapacity_h() * p.years());
      if (hours > cap) {
        throw pinsExceed(ModelFactory.BUILD_CAPACITY, hours, cap);
      }
    }
    // ceilings and capacity do not carry over: each pin must fit in one year
    double maxCeiling = 0;
    for (double c : p.yearCeilings_eur()) {
      maxCeiling = Math.max(maxCeiling, Math.floor(c));
    }
    for (Obstacle o : pins) {
      long cost = ModelFactory.budgetCost_eur(o, p);
      if (cost > maxCeiling) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                Locale.ROOT,
                "pinned %s at %s costs EUR %,d, more than any programme year allows (yearly"
                    + " ceiling at most EUR %,.0f); raise the ceilings or unpin it",
                o.type().id(),
                o.id(),
                cost,
                maxCeiling),
            Map.of("constraint", "yearly ceiling", "required", cost, "limit", maxCeiling));
      }
      if (o.buildEffort_h() > p.yearCapacity_h()) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                Locale.ROOT,
                "pinned %s at %s needs %,.0f h to build, more than the yearly build capacity of"
                    + " %,.0f h; raise the capacity or unpin it",
                o.type().id(),
                o.id(),
                o.buildEffort_h(),
                p.yearCapacity_h()),
            Map.of("constraint", ModelFactory.BUILD_CAPACITY, "required", o.buildEffort_h()));
      }
    }
  }

  private static SkydasProblem pinsExceed(String row, long need, long limit) {
    boolean h = row.equals(ModelFactory.BUILD_CAPACITY);
    return new SkydasProblem(
        ProblemCode.INFEASIBLE,
        String.format(
            Locale.ROOT,
            "pinned obstacles need %s%,d%s of the %s but only %s%,d%s is available; unpin some or"
                + " raise the limit",
            h ? "" : "EUR ",
            need,
            h ? " h" : "",
            row,
            h ? "" : "EUR ",
            limit,
            h ? " h" : ""),
        Map.of("constraint", row, "required", need, "limit", limit));
  }

  /** A budget that cannot pay for even the cheapest obstacle is an error, not an empty plan. */
  static void checkBudgetsAllowSomething(BarrierModel m) {
    checkBudgetsAllowSomething(m, Double.POSITIVE_INFINITY);
  }

  /** Row name of the largest yearly ceiling in {@link #checkBudgetsAllowSomething}'s message. */
  static final String YEARLY_CEILING = "largest yearly ceiling";

  /**
   * As above, also against the largest yearly ceiling ({@code yearMax_eur}): an option dearer than
   * every year can never be built.
   */
  static void checkBudgetsAllowSomething(BarrierModel m, double yearMax_eur) {
    for (BarrierModel.Budget b : m.budgets()) {
      long forced = 0;
      for (int o = 0; o < m.options().size(); o++) {
        if (m.options().get(o).forced()) {
          forced += b.coefficient()[o];
        }
      }
      if (forced > b.limit()) {
        throw pinsExceed(b.name(), forced, b.limit());
      }
    }
    long cheapest = Long.MAX_VALUE;
    int cheapestOption = -1;
    for (int o = 0; o < m.options().size(); o++) {
      if (m.options().get(o).forced()) {
        continue;
      }
      boolean fits = m.options().get(o).cost_eur() <= yearMax_eur;
      for (BarrierModel.Budget b : m.budgets()) {
        fits &= b.coefficient()[o] <= b.limit();
      }
      if (fits) {
        return;
      }
      if (m.options().get(o).cost_eur() < cheapest) {
        cheapest = m.options().get(o).cost_eur();
        cheapestOption = o;
      }
    }
    if (cheapestOption < 0) {
      return; // nothing but pins: the plan is the pins
    }
    BarrierModel.Option c = m.options().get(cheapestOption);
    String binding = c.cost_eur() > yearMax_eur ? YEARLY_CEILING : ModelFactory.TOTAL_BUDGET;
    for (BarrierModel.Budget b : m.budgets()) {
      if (b.coefficient()[cheapestOption] > b.limit()) {
        binding = b.name();
        break;
      }
    }
    throw new SkydasProblem(
        ProblemCode.INFEASIBLE,
        String.format(
            Locale.ROOT,
            "the %s is too small for any obstacle: the cheapest (%s at %s) costs EUR %,d",
            binding,
            c.type(),
            m.sites().get(c.site()),
            c.cost_eur()));
  }
}
