package lt.skydas.assess.seam;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Which side's candidate site would close a seam best: for each ally, of its candidate sites within
 * the radius of the tri-point, the one that leaves the smallest gap once added to its line (the
 * distance from the line with it to the other ally's line), cheaper first on a tie. All in one map
 * CRS. Stateless.
 */
public final class SeamClosers {
  private static final GeometryFactory GF = new GeometryFactory();

  private SeamClosers() {}

  /** A candidate site of one country: its id, geometry (map CRS) and cheapest cost, EUR. */
  public record Site(String id, Geometry geometry, double cost_eur) {}

  /**
   * The best site of one side.
   *
   * @param country the side (ISO alpha-2)
   * @param gapAfter_m the gap left with the site built
   */
  public record Closer(String country, Site site, double gapAfter_m) {}

  /**
   * The best site of each side of {@code seam} (one entry per side that has a candidate near the
   * tri-point and whose best site narrows the gap), side A first.
   *
   * @param lineA the first ally's obstacles (map CRS), lineB the second's
   */
  public static List<Closer> best(
      Seam seam,
      double radius_m,
      String countryA,
      List<Geometry> lineA,
      List<Site> sitesA,
      String countryB,
      List<Geometry> lineB,
      List<Site> sitesB) {
    List<Closer> out = new ArrayList<>();
    if (seam.status() == SeamAnalysis.Status.JOINED) {
      return out;
    }
    var tri = GF.createPoint(seam.triPoint());
    Geometry a = near(lineA, tri, radius_m);
    Geometry b = near(lineB, tri, radius_m);
    Closer ca = side(countryA, a, b, sitesA, tri, radius_m, seam.gap_m());
    Closer cb = side(countryB, b, a, sitesB, tri, radius_m, seam.gap_m());
    if (ca != null) {
      out.add(ca);
    }
    if (cb != null) {
      out.add(cb);
    }
    return out;
  }

  private static Closer side(
      String country,
      Geometry own,
      Geometry other,
      List<Site> sites,
      Geometry tri,
      double radius_m,
      double gap_m) {
    if (other.isEmpty()) {
      return null; // nothing to close against
    }
    Closer best = null;
    for (Site s : sites) {
      if (s.geometry().distance(tri) > radius_m) {
        continue;
      }
      double after =
          own.isEmpty()
              ? s.geometry().distance(other)
              : Math.min(own.distance(other), s.geometry().distance(other));
      if (!(after < gap_m)) {
        continue;
      }
      if (best == null
          || after < best.gapAfter_m() - 1e-9
          || (Math.abs(after - best.gapAfter_m()) <= 1e-9
              && s.cost_eur() < best.site().cost_eur())) {
        best = new Closer(country, s, after);
      }
    }
    return best;
  }

  private static Geometry near(List<Geometry> line, Geometry tri, double radius_m) {
    List<Geometry> in = new ArrayList<>();
    for (Geometry g : line) {
      if (g.distance(tri) <= radius_m) {
        in.add(g);
      }
    }
    return GF.buildGeometry(in.isEmpty() ? List.of(GF.createPoint((Coordinate) null)) : in);
  }
}
