package lt.skydas.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.HumanitarianCheck;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The region the registry covers and the country on whose side of the border records belong, in
 * WGS84. Immutable and thread-safe (prepared geometries are used read-only).
 */
public final class Territory {
  private final String homeIso;
  private final String homeName;
  private final Envelope region;
  private final PreparedGeometry home;
  private final Map<String, PreparedGeometry> neighbours;
  private final Map<String, String> names;

  /** The home country's national grid, for distances. */
  private final int epsg;

  /** The folder of the countries layer, where the civilian layers are looked for. */
  private final Path layers;

  /** Civilians and protected areas, loaded on first use. */
  private volatile HumanitarianCheck humanitarian;

  private Territory(
      String homeIso,
      Envelope region,
      Map<String, Geometry> countries,
      Map<String, String> names,
      Path layers) {
    this.homeIso = homeIso;
    this.layers = layers;
    this.epsg = Crs.nationalEpsg(homeIso);
    this.region = region;
    Geometry h = countries.get(homeIso);
    if (h == null) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, "countries: no country with iso_a2 " + homeIso);
    }
    this.home = PreparedGeometryFactory.prepare(h);
    this.homeName = names.getOrDefault(homeIso, homeIso);
    Map<String, PreparedGeometry> n = new LinkedHashMap<>();
    countries.forEach(
        (k, g) -> {
          if (!k.equals(homeIso)) {
            n.put(k, PreparedGeometryFactory.prepare(g));
          }
        });
    this.neighbours = n;
    this.names = Map.copyOf(names);
  }

  /**
   * Reads a countries layer (GeoJSON with {@code iso_a2} and {@code name}; the shipped {@code
   * data/baltic/countries.geojson.gz}). The region is the layer's extent.
   */
  public static Territory load(Path countriesFile, String homeIso) {
    Map<String, Geometry> countries = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Envelope env = new Envelope();
    for (Feature f : GeoJsonReader.readAll(countriesFile)) {
      String iso = f.string("iso_a2");
      if (iso != null && f.geometry() != null) {
        countries.put(iso, f.geometry());
        names.put(iso, f.string("name") == null ? iso : f.string("name"));
        env.expandToInclude(f.geometry().getEnvelopeInternal());
      }
    }
    return new Territory(
        homeIso, env, countries, names, countriesFile.toAbsolutePath().getParent());
  }

  /**
   * As {@link #load}, but with no civilians and no protected areas: for tests of the other rules
   * only. Every door of the product (CLI, server) uses {@link #load}, whose ground is required.
   */
  public static Territory withoutCivilianGround(Path countriesFile, String homeIso) {
    Territory t = load(countriesFile, homeIso);
    t.humanitarian = new HumanitarianCheck(List.of(), List.of(), t.epsg);
    return t;
  }

  public String homeIso() {
    return homeIso;
  }

  public Envelope region() {
    return new Envelope(region);
  }

  /**
   * The home country's national-grid transform (LKS-94 for Lithuania), used for distances; for the
   * calling thread only (not thread-safe).
   */
  public Crs crs() {
    return Crs.of(epsg);
  }

  /**
   * The civilians (settlements, residential areas, buildings) and protected areas of the layers
   * beside the countries layer ({@link CivilianLayers}), in the national grid; loaded on first use
   * (a few seconds for the shipped data), then shared.
   *
   * @throws SkydasProblem NOT_FOUND when the folder has no settlements layer: the civilian buffer
   *     cannot be checked without it
   */
  public HumanitarianCheck humanitarian() {
    HumanitarianCheck h = humanitarian;
    if (h == null) {
      synchronized (this) {
        if (humanitarian == null) {
          humanitarian = CivilianLayers.load(layers, epsg);
        }
        h = humanitarian;
      }
    }
    return h;
  }

  /** Null if {@code g} lies in the region on the home side, else what is wrong. */
  public String placementProblem(Geometry g) {
    String outside = outsideRegion(g);
    if (outside != null) {
      return outside;
    }
    if (home.covers(g)) {
      return null;
    }
    for (var n : neighbours.entrySet()) {
      if (n.getValue().intersects(g)) {
        return "on the wrong side of the border: it lies in "
            + names.get(n.getKey())
            + " ("
            + n.getKey()
            + ")";
      }
    }
    return "not within " + homeName + " (" + homeIso + ")";
  }

  /**
   * Null if {@code g} lies in the region and on country {@code iso}'s side of the border (touching
   * its land, or within about 1 km of it: digitised borders differ), else what is wrong.
   */
  public String ownerProblem(String iso, Geometry g) {
    String outside = outsideRegion(g);
    if (outside != null) {
      return outside;
    }
    PreparedGeometry own = iso.equals(homeIso) ? home : neighbours.get(iso);
    if (own == null) {
      return "no land of " + iso + " in the registry's countries layer";
    }
    if (own.intersects(g) || own.getGeometry().distance(g) <= OWNER_TOLERANCE_DEG) {
      return null;
    }
    Geometry at = g.getInteriorPoint();
    String where = home.intersects(at) ? homeIso : null;
    for (var n : neighbours.entrySet()) {
      if (where == null && n.getValue().intersects(at)) {
        where = n.getKey();
      }
    }
    return "lies in "
        + (where == null ? "no country" : names.getOrDefault(where, where) + " (" + where + ")")
        + ", not on "
        + iso
        + "'s side of the border";
  }

  /** About 1 km in latitude (less in longitude): the tolerance of {@link #ownerProblem}. */
  static final double OWNER_TOLERANCE_DEG = 0.009;

  /** Null if {@code g} lies in the region's box, else the message saying it does not. */
  private String outsideRegion(Geometry g) {
    if (region.covers(g.getEnvelopeInternal())) {
      return null;
    }
    return "outside the region ("
        + region.getMinX()
        + ".."
        + region.getMaxX()
        + " E, "
        + region.getMinY()
        + ".."
        + region.getMaxY()
        + " N)";
  }
}
