package lt.skydas.optimize;

import java.util.Arrays;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.graph.Dijkstra;
import lt.skydas.optimize.model.GateGraph;

/**
 * The attacker's earliest arrival at each site with no plan, read from the corridor graphs the
 * pipeline has built: per case, one Dijkstra from the start line on the case's graph with every
 * gate at its bare length (nothing built); a site's arrival is the least distance to the tail of
 * any of its gate arcs; then the least over the cases. The graphs' start arcs are the fastest ways
 * that touch no other site, and a gate crossed with nothing built costs its bare length, so these
 * are the no-plan arrivals of the corridor model (ADR 0006's approximations apply). Stateless.
 */
final class SiteArrivals {
  private SiteArrivals() {}

  /**
   * Per site number {@code 0..siteCount−1}: the earliest arrival (s after crossing the start line)
   * over every case, +Inf where no case's graph reaches a gate of the site.
   */
  static double[] earliest_s(CorridorGraphs graphs, int siteCount) {
    double[] a = new double[siteCount];
    Arrays.fill(a, Double.POSITIVE_INFINITY);
    if (graphs.targets().isEmpty()) {
      return a;
    }
    for (int k = 0; k < graphs.cases().size(); k++) {
      // the arcs from the start line and between gates are shared by every target's graph
      earliest_s(graphs.graph(k, 0), a);
    }
    return a;
  }

  /** Lowers {@code a[site]} to the graph's no-plan arrival at each site's gates. */
  static void earliest_s(GateGraph g, double[] a) {
    double[] w = new double[g.arcCount()];
    for (int arc = 0; arc < w.length; arc++) {
      w[g.graph().inputArc(arc)] = g.length_s(arc);
    }
    double[] d = Dijkstra.distances(g.graph(), w, g.source());
    for (int arc = 0; arc < w.length; arc++) {
      int s = g.site(arc);
      if (s >= 0 && s < a.length) {
        a[s] = Math.min(a[s], d[g.tail(arc)]);
      }
    }
  }
}
