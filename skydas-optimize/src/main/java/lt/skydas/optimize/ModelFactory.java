package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * Turns sites, their obstacle types and the corridor graphs into the {@link BarrierModel} the
 * solvers work on: one option per site and type, with its cost against the budget (construction,
 * plus clearance liability for mines when the programme counts it), its mine-ceiling cost and build
 * effort; one objective group per vehicle class; budget rows for the total, the mine ceiling and
 * the build capacity.
 *
 * <p>The objective is {@code Σ_v weight_v · T_v / T0_v}: each class's attacker time (the worst
 * season when robust, else the mean over seasons) relative to its unobstructed time, so a class
 * that is slow anyway (dismounted) does not drown the others; the weights are the user's.
 */
public final class ModelFactory {
  private ModelFactory() {}

  /** What the user fixed: a type per pinned site, and which pinned sites already stand. */
  public record Fixed(Map<Integer, String> typeBySite, java.util.Set<Integer> existing) {
    public Fixed {
      typeBySite = Map.copyOf(typeBySite);
      existing = java.util.Set.copyOf(existing);
    }

    public static Fixed none() {
      return new Fixed(Map.of(), java.util.Set.of());
    }
  }

  /** The model and, per option, what it costs and takes to build (for reports and phasing). */
  public record Built(
      BarrierModel model,
      List<Obstacle> obstacles,
      double[] buildCost_eur,
      double[] buildEffort_h,
      boolean[] existing) {}

  public static Built build(
      List<SiteTypes> sites,
      CorridorGraphs graphs,
      Fixed fixed,
      Programme programme,
      Map<VehicleClass, Double> classWeights,
      boolean robust) {
    List<BarrierModel.Option> options = new ArrayList<>();
    List<Obstacle> obstacles = new ArrayList<>();
    List<Double> build = new ArrayList<>();
    List<Double> effort = new ArrayList<>();
    List<Boolean> existing = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      SiteTypes st = sites.get(s);
      String pinned = fixed.typeBySite().get(s);
      for (ObstacleType t : st.types()) {
        if (pinned != null && !pinned.equals(t.id())) {
          continue; // a pinned site offers only its pinned type
        }
        Obstacle o = new Obstacle(st.id(), t.name(), t, null, st.geometry_lks94(), 0);
        boolean standing = pinned != null && fixed.existing().contains(s);
        double cost = o.cost_eur() + (programme.countClearance() ? o.clearanceCost_eur() : 0);
        options.add(
            new BarrierModel.Option(
                s, t.id(), standing ? 0 : Math.round(cost), t.mines().isMine(), pinned != null));
        obstacles.add(o);
        build.add(standing ? 0 : o.cost_eur());
        effort.add(standing ? 0 : o.buildEffort_h());
        existing.add(standing);
      }
    }
    int n = options.size();
    // objective groups: one per class present in the cases
    Map<VehicleClass, Integer> groupOf = new EnumMap<>(VehicleClass.class);
    Map<VehicleClass, Double> reference = new EnumMap<>(VehicleClass.class);
    for (int k = 0; k < graphs.cases().size(); k++) {
      VehicleClass v = graphs.cases().get(k).vehicle();
      double t0 = graphs.baseline_s()[k];
      if (Double.isFinite(t0) && t0 > 0) {
        reference.merge(v, t0, Math::min);
      }
    }
    List<BarrierModel.Group> groups = new ArrayList<>();
    for (CorridorGraphs.Case c : graphs.cases()) {
      if (!groupOf.containsKey(c.vehicle())) {
        groupOf.put(c.vehicle(), groups.size());
        double w = classWeights.getOrDefault(c.vehicle(), 1.0);
        double ref = reference.getOrDefault(c.vehicle(), 3600.0);
        groups.add(
            new BarrierModel.Group(
                c.vehicle().id(),
                w / ref,
                robust ? BarrierModel.Aggregate.MIN : BarrierModel.Aggregate.MEAN));
      }
    }
    List<BarrierModel.Scenario> scenarios = new ArrayList<>();
    for (int k = 0; k < graphs.cases().size(); k++) {
      CorridorGraphs.Case c = graphs.cases().get(k);
      double[] cell = new double[n];
      double[] road = new double[n];
      for (int o = 0; o < n; o++) {
        ObstacleType t = obstacles.get(o).type();
        cell[o] = t.crossingDelay_s(c.vehicle());
        road[o] = t.blocksRoads() ? t.roadDelay_s(c.vehicle()) : 0;
      }
      scenarios.add(
          new BarrierModel.Scenario(
              c.name(), groupOf.get(c.vehicle()), graphs.graphs().get(k), cell, road));
    }
    long[] total = new long[n];
    long[] mines = new long[n];
    long[] hours = new long[n];
    for (int o = 0; o < n; o++) {
      total[o] = options.get(o).cost_eur();
      mines[o] = options.get(o).mine() ? Math.round(build.get(o)) : 0;
      hours[o] = Math.round(effort.get(o));
    }
    List<BarrierModel.Budget> budgets = new ArrayList<>();
    budgets.add(
        new BarrierModel.Budget("total budget", total, Math.round(programme.spendable_eur())));
    budgets.add(new BarrierModel.Budget("mine ceiling", mines, Math.round(programme.mines_eur())));
    if (Double.isFinite(programme.yearCapacity_h())) {
      budgets.add(
          new BarrierModel.Budget(
              "build capacity", hours, Math.round(programme.yearCapacity_h() * programme.years())));
    }
    List<String> ids = sites.stream().map(SiteTypes::id).toList();
    boolean[] ex = new boolean[n];
    double[] b = new double[n];
    double[] e = new double[n];
    for (int o = 0; o < n; o++) {
      ex[o] = existing.get(o);
      b[o] = build.get(o);
      e[o] = effort.get(o);
    }
    return new Built(
        new BarrierModel(ids, options, groups, scenarios, budgets), obstacles, b, e, ex);
  }
}
