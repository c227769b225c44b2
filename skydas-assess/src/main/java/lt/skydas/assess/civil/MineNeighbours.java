package lt.skydas.assess.civil;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Who lives near the plan's mines, and whose land carries their clearance: people of the home
 * countries within 1 and 5 km of any mine, and each mine's clearance cost and effort laid on the
 * settlement nearest to it (the clearance liability per village). Immutable.
 *
 * @param within1km_people people living within 1 km of a mine
 * @param within1km_settlements their settlements
 * @param within5km_people within 5 km
 * @param within5km_settlements their settlements
 * @param liabilities per settlement that is nearest to at least one mine, largest cost first
 */
public record MineNeighbours(
    long within1km_people,
    int within1km_settlements,
    long within5km_people,
    int within5km_settlements,
    List<Liability> liabilities) {

  /**
   * The clearance a settlement will live beside.
   *
   * @param mines how many mine obstacles lie nearer to it than to any other settlement
   * @param nearest_m the distance from it to the nearest of them
   */
  public record Liability(
      String name,
      String place,
      long population,
      int mines,
      double clearanceCost_eur,
      double clearanceEffort_h,
      double nearest_m) {}

  /** Computes the neighbours of {@code plan}'s mines among {@code residents} (map CRS). */
  public static MineNeighbours of(List<Resident> residents, BarrierPlan plan) {
    List<Obstacle> mines = new ArrayList<>();
    STRtree index = new STRtree();
    for (Obstacle o : plan.obstacles()) {
      if (o.type().mines().isMine()) {
        mines.add(o);
        index.insert(o.geometry_lks94().getEnvelopeInternal(), o);
      }
    }
    if (mines.isEmpty() || residents.isEmpty()) {
      return new MineNeighbours(0, 0, 0, 0, List.of());
    }
    index.build();
    GeometryFactory gf = new GeometryFactory();
    long p1 = 0;
    long p5 = 0;
    int s1 = 0;
    int s5 = 0;
    for (Resident r : residents) {
      Point at = gf.createPoint(new Coordinate(r.x_m(), r.y_m()));
      Envelope e = new Envelope(at.getCoordinate());
      e.expandBy(5000);
      double best = Double.POSITIVE_INFINITY;
      for (Object item : index.query(e)) {
        best = Math.min(best, ((Obstacle) item).geometry_lks94().distance(at));
      }
      if (best <= 1000) {
        p1 += r.population();
        s1++;
      }
      if (best <= 5000) {
        p5 += r.population();
        s5++;
      }
    }
    return new MineNeighbours(p1, s1, p5, s5, liabilities(residents, mines, gf));
  }

  /** Each mine's clearance on its nearest settlement (STR-tree nearest neighbour). */
  private static List<Liability> liabilities(
      List<Resident> residents, List<Obstacle> mines, GeometryFactory gf) {
    STRtree places = new STRtree();
    for (Resident r : residents) {
      places.insert(new Envelope(r.x_m(), r.x_m(), r.y_m(), r.y_m()), r);
    }
    places.build();
    Map<Resident, double[]> by = new LinkedHashMap<>();
    for (Obstacle m : mines) {
      Resident r =
          (Resident)
              places.nearestNeighbour(
                  m.geometry_lks94().getEnvelopeInternal(),
                  m,
                  (a, b) -> {
                    Object x = a.getItem() instanceof Resident ? a.getItem() : b.getItem();
                    Object y = x == a.getItem() ? b.getItem() : a.getItem();
                    Resident res = (Resident) x;
                    Obstacle ob = (Obstacle) y;
                    return ob.geometry_lks94()
                        .distance(gf.createPoint(new Coordinate(res.x_m(), res.y_m())));
                  });
      double d = m.geometry_lks94().distance(gf.createPoint(new Coordinate(r.x_m(), r.y_m())));
      double[] acc = by.computeIfAbsent(r, k -> new double[] {0, 0, 0, Double.POSITIVE_INFINITY});
      acc[0]++;
      acc[1] += m.clearanceCost_eur();
      acc[2] += m.clearanceEffort_h();
      acc[3] = Math.min(acc[3], d);
    }
    List<Liability> out = new ArrayList<>();
    by.forEach(
        (r, a) ->
            out.add(
                new Liability(r.name(), r.place(), r.population(), (int) a[0], a[1], a[2], a[3])));
    out.sort(
        Comparator.comparingDouble(Liability::clearanceCost_eur)
            .reversed()
            .thenComparing(Liability::name));
    return List.copyOf(out);
  }
}
