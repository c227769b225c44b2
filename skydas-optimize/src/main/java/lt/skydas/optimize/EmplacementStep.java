package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.Places;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.plan.Emplacement;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * Pipeline step "emplacement at the planning warning" (issue 15): which on-warning options
 * (reserved and crisis-laid types) the forces can put in place before the attacker arrives, and the
 * engineer-capacity rows of the model. Runs on hand-made data: sites, arrivals, road travel and
 * forces are inputs. Stateless.
 *
 * <p><b>Earliest finish</b> {@code e} of a type at a site: the least over the units whose team type
 * has a rate for the type (catalog {@code work_h_per_unit}) of readiness + road travel home → depot
 * holding its stock (if it needs stock; every kind, enough for this obstacle) → site + work ({@link
 * Emplacement#work_s}), every leg at its slowest over the seasons ({@link Travel#worst}). The
 * option is <b>dropped</b> when {@code e > W + a}, {@code W} the planning warning and {@code a} the
 * attacker's earliest arrival at the site with no plan (min over the cases): it can never be in
 * place. A site the attacker never reaches keeps its options (they delay nothing). Pinned sites
 * keep their type and get a note.
 *
 * <p><b>Capacity rows.</b> Each kept option may be done by the team types present in the forces
 * whose teams can finish it by its deadline; its work is the least over them. For each group of
 * team types (each distinct such set, and all of them together) and up to four thresholds t (the
 * quartiles of the deadlines {@code W + a} of the options only the group can do): {@code Σ work
 * minutes of those options with deadline ≤ t ≤ Σ_units Σ_{T in group} teams × (t − readiness)}.
 * This is the classic necessary condition for meeting deadlines on parallel machines (per group of
 * machines, as in skydas-emplace's {@code TypeGroupBound}), with the work alone (travel left out):
 * the model is optimistic on team capacity; the emplacement timeline ({@code skydas emplace}) tells
 * the truth.
 */
final class EmplacementStep {
  private EmplacementStep() {}

  /** Deadline thresholds per team type: the quartiles of its options' deadlines. */
  static final double[] QUANTILES = {0.25, 0.5, 0.75, 1.0};

  /**
   * Friendly road travel in one season, s (+Inf: no road). Sites in site order; units and depots in
   * the forces' order.
   *
   * @param siteOffRoad per site: no road within reach of the point a team drives to
   */
  record Travel(
      double[][] unitToSite_s,
      double[][] unitToDepot_s,
      double[][] depotToSite_s,
      boolean[] siteOffRoad) {

    /** Every leg at its slowest over the seasons (elementwise maximum); off road in any. */
    static Travel worst(List<Travel> seasons) {
      Travel w = seasons.get(0);
      for (Travel t : seasons.subList(1, seasons.size())) {
        boolean[] off = w.siteOffRoad().clone();
        for (int s = 0; s < off.length; s++) {
          off[s] |= t.siteOffRoad()[s];
        }
        w =
            new Travel(
                max(w.unitToSite_s(), t.unitToSite_s()),
                max(w.unitToDepot_s(), t.unitToDepot_s()),
                max(w.depotToSite_s(), t.depotToSite_s()),
                off);
      }
      return w;
    }

    /**
     * The same travel with depots {@code keep} (indices into these depots, in the new order): for
     * forces whose depots are some of those this travel was computed for.
     */
    Travel depots(int[] keep) {
      double[][] toDepot = new double[unitToDepot_s.length][keep.length];
      for (int u = 0; u < toDepot.length; u++) {
        for (int i = 0; i < keep.length; i++) {
          toDepot[u][i] = unitToDepot_s[u][keep[i]];
        }
      }
      double[][] fromDepot = new double[keep.length][];
      for (int i = 0; i < keep.length; i++) {
        fromDepot[i] = depotToSite_s[keep[i]];
      }
      return new Travel(unitToSite_s, toDepot, fromDepot, siteOffRoad);
    }

    private static double[][] max(double[][] a, double[][] b) {
      double[][] m = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        m[i] = new double[a[i].length];
        for (int j = 0; j < m[i].length; j++) {
          m[i][j] = Math.max(a[i][j], b[i][j]);
        }
      }
      return m;
    }
  }

  /**
   * The step's input.
   *
   * @param sites the (route-restricted) sites with their types
   * @param pinnedSites site numbers the user pinned or that stand: never dropped
   * @param arrival_s per site: the attacker's earliest arrival with no plan over the cases, s after
   *     he crosses (+Inf: never)
   * @param seasons the road travel of each season considered
   * @param warning_h the planning warning time
   */
  record Input(
      List<SiteTypes> sites,
      Set<Integer> pinnedSites,
      double[] arrival_s,
      Forces forces,
      List<Travel> seasons,
      double warning_h) {

    /**
     * The same input with {@code other} forces: the same units, depots some of these forces' (by
     * id; the road travel is re-indexed).
     *
     * @throws IllegalArgumentException when a depot of {@code other} is not one of these
     */
    Input at(double hours) {
      return new Input(sites, pinnedSites, arrival_s, forces, seasons, hours);
    }

    Input withForces(Forces other) {
      int[] keep = new int[other.depots().size()];
      for (int i = 0; i < keep.length; i++) {
        String id = other.depots().get(i).id();
        keep[i] = -1;
        for (int d = 0; d < forces.depots().size(); d++) {
          if (forces.depots().get(d).id().equals(id)) {
            keep[i] = d;
          }
        }
        if (keep[i] < 0) {
          throw new IllegalArgumentException("depot " + id + " has no road travel");
        }
      }
      List<Travel> t = seasons.stream().map(x -> x.depots(keep)).toList();
      return new Input(sites, pinnedSites, arrival_s, other, t, warning_h);
    }
  }

  /**
   * What a kept on-warning option takes.
   *
   * @param teamTypes the team types present in the forces whose teams can finish it by its deadline
   *     (for a pin that cannot be in time: every type that can do it at all)
   * @param work_min the least work over those types, whole minutes rounded up
   * @param deadline_s {@code W + a(site)}, s after the warning (+Inf: the attacker never comes)
   * @param finish_s the earliest finish {@code e}, s after the warning
   * @param depot the depot of the earliest finish (index into the forces' depots), −1 for none
   * @param stock what it draws from that depot, items by kind
   */
  record OptionWork(
      Set<String> teamTypes,
      long work_min,
      double deadline_s,
      double finish_s,
      int depot,
      Map<String, Double> stock) {
    OptionWork {
      teamTypes = Set.copyOf(teamTypes);
    }
  }

  /** Options of one type dropped, with the reason of the one that came nearest to in time. */
  record Dropped(String type, int count, String reason) {}

  /**
   * The step's output.
   *
   * @param sites the sites without the dropped options
   * @param work site → type → what the kept on-warning option takes
   * @param dropped by type, in catalog id order
   * @param rows the capacity rows
   * @param notes pins that cannot be in place
   */
  record Outcome(
      List<SiteTypes> sites,
      Map<Integer, Map<String, OptionWork>> work,
      List<Dropped> dropped,
      List<ModelFactory.WorkRow> rows,
      List<String> notes) {}

  /** One season's best way to put a type in place at a site, or why there is none. */
  private record Finish(
      double e_s,
      String unit,
      String teamType,
      double drive_s,
      double work_s,
      double ready_s,
      int depot,
      String reason) {}

  /**
   * The step for several warning times: the options and notes of the longest (an option in time at
   * any of them stays in the model), the capacity rows of the planning warning ({@code
   * in.warning_h()}, one of {@code hours}), and per warning which on-warning options are in place
   * by then ({@link PlanningWarnings}; a single warning: {@link PlanningWarnings#single}).
   *
   * @param hours ascending, containing the planning warning
   */
  static Planned run(Input in, double[] hours) {
    if (hours.length <= 1) {
      return new Planned(run(in), PlanningWarnings.single());
    }
    Outcome longest = null;
    Outcome planning = null;
    int primary = -1;
    List<Map<Integer, Set<String>>> inTime = new ArrayList<>();
    for (int w = 0; w < hours.length; w++) {
      Outcome o = run(in.at(hours[w]));
      Map<Integer, Set<String>> ok = new TreeMap<>();
      o.work()
          .forEach(
              (site, byType) ->
                  byType.forEach(
                      (type, x) -> {
                        if (x.finish_s() <= x.deadline_s()) {
                          ok.computeIfAbsent(site, k -> new TreeSet<>()).add(type);
                        }
                      }));
      inTime.add(ok);
      if (hours[w] == in.warning_h()) {
        planning = o;
        primary = w;
      }
      longest = o;
    }
    if (planning == null) {
      throw new IllegalArgumentException("the warnings must hold the planning warning");
    }
    return new Planned(
        new Outcome(
            longest.sites(), longest.work(), longest.dropped(), planning.rows(), longest.notes()),
        new PlanningWarnings(hours.clone(), primary, inTime));
  }

  /** The step's outcome and the model's warning times. */
  record Planned(Outcome outcome, PlanningWarnings warnings) {}

  /** Runs the step. */
  static Outcome run(Input in) {
    double w_s = in.warning_h() * 3600;
    Map<String, Integer> teams = teamCounts(in.forces());
    List<SiteTypes> out = new ArrayList<>();
    Map<Integer, Map<String, OptionWork>> work = new LinkedHashMap<>();
    Map<String, int[]> dropCount = new TreeMap<>();
    Map<String, String> dropReason = new HashMap<>();
    Map<String, Double> dropLate = new HashMap<>();
    List<String> notes = new ArrayList<>();
    Travel travel = Travel.worst(in.seasons());
    for (int s = 0; s < in.sites().size(); s++) {
      SiteTypes st = in.sites().get(s);
      List<ObstacleType> kept = new ArrayList<>();
      for (ObstacleType t : st.types()) {
        Emplacement em = t.emplacement();
        if (!em.onWarning()) {
          kept.add(t);
          continue;
        }
        Obstacle o = new Obstacle(st.id(), t.name(), t, null, st.geometry_lks94(), 0);
        Map<String, Finish> byType = new TreeMap<>();
        Finish f = earliest(in.forces(), travel, s, o, teams, byType);
        double deadline = w_s + in.arrival_s()[s];
        boolean inTime = f.reason() == null && f.e_s() <= deadline;
        if (inTime || in.pinnedSites().contains(s)) {
          kept.add(t);
          if (f.reason() == null) {
            Set<String> able = new TreeSet<>();
            double least = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, Finish> b : byType.entrySet()) {
              if (!inTime || b.getValue().e_s() <= deadline) {
                able.add(b.getKey());
                least = Math.min(least, b.getValue().work_s());
              }
            }
            work.computeIfAbsent(s, k -> new TreeMap<>())
                .put(
                    t.id(),
                    new OptionWork(
                        able,
                        (long) Math.ceil(least / 60 - 1e-9),
                        deadline,
                        f.e_s(),
                        f.depot(),
                        stockOf(o)));
          }
          if (!inTime) {
            notes.add(
                "pinned "
                    + t.id()
                    + " at "
                    + st.id()
                    + " cannot be in place in time: "
                    + reason(f, in.arrival_s()[s], in.warning_h()));
          }
          continue;
        }
        dropCount.computeIfAbsent(t.id(), k -> new int[1])[0]++;
        double late = f.reason() == null ? f.e_s() - deadline : Double.POSITIVE_INFINITY;
        if (!dropReason.containsKey(t.id()) || late < dropLate.get(t.id())) {
          dropReason.put(t.id(), reason(f, in.arrival_s()[s], in.warning_h()));
          dropLate.put(t.id(), late);
        }
      }
      out.add(new SiteTypes(st.id(), st.geometry_lks94(), kept));
    }
    List<Dropped> dropped = new ArrayList<>();
    for (Map.Entry<String, int[]> e : dropCount.entrySet()) {
      dropped.add(new Dropped(e.getKey(), e.getValue()[0], dropReason.get(e.getKey())));
    }
    return new Outcome(out, work, dropped, rows(work, in.forces()), notes);
  }

  /**
   * The earliest finish over every capable unit and depot holding the stock, or why there is none;
   * fills {@code byType} with the earliest finish of each team type that has one.
   */
  private static Finish earliest(
      Forces forces,
      Travel travel,
      int site,
      Obstacle o,
      Map<String, Integer> teams,
      Map<String, Finish> byType) {
    Emplacement em = o.type().emplacement();
    if (em.workH_perUnit().keySet().stream().noneMatch(t -> teams.getOrDefault(t, 0) > 0)) {
      return noWay(
          "no unit has a team that can do it (the catalog names "
              + String.join(", ", new TreeMap<>(em.workH_perUnit()).keySet())
              + ")");
    }
    Map<String, Double> stock = stockOf(o);
    boolean[] holds = new boolean[forces.depots().size()];
    boolean anyDepot = false;
    for (int d = 0; d < holds.length; d++) {
      holds[d] = true;
      for (Map.Entry<String, Double> k : stock.entrySet()) {
        holds[d] &=
            forces.depots().get(d).stock().getOrDefault(k.getKey(), 0.0) + 1e-9 >= k.getValue();
      }
      anyDepot |= holds[d];
    }
    if (em.needsStock() && !anyDepot) {
      return noWay("no depot holds its stock (" + stockText(stock) + ")");
    }
    if (travel.siteOffRoad()[site]) {
      return noWay("no road within " + (int) Places.ROAD_REACH_M + " m of the site");
    }
    Finish best = null;
    for (int u = 0; u < forces.units().size(); u++) {
      Forces.Unit unit = forces.units().get(u);
      for (Map.Entry<String, Integer> tt : new TreeMap<>(unit.teams()).entrySet()) {
        double work = em.work_s(tt.getKey(), o.quantity());
        if (tt.getValue() <= 0 || !Double.isFinite(work)) {
          continue;
        }
        double ready = unit.readiness_h() * 3600;
        int depot = -1;
        double drive = Double.POSITIVE_INFINITY;
        if (em.needsStock()) {
          for (int d = 0; d < holds.length; d++) {
            double via = travel.unitToDepot_s()[u][d] + travel.depotToSite_s()[d][site];
            if (holds[d] && via < drive) {
              drive = via;
              depot = d;
            }
          }
        } else {
          drive = travel.unitToSite_s()[u][site];
        }
        double e = ready + drive + work;
        Finish f = new Finish(e, unit.id(), tt.getKey(), drive, work, ready, depot, null);
        if (Double.isFinite(e) && (best == null || e < best.e_s())) {
          best = f;
        }
        Finish ofType = byType.get(tt.getKey());
        if (Double.isFinite(e) && (ofType == null || e < ofType.e_s())) {
          byType.put(tt.getKey(), f);
        }
      }
    }
    return best != null
        ? best
        : noWay(
            "no road links the home of a team that can do it"
                + (em.needsStock() ? ", through a depot holding its stock," : "")
                + " to the site");
  }

  private static Finish noWay(String reason) {
    return new Finish(Double.POSITIVE_INFINITY, null, null, 0, 0, 0, -1, reason);
  }

  /** Why a type cannot be in place at a site, in one sentence. */
  private static String reason(Finish f, double arrival_s, double warning_h) {
    if (f.reason() != null) {
      return f.reason();
    }
    return String.format(
        Locale.ROOT,
        "the nearest %s (%s) needs %.1f h (ready %.1f h, drive %.1f h, work %.1f h); the attacker"
            + " is there %.1f h after crossing, %.1f h after a warning of %.1f h",
        f.teamType(),
        f.unit(),
        f.e_s() / 3600,
        f.ready_s() / 3600,
        f.drive_s() / 3600,
        f.work_s() / 3600,
        arrival_s / 3600,
        warning_h + arrival_s / 3600,
        warning_h);
  }

  /**
   * The model's storage rows for the kept options ({@link DepotStorage}): what each kept on-warning
   * option draws, by kind; what the forces' depots store; the depot sites the model may build. The
   * option's timing counts the depots that stand only: a site built by the plan adds room, and the
   * timeline may load there, but no option is kept for its sake.
   */
  static DepotStorage storage(Outcome out, Forces forces) {
    Map<Integer, Map<String, Map<String, Double>>> items = new TreeMap<>();
    out.work()
        .forEach(
            (site, byType) ->
                byType.forEach(
                    (type, w) -> {
                      if (!w.stock().isEmpty()) {
                        items.computeIfAbsent(site, k -> new TreeMap<>()).put(type, w.stock());
                      }
                    }));
    Map<String, Double> capacity = new TreeMap<>();
    for (Forces.Depot d : forces.depots()) {
      d.stock().forEach((k, v) -> capacity.merge(k, v, Double::sum));
    }
    return new DepotStorage(forces.depotSites(), capacity, items);
  }

  /** Teams of each type over all units. */
  static Map<String, Integer> teamCounts(Forces forces) {
    Map<String, Integer> n = new TreeMap<>();
    for (Forces.Unit u : forces.units()) {
      u.teams().forEach((t, k) -> n.merge(t, k, Integer::sum));
    }
    return n;
  }

  private static Map<String, Double> stockOf(Obstacle o) {
    Map<String, Double> m = new TreeMap<>();
    o.type().emplacement().stockPerUnit().forEach((k, v) -> m.put(k, v * o.quantity()));
    return m;
  }

  private static String stockText(Map<String, Double> stock) {
    List<String> parts = new ArrayList<>();
    stock.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s: %.0f", k, v)));
    return String.join(", ", parts);
  }

  /**
   * The capacity rows (see the class comment): per group of team types (each distinct set of types
   * that can do a kept option in time, and all of them together) and up to four deadline thresholds
   * {@code t}: the least work of the options only the group's types can do, due by {@code t},
   * within the group's team-hours {@code Σ_units Σ_{T in group} teams × (t − readiness)}.
   */
  static List<ModelFactory.WorkRow> rows(
      Map<Integer, Map<String, OptionWork>> work, Forces forces) {
    java.util.TreeMap<String, Set<String>> groups = new java.util.TreeMap<>();
    Set<String> all = new TreeSet<>();
    for (Map<String, OptionWork> byType : work.values()) {
      for (OptionWork w : byType.values()) {
        if (Double.isFinite(w.deadline_s()) && !w.teamTypes().isEmpty()) {
          groups.put(String.join("+", new TreeSet<>(w.teamTypes())), w.teamTypes());
          all.addAll(w.teamTypes());
        }
      }
    }
    if (groups.size() > 1) {
      groups.put(String.join("+", all), all);
    }
    List<ModelFactory.WorkRow> rows = new ArrayList<>();
    for (Map.Entry<String, Set<String>> g : groups.entrySet()) {
      Set<String> group = g.getValue();
      List<Double> due = new ArrayList<>();
      work.values()
          .forEach(
              byType ->
                  byType.values().stream()
                      .filter(w -> Double.isFinite(w.deadline_s()) && within(w, group))
                      .forEach(w -> due.add(w.deadline_s())));
      double[] d = due.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double prev = Double.NaN;
      for (double q : QUANTILES) {
        double t = d[Math.max(0, (int) Math.ceil(q * d.length) - 1)];
        if (t == prev) {
          continue;
        }
        prev = t;
        Map<Integer, Map<String, Long>> coef = new TreeMap<>();
        work.forEach(
            (site, byType) ->
                byType.forEach(
                    (id, w) -> {
                      if (within(w, group) && w.deadline_s() <= t) {
                        coef.computeIfAbsent(site, k -> new TreeMap<>()).put(id, w.work_min());
                      }
                    }));
        rows.add(
            new ModelFactory.WorkRow(
                String.format(Locale.ROOT, "emplacement %s by %.1f h", g.getKey(), t / 3600),
                g.getKey(),
                t / 3600,
                (long) Math.floor(teamMinutes(forces, group, t)),
                coef));
      }
    }
    return rows;
  }

  private static boolean within(OptionWork w, Set<String> group) {
    return !w.teamTypes().isEmpty() && group.containsAll(w.teamTypes());
  }

  /** {@code Σ_units Σ_{T in group} teams × max(0, t − readiness)}, minutes. */
  static double teamMinutes(Forces forces, Set<String> group, double t_s) {
    double m = 0;
    for (Forces.Unit u : forces.units()) {
      for (String type : group) {
        m += u.teams().getOrDefault(type, 0) * Math.max(0, t_s - u.readiness_h() * 3600) / 60;
      }
    }
    return m;
  }
}
