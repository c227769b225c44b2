package lt.skydas.assess;

import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.raster.Rasterizer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.buffer.BufferOp;

/** Which network nodes an objective (or any place with a radius) covers. */
public final class ObjectiveNodes {
  private ObjectiveNodes() {}

  /**
   * The cells of {@code o}'s area (its geometry buffered by its radius, or its points / line cells)
   * and the road access points inside them, sorted. Empty when it covers no cell.
   */
  public static int[] of(GridSpec g, MobilityNetwork net, Objective o) {
    PlanEffects.IntSet cells = new PlanEffects.IntSet();
    Geometry geom = o.geometry_lks94();
    if (o.radius_m() > 0) {
      Geometry area = BufferOp.bufferOp(geom, o.radius_m(), 16);
      Rasterizer.fillPolygonal(g, area, cells::add);
      Rasterizer.burnLines(g, area.getBoundary(), cells::add);
    } else if (geom instanceof Puntal) {
      for (var c : geom.getCoordinates()) {
        int cell = g.cellAt(c.x, c.y);
        if (cell >= 0) {
          cells.add(cell);
        }
      }
    } else {
      Rasterizer.burnLines(
          g,
          geom instanceof org.locationtech.jts.geom.Polygonal ? geom.getBoundary() : geom,
          cells::add);
    }
    int[] cs = cells.toArray();
    boolean[] in = new boolean[g.cellCount()];
    for (int c : cs) {
      in[c] = true;
    }
    PlanEffects.IntSet nodes = new PlanEffects.IntSet();
    for (int c : cs) {
      nodes.add(c);
    }
    int firstAccess = g.cellCount() + net.junctionCount();
    for (int a = 0; a < net.accessCount(); a++) {
      if (in[net.cellOf(firstAccess + a)]) {
        nodes.add(firstAccess + a);
      }
    }
    return nodes.toArray();
  }
}
