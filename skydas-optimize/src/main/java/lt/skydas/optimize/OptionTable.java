package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.emplace.Forces;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * The options of the model {@link ModelFactory} builds, per option (site × type, in site order,
 * then the sensor candidates, then the depot sites): the option, its obstacle (null for a sensor or
 * depot), sensor candidate or depot site (null otherwise), cost and effort, the factor on its
 * obstacle's delays, whether it is the watched twin, and the watch links (the rule: {@link
 * ModelFactory}'s class comment). Arrays are not copied.
 */
record OptionTable(
    List<BarrierModel.Option> options,
    List<Obstacle> obstacles,
    double[] buildCost_eur,
    double[] buildEffort_h,
    boolean[] existing,
    double[] delayFactor,
    boolean[] watched,
    List<SensorCandidate> sensorOf,
    List<Forces.DepotSite> depotOf,
    List<BarrierModel.Link> links,
    java.util.SortedMap<String, Integer> tooBigForAYear) {

  /** The type of a depot site's option. */
  static final String DEPOT_TYPE = "depot";

  /** Collects the option table row by row. */
  private static final class Rows {
    final List<BarrierModel.Option> options = new ArrayList<>();
    final List<Obstacle> obstacles = new ArrayList<>();
    final List<Double> build = new ArrayList<>();
    final List<Double> effort = new ArrayList<>();
    final List<Boolean> existing = new ArrayList<>();
    final List<Double> factor = new ArrayList<>();
    final List<Boolean> watched = new ArrayList<>();
    final List<SensorCandidate> sensorOf = new ArrayList<>();
    final List<Forces.DepotSite> depotOf = new ArrayList<>();
    final List<int[]> linkTo = new ArrayList<>();
    final java.util.SortedMap<String, Integer> tooBigForAYear = new java.util.TreeMap<>();

    /** Option number of the first sensor candidate. */
    int firstSensorOption = -1;

    void add(
        BarrierModel.Option op,
        Obstacle o,
        SensorCandidate c,
        double build_eur,
        double effort_h,
        boolean standing,
        double delayFactor,
        int[] coveringSites) {
      options.add(op);
      obstacles.add(o);
      sensorOf.add(c);
      depotOf.add(null);
      build.add(build_eur);
      effort.add(effort_h);
      existing.add(standing);
      factor.add(delayFactor);
      watched.add(coveringSites != null);
      linkTo.add(coveringSites);
    }

    OptionTable table() {
      int n = options.size();
      boolean[] ex = new boolean[n];
      boolean[] w = new boolean[n];
      double[] b = new double[n];
      double[] e = new double[n];
      double[] f = new double[n];
      for (int o = 0; o < n; o++) {
        ex[o] = existing.get(o);
        w[o] = watched.get(o);
        b[o] = build.get(o);
        e[o] = effort.get(o);
        f[o] = factor.get(o);
      }
      List<BarrierModel.Link> links = new ArrayList<>();
      for (int o = 0; o < n; o++) {
        int[] cov = linkTo.get(o);
        if (cov != null) {
          // sensor candidate c is option firstSensorOption + c (one option per sensor site)
          int[] js = new int[cov.length];
          for (int i = 0; i < cov.length; i++) {
            js[i] = firstSensorOption + cov[i];
          }
          links.add(new BarrierModel.Link(o, js));
        }
      }
      return new OptionTable(
          options, obstacles, b, e, ex, f, w, sensorOf, depotOf, links, tooBigForAYear);
    }
  }

  /**
   * One option per site and type (two, unwatched and watched, where a sensor candidate covers the
   * site and the type needs a watch), then one per sensor candidate, then one per depot site (its
   * build cost; no effort: a depot is not built by the barrier's engineers); standing obstacles
   * cost nothing and take no effort. An obstacle option (not pinned) that costs more than the
   * largest yearly ceiling or takes more than a year's build capacity could never be phased into a
   * year: it is left out and counted by type ({@link #tooBigForAYear}), unless every obstacle
   * option would be (then {@link BudgetChecks#checkBudgetsAllowSomething} names what binds).
   */
  static OptionTable of(
      List<SiteTypes> sites,
      ModelFactory.Fixed fixed,
      Programme programme,
      List<SensorCandidate> sensors,
      List<Forces.DepotSite> depots) {
    OptionTable t = of(sites, fixed, programme, sensors, depots, true);
    boolean anyLeft = false;
    for (int o = 0; o < t.options().size(); o++) {
      anyLeft |= t.obstacles().get(o) != null && !t.options().get(o).forced();
    }
    // every obstacle too big for a year: keep them, so the budget checks name what binds
    return anyLeft || t.tooBigForAYear().isEmpty()
        ? t
        : of(sites, fixed, programme, sensors, depots, false);
  }

  private static OptionTable of(
      List<SiteTypes> sites,
      ModelFactory.Fixed fixed,
      Programme programme,
      List<SensorCandidate> sensors,
      List<Forces.DepotSite> depots,
      boolean leaveOutTooBig) {
    boolean watch = !sensors.isEmpty();
    List<List<Integer>> coverOf = new ArrayList<>();
    List<Double> minShare = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      coverOf.add(new ArrayList<>());
      minShare.add(1.0);
    }
    for (int c = 0; c < sensors.size(); c++) {
      SensorCandidate sc = sensors.get(c);
      for (int i = 0; i < sc.sites().length; i++) {
        int s = sc.sites()[i];
        coverOf.get(s).add(c);
        minShare.set(s, Math.min(minShare.get(s), sc.share()[i]));
      }
    }
    Rows rows = new Rows();
    double yearMax_eur = 0;
    for (double c : programme.yearCeilings_eur()) {
      yearMax_eur = Math.max(yearMax_eur, c);
    }
    for (int s = 0; s < sites.size(); s++) {
      SiteTypes st = sites.get(s);
      String pinned = fixed.typeBySite().get(s);
      int[] cover = coverOf.get(s).stream().mapToInt(Integer::intValue).toArray();
      for (ObstacleType t : st.types()) {
        if (pinned != null && !pinned.equals(t.id())) {
          continue; // a pinned site offers only its pinned type
        }
        Obstacle o = new Obstacle(st.id(), t.name(), t, null, st.geometry_lks94(), 0);
        boolean standing = pinned != null && fixed.existing().contains(s);
        BarrierModel.Option op =
            new BarrierModel.Option(
                s,
                t.id(),
                standing ? 0 : ModelFactory.budgetCost_eur(o, programme),
                t.mines().isMine(),
                pinned != null);
        double build = standing ? 0 : o.cost_eur();
        double effort = standing ? 0 : o.buildEffort_h();
        if (leaveOutTooBig
            && pinned == null
            && (op.cost_eur() > yearMax_eur || effort > programme.yearCapacity_h())) {
          rows.tooBigForAYear.merge(t.id(), 1, Integer::sum);
          continue;
        }
        double f = watch ? t.unobservedDelayFactor() : 1;
        rows.add(op, o, null, build, effort, standing, f, null);
        if (f < 1 && pinned == null && cover.length > 0) {
          rows.add(
              new BarrierModel.Option(s, t.id(), op.cost_eur(), op.mine(), false),
              o,
              null,
              build,
              effort,
              false,
              t.watchedFactor(minShare.get(s)),
              cover);
        }
      }
    }
    rows.firstSensorOption = rows.options.size();
    for (int c = 0; c < sensors.size(); c++) {
      SensorCandidate sc = sensors.get(c);
      rows.add(
          new BarrierModel.Option(sites.size() + c, sc.type().id(), sc.cost_eur(), false, false),
          null,
          sc,
          sc.cost_eur(),
          0,
          false,
          0,
          null);
    }
    for (int d = 0; d < depots.size(); d++) {
      Forces.DepotSite ds = depots.get(d);
      long cost = Math.round(ds.build_eur());
      rows.add(
          new BarrierModel.Option(
              sites.size() + sensors.size() + d, DEPOT_TYPE, cost, false, false),
          null,
          null,
          cost,
          0,
          false,
          0,
          null);
      rows.depotOf.set(rows.depotOf.size() - 1, ds);
    }
    return rows.table();
  }

  /** {@code reach} (the model's notes) and, when options were left out as too big, one more. */
  List<String> notes(List<String> reach, Programme programme) {
    java.util.Map<String, Integer> tooBig = tooBigForAYear;
    if (tooBig.isEmpty()) {
      return reach;
    }
    List<String> notes = new ArrayList<>(reach);
    double yearMax = java.util.Arrays.stream(programme.yearCeilings_eur()).max().orElse(0);
    List<String> parts = new ArrayList<>();
    tooBig.forEach((type, n) -> parts.add(type + " ×" + n));
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "%d option(s) cost more than the largest yearly ceiling (EUR %,.0f) or take more than"
                + " a year's build capacity, so no year could build them: left out of the model"
                + " (%s)",
            tooBig.values().stream().mapToInt(Integer::intValue).sum(),
            yearMax,
            String.join(", ", parts)));
    return notes;
  }
}
