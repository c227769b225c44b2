package lt.skydas.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.civil.Evacuation;
import lt.skydas.assess.civil.Resident;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.Violation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Computes an {@link Evacuation}: the settlements in the attacker's 48 h reach, each tied to its
 * nearest road node, and three road-only searches from the assembly points (wheeled road speeds of
 * the season, at most {@value Evacuation#EVACUATION_ROAD_KMH} km/h in a mass departure's traffic;
 * every evacuation time starts with {@value Evacuation#DEPART_H} h to get on the road): without the
 * plan, with its road-cutting non-openable obstacles closed, and with its openable ones closed too.
 * Roads are two-way, so the time from the rear to a settlement is its time out. The rear: the
 * assembly points given ({@link Assessor#evacuateTo}: {@code assess --rear FILE}), else the home
 * countries' towns of at least {@value #REAR_MIN_PEOPLE} people that the attacker reaches last (the
 * latest quarter, at least three). Assembly points farther than {@value #SNAP_M} m from a road are
 * left out (the report lists the ones used).
 */
final class Evacuations {
  /** Settlements reached within this (h) are evacuated. */
  static final double REACH_H = 48;

  /** Towns of at least this many people may be assembly points. */
  static final long REAR_MIN_PEOPLE = 10_000;

  /** A settlement or assembly point farther than this from any road node has no road (m). */
  static final double SNAP_M = 3000;

  private Evacuations() {}

  static Evacuation run(
      Assessor a, BarrierPlan plan, List<Case> cases, SpeedTable speeds, Season s) {
    return seasons(a, plan, cases, speeds, List.of(s)).get(0);
  }

  /**
   * The evacuation of each of {@code seasons}: the road network, the rear and every settlement's
   * road node are set up once, then three road searches per season.
   */
  static List<Evacuation> seasons(
      Assessor a, BarrierPlan plan, List<Case> cases, SpeedTable speeds, List<Season> seasons) {
    List<Resident> rs = a.region().residents();
    List<Evacuation> none = seasons.stream().map(Evacuation::none).toList();
    if (rs.isEmpty() || cases.isEmpty() || seasons.isEmpty()) {
      return none;
    }
    float[] arrival = new float[rs.size()];
    Arrays.fill(arrival, Float.POSITIVE_INFINITY);
    for (Case c : cases) {
      float[] t = c.exposure().planArrival_h();
      for (int i = 0; i < Math.min(t.length, arrival.length); i++) {
        arrival[i] = Math.min(arrival[i], t[i]);
      }
    }
    FriendlyRoads roads = new FriendlyRoads(a, seasons.get(0), speeds, null);
    List<Evacuation.Assembly> rear = a.rear();
    if (rear.isEmpty()) {
      rear = new ArrayList<>();
      for (int i : rear(rs, arrival)) {
        rear.add(new Evacuation.Assembly(rs.get(i).name(), rs.get(i).x_m(), rs.get(i).y_m()));
      }
    }
    List<String> rearNames = new ArrayList<>();
    List<Integer> rearNodes = new ArrayList<>();
    for (Evacuation.Assembly p : rear) {
      int n = roads.nodeNear(p.x_m(), p.y_m(), SNAP_M);
      if (n >= 0) {
        rearNodes.add(n);
        rearNames.add(p.name());
      }
    }
    if (rearNodes.isEmpty()) {
      return none;
    }
    int[] sources = rearNodes.stream().mapToInt(Integer::intValue).toArray();
    List<Integer> inReach = new ArrayList<>();
    for (int i = 0; i < rs.size(); i++) {
      if (arrival[i] <= REACH_H && rs.get(i).population() > 0) {
        inReach.add(i);
      }
    }
    int[] nodes = new int[inReach.size()];
    for (int k = 0; k < nodes.length; k++) {
      Resident r = rs.get(inReach.get(k));
      nodes[k] = roads.nodeNear(r.x_m(), r.y_m(), SNAP_M);
    }
    PlanEffects effects = PlanEffects.locate(plan, a.network(), a.region().roads());
    Closures closures = new Closures(plan);
    List<Evacuation> out = new ArrayList<>();
    for (Season s : seasons) {
      double[] base = evacuationTraffic(a.network(), roads.edgeCosts(s, speeds));
      double[] closed = closures(base, effects, false);
      double[] allClosed = closures(base, effects, true);
      roads.setEdgeCosts(base);
      double[] tBase = roads.timesFrom(sources, nodes);
      roads.setEdgeCosts(closed);
      double[] tPlan = roads.timesFrom(sources, nodes);
      roads.setEdgeCosts(allClosed);
      double[] tAll = roads.timesFrom(sources, nodes);
      List<Evacuation.Row> rows = new ArrayList<>();
      for (int k = 0; k < nodes.length; k++) {
        Resident r = rs.get(inReach.get(k));
        boolean cut = Double.isFinite(tBase[k]) && !Double.isFinite(tPlan[k]);
        boolean unlessOpened = Double.isFinite(tPlan[k]) && !Double.isFinite(tAll[k]);
        Obstacle near = cut || unlessOpened ? closures.nearest(r.x_m(), r.y_m(), !cut) : null;
        rows.add(
            new Evacuation.Row(
                r.name(),
                r.place(),
                r.population(),
                r.x_m(),
                r.y_m(),
                arrival[inReach.get(k)],
                Evacuation.DEPART_H + tBase[k] / 3600,
                Evacuation.DEPART_H + tPlan[k] / 3600,
                cut,
                unlessOpened,
                near == null ? null : near.id(),
                near == null ? Double.NaN : closures.distance(near, r.x_m(), r.y_m())));
      }
      rows.sort(
          Comparator.comparingDouble(Evacuation.Row::arrival_h)
              .thenComparing(Evacuation.Row::name));
      double[] w = Evacuation.WARNINGS_H.clone();
      long[] risk = new long[w.length];
      long noRoad = 0;
      for (Evacuation.Row row : rows) {
        if (row.noRoad()) {
          noRoad += row.population();
          continue;
        }
        for (int k = 0; k < w.length; k++) {
          if (!(row.slack_h(w[k]) >= 0)) {
            risk[k] += row.population();
          }
        }
      }
      out.add(
          new Evacuation(
              s, rearNames.stream().distinct().toList(), List.copyOf(rows), w, risk, noRoad));
    }
    return out;
  }

  /**
   * The plan's road-cutting obstacles in two indexes, for the nearest one to a settlement: those
   * nobody can open (what cuts it off) and all of them (what it needs opened).
   */
  private static final class Closures {
    private final org.locationtech.jts.index.strtree.STRtree fixed =
        new org.locationtech.jts.index.strtree.STRtree();
    private final org.locationtech.jts.index.strtree.STRtree all =
        new org.locationtech.jts.index.strtree.STRtree();
    private final GeometryFactory gf = new GeometryFactory();

    Closures(BarrierPlan plan) {
      for (Obstacle o : plan.obstacles()) {
        if (o.type().blocksRoads()) {
          all.insert(o.geometry_lks94().getEnvelopeInternal(), o);
          if (!o.type().openable()) {
            fixed.insert(o.geometry_lks94().getEnvelopeInternal(), o);
          }
        }
      }
      fixed.build();
      all.build();
    }

    /** The nearest closure to (x, y): of all when {@code openableToo}, else of the fixed ones. */
    Obstacle nearest(double x, double y, boolean openableToo) {
      var tree = openableToo ? all : fixed;
      if (tree.size() == 0) {
        return null;
      }
      Point p = gf.createPoint(new Coordinate(x, y));
      return (Obstacle)
          tree.nearestNeighbour(
              p.getEnvelopeInternal(),
              p,
              (a, b) -> geometry(a.getItem()).distance(geometry(b.getItem())));
    }

    double distance(Obstacle o, double x, double y) {
      return o.geometry_lks94().distance(gf.createPoint(new Coordinate(x, y)));
    }

    private static org.locationtech.jts.geom.Geometry geometry(Object item) {
      return item instanceof Obstacle o
          ? o.geometry_lks94()
          : (org.locationtech.jts.geom.Geometry) item;
    }
  }

  /**
   * The evacuation of every season in {@code seasons}; the settlements the plan cuts off are added
   * to {@code violations} (once per settlement), which is then sorted by obstacle and rule.
   */
  static List<Evacuation> everySeason(
      Assessor a,
      BarrierPlan plan,
      List<Case> cases,
      SpeedTable speeds,
      List<Season> seasons,
      List<Violation> violations) {
    List<Evacuation> evacuations = seasons(a, plan, cases, speeds, seasons);
    java.util.Set<String> cut = new java.util.HashSet<>();
    for (Evacuation ev : evacuations) {
      for (Violation v : violations(ev)) {
        if (cut.add(v.message().substring(0, v.message().indexOf(" is cut off")))) {
          violations.add(v);
        }
      }
    }
    violations.sort(Comparator.comparing(Violation::obstacleId).thenComparing(Violation::rule));
    return evacuations;
  }

  /** {@code cost} (s per network edge) with no road driven faster than the evacuation's speed. */
  private static double[] evacuationTraffic(
      lt.skydas.mobility.network.MobilityNetwork net, double[] cost) {
    byte[] kind = net.edgeKind();
    float[] len = net.edgeLength_m();
    double slowest = 3.6 / Evacuation.EVACUATION_ROAD_KMH;
    for (int e = 0; e < cost.length; e++) {
      if (kind[e] == lt.skydas.mobility.network.MobilityNetwork.ROAD) {
        cost[e] = Math.max(cost[e], len[e] * slowest);
      }
    }
    return cost;
  }

  /** The cost of each edge with the plan's road-cutting obstacles closed (+Inf). */
  private static double[] closures(double[] base, PlanEffects e, boolean openableToo) {
    double[] c = base.clone();
    List<Obstacle> obs = e.plan().obstacles();
    for (int i = 0; i < obs.size(); i++) {
      var t = obs.get(i).type();
      if (t.blocksRoads() && (openableToo || !t.openable())) {
        for (int edge : e.edges(i)) {
          c[edge] = Double.POSITIVE_INFINITY;
        }
      }
    }
    return c;
  }

  /** Assembly points: the towns of the home countries the attacker reaches last. */
  static List<Integer> rear(List<Resident> rs, float[] arrival) {
    List<Integer> towns = new ArrayList<>();
    for (int i = 0; i < rs.size(); i++) {
      if (rs.get(i).population() >= REAR_MIN_PEOPLE && !rs.get(i).estimated()) {
        towns.add(i);
      }
    }
    towns.sort(
        Comparator.comparingDouble((Integer i) -> -arrival[i])
            .thenComparing(i -> rs.get(i).name()));
    int n = Math.min(towns.size(), Math.max(3, towns.size() / 4));
    return towns.subList(0, n);
  }

  /** The plan's cut-off settlements as humanitarian violations. */
  static List<Violation> violations(Evacuation e) {
    List<Violation> out = new ArrayList<>();
    GeometryFactory gf = new GeometryFactory();
    for (Evacuation.Row r : e.cutOff()) {
      out.add(
          new Violation(
              Violation.Rule.CUTS_OFF_SETTLEMENT,
              r.nearestClosure() == null ? "(plan)" : r.nearestClosure(),
              String.format(
                  java.util.Locale.ROOT,
                  "%s (%s, %,d people) is cut off from the rear: every road out crosses a closed"
                      + " obstacle of the plan (nearest: %s, %.0f m away; %s season)",
                  r.name(),
                  r.place(),
                  r.population(),
                  r.nearestClosure(),
                  r.nearestClosure_m(),
                  e.season().id()),
              gf.createPoint(new Coordinate(r.x_m(), r.y_m())),
              r.nearestClosure_m()));
    }
    return out;
  }
}
