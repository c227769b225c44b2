package lt.skydas.optimize.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Benders cut rows of the path master, in integer ticks ({@code 1/ticksPerSecond} s). A path P of
 * scenario σ gives {@code z_σ ≤ C + Σ_o c_o · y_o} with {@code C} the path's length plus the delays
 * of forced options on it, and {@code c_o} the delay option o adds summed over P's gate arcs of its
 * site. Every number is rounded <em>up</em> to a tick (with a 1e-7-tick allowance for
 * floating-point noise), so {@code z_σ = ⌈L_σ(y)/tick⌉} satisfies every row for every plan y (a sum
 * of ceilings is at least the ceiling of the sum): the rows never cut off a plan's true value, and
 * the master's bound stays valid.
 */
final class PathPool {
  /** One row: {@code z_scenario ≤ constant + Σ coef[i] · y[option[i]]}, in ticks. */
  record Row(int scenario, long constant, int[] option, long[] coef) {
    /** Right-hand side at a plan (chosen option per site), ticks. */
    long rhs(int[] choice, int[] optSite) {
      long v = constant;
      for (int i = 0; i < option.length; i++) {
        if (choice[optSite[option[i]]] == option[i]) {
          v += coef[i];
        }
      }
      return v;
    }

    /** Largest right-hand side over all plans (each site at its best option in the row), ticks. */
    long maxRhs(int[] optSite) {
      long v = constant;
      int i = 0;
      while (i < option.length) {
        int s = optSite[option[i]];
        long best = 0;
        int j = i;
        while (j < option.length && optSite[option[j]] == s) {
          best = Math.max(best, coef[j]);
          j++;
        }
        v += best;
        i = j;
      }
      return v;
    }
  }

  /** Builds rows from paths; one per thread (keeps scratch arrays). */
  static final class RowBuilder {
    private final ModelIndex ix;
    private final long ticksPerSecond;
    private final double[] acc;
    private final boolean[] hit;
    private final int[] touched;

    RowBuilder(ModelIndex ix, long ticksPerSecond) {
      this.ix = ix;
      this.ticksPerSecond = ticksPerSecond;
      acc = new double[ix.options];
      hit = new boolean[ix.options];
      touched = new int[ix.options];
    }

    /** The row of path {@code arcs} of scenario {@code k}; options ordered by site, then id. */
    Row row(int k, int[] arcs) {
      double c = 0;
      int n = 0;
      int[] site = ix.arcSite[k];
      double[] len = ix.length[k];
      for (int a : arcs) {
        c += len[a];
        int s = site[a];
        if (s < 0) {
          continue;
        }
        if (ix.forcedAt[s] >= 0) {
          c += ix.delay(k, ix.forcedAt[s], a);
          continue;
        }
        for (int i = ix.siteOptFirst[s]; i < ix.siteOptFirst[s + 1]; i++) {
          int o = ix.siteOpts[i];
          double d = ix.delay(k, o, a);
          if (d > 0) {
            acc[o] += d;
            if (!hit[o]) {
              hit[o] = true;
              touched[n++] = o;
            }
          }
        }
      }
      Integer[] ord = new Integer[n];
      for (int i = 0; i < n; i++) {
        ord[i] = touched[i];
      }
      Arrays.sort(
          ord,
          (x, y) ->
              ix.optSite[x] != ix.optSite[y]
                  ? Integer.compare(ix.optSite[x], ix.optSite[y])
                  : Integer.compare(x, y));
      int[] opt = new int[n];
      long[] coef = new long[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        int o = ord[i];
        long t = ticks(acc[o], ticksPerSecond);
        acc[o] = 0;
        hit[o] = false;
        if (t > 0) {
          opt[m] = o;
          coef[m++] = t;
        }
      }
      return new Row(k, ticks(c, ticksPerSecond), Arrays.copyOf(opt, m), Arrays.copyOf(coef, m));
    }
  }

  /** Seconds rounded up to ticks, allowing 1e-7 tick of floating-point noise. */
  static long ticks(double seconds, long ticksPerSecond) {
    double t = Math.ceil(seconds * ticksPerSecond - 1e-7);
    if (!(t < 4e15)) {
      throw new IllegalArgumentException(
          "time " + seconds + " s is too large for " + ticksPerSecond + " ticks/s");
    }
    return Math.max(0, (long) t);
  }

  private final List<Row> rows = new ArrayList<>();
  private final Set<Key> keys = new HashSet<>();
  private final int[] perScenario;

  PathPool(int scenarios) {
    perScenario = new int[scenarios];
  }

  /** Adds the row unless an identical one is pooled; true when added. */
  boolean add(Row r) {
    if (keys.add(new Key(r))) {
      rows.add(r);
      perScenario[r.scenario()]++;
      return true;
    }
    return false;
  }

  boolean contains(Row r) {
    return keys.contains(new Key(r));
  }

  List<Row> rows() {
    return rows;
  }

  int size() {
    return rows.size();
  }

  int size(int scenario) {
    return perScenario[scenario];
  }

  private record Key(Row r) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.r.scenario() == r.scenario()
          && k.r.constant() == r.constant()
          && Arrays.equals(k.r.option(), r.option())
          && Arrays.equals(k.r.coef(), r.coef());
    }

    @Override
    public int hashCode() {
      return ((31 * r.scenario() + Long.hashCode(r.constant())) * 31 + Arrays.hashCode(r.option()))
              * 31
          + Arrays.hashCode(r.coef());
    }
  }
}
