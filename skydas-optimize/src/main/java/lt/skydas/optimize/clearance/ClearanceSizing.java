package lt.skydas.optimize.clearance;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capability question: how many teams of which kind clear every area in {@code N} years, at the
 * least cost. Each area goes to one asset kind that suits it; a kind's teams give {@code
 * working_days_per_month × months it works × N} working days each, and the areas given to it take
 * their set-up and work days (travel left out: a team clears areas near each other in turn, and the
 * days between areas are in {@code mobilisation_days}); teams are paid for every working day of the
 * N years. A MIP (SCIP through OR-Tools): binary area-to-kind choices, integer team counts; its
 * bound is reported beside the cost. The curve is the answer for N = 1 … max. Stateless.
 */
public final class ClearanceSizing {
  private ClearanceSizing() {}

  /**
   * The least-cost team mix for one horizon.
   *
   * @param years N
   * @param teams kind → teams
   * @param cost_eur their cost over the N years
   * @param bound a proven lower bound of that cost
   * @param optimal whether SCIP proved it
   * @param feasible false when no mix can clear the areas (some area suits no kind)
   */
  public record Sizing(
      int years,
      Map<String, Integer> teams,
      double cost_eur,
      double bound,
      boolean optimal,
      boolean feasible) {
    public int teamCount() {
      return teams.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Working days a team of {@code k} gives in {@code years}. */
  static double capacity_d(ClearanceAsset k, int wdPerMonth, int years) {
    return (double) wdPerMonth * k.months().size() * years;
  }

  /** Days a team of {@code k} spends on {@code a}: set-up and work. */
  static double load_d(ClearanceAsset k, HazardArea a) {
    return k.mobilisation_days() + k.workDays(a);
  }

  /** The sizing for N = 1 … {@code maxYears}. */
  public static List<Sizing> curve(
      List<HazardArea> areas, ClearanceAssets cat, int maxYears, double timeLimit_s) {
    List<Sizing> out = new ArrayList<>();
    for (int n = 1; n <= maxYears; n++) {
      out.add(size(areas, cat, n, timeLimit_s / maxYears));
    }
    return out;
  }

  /** The least-cost mix for N years. */
  public static Sizing size(
      List<HazardArea> areas, ClearanceAssets cat, int years, double limit_s) {
    Loader.loadNativeLibraries();
    List<ClearanceAsset> ks = cat.assets();
    for (HazardArea a : areas) {
      if (ks.stream().noneMatch(k -> k.suits(a))) {
        return new Sizing(years, Map.of(), Double.NaN, Double.NaN, false, false);
      }
    }
    MPSolver s = MPSolver.createSolver("SCIP");
    MPVariable[] x = new MPVariable[ks.size()];
    MPObjective obj = s.objective();
    double inf = MPSolver.infinity();
    for (int k = 0; k < ks.size(); k++) {
      x[k] = s.makeIntVar(0, inf, "x_" + ks.get(k).id());
      obj.setCoefficient(
          x[k],
          ks.get(k).cost_eurPerDay() * capacity_d(ks.get(k), cat.workingDaysPerMonth(), years));
    }
    MPConstraint[] cap = new MPConstraint[ks.size()];
    for (int k = 0; k < ks.size(); k++) {
      cap[k] = s.makeConstraint(-inf, 0, "cap_" + ks.get(k).id());
      cap[k].setCoefficient(x[k], -capacity_d(ks.get(k), cat.workingDaysPerMonth(), years));
    }
    for (int j = 0; j < areas.size(); j++) {
      MPConstraint one = s.makeConstraint(1, 1, "one_" + j);
      for (int k = 0; k < ks.size(); k++) {
        if (ks.get(k).suits(areas.get(j))) {
          MPVariable z = s.makeBoolVar("z_" + j + "_" + k);
          one.setCoefficient(z, 1);
          cap[k].setCoefficient(z, load_d(ks.get(k), areas.get(j)));
        }
      }
    }
    obj.setMinimization();
    s.setTimeLimit((long) Math.max(1000, limit_s * 1000));
    MPSolver.ResultStatus st = s.solve();
    if (st != MPSolver.ResultStatus.OPTIMAL && st != MPSolver.ResultStatus.FEASIBLE) {
      s.delete();
      return new Sizing(years, Map.of(), Double.NaN, Double.NaN, false, false);
    }
    Map<String, Integer> teams = new LinkedHashMap<>();
    for (int k = 0; k < ks.size(); k++) {
      int c = (int) Math.round(x[k].solutionValue());
      if (c > 0) {
        teams.put(ks.get(k).id(), c);
      }
    }
    Sizing r =
        new Sizing(
            years,
            teams,
            obj.value(),
            Math.min(obj.value(), obj.bestBound()),
            st == MPSolver.ResultStatus.OPTIMAL,
            true);
    s.delete();
    return r;
  }
}
