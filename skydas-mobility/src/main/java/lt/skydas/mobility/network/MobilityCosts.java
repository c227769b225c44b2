package lt.skydas.mobility.network;

import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;

/**
 * Turns speeds into travel times for one vehicle class and season: a friction per cell (seconds per
 * metre; +Inf = NO-GO) and a cost per explicit network edge (seconds; +Inf = unusable).
 */
public final class MobilityCosts {
  private MobilityCosts() {}

  /**
   * Friction per cell in s/m.
   *
   * @param landCoverNames speed-table terrain name per land-cover byte code (unsigned index)
   */
  public static float[] friction(
      byte[] landCover, String[] landCoverNames, SpeedTable table, VehicleClass v, Season s) {
    float[] byCode = new float[256];
    for (int code = 0; code < 256; code++) {
      String name = code < landCoverNames.length ? landCoverNames[code] : null;
      double kmh = name == null ? 0 : table.terrainSpeed_kmh(name, v, s);
      byCode[code] = kmh > 0 ? (float) (3.6 / kmh) : Float.POSITIVE_INFINITY;
    }
    float[] f = new float[landCover.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = byCode[landCover[i] & 0xff];
    }
    return f;
  }

  /** Cost in seconds per network edge, for connectors using {@code friction} of their cell. */
  public static double[] edgeCosts(
      MobilityNetwork net, float[] friction, SpeedTable table, VehicleClass v, Season s) {
    int roads = net.roadCount();
    double[] roadSecondsPerMetre = new double[roads];
    java.util.Map<String, Double> perClass = new java.util.HashMap<>();
    double ford = table.roadSpeed_kmh("FORD", v, s);
    for (int r = 0; r < roads; r++) {
      double kmh =
          (net.roadFlags(r) & MobilityNetwork.FORD) != 0
              ? ford
              : perClass.computeIfAbsent(net.roadClass(r), c -> table.roadSpeed_kmh(c, v, s));
      roadSecondsPerMetre[r] = kmh > 0 ? 3.6 / kmh : Double.POSITIVE_INFINITY;
    }
    int cells = net.cellCount();
    int[] first = net.firstEdge();
    int[] target = net.edgeTarget();
    byte[] kind = net.edgeKind();
    float[] len = net.edgeLength_m();
    int[] road = net.edgeRoad();
    double[] cost = new double[target.length];
    int nodes = net.nodeCount();
    for (int u = 0; u < nodes; u++) {
      for (int e = first[u]; e < first[u + 1]; e++) {
        if (kind[e] == MobilityNetwork.ROAD) {
          cost[e] = len[e] * roadSecondsPerMetre[road[e]];
        } else {
          int cell = u < cells ? u : target[e];
          float f = friction[cell];
          cost[e] = f <= Float.MAX_VALUE ? len[e] * (double) f : Double.POSITIVE_INFINITY;
        }
      }
    }
    return cost;
  }
}
