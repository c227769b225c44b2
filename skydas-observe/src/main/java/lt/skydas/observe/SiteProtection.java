package lt.skydas.observe;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.plan.SensorCategory;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Point;

/**
 * Whether a named site (a bridge, a control point, a depot, a shelter — any point) is protected
 * against small UAS: <em>detected</em>, a drone over it observed by at least one sensor
 * (surveillance, early warning or counter-drone sensor), and <em>defended</em>, within the reach of
 * at least one counter-drone effector or jammer that acts on small UAS — both with line of sight to
 * a drone {@link Coverage#DEFAULT_TARGET_HEIGHT_M 50 m} above the surface.
 *
 * @param id the site's id
 * @param name the site's name (its id when it has none)
 * @param detectedBy how many sensors observe a drone over it
 * @param defendedBy how many effectors or jammers reach a drone over it
 */
public record SiteProtection(String id, String name, int detectedBy, int defendedBy) {
  /** Detected and defended. */
  public boolean isProtected() {
    return detectedBy > 0 && defendedBy > 0;
  }

  /** A named point in LKS-94. */
  public record NamedPoint(String id, String name, Point point_lks94) {}

  /** The protection of each of {@code points} by the plan's {@code sites}, in the given order. */
  public static List<SiteProtection> of(
      Surface surface, List<SensorSite> sites, List<NamedPoint> points, int threads) {
    List<SensorPlacement> detect = new ArrayList<>();
    List<SensorPlacement> defeat = new ArrayList<>();
    for (SensorSite s : sites) {
      SensorCategory c = s.type().category();
      SensorPlacement p = SensorPlacement.of(s, TargetClass.SMALL_UAS);
      if (c == SensorCategory.CUAS_EFFECTOR || c == SensorCategory.EW) {
        defeat.add(p);
      } else {
        detect.add(p);
      }
    }
    double h = Coverage.DEFAULT_TARGET_HEIGHT_M.get(TargetClass.SMALL_UAS);
    CoverageGrid detected = Coverage.compute(surface, detect, TargetClass.SMALL_UAS, h, threads);
    CoverageGrid defended = Coverage.compute(surface, defeat, TargetClass.SMALL_UAS, h, threads);
    List<SiteProtection> out = new ArrayList<>();
    for (NamedPoint p : points) {
      double x = p.point_lks94().getX();
      double y = p.point_lks94().getY();
      out.add(new SiteProtection(p.id(), p.name(), detected.countAt(x, y), defended.countAt(x, y)));
    }
    return out;
  }

  /** The protected share of {@code ps}, 0..1 (0 for none). */
  public static double protectedShare(List<SiteProtection> ps) {
    return ps.isEmpty()
        ? 0
        : ps.stream().filter(SiteProtection::isProtected).count() / (double) ps.size();
  }
}
