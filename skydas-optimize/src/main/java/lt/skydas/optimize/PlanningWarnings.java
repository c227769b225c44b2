package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.Obstacle;

/**
 * The warning times the model plans for (issue 15: robust over warning times). With more than one,
 * every scenario and objective group is repeated per warning time: at warning {@code W} an
 * on-warning option the forces cannot put in place by then adds no delay, and each group's weight
 * is divided by the number of warnings, so the objective is the mean over the warnings of the
 * objective at each (more warning never gives less delay: the worst case would be the shortest
 * warning alone, and the mean keeps the plan good at the others).
 *
 * @param hours ascending
 * @param primary index of the planning warning in {@code hours}
 * @param inTime per warning: site number → the on-warning type ids the forces can put in place
 *     there by then
 */
public record PlanningWarnings(
    double[] hours, int primary, List<Map<Integer, Set<String>>> inTime) {
  public PlanningWarnings {
    inTime = List.copyOf(inTime);
    if (hours.length != inTime.size() || primary < 0 || primary >= hours.length) {
      throw new IllegalArgumentException("one in-time map per warning, and a primary one");
    }
  }

  /** The planning warning alone (no repetition; names as before). */
  public static PlanningWarnings single() {
    return new PlanningWarnings(new double[] {Double.NaN}, 0, List.of(Map.of()));
  }

  boolean many() {
    return hours.length > 1;
  }

  String suffix(int w) {
    return many()
        ? "@" + java.math.BigDecimal.valueOf(hours[w]).stripTrailingZeros().toPlainString() + "h"
        : "";
  }

  /** The scenarios' warnings and the model at the planning warning alone. */
  ScenarioWarnings of(BarrierModel model, int[] warningOf) {
    if (!many()) {
      int[] all = java.util.stream.IntStream.range(0, warningOf.length).toArray();
      return new ScenarioWarnings(hours, 0, warningOf, all, model);
    }
    int nw = hours.length;
    int p = primary;
    List<BarrierModel.Group> groups = new ArrayList<>();
    for (int g = p; g < model.groups().size(); g += nw) {
      BarrierModel.Group x = model.groups().get(g);
      groups.add(new BarrierModel.Group(x.name(), x.weight() * nw, x.aggregate()));
    }
    List<BarrierModel.Scenario> scen = new ArrayList<>();
    List<Integer> primary = new ArrayList<>();
    for (int i = 0; i < warningOf.length; i++) {
      if (warningOf[i] == p) {
        BarrierModel.Scenario x = model.scenarios().get(i);
        scen.add(
            new BarrierModel.Scenario(
                x.name(), x.group() / nw, x.graph(), x.cellDelay_s(), x.roadDelay_s()));
        primary.add(i);
      }
    }
    BarrierModel pm =
        new BarrierModel(
            model.sites(), model.options(), groups, scen, model.budgets(), model.links());
    return new ScenarioWarnings(
        hours, p, warningOf, primary.stream().mapToInt(Integer::intValue).toArray(), pm);
  }

  /**
   * {@code delay_s} at one warning: 0 for each on-warning option the forces cannot put in place by
   * then ({@code inTime}: site number → type ids).
   */
  static double[] atWarning(double[] delay_s, OptionTable table, Map<Integer, Set<String>> inTime) {
    double[] d = delay_s.clone();
    for (int o = 0; o < d.length; o++) {
      Obstacle ob = table.obstacles().get(o);
      if (ob != null && ob.type().emplacement().onWarning()) {
        BarrierModel.Option op = table.options().get(o);
        if (!inTime.getOrDefault(op.site(), Set.of()).contains(op.type())) {
          d[o] = 0;
        }
      }
    }
    return d;
  }
}
