package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.solve.PlanEvaluator;

/**
 * What the model's attacker meets on the path that sets each objective group's value: for every
 * group (class × objective, or class with one sink), its worst scenario's shortest path under the
 * plan, and at each site on it whether the plan already has the strongest option the site offers
 * for that gate (saturated), a weaker one, or none. When every site on those paths is saturated, no
 * money buys more on the model; the saturated sites name what binds. Stateless.
 */
public final class ModelPaths {
  private ModelPaths() {}

  /**
   * One group's binding path.
   *
   * @param group the group's name (e.g. {@code tracked/vilnius})
   * @param scenario the scenario of the group that sets its value (its worst season)
   * @param saturated sites with the strongest option offered, as {@code id type}
   * @param open sites with a weaker option or none, as {@code id} or {@code id type}
   */
  public record PathLimit(
      String group, String scenario, List<String> saturated, List<String> open) {
    public PathLimit {
      saturated = List.copyOf(saturated);
      open = List.copyOf(open);
    }
  }

  /** The binding path of every group whose worst scenario reaches its sink. */
  static List<PathLimit> of(BarrierModel model, boolean[] chosen) {
    PlanEvaluator eval = new PlanEvaluator(model);
    int[] choice = PlanEvaluator.choiceOf(model, chosen);
    double[] lengths = eval.lengths(choice);
    List<PathLimit> out = new ArrayList<>();
    for (int g = 0; g < model.groups().size(); g++) {
      int worst = -1;
      for (int k = 0; k < model.scenarios().size(); k++) {
        if (model.scenarios().get(k).group() == g
            && Double.isFinite(lengths[k])
            && (worst < 0 || lengths[k] < lengths[worst])) {
          worst = k;
        }
      }
      if (worst >= 0) {
        out.add(path(model, eval, choice, g, worst));
      }
    }
    return out;
  }

  private static PathLimit path(
      BarrierModel model, PlanEvaluator eval, int[] choice, int g, int k) {
    BarrierModel.Scenario sc = model.scenarios().get(k);
    GateGraph graph = sc.graph();
    List<String> saturated = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (int a : eval.shortestPath(k, choice)) {
      int s = graph.site(a);
      if (s < 0) {
        continue;
      }
      double[] delay = graph.kind(a) == GateGraph.ROAD_GATE ? sc.roadDelay_s() : sc.cellDelay_s();
      double best = 0;
      for (int o = 0; o < model.options().size(); o++) {
        if (model.options().get(o).site() == s) {
          best = Math.max(best, delay[o]);
        }
      }
      int o = choice[s];
      String id = model.sites().get(s);
      if (best <= 0) {
        continue; // nothing the site offers delays this gate
      }
      if (o >= 0 && delay[o] >= best - 1e-9) {
        saturated.add(id + " " + model.options().get(o).type());
      } else {
        open.add(o >= 0 ? id + " " + model.options().get(o).type() : id);
      }
    }
    // a site crossed through several of its gates (chunks, road and cell gates) is named once
    return new PathLimit(
        model.groups().get(g).name(),
        sc.name(),
        saturated.stream().distinct().toList(),
        open.stream().distinct().toList());
  }
}
