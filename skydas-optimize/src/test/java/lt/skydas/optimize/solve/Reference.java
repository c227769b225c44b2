package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;

/**
 * Independent reference for tests: Bellman–Ford on the gate graphs (no shared code with the
 * solvers) and brute-force enumeration of every feasible plan.
 */
public final class Reference {
  private Reference() {}

  /** {@code L_σ} by Bellman–Ford. */
  static double length(BarrierModel m, int k, int[] choice) {
    BarrierModel.Scenario sc = m.scenarios().get(k);
    GateGraph g = sc.graph();
    double[] d = new double[g.nodeCount()];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[g.source()] = 0;
    for (int round = 0; round < g.nodeCount(); round++) {
      boolean changed = false;
      for (int a = 0; a < g.arcCount(); a++) {
        if (d[g.tail(a)] == Double.POSITIVE_INFINITY) {
          continue;
        }
        double w = g.length_s(a);
        int s = g.site(a);
        if (s >= 0 && choice[s] >= 0) {
          w +=
              g.kind(a) == GateGraph.ROAD_GATE
                  ? sc.roadDelay_s()[choice[s]]
                  : sc.cellDelay_s()[choice[s]];
        }
        if (d[g.tail(a)] + w < d[g.head(a)]) {
          d[g.head(a)] = d[g.tail(a)] + w;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return d[g.sink()];
  }

  static double objective(BarrierModel m, int[] choice) {
    double total = 0;
    for (int gi = 0; gi < m.groups().size(); gi++) {
      BarrierModel.Group g = m.groups().get(gi);
      double min = Double.POSITIVE_INFINITY;
      double sum = 0;
      int n = 0;
      for (int k = 0; k < m.scenarios().size(); k++) {
        if (m.scenarios().get(k).group() == gi) {
          double l = length(m, k, choice);
          min = Math.min(min, l);
          sum += l;
          n++;
        }
      }
      if (n > 0) {
        total += g.weight() * (g.aggregate() == BarrierModel.Aggregate.MIN ? min : sum / n);
      }
    }
    return total;
  }

  static boolean feasible(BarrierModel m, int[] choice) {
    for (int s = 0; s < choice.length; s++) {
      if (choice[s] >= 0 && m.options().get(choice[s]).site() != s) {
        return false;
      }
    }
    for (int o = 0; o < m.options().size(); o++) {
      if (m.options().get(o).forced() && choice[m.options().get(o).site()] != o) {
        return false;
      }
    }
    for (BarrierModel.Link l : m.links()) {
      if (choice[m.options().get(l.option()).site()] == l.option()
          && java.util.Arrays.stream(l.sensors())
              .noneMatch(j -> choice[m.options().get(j).site()] == j)) {
        return false;
      }
    }
    for (BarrierModel.Budget b : m.budgets()) {
      long u = 0;
      for (int o : choice) {
        if (o >= 0) {
          u += b.coefficient()[o];
        }
      }
      if (u > b.limit()) {
        return false;
      }
    }
    return true;
  }

  /** Best objective over all feasible plans, and one plan reaching it. */
  public record Best(double objective, int[] choice, long plans) {}

  public static Best bruteForce(BarrierModel m) {
    int sites = m.sites().size();
    int[][] opts = new int[sites][];
    for (int s = 0; s < sites; s++) {
      final int site = s;
      int forced = -1;
      for (int o = 0; o < m.options().size(); o++) {
        if (m.options().get(o).site() == s && m.options().get(o).forced()) {
          forced = o;
        }
      }
      if (forced >= 0) {
        opts[s] = new int[] {forced};
      } else {
        int[] own =
            java.util.stream.IntStream.range(0, m.options().size())
                .filter(o -> m.options().get(o).site() == site)
                .toArray();
        opts[s] = new int[own.length + 1];
        opts[s][0] = -1;
        System.arraycopy(own, 0, opts[s], 1, own.length);
      }
    }
    int[] idx = new int[sites];
    int[] choice = new int[sites];
    double best = Double.NEGATIVE_INFINITY;
    int[] bestChoice = null;
    long plans = 0;
    while (true) {
      for (int s = 0; s < sites; s++) {
        choice[s] = opts[s][idx[s]];
      }
      if (feasible(m, choice)) {
        plans++;
        double v = objective(m, choice);
        if (v > best) {
          best = v;
          bestChoice = choice.clone();
        }
      }
      int s = 0;
      while (s < sites && ++idx[s] == opts[s].length) {
        idx[s++] = 0;
      }
      if (s == sites) {
        break;
      }
    }
    return new Best(best, bestChoice, plans);
  }
}
