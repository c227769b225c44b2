package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.clearance.HazardArea;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The hazardous areas {@code skydas clearance plan} schedules: the registry's minefields that have
 * (or may have) mines in the ground, or a plan's minefields (its clearance liability). The area is
 * the perimeter's, or a line's length times its type's belt depth; what it holds is its lots' (AP,
 * AT) or its type's. Its vegetation is the shipped land cover at its centre (wetland, forest, else
 * open), and its priority the nearness of people: 3 within 1 km of a settlement, 2 within 3 km,
 * else 1 (docs/clearance.md).
 */
final class ClearanceInputs {
  /** Statuses in which a minefield holds (or may hold) mines. */
  static final Set<Status> WITH_MINES =
      Set.of(
          Status.UNDER_CONSTRUCTION,
          Status.LAID,
          Status.EMPLACED,
          Status.BREACHED,
          Status.DAMAGED,
          Status.CLEARANCE_IN_PROGRESS);

  private final Crs crs;
  private final STRtree forest = new STRtree();
  private final STRtree wetland = new STRtree();
  private final STRtree settlements = new STRtree();

  /** Loads the land cover and settlements of {@code layers} (metric, in {@code epsg}). */
  ClearanceInputs(Path layers, int epsg) {
    this.crs = Crs.of(epsg);
    load(layers.resolve("landcover_forest.geojson.gz"), forest);
    load(layers.resolve("landcover_wetland.geojson.gz"), wetland);
    load(layers.resolve("settlements.geojson.gz"), settlements);
  }

  private void load(Path f, STRtree into) {
    if (!Files.isRegularFile(f)) {
      return;
    }
    GeoJsonReader.read(
        f,
        (Feature x) -> {
          Geometry g = crs.toMetric(x.geometry());
          into.insert(g.getEnvelopeInternal(), g);
        },
        (index, id, reason, raw) -> {});
    into.build();
  }

  /** Wetland, forest or open at a metric point. */
  String vegetation(Point p) {
    if (covers(wetland, p)) {
      return "wetland";
    }
    return covers(forest, p) ? "forest" : "open";
  }

  /**
   * The soil at a metric point: peat under the wetland layer, else mineral (the shipped data has no
   * soil map; an IMSMA-style file's {@code soil} field, or the registry's own surveys, say more).
   */
  String soil(Point p) {
    return covers(wetland, p) ? "peat" : "mineral";
  }

  private static boolean covers(STRtree t, Point p) {
    for (Object o : t.query(p.getEnvelopeInternal())) {
      if (((Geometry) o).covers(p)) {
        return true;
      }
    }
    return false;
  }

  /** 3 within 1 km of a settlement, 2 within 3 km, else 1. */
  double priority(Point p) {
    double near = Double.MAX_VALUE;
    org.locationtech.jts.geom.Envelope e = p.getEnvelopeInternal();
    e.expandBy(3000);
    for (Object o : settlements.query(e)) {
      near = Math.min(near, ((Geometry) o).distance(p));
    }
    return near <= 1000 ? 3 : near <= 3000 ? 2 : 1;
  }

  private HazardArea area(String id, Geometry wgs84, Double width_m, Set<String> cats) {
    Geometry g = crs.toMetric(wgs84);
    double m2 =
        g instanceof Polygonal ? g.getArea() : g.getLength() * (width_m == null ? 100 : width_m);
    Point c = g.getInteriorPoint();
    Coordinate xy = c.getCoordinate();
    return new HazardArea(id, m2, cats, vegetation(c), priority(c), xy.x, xy.y, false, soil(c));
  }

  /** The registry's minefields with mines in the ground. */
  List<HazardArea> fromRegistry(Registry reg) {
    List<HazardArea> out = new ArrayList<>();
    for (RegistryRecord r : reg.list(null, null, RecordKind.MINEFIELD, Integer.MAX_VALUE, 0)) {
      if (!WITH_MINES.contains(r.status())) {
        continue;
      }
      ObstacleType t = reg.catalogs().obstacles().findType(r.type()).orElse(null);
      Set<String> cats = new HashSet<>();
      MinefieldData m = r.minefield();
      if (m != null) {
        for (MinefieldData.MineLot l : m.lots()) {
          if (l.category() != null) {
            cats.add(l.category().toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
      cats.retainAll(Set.of("AP", "AT"));
      if (cats.isEmpty()) {
        cats.addAll(categories(t));
      }
      Geometry left = unreleased(reg, r);
      if (left.isEmpty()) {
        continue; // every part of it cancelled, reduced or released already
      }
      out.add(area(r.id(), left, t == null ? null : t.width_m(), cats));
    }
    return out;
  }

  /**
   * A minefield's area less what its surveys cancelled or reduced and what was released (the
   * registry's survey and land-release activities): only the rest is to clear. A line minefield is
   * taken whole (its belt has no polygon to subtract from).
   */
  private static Geometry unreleased(Registry reg, RegistryRecord r) {
    Geometry g = r.geometry();
    if (!(g instanceof Polygonal)) {
      return g;
    }
    List<Geometry> gone = new ArrayList<>();
    for (lt.skydas.registry.Activity a : reg.activities(r.id())) {
      boolean released = a.kind() == lt.skydas.registry.ActivityKind.LAND_RELEASE;
      boolean surveyedOut =
          a.kind() == lt.skydas.registry.ActivityKind.SURVEY
              && List.of("cancelled", "reduced").contains(String.valueOf(a.data().get("outcome")));
      if ((released || surveyedOut) && a.geometry() instanceof Polygonal) {
        gone.add(a.geometry());
      }
    }
    if (gone.isEmpty()) {
      return g;
    }
    Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(gone);
    return org.locationtech.jts.geom.util.GeometryFixer.fix(g.difference(union));
  }

  /** A plan's minefields (the liability its clearance cost counts). */
  List<HazardArea> fromPlan(Path plan, ObstacleCatalog catalog) {
    List<HazardArea> out = new ArrayList<>();
    GeoJsonReader.read(
        plan,
        f -> {
          Object type = f.properties().get("type");
          ObstacleType t = type == null ? null : catalog.findType(type.toString()).orElse(null);
          if (t == null || !t.mines().isMine()) {
            return;
          }
          out.add(
              area(
                  f.id() != null ? f.id() : f.label(),
                  f.geometry(),
                  t.width_m(),
                  new HashSet<>(categories(t))));
        },
        null);
    if (out.isEmpty()) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, plan + ": no minefield in the plan");
    }
    return out;
  }

  /**
   * The open hazards of an IMSMA-style file ({@link HazardsReader}), with their own vegetation and
   * priority where the file gives them (checked), else as for the registry's.
   */
  List<HazardArea> fromHazards(Path file, lt.skydas.registry.Territory territory) {
    String name = file.toString();
    List<HazardArea> out = new ArrayList<>();
    for (HazardsReader.Hazard h : HazardsReader.read(file, territory)) {
      Geometry g = crs.toMetric(h.geometry());
      double m2 = g.getArea();
      String given = h.fields().getOrDefault("area_m2", "");
      if (!given.isBlank()) {
        double a;
        try {
          a = Double.parseDouble(given);
        } catch (NumberFormatException e) {
          throw SkydasProblem.badInput(name, h.where(), "area_m2: '" + given + "' is not a number");
        }
        if (!(Math.abs(a - m2) <= 0.1 * m2)) {
          throw SkydasProblem.badInput(
              name,
              h.where(),
              String.format(
                  java.util.Locale.ROOT,
                  "area_m2: %.0f differs from the perimeter's %.0f m2 by more than 10 %%",
                  a,
                  m2));
        }
      }
      Point c = g.getInteriorPoint();
      String veg =
          h.fields().getOrDefault("vegetation", "").strip().toLowerCase(java.util.Locale.ROOT);
      if (!veg.isEmpty()
          && !lt.skydas.optimize.clearance.ClearanceAssets.VEGETATION.contains(veg)) {
        throw SkydasProblem.badInput(
            name, h.where(), "vegetation: '" + veg + "' is not open, scrub, forest or wetland");
      }
      String soil = h.fields().getOrDefault("soil", "").strip().toLowerCase(java.util.Locale.ROOT);
      if (!soil.isEmpty() && !lt.skydas.optimize.clearance.ClearanceAssets.SOILS.contains(soil)) {
        throw SkydasProblem.badInput(
            name, h.where(), "soil: '" + soil + "' is not mineral, sandy, clay, stony or peat");
      }
      String pr = h.fields().getOrDefault("priority", "").strip();
      double priority;
      if (pr.isEmpty()) {
        priority = priority(c);
      } else {
        try {
          priority = Double.parseDouble(pr);
        } catch (NumberFormatException e) {
          priority = -1;
        }
        if (!(priority >= 1 && priority <= 5)) {
          throw SkydasProblem.badInput(name, h.where(), "priority: '" + pr + "' is not 1 to 5");
        }
      }
      out.add(
          new HazardArea(
              h.id(),
              m2,
              HazardsReader.categories(h, name),
              veg.isEmpty() ? vegetation(c) : veg,
              priority,
              c.getX(),
              c.getY(),
              h.fields().get("hazard_type").strip().equalsIgnoreCase("SHA"),
              soil.isEmpty() ? soil(c) : soil));
    }
    return out;
  }

  private static Set<String> categories(ObstacleType t) {
    if (t == null) {
      return Set.of("AP", "AT");
    }
    return switch (t.mines()) {
      case AT -> Set.of("AT");
      case AP -> Set.of("AP");
      default -> Set.of("AP", "AT");
    };
  }
}
