package lt.skydas.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.TargetClass;
import lt.skydas.terrain.Viewshed;
import lt.skydas.terrain.ViewshedOptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Coverage of a set of sensors over a {@link Surface}, for one target class: per cell, how many
 * sensors observe a target standing there.
 *
 * <p><b>Model.</b> A line-of-sight sensor at point p observes cell c iff (1) c's centre lies within
 * its range and its arc (azimuth clockwise from grid north, arc centred on the sensor's azimuth),
 * (2) the viewshed from p (eye {@code mastHeight − clutter(p)} above p's surface, so a mast below
 * the canopy looks into the trees; target {@code targetHeight} above c's surface; Earth curvature
 * with refraction k = 1/7, as {@link ViewshedOptions}' defaults) sees c, and (3) the target is not
 * concealed: c's clutter is not taller than the target (a vehicle in a forest or a built-up block
 * is hidden from sight; a drone above the trees is not). A ground-coupled sensor (seismic/acoustic,
 * fence fibre) observes every cell whose centre lies within its range of its point or line,
 * whatever the terrain. Nodata cells are never observed.
 *
 * <p><b>Cost.</b> One windowed viewshed per line-of-sight sensor (Θ((range / cell)²)), plus a pass
 * over its window; {@code threads} workers each own a {@link Viewshed} and a count grid, summed at
 * the end.
 *
 * <p>Stateless; thread-safe.
 */
public final class Coverage {
  /**
   * Target heights above the surface, m: a vehicle 2.5 (tanks and infantry fighting vehicles are
   * 2.2–3 m tall), a person 1.8, a small UAS 50 (an estimate of a reconnaissance multirotor's
   * working height, well above the canopy). Estimates; pass your own to {@link #compute}.
   */
  public static final Map<TargetClass, Double> DEFAULT_TARGET_HEIGHT_M =
      Map.of(TargetClass.VEHICLE, 2.5, TargetClass.PERSON, 1.8, TargetClass.SMALL_UAS, 50.0);

  private Coverage() {}

  /**
   * The coverage of {@code sensors} (all placed for {@code target}) over {@code surface}.
   *
   * @param targetHeight_m the target's height above the surface, m
   * @param threads worker threads (≥ 1)
   */
  public static CoverageGrid compute(
      Surface surface,
      List<SensorPlacement> sensors,
      TargetClass target,
      double targetHeight_m,
      int threads) {
    GridSpec g = surface.grid();
    List<String> unplaced = new ArrayList<>();
    List<SensorPlacement> active = new ArrayList<>();
    for (SensorPlacement s : sensors) {
      if (s.range_m() <= 0 || !placed(surface, s)) {
        unplaced.add(s.id());
      } else {
        active.add(s);
      }
    }
    int workers = Math.max(1, Math.min(threads, active.size()));
    short[][] partial = new short[workers][];
    if (workers == 1) {
      partial[0] = new Worker(surface, targetHeight_m).run(active, 0, 1);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      try {
        List<Future<short[]>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          int first = w;
          futures.add(
              pool.submit(() -> new Worker(surface, targetHeight_m).run(active, first, workers)));
        }
        for (int w = 0; w < workers; w++) {
          partial[w] = futures.get(w).get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("coverage interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("coverage failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    short[] count = partial[0];
    for (int w = 1; w < workers; w++) {
      for (int i = 0; i < count.length; i++) {
        count[i] = saturatedAdd(count[i], partial[w][i]);
      }
    }
    return new CoverageGrid(g, target, count, unplaced);
  }

  private static boolean placed(Surface surface, SensorPlacement s) {
    if (!s.lineOfSight()) {
      return true;
    }
    Point p = (Point) s.geometry_lks94();
    int c = surface.grid().cellAt(p.getX(), p.getY());
    return c >= 0 && !surface.isNodata(c);
  }

  private static short saturatedAdd(short a, short b) {
    int s = a + b;
    return s > Short.MAX_VALUE ? Short.MAX_VALUE : (short) s;
  }

  /** One thread's share: every {@code step}-th sensor from {@code first}, into its own grid. */
  private static final class Worker {
    private static final GeometryFactory GF = new GeometryFactory();
    private final Surface surface;
    private final GridSpec g;
    private final double targetHeight_m;
    private final short[] count;
    private byte[] seen;
    private Viewshed viewshed;

    Worker(Surface surface, double targetHeight_m) {
      this.surface = surface;
      this.g = surface.grid();
      this.targetHeight_m = targetHeight_m;
      this.count = new short[g.cellCount()];
    }

    short[] run(List<SensorPlacement> sensors, int first, int step) {
      for (int i = first; i < sensors.size(); i += step) {
        SensorPlacement s = sensors.get(i);
        if (s.lineOfSight()) {
          addLineOfSight(s);
        } else {
          addGroundCoupled(s);
        }
      }
      return count;
    }

    private void addLineOfSight(SensorPlacement s) {
      if (viewshed == null) {
        viewshed = new Viewshed(surface.elevation());
        seen = new byte[g.cellCount()];
      }
      Point p = (Point) s.geometry_lks94();
      int cell = g.cellAt(p.getX(), p.getY());
      int col = cell % g.width();
      int row = cell / g.width();
      ViewshedOptions o =
          ViewshedOptions.builder()
              .withObserverHeight_m(s.mastHeight_m() - surface.clutter_m(cell))
              .withTargetHeight_m(targetHeight_m)
              .withMaxDistance_m(s.range_m())
              .build();
      viewshed.computeInWindow(col, row, o, seen);
      Viewshed.Window w = viewshed.window();
      for (int r = w.row0(); r < w.row0() + w.height(); r++) {
        for (int c = w.col0(); c < w.col0() + w.width(); c++) {
          int id = r * g.width() + c;
          if (seen[id] == Viewshed.VISIBLE
              && surface.clutter_m(id) <= targetHeight_m
              && inArc(s, p, c, r)) {
            count[id] = saturatedAdd(count[id], (short) 1);
          }
        }
      }
    }

    private boolean inArc(SensorPlacement s, Point p, int col, int row) {
      if (s.arc_deg() >= 360) {
        return true;
      }
      double dx = g.centerX(col) - p.getX();
      double dy = g.centerY(row) - p.getY();
      if (dx == 0 && dy == 0) {
        return true;
      }
      double bearing = Math.toDegrees(Math.atan2(dx, dy)); // clockwise from north
      double off = Math.abs(((bearing - s.azimuth_deg()) % 360 + 540) % 360 - 180);
      return off <= s.arc_deg() / 2;
    }

    private void addGroundCoupled(SensorPlacement s) {
      Geometry geom = s.geometry_lks94();
      org.locationtech.jts.geom.Envelope e =
          new org.locationtech.jts.geom.Envelope(geom.getEnvelopeInternal());
      e.expandBy(s.range_m());
      int c0 = Math.max(0, g.col(e.getMinX()));
      int c1 = Math.min(g.width() - 1, g.col(e.getMaxX()));
      int r0 = Math.max(0, g.row(e.getMaxY()));
      int r1 = Math.min(g.height() - 1, g.row(e.getMinY()));
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          int id = r * g.width() + c;
          if (surface.isNodata(id)) {
            continue;
          }
          Point centre = GF.createPoint(new Coordinate(g.centerX(c), g.centerY(r)));
          if (DistanceOp.isWithinDistance(geom, centre, s.range_m())) {
            count[id] = saturatedAdd(count[id], (short) 1);
          }
        }
      }
    }
  }
}
