package lt.skydas.assess.civil;

import java.util.List;

/**
 * Where people are, as points with a head count, for shelter coverage and siting (issue 17). A
 * settlement is a point in the data, but a town's people live across it: a settlement whose people
 * at {@link #DENSITY_PER_KM2} would fill a disc wider than one cell is spread evenly over the cells
 * of that disc (cell centres on a grid of {@code cell_m} aligned to the map origin); a smaller one
 * stays one point at its place. Vilnius (≈ 556,000 people) becomes a disc of 9.4 km radius, a
 * village of 54 people one point. Column arrays, index-aligned; immutable by contract (do not
 * modify the arrays).
 *
 * @param x_m easting of each point
 * @param y_m northing of each point
 * @param people people at each point ({@code > 0})
 * @param resident index of the settlement (in the residents list given) each point belongs to
 */
public record Demand(double[] x_m, double[] y_m, long[] people, int[] resident) {
  /**
   * People per km² of a settlement's built-up area: the order of Lithuanian towns' built-up areas
   * (Vilnius city: 1,400 per km² over its whole area with its forests, 3,000 to 5,000 in its
   * residential districts). Documented in docs/civilians.md.
   */
  public static final double DENSITY_PER_KM2 = 2_000;

  /** The cell of the spread, in metres. */
  public static final double CELL_M = 250;

  /** The number of points. */
  public int size() {
    return people.length;
  }

  /** All people over all points. */
  public long total() {
    long s = 0;
    for (long p : people) {
      s += p;
    }
    return s;
  }

  /** Every resident with people, spread at the default density and cell. */
  public static Demand of(List<Resident> residents) {
    return spread(residents, null, CELL_M, DENSITY_PER_KM2);
  }

  /**
   * Spreads {@code residents} (those with {@code include[i]}, or all when {@code include} is null)
   * over discs at {@code density_per_km2} on cells of {@code cell_m}.
   */
  public static Demand spread(
      List<Resident> residents, boolean[] include, double cell_m, double density_per_km2) {
    Cols c = new Cols();
    for (int i = 0; i < residents.size(); i++) {
      Resident r = residents.get(i);
      if ((include != null && !include[i]) || r.population() <= 0) {
        continue;
      }
      double radius = Math.sqrt(r.population() / (Math.PI * density_per_km2 / 1e6));
      if (radius <= cell_m / 2) {
        c.add(r.x_m(), r.y_m(), r.population(), i);
        continue;
      }
      long x0 = (long) Math.floor((r.x_m() - radius) / cell_m);
      long x1 = (long) Math.floor((r.x_m() + radius) / cell_m);
      long y0 = (long) Math.floor((r.y_m() - radius) / cell_m);
      long y1 = (long) Math.floor((r.y_m() + radius) / cell_m);
      int n = 0;
      for (long cx = x0; cx <= x1; cx++) {
        for (long cy = y0; cy <= y1; cy++) {
          if (inside(r, cx, cy, cell_m, radius)) {
            n++;
          }
        }
      }
      if (n == 0) {
        c.add(r.x_m(), r.y_m(), r.population(), i);
        continue;
      }
      long base = r.population() / n;
      long extra = r.population() % n;
      int k = 0;
      for (long cx = x0; cx <= x1; cx++) {
        for (long cy = y0; cy <= y1; cy++) {
          if (inside(r, cx, cy, cell_m, radius)) {
            long p = base + (k++ < extra ? 1 : 0);
            if (p > 0) {
              c.add((cx + 0.5) * cell_m, (cy + 0.5) * cell_m, p, i);
            }
          }
        }
      }
    }
    return c.build();
  }

  private static boolean inside(Resident r, long cx, long cy, double cell_m, double radius) {
    double dx = (cx + 0.5) * cell_m - r.x_m();
    double dy = (cy + 0.5) * cell_m - r.y_m();
    return dx * dx + dy * dy <= radius * radius;
  }

  /** Growable columns. */
  private static final class Cols {
    double[] x = new double[1024];
    double[] y = new double[1024];
    long[] p = new long[1024];
    int[] r = new int[1024];
    int n;

    void add(double xm, double ym, long people, int resident) {
      if (n == x.length) {
        int m = n * 2;
        x = java.util.Arrays.copyOf(x, m);
        y = java.util.Arrays.copyOf(y, m);
        p = java.util.Arrays.copyOf(p, m);
        r = java.util.Arrays.copyOf(r, m);
      }
      x[n] = xm;
      y[n] = ym;
      p[n] = people;
      r[n] = resident;
      n++;
    }

    Demand build() {
      return new Demand(
          java.util.Arrays.copyOf(x, n),
          java.util.Arrays.copyOf(y, n),
          java.util.Arrays.copyOf(p, n),
          java.util.Arrays.copyOf(r, n));
    }
  }
}
