package lt.skydas.assess;

import java.util.BitSet;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.raster.Rasterizer;
import lt.skydas.region.LandCover;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Which network nodes an objective (or any place with a radius) covers: the area reached on land.
 *
 * <p>An objective with a radius covers the cells within that radius of its geometry that are <b>on
 * the same shore</b>: land cells joined to the objective's own cells over land (edge-adjacent land
 * cells) or by road (bridges included) without leaving the radius. A city by a strait is not
 * reached on the far side of the strait (Klaipėda from Smiltynė on the Curonian Spit); a city on
 * both banks of a river with bridges inside the radius is reached on either bank. Land is every
 * land-cover class but {@link LandCover#WATER}, {@link LandCover#RIVER} and {@link
 * LandCover#NODATA}. Without a radius the objective covers its own cells (points, line cells or a
 * polygon's boundary) as given.
 */
public final class ObjectiveNodes {
  private ObjectiveNodes() {}

  /**
   * The cells of {@code o}'s area on the objective's shore and the road access points reached with
   * them, sorted. Empty when it covers no cell (or its area holds no land).
   *
   * @param landCover land-cover code per cell of {@code g}
   */
  public static int[] of(GridSpec g, byte[] landCover, MobilityNetwork net, Objective o) {
    Geometry geom = o.geometry_lks94();
    PlanEffects.IntSet own = new PlanEffects.IntSet();
    if (geom instanceof Puntal) {
      for (var c : geom.getCoordinates()) {
        int cell = g.cellAt(c.x, c.y);
        if (cell >= 0) {
          own.add(cell);
        }
      }
    } else {
      if (geom instanceof Polygonal && o.radius_m() > 0) {
        Rasterizer.fillPolygonal(g, geom, own::add);
      }
      Rasterizer.burnLines(g, geom instanceof Polygonal ? geom.getBoundary() : geom, own::add);
    }
    if (o.radius_m() <= 0) {
      return withAccessPoints(g, net, own.toArray());
    }
    PlanEffects.IntSet cells = new PlanEffects.IntSet();
    Geometry area = BufferOp.bufferOp(geom, o.radius_m(), 16);
    Rasterizer.fillPolygonal(g, area, cells::add);
    Rasterizer.burnLines(g, area.getBoundary(), cells::add);
    int[] inArea = cells.toArray();
    BitSet area_ = new BitSet(g.cellCount());
    for (int c : inArea) {
      area_.set(c);
    }
    for (int c : own.toArray()) {
      area_.set(c);
    }
    int[] seeds = landOnly(own.toArray(), landCover);
    if (seeds.length == 0) {
      int nearest = nearestLand(g, landCover, inArea, geom);
      if (nearest < 0) {
        return new int[0];
      }
      seeds = new int[] {nearest};
    }
    return sameShore(g, landCover, net, area_, seeds);
  }

  /** Whether a land-cover code is land an attacker stands on (not water, river or no data). */
  static boolean isLand(byte code) {
    return code != LandCover.WATER.code()
        && code != LandCover.RIVER.code()
        && code != LandCover.NODATA.code();
  }

  private static int[] landOnly(int[] cs, byte[] lc) {
    int m = 0;
    int[] out = new int[cs.length];
    for (int c : cs) {
      if (isLand(lc[c])) {
        out[m++] = c;
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }

  /** The land cell of {@code cells} whose centre lies nearest {@code geom}, or -1. */
  private static int nearestLand(GridSpec g, byte[] lc, int[] cells, Geometry geom) {
    GeometryFactory gf = geom.getFactory();
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c : cells) {
      if (!isLand(lc[c])) {
        continue;
      }
      Coordinate p = new Coordinate(g.centerX(c % g.width()), g.centerY(c / g.width()));
      double d = DistanceOp.distance(gf.createPoint(p), geom);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  /**
   * Breadth-first from {@code seeds} over land cells of the area (edge neighbours and the network's
   * connectors) and road nodes: access points in area cells, and junctions between them (a junction
   * is left only to an access point or cell of the area). The cells and access points reached.
   */
  private static int[] sameShore(
      GridSpec g, byte[] lc, MobilityNetwork net, BitSet area, int[] seeds) {
    int cellCount = g.cellCount();
    int w = g.width();
    int firstAccess = cellCount + net.junctionCount();
    int[] first = net.firstEdge();
    int[] target = net.edgeTarget();
    BitSet seen = new BitSet();
    int[] queue = new int[64];
    int head = 0;
    int tail = 0;
    for (int s : seeds) {
      if (!seen.get(s)) {
        seen.set(s);
        queue = push(queue, tail++, s);
      }
    }
    PlanEffects.IntSet out = new PlanEffects.IntSet();
    int[] nb = new int[4];
    while (head < tail) {
      int u = queue[head++];
      if (u < cellCount || u >= firstAccess) {
        out.add(u); // cells and access points; junctions only carry the search
      }
      if (u < cellCount) {
        int col = u % w;
        int k = 0;
        if (col > 0) {
          nb[k++] = u - 1;
        }
        if (col < w - 1) {
          nb[k++] = u + 1;
        }
        if (u >= w) {
          nb[k++] = u - w;
        }
        if (u + w < cellCount) {
          nb[k++] = u + w;
        }
        for (int i = 0; i < k; i++) {
          int v = nb[i];
          if (!seen.get(v) && area.get(v) && isLand(lc[v])) {
            seen.set(v);
            queue = push(queue, tail++, v);
          }
        }
      }
      boolean junction = u >= cellCount && u < firstAccess;
      for (int e = first[u]; e < first[u + 1]; e++) {
        int v = target[e];
        if (seen.get(v)) {
          continue;
        }
        boolean ok;
        if (v < cellCount) {
          ok = area.get(v) && isLand(lc[v]);
        } else if (v < firstAccess) {
          ok = !junction; // a junction next to an access point of the area
        } else {
          ok = area.get(net.cellOf(v));
        }
        if (ok) {
          seen.set(v);
          queue = push(queue, tail++, v);
        }
      }
    }
    return out.toArray();
  }

  private static int[] push(int[] q, int at, int v) {
    if (at == q.length) {
      q = java.util.Arrays.copyOf(q, q.length * 2);
    }
    q[at] = v;
    return q;
  }

  /** The cells given and the access points inside them, sorted. */
  private static int[] withAccessPoints(GridSpec g, MobilityNetwork net, int[] cs) {
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
