package lt.skydas.assess;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.FloatRaster;
import org.locationtech.jts.geom.Coordinate;

/**
 * An avenue walked from the border to its objective, sampled every half cell, each sample at the
 * arrival time of its cell in the case's isochrone: what warning time is measured on ({@code
 * assess}'s warning time, the optimiser's minimum warning). Stateless.
 */
public final class AvenueSamples {
  private AvenueSamples() {}

  /**
   * One point of an avenue.
   *
   * @param x_lks94 easting, EPSG:3346
   * @param y_lks94 northing
   * @param cell its cell in the isochrone's grid
   * @param t_h the cell's arrival time, hours
   */
  public record Sample(double x_lks94, double y_lks94, int cell, double t_h) {}

  /** The samples in travel order; points off the grid or in cells not reached are left out. */
  public static List<Sample> of(Avenue a, FloatRaster iso_h) {
    GridSpec g = iso_h.grid();
    double step = g.cellSize() / 2;
    List<Sample> out = new ArrayList<>();
    List<Coordinate> path = a.path_lks94();
    for (int i = 0; i + 1 < path.size(); i++) {
      Coordinate p = path.get(i);
      Coordinate q = path.get(i + 1);
      int n = Math.max(1, (int) Math.ceil(p.distance(q) / step));
      for (int k = (i == 0 ? 0 : 1); k <= n; k++) {
        double x = p.x + (q.x - p.x) * k / n;
        double y = p.y + (q.y - p.y) * k / n;
        int cell = g.cellAt(x, y);
        float t = cell < 0 ? Float.NaN : iso_h.data()[cell];
        if (!Float.isNaN(t)) {
          out.add(new Sample(x, y, cell, t));
        }
      }
    }
    return out;
  }
}
