package lt.skydas.optimize.clearance;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which team clears which hazardous area when: each area by one team of an asset kind that may
 * clear what it holds in its vegetation ({@link ClearanceAsset#suits}); a team clears one area at a
 * time, moving between them by road (straight line × {@value #DETOUR} at {@value #ROAD_KMH} km/h,
 * {@value #HOURS_PER_DAY} h a working day) and setting up ({@code mobilisation_days}). Time is
 * counted in each team's working days (its asset's months, {@code working_days_per_month} a month)
 * from the start. The objective is the priority-weighted sum of the days areas are released (the
 * most important land first).
 *
 * <p>Solved in steps: a list schedule (areas by Smith's rule, the smallest weighted duration first,
 * each to the team that finishes it soonest, travel counted), a local search moving areas between
 * teams (each team's areas in Smith's order), then CP-SAT on the same problem without travel
 * (optional intervals per team, no overlap), started from the list schedule; its sequences are
 * timed again with travel and the better schedule kept. The bound is CP-SAT's on the problem
 * without travel: travel only adds, so it bounds the true optimum too (ADR 0029). Stateless.
 */
public final class ClearancePlanner {
  static final double DETOUR = 1.3;
  static final double ROAD_KMH = 40;
  static final double HOURS_PER_DAY = 8;

  /** Time is solved in tenths of a working day. */
  private static final int SCALE = 10;

  private ClearancePlanner() {}

  /**
   * A team: one unit of an asset kind, starting from a base.
   *
   * @param asset its kind
   * @param index 1, 2 … within the kind
   */
  public record Team(ClearanceAsset asset, int index, double baseX_m, double baseY_m) {
    public String id() {
      return asset.id() + "-" + index;
    }
  }

  /** One area's clearance: by which team, from which working day to which (the team's days). */
  public record Assignment(HazardArea area, Team team, double start_d, double end_d) {
    /** The cost of the working days spent on the area (travel, set-up and work). */
    public double cost_eur() {
      return (end_d - start_d) * team.asset().cost_eurPerDay();
    }
  }

  /**
   * The schedule.
   *
   * @param assignments per area cleared, by team and start
   * @param unsuitable areas no asset of the catalog may clear, each with the reason
   * @param objective Σ priority × release day of the schedule
   * @param bound a proven lower bound of the objective
   * @param method how the schedule kept was found ({@code list}, {@code cp-sat})
   * @param optimal whether CP-SAT proved its travel-free schedule optimal
   */
  public record Plan(
      List<Assignment> assignments,
      List<String> unsuitable,
      double objective,
      double bound,
      String method,
      boolean optimal) {
    /** (objective − bound) / objective; 0 for an empty plan. */
    public double gap() {
      return objective <= 0 ? 0 : Math.max(0, (objective - bound) / objective);
    }

    /** The last release day over all teams. */
    public double makespan_d() {
      return assignments.stream().mapToDouble(Assignment::end_d).max().orElse(0);
    }

    public double cost_eur() {
      return assignments.stream().mapToDouble(Assignment::cost_eur).sum();
    }
  }

  /** Travel between two points, in working days. */
  static double travel_d(double x1, double y1, double x2, double y2) {
    return Math.hypot(x2 - x1, y2 - y1) * DETOUR / 1000 / ROAD_KMH / HOURS_PER_DAY;
  }

  /** The schedule of {@code seqs} (per team, its areas in order), timed with travel. */
  static List<Assignment> time(List<Team> teams, List<List<HazardArea>> seqs) {
    List<Assignment> out = new ArrayList<>();
    for (int t = 0; t < teams.size(); t++) {
      Team tm = teams.get(t);
      double now = 0, x = tm.baseX_m(), y = tm.baseY_m();
      for (HazardArea a : seqs.get(t)) {
        double start = now;
        now +=
            travel_d(x, y, a.x_m(), a.y_m())
                + tm.asset().mobilisation_days()
                + tm.asset().workDays(a);
        out.add(new Assignment(a, tm, start, now));
        x = a.x_m();
        y = a.y_m();
      }
    }
    return out;
  }

  static double objective(List<Assignment> as) {
    return as.stream().mapToDouble(a -> a.area().priority() * a.end_d()).sum();
  }

  /**
   * Plans the clearance of {@code areas} by {@code teams}.
   *
   * @param timeLimit_s CP-SAT's time (0: the list schedule only, its bound the trivial one)
   * @param workers CP-SAT's threads
   */
  public static Plan plan(
      List<HazardArea> areas, List<Team> teams, double timeLimit_s, int workers) {
    List<String> unsuitable = new ArrayList<>();
    List<HazardArea> work = new ArrayList<>();
    for (HazardArea a : areas) {
      if (teams.stream().anyMatch(t -> t.asset().suits(a))) {
        work.add(a);
      } else {
        unsuitable.add(
            a.id()
                + ": no team may clear "
                + a.categories()
                + " in "
                + a.vegetation()
                + " on "
                + a.soil()
                + " soil (of "
                + teams.stream().map(t -> t.asset().id()).distinct().toList()
                + ")");
      }
    }
    List<List<HazardArea>> list = listSchedule(work, teams);
    List<Assignment> best = time(teams, list);
    double bestObj = objective(best);
    String method = "list";
    List<List<HazardArea>> improved = improve(list, teams);
    List<Assignment> imp = time(teams, improved);
    if (objective(imp) < bestObj - 1e-9) {
      best = imp;
      bestObj = objective(imp);
      list = improved;
      method = "local search";
    }
    double bound = Math.max(trivialBound(work, teams), groupBound(work, teams));
    boolean optimal = false;
    if (timeLimit_s > 0 && !work.isEmpty()) {
      Solved s = cpSat(work, teams, list, timeLimit_s, workers);
      if (s != null) {
        bound = Math.max(bound, s.bound);
        optimal = s.optimal;
        List<Assignment> timed = time(teams, s.seqs);
        double obj = objective(timed);
        if (obj < bestObj - 1e-9) {
          best = timed;
          bestObj = obj;
          method = "cp-sat";
        }
      }
    }
    best.sort(Comparator.comparingDouble(Assignment::start_d).thenComparing(a -> a.team().id()));
    return new Plan(best, unsuitable, bestObj, Math.min(bound, bestObj), method, optimal);
  }

  /** Each area on its own at its fastest suitable team, from time 0: Σ w × fastest duration. */
  private static double trivialBound(List<HazardArea> work, List<Team> teams) {
    double b = 0;
    for (HazardArea a : work) {
      double d = Double.MAX_VALUE;
      for (Team t : teams) {
        if (t.asset().suits(a)) {
          d = Math.min(d, t.asset().mobilisation_days() + t.asset().workDays(a));
        }
      }
      b += a.priority() * d;
    }
    return b;
  }

  /**
   * The Eastman–Even–Isaacs bound per group of areas that the same teams may clear: within a group,
   * each area's time is at least its fastest suitable kind's (set-up and work), and on {@code m}
   * identical machines Σ w C ≥ (1/m) Σ w C(Smith's order on one machine) + (m − 1)/(2m) Σ w p.
   * Removing the other groups' areas only lets a group finish sooner, so the groups' bounds add up
   * to a bound of the whole (ADR 0029).
   */
  static double groupBound(List<HazardArea> work, List<Team> teams) {
    java.util.Map<String, List<HazardArea>> groups = new java.util.TreeMap<>();
    java.util.Map<String, Integer> machines = new java.util.HashMap<>();
    for (HazardArea a : work) {
      StringBuilder key = new StringBuilder();
      int m = 0;
      for (int t = 0; t < teams.size(); t++) {
        if (teams.get(t).asset().suits(a)) {
          key.append(t).append(',');
          m++;
        }
      }
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(a);
      machines.put(key.toString(), m);
    }
    double total = 0;
    for (var g : groups.entrySet()) {
      int m = machines.get(g.getKey());
      List<HazardArea> as = new ArrayList<>(g.getValue());
      as.sort(Comparator.comparingDouble(a -> fastest(a, teams) / a.priority()));
      double now = 0, single = 0, wp = 0;
      for (HazardArea a : as) {
        double p = fastest(a, teams);
        now += p;
        single += a.priority() * now;
        wp += a.priority() * p;
      }
      total += single / m + (m - 1) / (2.0 * m) * wp;
    }
    return total;
  }

  /**
   * Local search on the team choices: each team's areas in Smith's order (optimal for a fixed
   * choice when travel is left out), an area moved to another suitable team whenever that lowers Σ
   * priority × end, until no move does (or 50 passes); the caller times the result with travel and
   * keeps it only if it is better.
   */
  static List<List<HazardArea>> improve(List<List<HazardArea>> start, List<Team> teams) {
    int tn = teams.size();
    List<List<HazardArea>> seqs = new ArrayList<>();
    double[] cost = new double[tn];
    for (int t = 0; t < tn; t++) {
      seqs.add(smith(new ArrayList<>(start.get(t)), teams.get(t)));
      cost[t] = teamCost(seqs.get(t), teams.get(t));
    }
    for (int pass = 0; pass < 50; pass++) {
      boolean moved = false;
      for (int from = 0; from < tn; from++) {
        for (int i = 0; i < seqs.get(from).size(); i++) {
          HazardArea a = seqs.get(from).get(i);
          List<HazardArea> without = new ArrayList<>(seqs.get(from));
          without.remove(i);
          double fromCost = teamCost(without, teams.get(from));
          int bestTo = -1;
          double bestGain = 1e-9;
          List<HazardArea> bestWith = null;
          for (int to = 0; to < tn; to++) {
            if (to == from || !teams.get(to).asset().suits(a)) {
              continue;
            }
            List<HazardArea> with = new ArrayList<>(seqs.get(to));
            with.add(a);
            smith(with, teams.get(to));
            double gain = cost[from] + cost[to] - fromCost - teamCost(with, teams.get(to));
            if (gain > bestGain) {
              bestGain = gain;
              bestTo = to;
              bestWith = with;
            }
          }
          if (bestTo >= 0) {
            seqs.set(from, without);
            seqs.set(bestTo, bestWith);
            cost[from] = fromCost;
            cost[bestTo] = teamCost(bestWith, teams.get(bestTo));
            moved = true;
            i--;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    return seqs;
  }

  /** A team's areas in Smith's order: the smallest duration over priority first. */
  private static List<HazardArea> smith(List<HazardArea> as, Team t) {
    ClearanceAsset k = t.asset();
    as.sort(
        Comparator.comparingDouble(
                (HazardArea a) -> (k.mobilisation_days() + k.workDays(a)) / a.priority())
            .thenComparing(HazardArea::id));
    return as;
  }

  /** Σ priority × end of a team's areas in order, travel left out. */
  private static double teamCost(List<HazardArea> as, Team t) {
    double now = 0, c = 0;
    for (HazardArea a : as) {
      now += t.asset().mobilisation_days() + t.asset().workDays(a);
      c += a.priority() * now;
    }
    return c;
  }

  /** Smith's rule order, each area to the team that ends it first (travel counted). */
  static List<List<HazardArea>> listSchedule(List<HazardArea> work, List<Team> teams) {
    List<HazardArea> order = new ArrayList<>(work);
    order.sort(
        Comparator.comparingDouble((HazardArea a) -> fastest(a, teams) / a.priority())
            .thenComparing(HazardArea::id));
    List<List<HazardArea>> seqs = new ArrayList<>();
    double[] now = new double[teams.size()];
    double[] x = new double[teams.size()], y = new double[teams.size()];
    for (int t = 0; t < teams.size(); t++) {
      seqs.add(new ArrayList<>());
      x[t] = teams.get(t).baseX_m();
      y[t] = teams.get(t).baseY_m();
    }
    for (HazardArea a : order) {
      int bestT = -1;
      double bestEnd = Double.MAX_VALUE;
      for (int t = 0; t < teams.size(); t++) {
        ClearanceAsset k = teams.get(t).asset();
        if (!k.suits(a)) {
          continue;
        }
        double end =
            now[t] + travel_d(x[t], y[t], a.x_m(), a.y_m()) + k.mobilisation_days() + k.workDays(a);
        if (end < bestEnd) {
          bestEnd = end;
          bestT = t;
        }
      }
      seqs.get(bestT).add(a);
      now[bestT] = bestEnd;
      x[bestT] = a.x_m();
      y[bestT] = a.y_m();
    }
    return seqs;
  }

  private static double fastest(HazardArea a, List<Team> teams) {
    double d = Double.MAX_VALUE;
    for (Team t : teams) {
      if (t.asset().suits(a)) {
        d = Math.min(d, t.asset().mobilisation_days() + t.asset().workDays(a));
      }
    }
    return d;
  }

  private record Solved(List<List<HazardArea>> seqs, double bound, boolean optimal) {}

  private static volatile boolean loaded;

  private static void load() {
    if (!loaded) {
      synchronized (ClearancePlanner.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }

  /** CP-SAT without travel, hinted with the list schedule; null if it found nothing. */
  private static Solved cpSat(
      List<HazardArea> work,
      List<Team> teams,
      List<List<HazardArea>> hint,
      double limit_s,
      int workers) {
    load();
    CpModel m = new CpModel();
    int n = work.size(), tn = teams.size();
    long[][] dur = new long[n][tn];
    long horizon = 0;
    for (int j = 0; j < n; j++) {
      long worst = 0;
      for (int t = 0; t < tn; t++) {
        ClearanceAsset k = teams.get(t).asset();
        // rounded down: every true schedule has a model schedule ending no later, so the model's
        // bound is a bound of the true problem (the model's sequences are timed again exactly)
        dur[j][t] =
            k.suits(work.get(j))
                ? (long)
                    Math.floor((k.mobilisation_days() + k.workDays(work.get(j))) * SCALE + 1e-9)
                : -1;
        worst = Math.max(worst, dur[j][t]);
      }
      horizon += worst;
    }
    // weights: priorities scaled to integers (two decimals)
    long[] w = new long[n];
    for (int j = 0; j < n; j++) {
      w[j] = Math.max(1, Math.round(work.get(j).priority() * 100));
    }
    BoolVar[][] on = new BoolVar[n][tn];
    IntVar[][] start = new IntVar[n][tn];
    IntVar[] end = new IntVar[n];
    List<List<IntervalVar>> perTeam = new ArrayList<>();
    for (int t = 0; t < tn; t++) {
      perTeam.add(new ArrayList<>());
    }
    for (int j = 0; j < n; j++) {
      end[j] = m.newIntVar(0, horizon, "end" + j);
      List<BoolVar> choices = new ArrayList<>();
      for (int t = 0; t < tn; t++) {
        if (dur[j][t] < 0) {
          continue;
        }
        on[j][t] = m.newBoolVar("on" + j + "_" + t);
        start[j][t] = m.newIntVar(0, horizon, "s" + j + "_" + t);
        IntervalVar iv =
            m.newOptionalFixedSizeIntervalVar(start[j][t], dur[j][t], on[j][t], "i" + j + "_" + t);
        perTeam.get(t).add(iv);
        m.addEquality(end[j], LinearExpr.newBuilder().add(start[j][t]).add(dur[j][t]))
            .onlyEnforceIf(on[j][t]);
        choices.add(on[j][t]);
      }
      m.addExactlyOne(choices.toArray(new BoolVar[0]));
    }
    for (int t = 0; t < tn; t++) {
      m.addNoOverlap(perTeam.get(t));
    }
    m.minimize(LinearExpr.weightedSum(end, w));
    // the hint: the list schedule's choice of team per area
    List<Assignment> h = time(teams, hint);
    for (Assignment a : h) {
      int j = work.indexOf(a.area());
      int t = indexOfTeam(teams, a.team());
      for (int u = 0; u < tn; u++) {
        if (on[j][u] != null) {
          m.addHint(on[j][u], u == t ? 1 : 0);
        }
      }
    }
    CpSolver s = new CpSolver();
    s.getParameters()
        .setMaxTimeInSeconds(limit_s)
        .setNumWorkers(Math.max(1, workers))
        .setRandomSeed(1)
        .setLogSearchProgress(false);
    CpSolverStatus st = s.solve(m);
    if (st != CpSolverStatus.OPTIMAL && st != CpSolverStatus.FEASIBLE) {
      return null;
    }
    List<List<HazardArea>> seqs = new ArrayList<>();
    for (int t = 0; t < tn; t++) {
      List<Integer> js = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (on[j][t] != null && s.booleanValue(on[j][t])) {
          js.add(j);
        }
      }
      final int tt = t;
      js.sort(Comparator.comparingLong(j -> s.value(start[j][tt])));
      List<HazardArea> seq = new ArrayList<>();
      for (int j : js) {
        seq.add(work.get(j));
      }
      seqs.add(seq);
    }
    // the bound in days: weights were scaled by 100 (and rounded), time by SCALE (rounded down);
    // where a weight was rounded up, the bound shrinks by the worst ratio
    double ratio = 1;
    for (int j = 0; j < n; j++) {
      ratio = Math.min(ratio, work.get(j).priority() * 100 / w[j]);
    }
    double proven = Math.max(0, s.bestObjectiveBound() / 100.0 / SCALE * ratio);
    return new Solved(seqs, proven, st == CpSolverStatus.OPTIMAL);
  }

  private static int indexOfTeam(List<Team> teams, Team t) {
    for (int i = 0; i < teams.size(); i++) {
      if (teams.get(i) == t) {
        return i;
      }
    }
    return -1;
  }
}
