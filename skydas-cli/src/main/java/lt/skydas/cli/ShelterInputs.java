package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.shelter.BuildingCandidates;
import lt.skydas.region.Region;
import lt.skydas.registry.Catalogs;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.ShelterData;
import lt.skydas.registry.Status;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The shelters {@code skydas shelters} works with (issue 17): standing shelters from a layer file
 * (the registry's formats: GeoJSON with or without OSM tags, CSV, GeoPackage, KML) or from a
 * registry; candidate sites from a GeoJSON layer or, by default, from the region's buildings. Every
 * layer is all or nothing: a feature that is not a shelter, has no or a bad capacity or cost, a
 * duplicate id, or lies in no home country of the region (150 m tolerance) refuses the file, naming
 * it and the feature.
 */
final class ShelterInputs {
  private final Region region;
  private final Crs crs;
  private final HomeGround ground;

  ShelterInputs(Region region) {
    this.region = region;
    this.crs = region.crs();
    this.ground = new HomeGround(region);
  }

  /** Standing shelters of a layer file in one of the registry's formats. */
  List<ShelterSite> standing(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such shelter layer");
    }
    List<ShelterSite> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int n = 0;
    for (RecordDraft d : RegistryExchange.read(file, RegistryExchange.fromPath(file))) {
      n++;
      String where = d.where() == null ? "feature " + n : d.where();
      if (!Catalogs.SHELTER.equals(d.type())) {
        throw SkydasProblem.badInput(
            name,
            where,
            "type '"
                + (d.type() == null ? "(none)" : d.type())
                + "' is not a shelter (give type=shelter, or OSM shelter tags)");
      }
      ShelterData s = d.shelter();
      if (s == null || s.capacity_persons() == null) {
        throw SkydasProblem.badInput(name, where, "no capacity_persons (people it takes)");
      }
      int cap = s.capacity_persons();
      if (cap < 1 || cap > ShelterData.MAX_CAPACITY) {
        throw SkydasProblem.badInput(
            name,
            where,
            "capacity_persons " + cap + " is not from 1 to " + ShelterData.MAX_CAPACITY);
      }
      String id = d.id() == null ? "shelter-" + n : d.id();
      if (!ids.add(id)) {
        throw SkydasProblem.badInput(name, where, "duplicate id \"" + id + "\"");
      }
      Point p = point(name, where, d.geometry());
      out.add(new ShelterSite(id, d.name(), p.getX(), p.getY(), cap, 0));
    }
    return out;
  }

  /**
   * Standing shelters of a registry: ready ones, and with {@code planned} also those planned,
   * approved or being built (closed and damaged never count).
   */
  List<ShelterSite> standing(String location, boolean planned) {
    if (!location.startsWith("jdbc:") && !Files.isRegularFile(Path.of(location))) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, location + ": no registry there");
    }
    List<ShelterSite> out = new ArrayList<>();
    try (JdbcStore store = JdbcStore.open(location, false)) {
      List<RegistryRecord> rs =
          store.read(
              c ->
                  store
                      .records()
                      .query(c, null, null, RecordKind.SHELTER.id(), Integer.MAX_VALUE, 0));
      for (RegistryRecord r : rs) {
        boolean counts =
            r.status() == Status.READY
                || planned
                    && (r.status() == Status.PLANNED
                        || r.status() == Status.APPROVED
                        || r.status() == Status.UNDER_CONSTRUCTION);
        if (counts) {
          out.add(site(r, crs));
        }
      }
    }
    return out;
  }

  /** A shelter record as a standing site in the map CRS {@code crs}. */
  static ShelterSite site(RegistryRecord r, Crs crs) {
    Point p = (Point) crs.toMetric(r.geometry());
    return new ShelterSite(r.id(), r.name(), p.getX(), p.getY(), r.shelter().capacity(), 0);
  }

  /**
   * Candidate sites of a GeoJSON layer: points with {@code capacity_persons} and {@code cost_eur};
   * {@code id} and {@code name} optional.
   */
  List<ShelterSite> candidates(Path file) {
    String name = file.getFileName().toString();
    List<ShelterSite> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    GeoJsonReader.read(
        file,
        f -> {
          String where = f.label();
          double cap = number(name, where, f, "capacity_persons");
          if (cap < 1 || cap > ShelterData.MAX_CAPACITY || cap != Math.rint(cap)) {
            throw SkydasProblem.badInput(
                name, where, "capacity_persons " + cap + " is not a whole number from 1 to 100000");
          }
          double cost = number(name, where, f, "cost_eur");
          if (cost < 0) {
            throw SkydasProblem.badInput(name, where, "cost_eur " + cost + " is negative");
          }
          String id = f.id() != null ? f.id() : "candidate-" + (f.index() + 1);
          if (!ids.add(id)) {
            throw SkydasProblem.badInput(name, where, "duplicate id \"" + id + "\"");
          }
          Point p = point(name, where, f.geometry());
          Object n = f.properties().get("name");
          out.add(
              new ShelterSite(
                  id, n == null ? null : n.toString(), p.getX(), p.getY(), (int) cap, cost));
        },
        null);
    return out;
  }

  /** Candidate sites from the region's buildings ({@link BuildingCandidates}). */
  List<ShelterSite> candidatesFromBuildings(double minArea_m2, int max) {
    return BuildingCandidates.of(region.buildings(), minArea_m2, max);
  }

  private Point point(String file, String where, Geometry g) {
    if (!(g instanceof Point p) || g.isEmpty()) {
      throw SkydasProblem.badInput(
          file,
          where,
          "a shelter needs a Point, not a "
              + (g == null ? "missing geometry" : g.getGeometryType()));
    }
    return ground.point(file, where, p);
  }

  private static double number(String file, String where, Feature f, String key) {
    Object o = f.properties().get(key);
    if (o == null) {
      throw SkydasProblem.badInput(file, where, "no " + key);
    }
    try {
      double v = o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString().trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw SkydasProblem.badInput(file, where, key + ": '" + o + "' is not a number");
  }
}
