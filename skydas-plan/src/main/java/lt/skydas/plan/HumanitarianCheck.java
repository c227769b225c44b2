package lt.skydas.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Checks a plan against the humanitarian rules: no mine within the civilian buffer of any
 * settlement or residential area; no anti-personnel mine unless the policy enables them. Sensor
 * sites are not restricted; EW sites inside the buffer are {@linkplain #jammersNearCivilians
 * warnings}. Immutable and thread-safe once built (the index is built in the constructor).
 */
public final class HumanitarianCheck {
  private static final int MAX_REPORTED_PER_OBSTACLE = 5;
  private final STRtree index = new STRtree();
  private final int civilianCount;

  public HumanitarianCheck(List<CivilianFeature> civilians) {
    for (CivilianFeature c : civilians) {
      index.insert(c.geometry_lks94().getEnvelopeInternal(), c);
    }
    index.build();
    civilianCount = civilians.size();
  }

  public int civilianCount() {
    return civilianCount;
  }

  /** All violations of {@code plan}, sorted by obstacle id then rule. */
  public List<Violation> check(BarrierPlan plan) {
    List<Violation> out = new ArrayList<>();
    double buffer = plan.policy().civilianBuffer_m();
    for (Obstacle o : plan.obstacles()) {
      if (!o.type().mines().isMine()) {
        continue;
      }
      if (o.type().mines().hasAp() && !plan.policy().apMinesEnabled()) {
        out.add(
            new Violation(
                Violation.Rule.AP_MINES_NOT_ENABLED,
                o.id(),
                o.id()
                    + ": "
                    + o.type().name()
                    + " contains anti-personnel mines, which the plan's policy does not enable",
                o.geometry_lks94(),
                Double.NaN));
      }
      out.addAll(bufferViolations(o, buffer));
    }
    out.sort(Comparator.comparing(Violation::obstacleId).thenComparing(Violation::rule));
    return out;
  }

  /** True when the obstacle may be placed under {@code policy}. */
  public boolean allows(Obstacle o, PlanPolicy policy) {
    if (!o.type().mines().isMine()) {
      return true;
    }
    if (o.type().mines().hasAp() && !policy.apMinesEnabled()) {
      return false;
    }
    return bufferViolations(o, policy.civilianBuffer_m()).isEmpty();
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
