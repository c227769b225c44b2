package lt.skydas.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.RoadInput;
import org.locationtech.jts.geom.Coordinate;

/**
 * Finds distinct avenues of approach to one objective: a search backwards from the objective gives
 * every border start cell its fastest route in; routes are taken fastest first, each kept only when
 * most of it lies outside the corridors of the routes already kept. Not thread-safe (one per
 * thread); reuses its corridor mask.
 */
final class AvenueFinder {
  private static final int MAX_WALKS = 400;
  private static final double MAX_OVERLAP = 0.5;

  private final MobilityNetwork net;
  private final RoadInput roads;
  private final int[] starts;
  private final boolean[] claimed;
  private final int radiusCells;
  private final double[] startCost;
  private final Integer[] order;

  AvenueFinder(MobilityNetwork net, RoadInput roads, int[] starts, double corridorWidth_m) {
    this.net = net;
    this.roads = roads;
    this.starts = starts;
    this.claimed = new boolean[net.cellCount()];
    this.radiusCells = (int) Math.max(1, Math.round(corridorWidth_m / 2 / net.grid().cellSize()));
    this.startCost = new double[starts.length];
    this.order = new Integer[starts.length];
  }

  /**
   * Runs the backward search on {@code search} from {@code objectiveNodes} and extracts up to
   * {@code k} avenues no slower than {@code slack × fastest}.
   *
   * @param effects the plan's effects for naming crossed obstacles, or null for the baseline
   */
  List<Avenue> find(
      CostDistanceSearch search,
      String objectiveId,
      int[] objectiveNodes,
      double fastest_s,
      double slack,
      int k,
      VehicleClass v,
      Season s,
      Scenario scenario,
      PlanEffects effects) {
    if (k == 0 || !Double.isFinite(fastest_s)) {
      return List.of();
    }
    double cutoff = fastest_s * slack + 600;
    search.run(Query.from(objectiveNodes).withCutoff(cutoff));
    for (int i = 0; i < starts.length; i++) {
      startCost[i] = search.cost(starts[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(startCost[a], startCost[b]));
    Arrays.fill(claimed, false);
    List<Avenue> out = new ArrayList<>();
    int walks = 0;
    int[] pathBuf = new int[1024];
    for (int oi = 0; oi < order.length && out.size() < k && walks < MAX_WALKS; oi++) {
      int si = order[oi];
      double t = startCost[si];
      if (!Double.isFinite(t) || t > fastest_s * slack) {
        break;
      }
      int start = starts[si];
      if (claimed[start]) {
        continue;
      }
      walks++;
      int len = 0;
      int inClaimed = 0;
      int cellsOnPath = 0;
      for (int u = start; u >= 0; u = search.predecessor(u)) {
        if (len == pathBuf.length) {
          pathBuf = Arrays.copyOf(pathBuf, len * 2);
        }
        pathBuf[len++] = u;
        int c = net.cellOf(u);
        if (c >= 0) {
          cellsOnPath++;
          if (claimed[c]) {
            inClaimed++;
          }
        }
      }
      if (!out.isEmpty() && inClaimed > MAX_OVERLAP * cellsOnPath) {
        continue;
      }
      for (int i = 0; i < len; i++) {
        int c = net.cellOf(pathBuf[i]);
        if (c >= 0) {
          claim(c);
        }
      }
      out.add(avenue(pathBuf, len, t, objectiveId, out.size() + 1, v, s, scenario, effects));
    }
    return out;
  }

  /**
   * The fastest avenue to the objective read off a finished forward search from the border (its
   * predecessor tree), without another search; empty when the objective was not reached.
   */
  java.util.Optional<Avenue> fromForwardTree(
      CostDistanceSearch forward,
      int[] objectiveNodes,
      String objectiveId,
      VehicleClass v,
      Season s,
      Scenario scenario) {
    int bestNode = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int n : objectiveNodes) {
      double c = forward.cost(n);
      if (c < best) {
        best = c;
        bestNode = n;
      }
    }
    if (bestNode < 0) {
      return java.util.Optional.empty();
    }
    int[] path = forward.path(bestNode);
    return java.util.Optional.of(
        avenue(path, path.length, best, objectiveId, 1, v, s, scenario, null));
  }

  private void claim(int cell) {
    GridSpec g = net.grid();
    int w = g.width();
    int r0 = cell / w;
    int c0 = cell % w;
    int rMin = Math.max(0, r0 - radiusCells);
    int rMax = Math.min(g.height() - 1, r0 + radiusCells);
    int cMin = Math.max(0, c0 - radiusCells);
    int cMax = Math.min(w - 1, c0 + radiusCells);
    for (int r = rMin; r <= rMax; r++) {
      Arrays.fill(claimed, r * w + cMin, r * w + cMax + 1, true);
    }
  }

  private Avenue avenue(
      int[] path,
      int len,
      double time,
      String objectiveId,
      int rank,
      VehicleClass v,
      Season s,
      Scenario scenario,
      PlanEffects effects) {
    List<Coordinate> coords = new ArrayList<>(len);
    double total = 0;
    double onRoad = 0;
    List<String> crossed = new ArrayList<>();
    double px = 0;
    double py = 0;
    for (int i = 0; i < len; i++) {
      int u = path[i];
      double x = net.nodeX(u, roads);
      double y = net.nodeY(u, roads);
      if (i > 0) {
        double d = Math.hypot(x - px, y - py);
        total += d;
        if (net.isRoadNode(u) && net.isRoadNode(path[i - 1])) {
          onRoad += d;
        }
        if (effects != null) {
          int edge = edgeBetween(path[i - 1], u);
          int cell = u < net.cellCount() ? u : -1;
          for (int o : effects.obstaclesAt(cell, edge)) {
            String id = effects.plan().obstacles().get(o).id();
            if (!crossed.contains(id)) {
              crossed.add(id);
            }
          }
        }
      }
      coords.add(new Coordinate(x, y));
      px = x;
      py = y;
    }
    return new Avenue(
        objectiveId,
        v,
        s,
        scenario,
        rank,
        time,
        total,
        total > 0 ? onRoad / total : 0,
        List.copyOf(coords),
        List.copyOf(crossed));
  }

  private int edgeBetween(int a, int b) {
    int[] first = net.firstEdge();
    if (a + 1 >= first.length) {
      return -1;
    }
    int[] target = net.edgeTarget();
    for (int e = first[a]; e < first[a + 1]; e++) {
      if (target[e] == b) {
        return e;
      }
    }
    return -1;
  }
}
