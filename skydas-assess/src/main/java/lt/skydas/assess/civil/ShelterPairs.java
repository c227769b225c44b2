package lt.skydas.assess.civil;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which demand points reach which shelters within the access time: for each site {@code j}, the
 * demand points {@code point[start[j]] .. point[start[j+1]-1]} that reach it (compressed rows,
 * ascending point index). A bucket grid of {@link ShelterAccess#radius_m()} gives each site the
 * points of nine buckets; without a network those within the radius reach it, on a network ({@link
 * ShelterAccess#paths()}) those its search reaches within the limit. Immutable by contract.
 *
 * @param start row starts, {@code sites + 1} entries
 * @param point demand point of each pair
 */
public record ShelterPairs(int[] start, int[] point) {
  /** The pairs of {@code sites} and {@code demand} within {@code access}. */
  public static ShelterPairs of(Demand demand, List<ShelterSite> sites, ShelterAccess access) {
    double r = access.radius_m();
    double r2 = r * r;
    Map<Long, int[]> buckets = new HashMap<>();
    Map<Long, Integer> fill = new HashMap<>();
    for (int i = 0; i < demand.size(); i++) {
      long k = key(demand.x_m()[i], demand.y_m()[i], r);
      int[] b = buckets.computeIfAbsent(k, x -> new int[4]);
      int n = fill.getOrDefault(k, 0);
      if (n == b.length) {
        b = Arrays.copyOf(b, n * 2);
        buckets.put(k, b);
      }
      b[n] = i;
      fill.put(k, n + 1);
    }
    int[] start = new int[sites.size() + 1];
    int[] out = new int[16];
    double[][] times = {new double[16]};
    int m = 0;
    for (int j = 0; j < sites.size(); j++) {
      ShelterSite s = sites.get(j);
      long bx = (long) Math.floor(s.x_m() / r);
      long by = (long) Math.floor(s.y_m() / r);
      int from = m;
      for (long dx = -1; dx <= 1; dx++) {
        for (long dy = -1; dy <= 1; dy++) {
          long k = pack(bx + dx, by + dy);
          int[] b = buckets.get(k);
          if (b == null) {
            continue;
          }
          int n = fill.get(k);
          for (int t = 0; t < n; t++) {
            int i = b[t];
            double ex = demand.x_m()[i] - s.x_m();
            double ey = demand.y_m()[i] - s.y_m();
            if (ex * ex + ey * ey <= r2) {
              if (m == out.length) {
                out = Arrays.copyOf(out, m * 2);
              }
              out[m++] = i;
            }
          }
        }
      }
      Arrays.sort(out, from, m);
      if (access.paths() != null && m > from) {
        m = from + onNetwork(access, demand, s, out, from, m - from, times);
      }
      start[j + 1] = m;
    }
    return new ShelterPairs(start, Arrays.copyOf(out, m));
  }

  /**
   * Keeps, of the {@code n} candidates at {@code out[from..]}, those the network reaches from
   * {@code s} within the limit, in order; returns how many.
   */
  private static int onNetwork(
      ShelterAccess a, Demand d, ShelterSite s, int[] out, int from, int n, double[][] times) {
    if (times[0].length < n) {
      times[0] = new double[Math.max(n, times[0].length * 2)];
    }
    int[] pts = from == 0 ? out : Arrays.copyOfRange(out, from, from + n);
    a.paths().times(s.x_m(), s.y_m(), a.limit_s(), d, pts, n, times[0]);
    int kept = 0;
    for (int k = 0; k < n; k++) {
      if (times[0][k] <= a.limit_s()) {
        out[from + kept++] = pts[k];
      }
    }
    return kept;
  }

  /** The number of pairs. */
  public int size() {
    return point.length;
  }

  private static long key(double x, double y, double r) {
    return pack((long) Math.floor(x / r), (long) Math.floor(y / r));
  }

  private static long pack(long bx, long by) {
    return (bx << 32) ^ (by & 0xffffffffL);
  }
}
