package lt.skydas.observe;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * How much of a line — a border, a belt, an avenue of approach — a {@link CoverageGrid} observes,
 * and the stretches nobody watches.
 *
 * <p>Each line is sampled every {@code step_m} (the last piece shorter); a piece counts as observed
 * when the cell at its midpoint is. Results are exact to one step; pass half a cell or less.
 *
 * @param length_m total length, m
 * @param observed_m length whose cells at least one sensor observes, m
 * @param meanSensors length-weighted mean number of sensors observing the line
 * @param gaps unobserved stretches, longest first
 */
public record LineCoverage(double length_m, double observed_m, double meanSensors, List<Gap> gaps) {
  /**
   * One unobserved stretch.
   *
   * @param part which line of a multi-line geometry (0-based)
   * @param from_m where it starts along that line, m
   * @param to_m where it ends, m
   * @param geometry_lks94 the stretch itself
   */
  public record Gap(int part, double from_m, double to_m, LineString geometry_lks94) {
    public double length_m() {
      return to_m - from_m;
    }
  }

  public LineCoverage {
    gaps = List.copyOf(gaps);
  }

  /** Length nobody observes, m. */
  public double unobserved_m() {
    return length_m - observed_m;
  }

  /** The observed share of the length, 0..1 (1 for an empty line). */
  public double observedShare() {
    return length_m > 0 ? observed_m / length_m : 1;
  }

  /**
   * The coverage of {@code line_lks94} (any lineal geometry: LineString or MultiLineString; other
   * geometries contribute their boundary-free linear parts only).
   *
   * @param step_m sampling step, m (&gt; 0)
   */
  public static LineCoverage of(CoverageGrid grid, Geometry line_lks94, double step_m) {
    if (!(step_m > 0)) {
      throw new IllegalArgumentException("step must be > 0");
    }
    double length = 0;
    double observed = 0;
    double sensorMetres = 0;
    List<Gap> gaps = new ArrayList<>();
    for (int part = 0; part < line_lks94.getNumGeometries(); part++) {
      if (!(line_lks94.getGeometryN(part) instanceof LineString ls) || ls.isEmpty()) {
        continue;
      }
      LengthIndexedLine index = new LengthIndexedLine(ls);
      double partLength = ls.getLength();
      double gapStart = -1;
      for (double a = 0; a < partLength; a += step_m) {
        double b = Math.min(partLength, a + step_m);
        Coordinate mid = index.extractPoint((a + b) / 2);
        int n = grid.countAt(mid.x, mid.y);
        length += b - a;
        sensorMetres += n * (b - a);
        if (n > 0) {
          observed += b - a;
          if (gapStart >= 0) {
            gaps.add(gap(index, part, gapStart, a));
            gapStart = -1;
          }
        } else if (gapStart < 0) {
          gapStart = a;
        }
      }
      if (gapStart >= 0) {
        gaps.add(gap(index, part, gapStart, partLength));
      }
    }
    gaps.sort((x, y) -> Double.compare(y.length_m(), x.length_m()));
    return new LineCoverage(length, observed, length > 0 ? sensorMetres / length : 0, gaps);
  }

  private static Gap gap(LengthIndexedLine index, int part, double from, double to) {
    return new Gap(part, from, to, (LineString) index.extractLine(from, to));
  }
}
