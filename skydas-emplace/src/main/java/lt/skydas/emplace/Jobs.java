package lt.skydas.emplace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lt.skydas.assess.Assessor.Arrivals;
import lt.skydas.emplace.EmplacementResult.Shortfall;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.emplace.schedule.Job;
import lt.skydas.emplace.schedule.Schedule;
import lt.skydas.emplace.schedule.ScheduleProblem;
import lt.skydas.emplace.schedule.Scheduler;
import lt.skydas.emplace.schedule.SchedulerOptions;
import lt.skydas.emplace.schedule.Team;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Emplacement;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * One season's jobs: every reserved and crisis-laid obstacle a team can put in place, with its
 * site, its work per team type (quantity × the catalog's hours per unit), the depot it loads at and
 * what it is worth; and the obstacles no team can put in place, with the reason. Deadlines depend
 * on the warning time and are set per solve. Immutable.
 *
 * <p><b>Depots.</b> Stock is given out before scheduling, earliest-threatened obstacle first (by
 * the attacker's earliest arrival with the permanent obstacles), each to the depot nearest by road
 * that still holds all it needs. <b>Value</b> of a job: the obstacle's largest delay over the
 * attacker classes (crossing or road, hours; at least 0.01), so the scheduler favours what delays
 * most when not everything can be on time.
 */
final class Jobs {
  /** Deadline used where the attacker never reaches an obstacle: 30 days after the warning. */
  private static final double NEVER_S = 30 * 24 * 3600.0;

  private final List<Job> templates;
  private final double[] earliest_s;
  private final Map<String, String> depotOf;
  private final List<Shortfall> shortfalls;
  private final Map<String, double[]> stock;
  private final Map<String, Map<String, double[]>> depotStock;
  private final List<Shortfall> idleUnits;
  private final Scheduler scheduler = new Scheduler();

  private Jobs(
      List<Job> templates,
      double[] earliest_s,
      Map<String, String> depotOf,
      List<Shortfall> shortfalls,
      Map<String, double[]> stock,
      Map<String, Map<String, double[]>> depotStock,
      List<Shortfall> idleUnits) {
    this.templates = templates;
    this.earliest_s = earliest_s;
    this.depotOf = depotOf;
    this.shortfalls = shortfalls;
    this.stock = stock;
    this.depotStock = depotStock;
    this.idleUnits = idleUnits;
  }

  static Jobs build(
      BarrierPlan plan, Forces forces, List<Team> teams, int[] siteOf, SeasonSetup setup) {
    int units = forces.units().size();
    Set<String> teamTypes = new HashSet<>();
    for (Team t : teams) {
      teamTypes.add(t.teamType());
    }
    List<Integer> order = new ArrayList<>();
    double[] earliest = new double[plan.obstacles().size()];
    for (int o = 0; o < earliest.length; o++) {
      earliest[o] = Double.POSITIVE_INFINITY;
      for (Arrivals a : setup.permanentOnly.values()) {
        earliest[o] = Math.min(earliest[o], a.obstacle_s()[o]);
      }
      if (siteOf[o] >= 0) {
        order.add(o);
      }
    }
    order.sort(Comparator.comparingDouble((Integer o) -> earliest[o]).thenComparing(o -> o));
    Map<String, double[]> stock = new TreeMap<>();
    double[][] left = new double[forces.depots().size()][];
    List<String> kinds = new ArrayList<>();
    for (int o = 0; o < siteOf.length; o++) {
      if (siteOf[o] < 0) {
        continue; // built in peacetime, or in place already
      }
      Obstacle ob = plan.obstacles().get(o);
      for (var e : ob.type().emplacement().stockPerUnit().entrySet()) {
        stock.computeIfAbsent(e.getKey(), k -> new double[2])[0] += e.getValue() * ob.quantity();
      }
    }
    kinds.addAll(stock.keySet());
    for (String k : kinds) {
      stock.get(k)[1] = forces.stock(k);
    }
    for (int d = 0; d < left.length; d++) {
      left[d] = new double[kinds.size()];
      for (int k = 0; k < kinds.size(); k++) {
        left[d][k] = forces.depots().get(d).stock().getOrDefault(kinds.get(k), 0.0);
      }
    }
    List<Job> templates = new ArrayList<>();
    Map<String, String> depotOf = new LinkedHashMap<>();
    List<Shortfall> shortfalls = new ArrayList<>();
    for (int o : order) {
      Obstacle ob = plan.obstacles().get(o);
      Emplacement em = ob.type().emplacement();
      int site = siteOf[o];
      Map<String, Double> work = new TreeMap<>();
      for (var e : em.workH_perUnit().entrySet()) {
        if (teamTypes.contains(e.getKey())) {
          work.put(e.getKey(), em.work_s(e.getKey(), ob.quantity()));
        }
      }
      if (work.isEmpty()) {
        shortfalls.add(
            new Shortfall(
                ob.id(),
                "no unit has a team that can do it (the catalog names "
                    + String.join(", ", em.workH_perUnit().keySet())
                    + ")"));
        continue;
      }
      if (setup.node[site] < 0) {
        shortfalls.add(
            new Shortfall(
                ob.id(), "no road within " + (int) SeasonSetup.ROAD_REACH_M + " m of the site"));
        continue;
      }
      int depot = -1;
      if (em.needsStock()) {
        depot = nearestWithStock(ob, em, kinds, left, setup, units, site);
        if (depot < 0) {
          shortfalls.add(
              new Shortfall(
                  ob.id(),
                  anyHolds(ob, em, kinds, left)
                      ? "no road links the site to a depot that holds its stock"
                      : stockShort(ob, em, kinds, left)));
          continue;
        }
        for (int k = 0; k < kinds.size(); k++) {
          left[depot][k] -= em.stockPerUnit().getOrDefault(kinds.get(k), 0.0) * ob.quantity();
        }
        depotOf.put(ob.id(), forces.depots().get(depot).id());
      }
      templates.add(
          new Job(ob.id(), site, depot < 0 ? -1 : units + depot, value(ob.type()), 0, work));
    }
    double[] earliestByJob = new double[templates.size()];
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int o = 0; o < plan.obstacles().size(); o++) {
      index.put(plan.obstacles().get(o).id(), o);
    }
    for (int j = 0; j < templates.size(); j++) {
      earliestByJob[j] = earliest[index.get(templates.get(j).id())];
    }
    Map<String, Map<String, double[]>> depotStock = new LinkedHashMap<>();
    for (int d = 0; d < left.length; d++) {
      Forces.Depot depot = forces.depots().get(d);
      Map<String, double[]> m = new TreeMap<>();
      for (int k = 0; k < kinds.size(); k++) {
        double held = depot.stock().getOrDefault(kinds.get(k), 0.0);
        m.put(kinds.get(k), new double[] {held - left[d][k], held});
      }
      depotStock.put(depot.id(), m);
    }
    return new Jobs(
        templates,
        earliestByJob,
        depotOf,
        shortfalls,
        stock,
        depotStock,
        idleUnits(forces, templates, setup));
  }

  /**
   * Units that can do nothing for this plan, with why: no road near their home, no job for their
   * team types, or no such job reachable by road (the obstacle ids are theirs: unit ids).
   */
  private static List<Shortfall> idleUnits(Forces forces, List<Job> jobs, SeasonSetup setup) {
    List<Shortfall> out = new ArrayList<>();
    for (int u = 0; u < forces.units().size(); u++) {
      Forces.Unit unit = forces.units().get(u);
      if (setup.node[u] < 0) {
        out.add(
            new Shortfall(
                unit.id(), "no road within " + (int) SeasonSetup.ROAD_REACH_M + " m of its home"));
        continue;
      }
      boolean any = false;
      boolean reached = false;
      for (Job j : jobs) {
        boolean can = false;
        for (var e : unit.teams().entrySet()) {
          can |= e.getValue() > 0 && j.work_s().containsKey(e.getKey());
        }
        if (can) {
          any = true;
          int first = j.depot() >= 0 ? j.depot() : j.site();
          reached |= setup.travel_s[u][first] < Double.POSITIVE_INFINITY;
        }
      }
      if (!any) {
        out.add(
            new Shortfall(
                unit.id(),
                "the plan has no job for its teams ("
                    + String.join(", ", unit.teams().keySet())
                    + ")"));
      } else if (!reached) {
        out.add(new Shortfall(unit.id(), "no job its teams can do is reachable by road"));
      }
    }
    return out;
  }

  private static int nearestWithStock(
      Obstacle ob,
      Emplacement em,
      List<String> kinds,
      double[][] left,
      SeasonSetup setup,
      int units,
      int site) {
    int best = -1;
    double bestT = Double.POSITIVE_INFINITY;
    for (int d = 0; d < left.length; d++) {
      boolean enough = true;
      for (int k = 0; k < kinds.size(); k++) {
        double need = em.stockPerUnit().getOrDefault(kinds.get(k), 0.0) * ob.quantity();
        enough &= left[d][k] + 1e-9 >= need;
      }
      double t = setup.travel_s[units + d][site];
      if (enough && t < bestT) {
        best = d;
        bestT = t;
      }
    }
    return best;
  }

  private static boolean anyHolds(
      Obstacle ob, Emplacement em, List<String> kinds, double[][] left) {
    for (double[] d : left) {
      boolean enough = true;
      for (int k = 0; k < kinds.size(); k++) {
        enough &= d[k] + 1e-9 >= em.stockPerUnit().getOrDefault(kinds.get(k), 0.0) * ob.quantity();
      }
      if (enough) {
        return true;
      }
    }
    return false;
  }

  private static String stockShort(
      Obstacle ob, Emplacement em, List<String> kinds, double[][] left) {
    StringBuilder sb = new StringBuilder("stock short: no depot holds what it needs (");
    for (int k = 0; k < kinds.size(); k++) {
      double need = em.stockPerUnit().getOrDefault(kinds.get(k), 0.0) * ob.quantity();
      if (need > 0) {
        double most = 0;
        double all = 0;
        for (double[] d : left) {
          most = Math.max(most, d[k]);
          all += d[k];
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "%s: needs %.0f, most left in one depot %.0f, in all %.0f; ",
                kinds.get(k),
                need,
                most,
                all));
      }
    }
    sb.setLength(sb.length() - 2);
    return sb.append(")").toString();
  }

  private static double value(ObstacleType t) {
    double best = 0;
    for (VehicleClass v : VehicleClass.values()) {
      best = Math.max(best, Math.max(t.crossingDelay_s(v), t.roadDelay_s(v)));
    }
    return Math.max(0.01, best / 3600);
  }

  /** Jobs with their deadlines at {@code warning_s}. */
  List<Job> at(double warning_s) {
    List<Job> out = new ArrayList<>(templates.size());
    for (int j = 0; j < templates.size(); j++) {
      Job t = templates.get(j);
      double arrive = Double.isFinite(earliest_s[j]) ? earliest_s[j] : NEVER_S;
      out.add(new Job(t.id(), t.site(), t.depot(), t.value(), warning_s + arrive, t.work_s()));
    }
    return out;
  }

  Schedule solve(
      List<Team> teams,
      SeasonSetup setup,
      double warning_s,
      SchedulerOptions options,
      Schedule hint) {
    ScheduleProblem p = ScheduleProblem.of(teams, at(warning_s), setup.travel_s);
    return scheduler.solve(p, options, hint);
  }

  /** The same timeline judged against the deadlines of {@code warning_s}. */
  Schedule rescore(Schedule s, double warning_s) {
    Map<String, Double> deadline = deadlines(warning_s);
    List<Assignment> out = new ArrayList<>();
    double value = 0;
    Map<String, Double> values = new LinkedHashMap<>();
    for (Job j : templates) {
      values.put(j.id(), j.value());
    }
    for (Assignment a : s.assignments()) {
      boolean onTime = a.finish_s() <= deadline.get(a.jobId());
      value += onTime ? values.get(a.jobId()) : 0;
      out.add(
          new Assignment(
              a.jobId(),
              a.teamId(),
              a.sequence(),
              a.leave_s(),
              a.load_s(),
              a.arrive_s(),
              a.start_s(),
              a.finish_s(),
              onTime));
    }
    return new Schedule(
        out, s.unassigned(), value, Double.NaN, "kept from a shorter warning", false);
  }

  Map<String, Double> deadlines(double warning_s) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Job j : at(warning_s)) {
      m.put(j.id(), j.deadline_s());
    }
    return m;
  }

  Map<String, String> depotOf() {
    return depotOf;
  }

  List<Shortfall> shortfalls() {
    return shortfalls;
  }

  /** Units that can do nothing for this plan, with why (ids are unit ids). */
  List<Shortfall> idleUnits() {
    return idleUnits;
  }

  /** Per depot id, per stock kind: {drawn by the plan's jobs, held}. */
  Map<String, Map<String, double[]>> depotStock() {
    return depotStock;
  }

  Map<String, double[]> stock() {
    return stock;
  }
}
