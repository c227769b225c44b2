package lt.skydas.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lt.skydas.core.geo.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Checks a plan against the humanitarian rules of its {@link PlanPolicy}: no mine within the
 * civilian buffer of any settlement, residential area or building; no anti-personnel mine unless
 * the policy enables them, and then only inside its AP zones when it names any; no obstacle of a
 * kind the policy keeps out of protected areas inside one. Sensor sites are not restricted; EW
 * sites inside the buffer are {@linkplain #jammersNearCivilians warnings}. Immutable and
 * thread-safe once built (the indexes are built in the constructor; AP zones are projected per
 * call).
 */
public final class HumanitarianCheck {
  private static final int MAX_REPORTED_PER_OBSTACLE = 5;
  private final STRtree index = new STRtree();
  private final STRtree protectedIndex = new STRtree();
  private final int civilianCount;
  private final int epsg;

  /** Civilians only, in LKS-94 (no protected areas). */
  public HumanitarianCheck(List<CivilianFeature> civilians) {
    this(civilians, List.of(), Crs.LKS94);
  }

  /**
   * @param civilians settlements, residential areas and buildings, map CRS
   * @param protectedAreas protected areas, map CRS
   * @param epsg the map CRS (AP zones, given in lon/lat, are projected into it)
   */
  public HumanitarianCheck(
      List<CivilianFeature> civilians, List<ProtectedArea> protectedAreas, int epsg) {
    for (CivilianFeature c : civilians) {
      index.insert(c.geometry_lks94().getEnvelopeInternal(), c);
    }
    index.build();
    for (ProtectedArea a : protectedAreas) {
      protectedIndex.insert(a.geometry_lks94().getEnvelopeInternal(), a);
    }
    protectedIndex.build();
    civilianCount = civilians.size();
    this.epsg = epsg;
  }

  public int civilianCount() {
    return civilianCount;
  }

  /** All violations of {@code plan}, sorted by obstacle id then rule. */
  public List<Violation> check(BarrierPlan plan) {
    List<Violation> out = new ArrayList<>();
    PlanPolicy policy = plan.policy();
    Geometry zones = zonesMetric(policy);
    for (Obstacle o : plan.obstacles()) {
      violations(o, policy, zones, out);
    }
    out.sort(Comparator.comparing(Violation::obstacleId).thenComparing(Violation::rule));
    return out;
  }

  /** The violations of one obstacle under {@code policy} (a registry record, an edit). */
  public List<Violation> check(Obstacle o, PlanPolicy policy) {
    List<Violation> out = new ArrayList<>();
    violations(o, policy, zonesMetric(policy), out);
    return out;
  }

  private void violations(Obstacle o, PlanPolicy policy, Geometry zones, List<Violation> out) {
    Violation ap = apViolation(o, policy, zones);
    if (ap != null) {
      out.add(ap);
    }
    if (o.type().mines().isMine()) {
      out.addAll(bufferViolations(o, policy.civilianBuffer_m()));
    }
    Violation pa = protectedViolation(o, policy);
    if (pa != null) {
      out.add(pa);
    }
  }

  /** The policy's AP zones in the map CRS as one geometry, or null when it names none. */
  private Geometry zonesMetric(PlanPolicy policy) {
    if (policy.apZones_wgs84().isEmpty()) {
      return null;
    }
    Crs crs = Crs.of(epsg);
    List<Geometry> parts = new ArrayList<>();
    for (Geometry z : policy.apZones_wgs84()) {
      parts.add(crs.toMetric(z));
    }
    return org.locationtech.jts.operation.union.UnaryUnionOp.union(parts);
  }

  private static Violation apViolation(Obstacle o, PlanPolicy policy, Geometry zones) {
    if (!o.type().mines().hasAp()) {
      return null;
    }
    if (!policy.apMinesEnabled()) {
      return new Violation(
          Violation.Rule.AP_MINES_NOT_ENABLED,
          o.id(),
          o.id()
              + ": "
              + o.type().name()
              + " contains anti-personnel mines, which the policy ("
              + policy.source()
              + ") does not enable",
          o.geometry_lks94(),
          Double.NaN);
    }
    if (zones != null && !zones.covers(o.geometry_lks94())) {
      Geometry outside = o.geometry_lks94().difference(zones);
      return new Violation(
          Violation.Rule.AP_MINES_OUTSIDE_ZONES,
          o.id(),
          String.format(
              Locale.ROOT,
              "%s: %s contains anti-personnel mines outside the policy's AP zones (%.0f m of it"
                  + " lies %.0f m from the nearest zone)",
              o.id(),
              o.type().name(),
              outside.getDimension() == 2 ? Math.sqrt(outside.getArea()) : outside.getLength(),
              outside.distance(zones)),
          outside.isEmpty() ? o.geometry_lks94() : outside,
          outside.distance(zones));
    }
    return null;
  }

  private Violation protectedViolation(Obstacle o, PlanPolicy policy) {
    if (policy.allowedInProtectedArea(o.type())) {
      return null;
    }
    ProtectedArea hit = protectedAreaMeeting(o.geometry_lks94());
    if (hit == null) {
      return null;
    }
    Geometry part = o.geometry_lks94().intersection(hit.geometry_lks94());
    return new Violation(
        Violation.Rule.PROTECTED_AREA,
        o.id(),
        o.id()
            + ": "
            + o.type().name()
            + " ("
            + o.type().category()
            + ") lies in "
            + hit.label()
            + ", where the policy keeps "
            + o.type().category()
            + " out",
        part.isEmpty() ? o.geometry_lks94() : part,
        0);
  }

  /** The first protected area {@code g} meets, or null. */
  private ProtectedArea protectedAreaMeeting(Geometry g) {
    for (Object item : protectedIndex.query(g.getEnvelopeInternal())) {
      ProtectedArea a = (ProtectedArea) item;
      if (a.geometry_lks94().intersects(g)) {
        return a;
      }
    }
    return null;
  }

  /** True when the obstacle may be placed under {@code policy}. */
  public boolean allows(Obstacle o, PlanPolicy policy) {
    if (apViolation(o, policy, zonesMetric(policy)) != null) {
      return false;
    }
    if (!policy.allowedInProtectedArea(o.type())
        && protectedAreaMeeting(o.geometry_lks94()) != null) {
      return false;
    }
    return !o.type().mines().isMine() || bufferViolations(o, policy.civilianBuffer_m()).isEmpty();
  }

  /**
   * Warnings, not violations: each EW site (category {@link SensorCategory#EW}) of {@code plan}
   * within the policy's civilian buffer of a settlement or residential area, with the nearest such
   * feature, in plan order. Jamming there denies GNSS and links to the people living nearby too.
   */
  public List<SensorWarning> jammersNearCivilians(BarrierPlan plan) {
    double buffer = plan.policy().civilianBuffer_m();
    List<SensorWarning> out = new ArrayList<>();
    for (SensorSite s : plan.sensors()) {
      if (s.type().category() != SensorCategory.EW) {
        continue;
      }
      List<CivilianFeature> near = within(s.geometry_lks94(), buffer);
      if (near.isEmpty()) {
        continue;
      }
      CivilianFeature c = near.get(0);
      double d = s.geometry_lks94().distance(c.geometry_lks94());
      String place = c.kind() + " " + (c.name() == null ? "(unnamed)" : c.name());
      out.add(
          new SensorWarning(
              s.id(),
              place,
              d,
              String.format(
                  Locale.ROOT,
                  "jammer near %s: %s, a %s, lies %.0f m from it,"
                      + " inside the %.0f m civilian buffer%s",
                  place,
                  s.id(),
                  s.type().name(),
                  d,
                  buffer,
                  near.size() > 1
                      ? " (and " + (near.size() - 1) + " more civilian features)"
                      : "")));
    }
    return out;
  }

  /** Civilian features within {@code buffer} of {@code g}, nearest first. */
  private List<CivilianFeature> within(Geometry g, double buffer) {
    org.locationtech.jts.geom.Envelope env =
        new org.locationtech.jts.geom.Envelope(g.getEnvelopeInternal());
    env.expandBy(buffer);
    List<CivilianFeature> near = new ArrayList<>();
    for (Object item : index.query(env)) {
      CivilianFeature c = (CivilianFeature) item;
      if (DistanceOp.isWithinDistance(g, c.geometry_lks94(), buffer)) {
        near.add(c);
      }
    }
    near.sort(Comparator.comparingDouble(c -> g.distance(c.geometry_lks94())));
    return near;
  }

  private List<Violation> bufferViolations(Obstacle o, double buffer) {
    Geometry g = o.geometry_lks94();
    List<CivilianFeature> near = within(g, buffer);
    if (near.isEmpty()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    for (CivilianFeature c : near.subList(0, Math.min(MAX_REPORTED_PER_OBSTACLE, near.size()))) {
      double d = g.distance(c.geometry_lks94());
      Geometry zone = BufferOp.bufferOp(c.geometry_lks94(), buffer, 8);
      Geometry part = g.intersection(zone);
      if (part.isEmpty()) {
        part = g;
      }
      out.add(
          new Violation(
              Violation.Rule.CIVILIAN_BUFFER,
              o.id(),
              String.format(
                  Locale.ROOT,
                  "%s: %s lies %.0f m from %s %s, inside the %.0f m civilian buffer",
                  o.id(),
                  o.type().name(),
                  d,
                  c.kind(),
                  c.name() == null ? "(unnamed)" : c.name(),
                  buffer),
              part,
              d));
    }
    if (near.size() > MAX_REPORTED_PER_OBSTACLE) {
      Violation last = out.get(out.size() - 1);
      out.set(
          out.size() - 1,
          new Violation(
              last.rule(),
              last.obstacleId(),
              last.message()
                  + " (and "
                  + (near.size() - MAX_REPORTED_PER_OBSTACLE)
                  + " more civilian features)",
              last.where_lks94(),
              last.distance_m()));
    }
    return out;
  }
}
