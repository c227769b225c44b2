package lt.skydas.optimize.corridor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ObjectiveNodes;
import lt.skydas.assess.PlanEffects;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.EdgeGraph;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.network.MobilityCosts;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.MobilityNetworkBuilder;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.PlanPolicy;

/**
 * Builds the aggregated corridor graphs (ADR 0006): the movement network contracted onto the
 * candidate sites. Every site's cells and cut road edges are closed; then, per vehicle class and
 * season, one search from the attacker's start line and one search from each gate, bounded by a
 * link range, give the arcs start → gate and gate → gate; one search from each target's objective
 * cells (the network is symmetric, so it gives the time <em>to</em> them) gives the arcs gate →
 * target. Each arc is the fastest way that touches no other site. A target is one objective, or all
 * of them when only the nearest counts ({@link ObjectiveMode}); the graphs of one case share every
 * arc but those into the sink. A path on the full model decomposes into such pieces, so the graph's
 * attacker time equals the full model's up to (a) gates reached only beyond the link range and (b)
 * a gate charging its delay once however the attacker moves inside the site. The chosen plan is
 * re-verified on the full model.
 */
public final class CorridorGraphBuilder {
  private final AssessmentRegion region;
  private final MobilityNetwork net;
  private final EdgeGraph topology;
  private final int[] edgeSource;
  private final List<Objective> objectives;
  private final int[][] objectiveNodes;
  private final SpeedTable speeds;

  public CorridorGraphBuilder(
      AssessmentRegion region, List<Objective> objectives, SpeedTable speeds, Progress progress) {
    this.region = region;
    this.speeds = speeds;
    this.net = new MobilityNetworkBuilder(region.grid(), region.roads()).build(progress);
    EdgeGraph.Builder b = EdgeGraph.builder(net.nodeCount());
    int[] first = net.firstEdge();
    int[] target = net.edgeTarget();
    this.edgeSource = new int[net.edgeCount()];
    for (int u = 0; u < net.nodeCount(); u++) {
      for (int e = first[u]; e < first[u + 1]; e++) {
        b.addEdge(u, target[e], 0);
        edgeSource[e] = u;
      }
    }
    this.topology = b.freeze();
    this.objectives = List.copyOf(objectives);
    this.objectiveNodes = new int[objectives.size()][];
    boolean any = false;
    for (int i = 0; i < objectives.size(); i++) {
      objectiveNodes[i] = ObjectiveNodes.of(region.grid(), net, objectives.get(i));
      any |= objectiveNodes[i].length > 0;
    }
    if (!any) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE, "no objective covers any cell of the region model");
    }
  }

  public MobilityNetwork network() {
    return net;
  }

  /**
   * Locates the sites: for site {@code s} the union of the cells its types would delay and the road
   * edges they would cut.
   *
   * @param sites per site, the obstacle types that may stand there and the site's geometry
   */
  public List<Gate> locate(List<SiteTypes> sites, double chunk_m) {
    if (!(chunk_m > 0)) {
      throw new IllegalArgumentException("gate chunk length must be > 0");
    }
    List<Obstacle> obs = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      SiteTypes st = sites.get(s);
      for (ObstacleType t : st.types()) {
        obs.add(new Obstacle(st.id() + "/" + t.id(), t.name(), t, null, st.geometry_lks94(), 0));
        owner.add(s);
      }
    }
    PlanEffects fx =
        PlanEffects.locate(
            new BarrierPlan("sites", "sites", PlanPolicy.DEFAULT, obs), net, region.roads());
    List<java.util.TreeSet<Integer>> cells = new ArrayList<>();
    List<java.util.TreeSet<Integer>> edges = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      cells.add(new java.util.TreeSet<>());
      edges.add(new java.util.TreeSet<>());
    }
    for (int i = 0; i < obs.size(); i++) {
      int s = owner.get(i);
      ObstacleType t = obs.get(i).type();
      boolean delaysCells = false;
      boolean delaysRoads = false;
      for (lt.skydas.mobility.VehicleClass v : lt.skydas.mobility.VehicleClass.values()) {
        delaysCells |= t.crossingDelay_s(v) > 0;
        delaysRoads |= t.blocksRoads() && t.roadDelay_s(v) > 0;
      }
      if (delaysCells) {
        for (int c : fx.cells(i)) {
          cells.get(s).add(c);
        }
      }
      if (delaysRoads) {
        for (int e : fx.edges(i)) {
          edges.get(s).add(e);
        }
      }
    }
    List<Gate> gates = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      if (!cells.get(s).isEmpty()) {
        chunks(s, cells.get(s), chunk_m, gates);
      }
      // one road gate per cut road piece (both directions): the full model charges every cut
      // piece the attacker drives along, so a gate spanning two pieces would let him skip one
      java.util.TreeMap<Long, java.util.TreeSet<Integer>> pieces = new java.util.TreeMap<>();
      // (coarse chunks may join pieces: the slip is then bounded by the chunk, as for cells)
      boolean exact = chunk_m < region.grid().cellSize();
      GridSpec gs = region.grid();
      for (int e : edges.get(s)) {
        int u = edgeSource[e];
        int v = net.edgeTarget()[e];
        long key =
            exact
                ? ((long) Math.min(u, v) << 32) | Math.max(u, v)
                : chunkKey(
                    net.nodeX(Math.min(u, v), region.roads()) - gs.minX(),
                    net.nodeY(Math.min(u, v), region.roads()) - gs.minY(),
                    chunk_m);
        pieces.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(e);
      }
      for (java.util.TreeSet<Integer> piece : pieces.values()) {
        gates.add(gate(s, GateGraph.ROAD_GATE, piece));
      }
    }
    return gates;
  }

  /**
   * Cell gates no larger than a {@code chunk_m} square: an attacker who entered a gate may leave it
   * anywhere, so large gates would let him slip along the obstacle for free; moving on to the next
   * chunk enters it and pays again, as on the full model. Chunks of less than a cell are exact.
   */
  private void chunks(int site, java.util.TreeSet<Integer> cells, double chunk_m, List<Gate> out) {
    GridSpec g = region.grid();
    java.util.TreeMap<Long, java.util.TreeSet<Integer>> byChunk = new java.util.TreeMap<>();
    for (int c : cells) {
      long key =
          chunkKey(
              g.centerX(c % g.width()) - g.minX(), g.centerY(c / g.width()) - g.minY(), chunk_m);
      byChunk.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(c);
    }
    for (java.util.TreeSet<Integer> part : byChunk.values()) {
      out.add(gate(site, GateGraph.CELL_GATE, part));
    }
  }

  private static long chunkKey(double dx, double dy, double chunk_m) {
    return ((long) Math.floor(dy / chunk_m) << 32) | (long) Math.floor(dx / chunk_m);
  }

  private Gate gate(int site, byte kind, java.util.TreeSet<Integer> members) {
    int[] m = members.stream().mapToInt(Integer::intValue).toArray();
    double sx = 0;
    double sy = 0;
    double[] xs = new double[m.length];
    double[] ys = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      int node = kind == GateGraph.CELL_GATE ? m[i] : edgeSource[m[i]];
      xs[i] = net.nodeX(node, region.roads());
      ys[i] = net.nodeY(node, region.roads());
      sx += xs[i];
      sy += ys[i];
    }
    double cx = sx / m.length;
    double cy = sy / m.length;
    double r = 0;
    for (int i = 0; i < m.length; i++) {
      r = Math.max(r, Math.hypot(xs[i] - cx, ys[i] - cy));
    }
    return new Gate(site, kind, m, cx, cy, r + region.grid().cellSize());
  }

  /**
   * Builds one graph per case and target: {@link ObjectiveMode#NEAREST} has one target (every
   * objective that covers a cell), {@link ObjectiveMode#EACH} one per such objective, in the order
   * of the objectives. Objectives that cover no cell are listed in {@link
   * CorridorGraphs#uncovered}.
   *
   * @param linkRange_m gate-to-gate arcs are searched up to the time the case's fastest off-road
   *     movement needs for this distance
   * @param maxLinks keep at most this many (the fastest) gate-to-gate arcs per gate, 0 for all
   */
  public CorridorGraphs build(
      List<Gate> gates,
      List<CorridorGraphs.Case> cases,
      ObjectiveMode mode,
      double linkRange_m,
      int maxLinks,
      int threads,
      Progress progress) {
    long t0 = System.nanoTime();
    List<CorridorGraphs.Target> targets = new ArrayList<>();
    List<int[]> targetNodes = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    java.util.TreeSet<Integer> union = new java.util.TreeSet<>();
    for (int i = 0; i < objectives.size(); i++) {
      Objective o = objectives.get(i);
      if (objectiveNodes[i].length == 0) {
        uncovered.add(o.id());
        continue;
      }
      covered.add(o.id());
      for (int n : objectiveNodes[i]) {
        union.add(n);
      }
      if (mode == ObjectiveMode.EACH) {
        targets.add(new CorridorGraphs.Target(o.id(), o.name(), List.of(o.id())));
        targetNodes.add(sortedDistinct(objectiveNodes[i]));
      }
    }
    if (mode == ObjectiveMode.NEAREST) {
      targets.add(
          new CorridorGraphs.Target(
              CorridorGraphs.Target.NEAREST_ID, "nearest objective", covered));
      targetNodes.add(union.stream().mapToInt(Integer::intValue).toArray());
    }
    int[] allNodes = union.stream().mapToInt(Integer::intValue).toArray();
    GridSpec g = region.grid();
    float[] penalty = new float[g.cellCount()];
    boolean[] closedEdge = new boolean[net.edgeCount()];
    for (Gate gate : gates) {
      for (int m : gate.nodes()) {
        if (gate.kind() == GateGraph.CELL_GATE) {
          penalty[m] = Float.POSITIVE_INFINITY;
        } else {
          closedEdge[m] = true;
        }
      }
    }
    int work = cases.size() * (gates.size() + 1 + targets.size());
    progress.begin(
        "corridor graphs: "
            + cases.size()
            + " cases × "
            + gates.size()
            + " gates"
            + (mode == ObjectiveMode.EACH ? " × " + targets.size() + " objectives" : ""),
        work);
    AtomicInteger done = new AtomicInteger();
    GateGraph[][] graphs = new GateGraph[cases.size()][];
    double[][] baseline = new double[cases.size()][];
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> fs = new ArrayList<>();
      ThreadLocal<CostDistanceSearch> searches = new ThreadLocal<>();
      for (int k = 0; k < cases.size(); k++) {
        int kk = k;
        fs.add(
            pool.submit(
                () -> {
                  CaseBuild cb =
                      new CaseBuild(
                          cases.get(kk),
                          gates,
                          penalty,
                          closedEdge,
                          linkRange_m,
                          maxLinks,
                          searches);
                  graphs[kk] =
                      cb.run(targetNodes, allNodes, () -> progress.advance(done.incrementAndGet()));
                  baseline[kk] = cb.baseline_s;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    progress.end();
    List<List<GateGraph>> rows = new ArrayList<>();
    for (GateGraph[] row : graphs) {
      rows.add(List.of(row));
    }
    return new CorridorGraphs(
        gates, cases, targets, rows, baseline, uncovered, (System.nanoTime() - t0) / 1e9);
  }

  private static int[] sortedDistinct(int[] a) {
    return Arrays.stream(a).sorted().distinct().toArray();
  }

  /** The graph of one case. */
  private final class CaseBuild {
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
    int[] linkTo;
    double[] linkCost;
    double[] baseline_s;

    CaseBuild(
        CorridorGraphs.Case c,
        List<Gate> gates,
        float[] penalty,
        boolean[] closedEdge,
        double linkRange_m,
        int maxLinks,
        ThreadLocal<CostDistanceSearch> searches) {
      this.c = c;
      this.maxLinks = maxLinks;
      this.gates = gates;
      GridSpec g = region.grid();
      this.w = g.width();
      this.friction =
          MobilityCosts.friction(
              region.landCover(), region.landCoverNames(), speeds, c.vehicle(), c.season());
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

    /**
     * The graphs toward each target (sorted node sets) and, in {@link #baseline_s}, the
     * unobstructed time to each.
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
      }
      // start line → gates, start line → each target (kept for its graph)
      search.run(Query.from(region.attackerStartCells()));
      double[] direct = new double[nt];
      for (int t = 0; t < nt; t++) {
        direct[t] = minCost(targetNodes.get(t));
      }
      for (int i = 0; i < gates.size(); i++) {
        double a = arrival(gates.get(i), Double.POSITIVE_INFINITY);
        if (Double.isFinite(a)) {
          b.arc(0, CorridorGraphs.in(i), a);
        }
      }
      tick.run();
      // gate → gate within the link range
      for (int i = 0; i < gates.size(); i++) {
        Gate from = gates.get(i);
        search.run(Query.from(seeds(from)).withCutoff(cutoff_s));
        double reach = reach_m + from.radius_m();
        int found = 0;
        for (int j = 0; j < gates.size(); j++) {
          if (j == i) {
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
     * cells, or a drive along one of its edges, from a node the search reached within {@code
     * limit}.
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
            best = Math.min(best, d + move);
          }
        }
        // connectors: the road access points in this cell lead into it at the cell's friction
        for (int e = first[cell]; e < first[cell + 1]; e++) {
          int a = target[e];
          double d = search.cost(a);
          if (d <= limit) {
            best = Math.min(best, d + base[e]);
          }
        }
      }
      return best;
    }
  }

  /**
   * The sites whose gates lie on the fastest unobstructed path of a friendly route for the given
   * case (empty when the route's ends are not in the region or not connected).
   */
  public java.util.Set<Integer> sitesOnRoute(
      List<Gate> gates, Objective from, Objective to, CorridorGraphs.Case c) {
    int[] src = ObjectiveNodes.of(region.grid(), net, from);
    int[] dst = ObjectiveNodes.of(region.grid(), net, to);
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    if (src.length == 0 || dst.length == 0) {
      return out;
    }
    GridSpec g = region.grid();
    float[] friction =
        MobilityCosts.friction(
            region.landCover(), region.landCoverNames(), speeds, c.vehicle(), c.season());
    double[] base = MobilityCosts.edgeCosts(net, friction, speeds, c.vehicle(), c.season());
    CostDistanceSearch s =
        new CostDistanceSearch(
            new CostGrid(
                g.width(), g.height(), g.cellSize(), friction, null, CostGrid.Neighbourhood.EIGHT),
            topology.withCosts(base));
    s.run(Query.from(src).withFirstOfTargets(dst));
    int best = -1;
    for (int n : dst) {
      if (Double.isFinite(s.cost(n)) && (best < 0 || s.cost(n) < s.cost(best))) {
        best = n;
      }
    }
    if (best < 0) {
      return out;
    }
    java.util.Set<Integer> onPath = new java.util.HashSet<>();
    for (int n : s.path(best)) {
      onPath.add(n);
    }
    for (Gate gate : gates) {
      for (int m : gate.nodes()) {
        boolean hit =
            gate.kind() == GateGraph.CELL_GATE
                ? onPath.contains(m)
                : onPath.contains(edgeSource[m]) && onPath.contains(net.edgeTarget()[m]);
        if (hit) {
          out.add(gate.site());
          break;
        }
      }
    }
    return out;
  }

  /** A site and the obstacle types that may stand there. */
  public record SiteTypes(
      String id, org.locationtech.jts.geom.Geometry geometry_lks94, List<ObstacleType> types) {}
}
