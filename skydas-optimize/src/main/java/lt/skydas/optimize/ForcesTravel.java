package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.FriendlyRoads;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.Places;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import org.locationtech.jts.geom.Coordinate;

/**
 * The region-bound part of {@link EmplacementStep}: friendly road travel ({@link FriendlyRoads},
 * wheeled road speeds of the season, no plan in the way) from every unit home and depot to every
 * depot and to every site offering an on-warning type, per season. Places are tied to roads as the
 * emplacement timeline ties them ({@link Places}). One full road search per home and depot and
 * season, on {@code threads} workers; roads are taken as symmetric, as the timeline does.
 */
final class ForcesTravel {
  private ForcesTravel() {}

  static List<EmplacementStep.Travel> of(
      Assessor assessor,
      SpeedTable speeds,
      Forces forces,
      List<SiteTypes> sites,
      List<Season> seasons,
      int threads) {
    int units = forces.units().size();
    int hubs = units + forces.depots().size();
    List<Coordinate> places = new ArrayList<>();
    forces.units().forEach(u -> places.add(new Coordinate(u.x(), u.y())));
    forces.depots().forEach(d -> places.add(new Coordinate(d.x(), d.y())));
    int[] placeOf = new int[sites.size()];
    Arrays.fill(placeOf, -1);
    for (int s = 0; s < sites.size(); s++) {
      SiteTypes st = sites.get(s);
      for (ObstacleType t : st.types()) {
        if (t.emplacement().onWarning()) {
          placeOf[s] = places.size();
          places.add(
              Places.siteOf(new Obstacle(st.id(), t.name(), t, null, st.geometry_lks94(), 0)));
          break;
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      FriendlyRoads[] roads = new FriendlyRoads[Math.max(1, threads)];
      List<EmplacementStep.Travel> out = new ArrayList<>();
      for (Season season : seasons) {
        for (int k = 0; k < roads.length; k++) {
          if (roads[k] == null) {
            roads[k] = new FriendlyRoads(assessor, season, speeds, null);
          } else {
            roads[k].setSeason(season, speeds, null);
          }
        }
        int[] node = Places.roadNodes(roads[0], places);
        double[][] from = new double[hubs][];
        List<Future<?>> parts = new ArrayList<>();
        for (int p = 0; p < roads.length; p++) {
          int part = p;
          parts.add(
              pool.submit(
                  () -> {
                    for (int h = part; h < hubs; h += roads.length) {
                      from[h] =
                          node[h] < 0
                              ? filled(node.length)
                              : roads[part].times_s(node[h], node, Double.POSITIVE_INFINITY);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
        out.add(travel(from, node, units, forces.depots().size(), placeOf));
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static EmplacementStep.Travel travel(
      double[][] from, int[] node, int units, int depots, int[] placeOf) {
    int n = placeOf.length;
    double[][] us = new double[units][n];
    double[][] ud = new double[units][depots];
    double[][] ds = new double[depots][n];
    boolean[] off = new boolean[n];
    for (int s = 0; s < n; s++) {
      off[s] = placeOf[s] < 0 || node[placeOf[s]] < 0;
      for (int u = 0; u < units; u++) {
        us[u][s] = placeOf[s] < 0 ? Double.POSITIVE_INFINITY : from[u][placeOf[s]];
      }
      for (int d = 0; d < depots; d++) {
        ds[d][s] = placeOf[s] < 0 ? Double.POSITIVE_INFINITY : from[units + d][placeOf[s]];
      }
    }
    for (int u = 0; u < units; u++) {
      for (int d = 0; d < depots; d++) {
        // roads are symmetric: the depot's search gives the way from the home too
        ud[u][d] = Math.min(from[u][units + d], from[units + d][u]);
      }
    }
    return new EmplacementStep.Travel(us, ud, ds, off);
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.POSITIVE_INFINITY);
    return a;
  }
}
