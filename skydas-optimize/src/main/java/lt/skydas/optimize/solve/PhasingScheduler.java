package lt.skydas.optimize.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lt.skydas.optimize.model.BarrierModel;

/**
 * Orders a plan's options over years so the objective grows fastest. Options that already stand go
 * to year 0 at no cost. Then, greedily: the next option is the one with the largest marginal
 * objective gain per euro among those not yet scheduled that fit the current year's remaining euro
 * ceiling and build capacity (a free one first; among options that gain nothing yet, the one adding
 * most delay on current attacker paths per euro, then the cheapest); when none fits, the next year
 * starts. A watched option (one with a watch link) goes in only with a covering sensor of the plan
 * that stands or is built in the same step, in the same year; an option that draws stored stock (a
 * supplied budget row: depot storage) goes in only while the depots standing or built in the same
 * step store it, so a depot is built no later than the stock it stores; sensors and depots are
 * options like any other (a year, their cost and effort against the year's ceilings). Unspent money
 * and hours do not carry over. Options that fit no year are reported in {@link
 * Phasing#unscheduled}, not dropped silently.
 *
 * <p>Euro ceilings apply to each option's {@link BarrierModel.Option#cost_eur}. The plan is phased
 * as given; the model's own budget rows are not checked here.
 */
public final class PhasingScheduler {
  /**
   * The programme calendar.
   *
   * @param years Y ≥ 1
   * @param ceiling_eur per year 1..Y (index 0 = year 1): euros that may be spent
   * @param capacity_h per year: build hours available, or null for unlimited
   */
  public record Calendar(int years, long[] ceiling_eur, double[] capacity_h) {
    public Calendar {
      if (years < 1 || ceiling_eur.length != years) {
        throw new IllegalArgumentException("need Y >= 1 and one ceiling per year");
      }
      if (capacity_h != null && capacity_h.length != years) {
        throw new IllegalArgumentException("one capacity per year");
      }
      ceiling_eur = ceiling_eur.clone();
      capacity_h = capacity_h == null ? null : capacity_h.clone();
    }
  }

  private final ModelIndex ix;
  private final int workers;

  /**
   * @param model the model the plan belongs to
   * @param workers threads for gain evaluations (≥ 1)
   */
  public PhasingScheduler(BarrierModel model, int workers) {
    this.ix = ModelIndex.of(model);
    this.workers = Math.max(1, workers);
  }

  /**
   * Schedules the plan.
   *
   * @param choice chosen option per site (-1: none)
   * @param calendar years, ceilings and capacities
   * @param effort_h per option: build hours (null: none)
   * @param existing per option: already standing (null: none); those go to year 0 at no cost
   */
  public Phasing schedule(int[] choice, Calendar calendar, double[] effort_h, boolean[] existing) {
    int nOpt = ix.options;
    if (choice.length != ix.sites
        || (effort_h != null && effort_h.length != nOpt)
        || (existing != null && existing.length != nOpt)) {
      throw new IllegalArgumentException("one entry per site in the plan, per option elsewhere");
    }
    int years = calendar.years();
    int[] yearOf = new int[nOpt];
    Arrays.fill(yearOf, Phasing.NOT_IN_PLAN);
    boolean[] pending = new boolean[nOpt];
    int[] start = new int[ix.sites];
    Arrays.fill(start, -1);
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < ix.sites; s++) {
      int o = choice[s];
      if (o < 0) {
        continue;
      }
      if (o >= nOpt || ix.optSite[o] != s) {
        throw new IllegalArgumentException("option " + o + " is not at site " + s);
      }
      if (existing != null && existing[o]) {
        yearOf[o] = 0;
        start[s] = o;
        order.add(o);
      } else {
        pending[o] = true;
      }
    }
    long[] spent = new long[years + 1];
    double[] effort = new double[years + 1];
    double[] objective = new double[years + 1];
    double[][] lengths = new double[years + 1][];
    try (PlanSearch ps = new PlanSearch(ix, workers)) {
      ps.checkedRows = ix.suppliedRow;
      ps.forcedFixed = false;
      ps.reset(start);
      objective[0] = ps.objective;
      lengths[0] = ps.lengths.clone();
      boolean[] allowed = new boolean[nOpt];
      CandidateScan.Candidate[] look = new CandidateScan.Candidate[1];
      for (int y = 1; y <= years; y++) {
        long euros = calendar.ceiling_eur()[y - 1];
        double hours =
            calendar.capacity_h() == null ? Double.POSITIVE_INFINITY : calendar.capacity_h()[y - 1];
        while (true) {
          double e0 = effort[y];
          long s0 = spent[y];
          for (int o = 0; o < nOpt; o++) {
            allowed[o] = pending[o] && fitsYear(o, -1, euros - s0, hours - e0, effort_h);
          }
          int nAllowed = 0;
          int cheapest = -1;
          for (int o = 0; o < nOpt; o++) {
            if (allowed[o]) {
              // a watched option goes in with its cheapest sensor of the plan, an option that
              // needs stored stock with a depot of the plan that stores it, or waits
              int j = ps.companion(ix.optSite[o], o, allowed);
              int d = j == -2 ? -2 : ps.supplierFor(ix.optSite[o], o, j, allowed);
              allowed[o] = d != -2 && fitsYear(o, j, d, euros - s0, hours - e0, effort_h);
            }
            if (allowed[o]) {
              nAllowed++;
              if (cheapest < 0 || ix.optCost[o] < ix.optCost[cheapest]) {
                cheapest = o;
              }
            }
          }
          if (nAllowed == 0) {
            break;
          }
          int[] prev = ps.choice.clone();
          PlanSearch.Step st = ps.greedyStep(null, allowed, look);
          if (st == PlanSearch.Step.ZERO) {
            ps.apply(look[0]);
          } else if (st == PlanSearch.Step.NONE) {
            int j = ps.companion(ix.optSite[cheapest], cheapest, allowed);
            int d = ps.supplierFor(ix.optSite[cheapest], cheapest, j, allowed);
            if (d >= 0) {
              ps.apply(ix.optSite[d], d);
            }
            if (j >= 0) {
              ps.apply(ix.optSite[j], j);
            }
            ps.apply(ix.optSite[cheapest], cheapest);
          }
          int n = 0;
          for (int s = 0; s < ix.sites; s++) {
            int picked = ps.choice[s];
            if (picked != prev[s] && picked >= 0) {
              pending[picked] = false;
              yearOf[picked] = y;
              order.add(picked);
              spent[y] += ix.optCost[picked];
              effort[y] += effort_h == null ? 0 : effort_h[picked];
              n++;
            }
          }
          if (n == 0) {
            throw new IllegalStateException("phasing step changed nothing");
          }
        }
        objective[y] = ps.objective;
        lengths[y] = ps.lengths.clone();
      }
    }
    List<Integer> unscheduled = new ArrayList<>();
    for (int o = 0; o < nOpt; o++) {
      if (pending[o]) {
        yearOf[o] = Phasing.UNSCHEDULED;
        unscheduled.add(o);
      }
    }
    return new Phasing(
        yearOf,
        order.stream().mapToInt(Integer::intValue).toArray(),
        spent,
        effort,
        objective,
        lengths,
        ix.baselineObjective,
        unscheduled);
  }

  /** True when option {@code o} alone fits what is left of the year. */
  private boolean fitsYear(int o, int j, long euros, double hours, double[] effort_h) {
    return fitsYear(o, j, -1, euros, hours, effort_h);
  }

  /**
   * True when option {@code o} with sensor {@code j} and supplier {@code d} (-1: none) fits what is
   * left of the year.
   */
  private boolean fitsYear(int o, int j, int d, long euros, double hours, double[] effort_h) {
    long cost = ix.optCost[o] + (j >= 0 ? ix.optCost[j] : 0) + (d >= 0 ? ix.optCost[d] : 0);
    double e =
        effort_h == null
            ? 0
            : effort_h[o] + (j >= 0 ? effort_h[j] : 0) + (d >= 0 ? effort_h[d] : 0);
    return cost <= euros && e <= hours;
  }
}
