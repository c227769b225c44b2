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
  /**
   * At most this long (s) may crossing a cell gate take a case at its fastest off-road speed. An
   * attacker who entered a gate may leave it anywhere in it at no cost, so a gate wide for the
   * case's speed lets him cover ground for free, and a chain of such gates along a belt carries him
   * along it; each case therefore cuts the located gates into chunks of at most this span ({@link
   * #gatesFor}). 240 s is a 2 km chunk for vehicles on dry open ground (30 km/h), 1 km for tracked
   * vehicles in the wet season, and under {@link #MIN_SPAN_CELLS} cells for dismounted troops.
   */
  public static final double GATE_SPAN_S = 240;

  /**
   * A case whose span would be under this many cells moves slowly for the grid: its gates are cut
   * to {@link #HUB_CELLS} cells and made hubs (entering or leaving at a cell costs the way to the
   * gate's centre), so that moving inside a gate is never free; see {@link #hubs}.
   */
  public static final int MIN_SPAN_CELLS = 3;

  /**
   * The span of a slow case's gates, in cells: one-cell gates would be exact but multiply the gates
   * and arcs (Lithuania at 200 m: 18,700 gates and 2.8 M arcs per graph instead of 12,100 and 1.1
   * M); two-cell hubs cost a crossing at most one cell's step more than on the full model.
   */
  public static final int HUB_CELLS = 2;

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
      objectiveNodes[i] =
          ObjectiveNodes.of(region.grid(), region.landCover(), net, objectives.get(i));
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
      // piece the attacker drives along, so a gate spanning two pieces would let him skip one;
      // and two sites cutting one road (a control point and a ditch across it) then have gates
      // over the same edges, which CaseGraphBuild chains in series
      java.util.TreeMap<Long, java.util.TreeSet<Integer>> pieces = new java.util.TreeMap<>();
      for (int e : edges.get(s)) {
        int u = edgeSource[e];
        int v = net.edgeTarget()[e];
        long key = ((long) Math.min(u, v) << 32) | Math.max(u, v);
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

  /**
   * The span (m) of a case's cell gates: {@link #GATE_SPAN_S} at the case's fastest off-road speed
   * over the region's land cover; {@link #HUB_CELLS} cells when that is under {@link
   * #MIN_SPAN_CELLS} cells (then the case's gates are hubs, {@link #hubs}).
   */
  public double span_m(CorridorGraphs.Case c) {
    double fastest_kmh = 0;
    for (String name : region.landCoverNames()) {
      if (name != null) {
        fastest_kmh = Math.max(fastest_kmh, speeds.terrainSpeed_kmh(name, c.vehicle(), c.season()));
      }
    }
    double cell = region.grid().cellSize();
    double span = GATE_SPAN_S * fastest_kmh / 3.6;
    return span < MIN_SPAN_CELLS * cell ? HUB_CELLS * cell : span;
  }

  /**
   * Whether the case's cell gates are hubs: its span is {@link #HUB_CELLS} cells. Entering a hub
   * gate at a cell, or leaving it from one, costs the straight way between the cell and the gate's
   * centre at the case's fastest off-road speed: moving inside the gate is then never cheaper than
   * on the full model, and crossing it costs at most one cell's step more.
   */
  public boolean hubs(CorridorGraphs.Case c) {
    return span_m(c) <= HUB_CELLS * region.grid().cellSize();
  }

  /**
   * The gates as case {@code c} sees them: every cell gate wider or taller than the case's {@link
   * #span_m} cut into chunks, the cells whose centres lie in one square of that span (so at most
   * the span, rounded up to whole cells), in order; road gates and gates within the span as they
   * are (the same objects). Every chunk keeps its site, so a plan delays it as the gate.
   */
  public List<Gate> gatesFor(List<Gate> gates, CorridorGraphs.Case c) {
    double span = span_m(c);
    List<Gate> out = new ArrayList<>(gates.size());
    for (Gate gate : gates) {
      if (gate.kind() != GateGraph.CELL_GATE || extent_m(gate) <= span) {
        out.add(gate);
        continue;
      }
      java.util.TreeSet<Integer> cells = new java.util.TreeSet<>();
      for (int m : gate.nodes()) {
        cells.add(m);
      }
      chunks(gate.site(), cells, span, out);
    }
    return out;
  }

  /** The larger side (m) of the cell gate's bounding box, whole cells. */
  private double extent_m(Gate gate) {
    GridSpec g = region.grid();
    int minR = Integer.MAX_VALUE;
    int maxR = Integer.MIN_VALUE;
    int minC = Integer.MAX_VALUE;
    int maxC = Integer.MIN_VALUE;
    for (int m : gate.nodes()) {
      int r = m / g.width();
      int col = m - r * g.width();
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      minC = Math.min(minC, col);
      maxC = Math.max(maxC, col);
    }
    return (Math.max(maxR - minR, maxC - minC) + 1) * g.cellSize();
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
   * @param gates the located gates ({@link #locate}); each case cuts them to its own span ({@link
   *     #gatesFor}), and its graphs' gate nodes number the case's gates
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
    return build(gates, cases, mode, linkRange_m, maxLinks, threads, progress, List.of());
  }

  /**
   * A sink that is not an objective: the nodes of a friendly route's convoy path, which the
   * attacker cuts by reaching any of them (the corridor race).
   *
   * @param id the route's id; the graphs' target id is {@code route:} and it
   * @param nodes network nodes of this builder's network
   */
  public record RouteSink(String id, String name, int[] nodes) {}

  /**
   * As above, with one more target column per route sink after the objectives' (in the same pass:
   * the arcs every target shares are searched once); {@link CorridorGraphs#columns} separates them.
   */
  public CorridorGraphs build(
      List<Gate> gates,
      List<CorridorGraphs.Case> cases,
      ObjectiveMode mode,
      double linkRange_m,
      int maxLinks,
      int threads,
      Progress progress,
      List<RouteSink> routes) {
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
    for (RouteSink r : routes) {
      targets.add(new CorridorGraphs.Target("route:" + r.id(), r.name(), List.of()));
      targetNodes.add(sortedDistinct(r.nodes()));
      for (int n : r.nodes()) {
        union.add(n);
      }
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
    List<List<Gate>> caseGates = new ArrayList<>();
    int work = 0;
    for (CorridorGraphs.Case c : cases) {
      caseGates.add(gatesFor(gates, c));
      work += caseGates.getLast().size() + 1 + targets.size();
    }
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
                  CorridorGraphs.Case c = cases.get(kk);
                  CaseGraphBuild cb =
                      new CaseGraphBuild(
                          region,
                          net,
                          topology,
                          edgeSource,
                          speeds,
                          c,
                          region.attackerFriction(
                              MobilityCosts.friction(
                                  region.landCover(),
                                  region.landCoverNames(),
                                  speeds,
                                  c.vehicle(),
                                  c.season())),
                          caseGates.get(kk),
                          hubs(c),
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

  /** The region this builder models. */
  public AssessmentRegion region() {
    return region;
  }

  private static int[] sortedDistinct(int[] a) {
    return Arrays.stream(a).sorted().distinct().toArray();
  }

  /**
   * The sites whose gates lie on the fastest unobstructed path of a friendly route for the given
   * case (empty when the route's ends are not in the region or not connected).
   */
  public java.util.Set<Integer> sitesOnRoute(
      List<Gate> gates, Objective from, Objective to, CorridorGraphs.Case c) {
    int[] src = ObjectiveNodes.of(region.grid(), region.landCover(), net, from);
    int[] dst = ObjectiveNodes.of(region.grid(), region.landCover(), net, to);
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    if (src.length == 0 || dst.length == 0) {
      return out;
    }
    float[] friction =
        region.attackerFriction(
            MobilityCosts.friction(
                region.landCover(), region.landCoverNames(), speeds, c.vehicle(), c.season()));
    RouteLine line =
        fastest(
            src,
            dst,
            friction,
            MobilityCosts.edgeCosts(net, friction, speeds, c.vehicle(), c.season()));
    if (line.nodes().length == 0) {
      return out;
    }
    java.util.Set<Integer> onPath = new java.util.HashSet<>();
    for (int n : line.nodes()) {
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

  /**
   * A wheeled convoy's fastest path of a friendly route in season {@code s} on this builder's
   * network (friendly costs: no attacker's closure of hostile ground), as {@code skydas assess}
   * times the routes.
   *
   * @param transit_s the convoy's time, +Inf when the route is cut or its ends are not in the
   *     region
   * @param nodes the path's network nodes (empty when not found)
   */
  public record RouteLine(double transit_s, int[] nodes) {}

  /** The convoy's fastest path from {@code from} to {@code to} in season {@code s}. */
  public RouteLine routeLine(Objective from, Objective to, lt.skydas.mobility.Season s) {
    int[] src = ObjectiveNodes.of(region.grid(), region.landCover(), net, from);
    int[] dst = ObjectiveNodes.of(region.grid(), region.landCover(), net, to);
    if (src.length == 0 || dst.length == 0) {
      return new RouteLine(Double.POSITIVE_INFINITY, new int[0]);
    }
    lt.skydas.mobility.VehicleClass v = lt.skydas.mobility.VehicleClass.WHEELED;
    float[] friction =
        MobilityCosts.friction(region.landCover(), region.landCoverNames(), speeds, v, s);
    return fastest(src, dst, friction, MobilityCosts.edgeCosts(net, friction, speeds, v, s));
  }

  /** The fastest path from {@code src} to the nearest of {@code dst} with these costs. */
  private RouteLine fastest(int[] src, int[] dst, float[] friction, double[] edgeCosts) {
    GridSpec g = region.grid();
    CostDistanceSearch search =
        new CostDistanceSearch(
            new CostGrid(
                g.width(), g.height(), g.cellSize(), friction, null, CostGrid.Neighbourhood.EIGHT),
            topology.withCosts(edgeCosts));
    search.run(Query.from(src).withFirstOfTargets(dst));
    int best = -1;
    for (int n : dst) {
      if (Double.isFinite(search.cost(n)) && (best < 0 || search.cost(n) < search.cost(best))) {
        best = n;
      }
    }
    return best < 0
        ? new RouteLine(Double.POSITIVE_INFINITY, new int[0])
        : new RouteLine(search.cost(best), search.path(best));
  }

  /** A site and the obstacle types that may stand there. */
  public record SiteTypes(
      String id, org.locationtech.jts.geom.Geometry geometry_lks94, List<ObstacleType> types) {}
}
