package lt.skydas.optimize.corridor;

import java.util.Arrays;
import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.EdgeGraph;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.network.MobilityCosts;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.optimize.model.GateGraph;

/**
 * The corridor graphs of one case (vehicle class and season) for {@link CorridorGraphBuilder}: the
 * searches from the start line, from each gate within the link range and from each target, and the
 * unobstructed baseline on the full model. The gates are the case's own ({@link
 * CorridorGraphBuilder#gatesFor}): gate {@code g} of this list is node {@code 2 + 2g} / {@code 3 +
 * 2g} of this case's graphs. One instance per case and thread; the search is the thread's,
 * re-pointed at this case's costs.
 */
final class CaseGraphBuild {
  private final AssessmentRegion region;
  private final MobilityNetwork net;
  private final EdgeGraph topology;
  private final int[] edgeSource;
  final CorridorGraphs.Case c;
  final List<Gate> gates;
  final float[] friction;
  final double[] base;
  final CostDistanceSearch search;
  final double cutoff_s;
  final double reach_m;
  final double halfOrth;
  final double halfDiag;
  final int w;
  final int maxLinks;

  /**
   * Whether this case's cell gates are hubs ({@link CorridorGraphBuilder#hubs}: slow movers, whose
   * gates are cut to {@link CorridorGraphBuilder#HUB_CELLS} cells). Entering a hub gate at cell
   * {@code c}, and leaving it from {@code c}, costs {@link #offset} more: the way from {@code c} to
   * the gate's centre at the case's fastest off-road speed. Moving inside the gate from one cell to
   * another is then never cheaper than on the full model (a straight line at the fastest speed), so
   * an attacker cannot ride a belt's gates faster than he walks beside them; crossing a gate costs
   * at most one cell's step more than on the full model.
   */
  final boolean hubs;

  /** The case's smallest off-road friction (s/m): its fastest off-road movement. */
  final double minFriction_s_per_m;

  int[] linkTo;
  double[] linkCost;

  /**
   * Road gates of several sites over the same road edges (a control point and a ditch across one
   * road) act in series, as on the full model, where both delays are charged on the edge: such a
   * chain is entered only at its first gate ({@code chainHead}), left only from its last ({@code
   * chainTail}), and its gates are joined by arcs of length 0. Other gates are their own chain.
   */
  final boolean[] chainHead;

  final boolean[] chainTail;
  final int[] chainNext;
  double[] baseline_s;

  CaseGraphBuild(
      AssessmentRegion region,
      MobilityNetwork net,
      EdgeGraph topology,
      int[] edgeSource,
      SpeedTable speeds,
      CorridorGraphs.Case c,
      float[] friction,
      List<Gate> gates,
      boolean hubs,
      float[] penalty,
      boolean[] closedEdge,
      double linkRange_m,
      int maxLinks,
      ThreadLocal<CostDistanceSearch> searches) {
    this.region = region;
    this.net = net;
    this.topology = topology;
    this.edgeSource = edgeSource;
    this.c = c;
    this.maxLinks = maxLinks;
    this.gates = gates;
    this.hubs = hubs;
    this.chainHead = new boolean[gates.size()];
    this.chainTail = new boolean[gates.size()];
    this.chainNext = new int[gates.size()];
    chains(gates, chainHead, chainTail, chainNext);
    GridSpec g = region.grid();
    this.w = g.width();
    this.friction = friction;
    this.base = MobilityCosts.edgeCosts(net, friction, speeds, c.vehicle(), c.season());
    double[] closed = Arrays.copyOf(base, base.length);
    for (int e = 0; e < closed.length; e++) {
      if (closedEdge[e]) {
        closed[e] = Double.POSITIVE_INFINITY;
      }
    }
    CostGrid grid =
        new CostGrid(
            g.width(), g.height(), g.cellSize(), friction, penalty, CostGrid.Neighbourhood.EIGHT);
    CostDistanceSearch s = searches.get();
    if (s == null) {
      s = new CostDistanceSearch(grid, topology.withCosts(closed));
      searches.set(s);
    } else {
      s.setGrid(grid);
      s.setEdgeGraph(topology.withCosts(closed));
    }
    this.search = s;
    this.halfOrth = 0.5 * g.cellSize();
    this.halfDiag = 0.5 * g.cellSize() * Math.sqrt(2);
    float minFriction = Float.POSITIVE_INFINITY;
    for (float f : friction) {
      minFriction = Math.min(minFriction, f);
    }
    this.minFriction_s_per_m = minFriction;
    this.cutoff_s = linkRange_m * minFriction;
    double maxSpeed = 1 / minFriction;
    float[] len = net.edgeLength_m();
    byte[] kind = net.edgeKind();
    for (int e = 0; e < base.length; e++) {
      if (kind[e] == MobilityNetwork.ROAD && base[e] > 0 && Double.isFinite(base[e])) {
        maxSpeed = Math.max(maxSpeed, len[e] / base[e]);
      }
    }
    this.reach_m = cutoff_s * maxSpeed;
  }

  /** Chains the road gates with identical edges (in gate order); see {@link #chainHead}. */
  static void chains(List<Gate> gates, boolean[] head, boolean[] tail, int[] next) {
    java.util.Map<java.util.List<Integer>, Integer> last = new java.util.HashMap<>();
    Arrays.fill(head, true);
    Arrays.fill(tail, true);
    Arrays.fill(next, -1);
    for (int i = 0; i < gates.size(); i++) {
      Gate g = gates.get(i);
      if (g.kind() != GateGraph.ROAD_GATE) {
        continue;
      }
      java.util.List<Integer> key = Arrays.stream(g.nodes()).boxed().toList();
      Integer prev = last.put(key, i);
      if (prev != null) {
        next[prev] = i;
        tail[prev] = false;
        head[i] = false;
      }
    }
  }

  /**
   * The graphs toward each target (sorted node sets) and, in {@link #baseline_s}, the unobstructed
   * time to each.
   *
   * @param allNodes the union of the targets' nodes, sorted
   */
  GateGraph[] run(List<int[]> targetNodes, int[] allNodes, Runnable tick) {
    int nt = targetNodes.size();
    // the arcs every target shares: gates, start → gates, gate → gate
    GateGraph.Builder b = new GateGraph.Builder(2 + 2 * gates.size());
    linkTo = new int[gates.size()];
    linkCost = new double[gates.size()];
    for (int i = 0; i < gates.size(); i++) {
      Gate gate = gates.get(i);
      b.gate(CorridorGraphs.in(i), CorridorGraphs.out(i), 0, gate.site(), gate.kind());
      if (chainNext[i] >= 0) {
        b.arc(CorridorGraphs.out(i), CorridorGraphs.in(chainNext[i]), 0);
      }
    }
    // start line → gates, start line → each target (kept for its graph)
    search.run(Query.from(region.attackerStartCells()));
    double[] direct = new double[nt];
    for (int t = 0; t < nt; t++) {
      direct[t] = minCost(targetNodes.get(t));
    }
    for (int i = 0; i < gates.size(); i++) {
      double a = chainHead[i] ? arrival(gates.get(i), Double.POSITIVE_INFINITY) : Double.NaN;
      if (Double.isFinite(a)) {
        b.arc(0, CorridorGraphs.in(i), a);
      }
    }
    tick.run();
    // gate → gate within the link range
    for (int i = 0; i < gates.size(); i++) {
      Gate from = gates.get(i);
      if (!chainTail[i]) {
        tick.run();
        continue;
      }
      search.run(seedQuery(from).withCutoff(cutoff_s));
      double reach = reach_m + from.radius_m();
      int found = 0;
      for (int j = 0; j < gates.size(); j++) {
        if (j == i || !chainHead[j]) {
          continue;
        }
        Gate to = gates.get(j);
        if (Math.hypot(to.x_m() - from.x_m(), to.y_m() - from.y_m()) - to.radius_m() > reach) {
          continue;
        }
        double a = arrival(to, cutoff_s);
        if (a <= cutoff_s) {
          linkTo[found] = j;
          linkCost[found++] = a;
        }
      }
      if (maxLinks > 0 && found > maxLinks) {
        double[] sorted = Arrays.copyOf(linkCost, found);
        Arrays.sort(sorted);
        double limit = sorted[maxLinks - 1];
        int kept = 0;
        for (int k = 0; k < found && kept < maxLinks; k++) {
          if (linkCost[k] <= limit) {
            b.arc(CorridorGraphs.out(i), CorridorGraphs.in(linkTo[k]), linkCost[k]);
            kept++;
          }
        }
      } else {
        for (int k = 0; k < found; k++) {
          b.arc(CorridorGraphs.out(i), CorridorGraphs.in(linkTo[k]), linkCost[k]);
        }
      }
      tick.run();
    }
    // per target: gates → target (the network is symmetric: the search from the target gives
    // it) and start → target, on a copy of the shared arcs
    GateGraph[] out = new GateGraph[nt];
    for (int t = 0; t < nt; t++) {
      int[] nodes = targetNodes.get(t);
      search.run(Query.from(nodes));
      GateGraph.Builder bt = b.copy(gates.size() + 1);
      if (Double.isFinite(direct[t])) {
        bt.arc(0, 1, direct[t]);
      }
      for (int i = 0; i < gates.size(); i++) {
        Gate gate = gates.get(i);
        if (!chainTail[i]) {
          continue;
        }
        double d = touches(gate, nodes) ? 0 : departure(gate);
        if (Double.isFinite(d)) {
          bt.arc(CorridorGraphs.out(i), 1, d);
        }
      }
      out[t] = bt.build(0, 1);
      tick.run();
    }
    // the unobstructed time on the full model, for the report's consistency check
    search.setGrid(
        new CostGrid(
            region.grid().width(),
            region.grid().height(),
            region.grid().cellSize(),
            friction,
            null,
            CostGrid.Neighbourhood.EIGHT));
    search.setEdgeGraph(topology.withCosts(base));
    Query q = Query.from(region.attackerStartCells());
    // one target: the first of its cells settled is the nearest; several: settle them all
    search.run(nt == 1 ? q.withFirstOfTargets(targetNodes.get(0)) : q.withTargets(allNodes));
    baseline_s = new double[nt];
    for (int t = 0; t < nt; t++) {
      baseline_s[t] = minCost(targetNodes.get(t));
    }
    return out;
  }

  /** True when the gate's cells, or the ends its road edges lead to, meet the sorted nodes. */
  private boolean touches(Gate gate, int[] sortedNodes) {
    for (int m : gate.nodes()) {
      int node = gate.kind() == GateGraph.CELL_GATE ? m : net.edgeTarget()[m];
      if (Arrays.binarySearch(sortedNodes, node) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The smallest cost of the last search over {@code nodes}. */
  private double minCost(int[] nodes) {
    double best = Double.POSITIVE_INFINITY;
    for (int n : nodes) {
      best = Math.min(best, search.cost(n));
    }
    return best;
  }

  /** From the last (reverse) search: the fastest way on from anywhere the gate lets one out. */
  private double departure(Gate gate) {
    if (gate.kind() == GateGraph.CELL_GATE) {
      return arrival(gate, Double.POSITIVE_INFINITY); // grid moves and connectors are symmetric
    }
    double best = Double.POSITIVE_INFINITY;
    for (int n : seeds(gate)) {
      best = Math.min(best, search.cost(n));
    }
    return best;
  }

  /** The search from everywhere the gate lets one out: its seeds, hub gates at their offsets. */
  private Query seedQuery(Gate gate) {
    int[] seeds = seeds(gate);
    if (!hubs || gate.kind() != GateGraph.CELL_GATE) {
      return Query.from(seeds);
    }
    double[] initial = new double[seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      initial[i] = offset(gate, seeds[i]);
    }
    return Query.from(seeds).withInitialCosts(initial);
  }

  /**
   * The extra cost (s) of entering or leaving cell gate {@code gate} at {@code cell}: for {@link
   * #hubs}, the straight way from the cell's centre to the gate's centre at the case's fastest
   * off-road speed; else 0.
   */
  private double offset(Gate gate, int cell) {
    if (!hubs) {
      return 0;
    }
    double dx = net.nodeX(cell, region.roads()) - gate.x_m();
    double dy = net.nodeY(cell, region.roads()) - gate.y_m();
    return Math.hypot(dx, dy) * minFriction_s_per_m;
  }

  private int[] seeds(Gate gate) {
    if (gate.kind() == GateGraph.CELL_GATE) {
      return gate.nodes();
    }
    int[] s = new int[2 * gate.nodes().length];
    int k = 0;
    for (int e : gate.nodes()) {
      s[k++] = edgeSource[e];
      s[k++] = net.edgeTarget()[e];
    }
    return s;
  }

  /**
   * Cheapest entry into the gate from the last search: a grid move or connector into one of its
   * cells (plus the cell's {@link #offset}), or a drive along one of its edges, from a node the
   * search reached within {@code limit}.
   */
  private double arrival(Gate gate, double limit) {
    double best = Double.POSITIVE_INFINITY;
    if (gate.kind() == GateGraph.ROAD_GATE) {
      for (int e : gate.nodes()) {
        double d = search.cost(edgeSource[e]);
        if (d <= limit) {
          best = Math.min(best, d + base[e]);
        }
      }
      return best;
    }
    int h = region.grid().height();
    int[] first = net.firstEdge();
    int[] target = net.edgeTarget();
    for (int cell : gate.nodes()) {
      float fc = friction[cell];
      if (!(fc <= Float.MAX_VALUE)) {
        continue;
      }
      double extra = offset(gate, cell);
      int row = cell / w;
      int col = cell - row * w;
      for (int dr = -1; dr <= 1; dr++) {
        int r = row + dr;
        if (r < 0 || r >= h) {
          continue;
        }
        for (int dc = -1; dc <= 1; dc++) {
          int cc = col + dc;
          if ((dr == 0 && dc == 0) || cc < 0 || cc >= w) {
            continue;
          }
          int n = r * w + cc;
          double d = search.cost(n);
          if (!(d <= limit) || !(friction[n] <= Float.MAX_VALUE)) {
            continue;
          }
          double move = (friction[n] + (double) fc) * (dr != 0 && dc != 0 ? halfDiag : halfOrth);
          best = Math.min(best, d + move + extra);
        }
      }
      // connectors: the road access points in this cell lead into it at the cell's friction
      for (int e = first[cell]; e < first[cell + 1]; e++) {
        int a = target[e];
        double d = search.cost(a);
        if (d <= limit) {
          best = Math.min(best, d + base[e] + extra);
        }
      }
    }
    return best;
  }
}
