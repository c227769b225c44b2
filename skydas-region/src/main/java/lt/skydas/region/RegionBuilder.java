package lt.skydas.region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a region pack from OpenMapTiles-schema layers (the shipped {@code data/baltic} or a user's
 * own in the same schema): land-cover and country rasters in the region's map CRS, the road graph,
 * settlements, borders, country, residential and protected areas, and {@code issues.geojson}. See
 * {@code skydas-region/package.md} for the pack format. The pack directory is written atomically: a
 * failed build leaves any previous pack untouched and no partial one.
 *
 * <p>Faults that make the pack meaningless (layers folder, {@code countries}, {@code borders} or
 * {@code roads_main} missing; a truncated or non-WGS84 layer; no polygon for the home country)
 * throw a {@link SkydasProblem}. Everything else (invalid geometry, unknown classes, features
 * outside the region, missing optional layers) is fixed or skipped and listed in {@code
 * issues.geojson}. Uses up to two threads. Memory: about 3 bytes per cell plus the vector layers (≈
 * 2 GB at 25 m cells).
 */
public final class RegionBuilder {
  /** Pack format version; {@link Region#load} refuses others. */
  public static final int FORMAT_VERSION = 5;

  /**
   * The pack format this code writes and reads (a method, so callers never inline a stale value).
   */
  public static int formatVersion() {
    return FORMAT_VERSION;
  }

  /** Layer file names (without {@code .geojson[.gz]}) the builder reads. */
  static final String[] LAYERS = {
    "countries",
    "borders",
    "roads_main",
    "roads_minor_border_zone",
    "tracks_border_zone",
    "bridges",
    "waterways",
    "streams_border_zone",
    "water_areas",
    "landcover_forest",
    "landcover_wetland",
    "residential_areas",
    "landuse",
    "settlements",
    "protected_areas"
  };

  static final Set<String> REQUIRED = Set.of("countries", "borders", "roads_main");

  private static final String[] ROAD_LAYERS = {
    "roads_main", "roads_minor_border_zone", "tracks_border_zone"
  };

  private RegionBuilder() {}

  /**
   * Builds the pack {@code opt.outDir()} and says what was built. Progress gets a step per phase.
   *
   * @throws SkydasProblem NOT_FOUND for a missing folder or required layer, BAD_INPUT for a broken
   *     layer file, OUTPUT_FAILED when the pack cannot be written
   */
  public static RegionBuildReport build(RegionBuildOptions opt, Progress progress) {
    return build(opt, progress, null);
  }

  /** Sees what a build computed before it is written (for tests). */
  interface Observer {
    void built(GridSpec grid, byte[] landCover, byte[] country, RoadGraph roads);
  }

  static RegionBuildReport build(RegionBuildOptions opt, Progress progress, Observer observer) {
    long t0 = System.nanoTime();
    if (!Files.isDirectory(opt.layersDir())) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          opt.layersDir() + ": layers directory not found",
          Map.of("file", opt.layersDir().toString()));
    }
    for (String name : REQUIRED) {
      new Layers(opt.layersDir(), null, opt.definition().epsg()).require(name);
    }
    ImportIssues issues = new ImportIssues();
    Layers layers = new Layers(opt.layersDir(), issues, opt.definition().epsg());
    progress.begin("reading countries", -1);
    Map<Country, Geometry> countries = new EnumMap<>(Country.class);
    Envelope regionLonLat = new Envelope();
    for (Layers.Item it : layers.read("countries", true, null)) {
      Country c = Country.fromIso(it.feature().string("iso_a2"));
      if (c == null) {
        Coordinate p = it.feature().geometry().getCoordinate();
        issues.add(
            layers.require("countries").getFileName().toString(),
            it.feature().label(),
            "unknown country \"" + it.feature().string("iso_a2") + "\"",
            "skipped",
            p.x,
            p.y);
        continue;
      }
      regionLonLat.expandToInclude(it.feature().geometry().getEnvelopeInternal());
      countries.merge(c, it.metric(), Geometry::union);
    }
    progress.end();
    RegionDefinition def = opt.definition();
    Envelope env = new Envelope();
    for (String iso : def.home()) {
      Country home = Country.fromIso(iso);
      if (home == null || !countries.containsKey(home)) {
        throw SkydasProblem.badInput(
            layers.require("countries").toString(),
            null,
            "no polygon for the home country \""
                + iso
                + "\" of region "
                + def.id()
                + " (property iso_a2)");
      }
      env.expandToInclude(countries.get(home).getEnvelopeInternal());
    }
    checkHomesApart(def, countries, layers.require("countries").toString());
    regionLonLat.expandBy(0.05);
    env.expandBy(opt.margin_km() * 1000);
    if (def.extent() != null) {
      var x = def.extent();
      Envelope box = new Envelope(x.minLon(), x.maxLon(), x.minLat(), x.maxLat());
      env = env.intersection(metricEnvelope(box, def.epsg()));
      box.expandBy(0.05);
      regionLonLat = regionLonLat.intersection(box);
      if (env.isNull() || env.getWidth() < opt.cellSize_m() || env.getHeight() < opt.cellSize_m()) {
        throw SkydasProblem.badInput(
            "region " + def.id(),
            "extent",
            "the extent misses the home countries ("
                + String.join(", ", def.home())
                + ") and their margin");
      }
    }
    layers.setRegion(regionLonLat);
    GridSpec grid =
        GridSpec.covering(
            env.getMinX(),
            env.getMinY(),
            env.getMaxX(),
            env.getMaxY(),
            opt.cellSize_m(),
            def.epsg());
    Envelope keep = new Envelope(grid.minX(), grid.maxX(), grid.minY(), grid.maxY());
    progress.info(
        String.format(
            Locale.ROOT,
            "region grid: %d x %d cells of %.0f m (EPSG:%d)",
            grid.width(),
            grid.height(),
            grid.cellSize(),
            grid.epsg()));

    float[] ground = opt.dem() == null ? null : resampleDem(opt.dem(), grid, progress);
    Map<String, List<Layers.Item>> read = readAll(layers, keep, progress);
    checkHostileBorders(def, read.get("borders"), keep, layers.require("borders").toString());

    byte[] country = new byte[grid.cellCount()];
    byte[] lc = new byte[grid.cellCount()];
    LandCoverRasterizer.rasterize(grid, countries, read, layers, lc, country, issues, progress);

    RoadGraphBuilder rgb = new RoadGraphBuilder();
    RoadGraph roads = roads(rgb, read, keep, issues, layers, progress);
    List<Settlement> settlements = settlements(read.get("settlements"));
    Path buildingsFile = buildingsFile(opt, layers);
    BuildingsImport.Result buildings = readBuildings(buildingsFile, def, countries, keep, progress);
    Map<String, Object> meta =
        PackWriter.metadata(opt, grid, lc, roads, rgb.stats(), settlements, issues, read, layers);
    meta.put("buildings", buildings.buildings().size());
    meta.put(
        "buildings_source", buildingsFile == null ? null : buildingsFile.getFileName().toString());
    meta.put("buildings_outside_grid", buildings.outsideGrid());
    PackDem.Checked dem = ground == null ? null : PackDem.check(ground, lc, grid, opt.dem().name());
    if (dem != null) {
      meta.put("dem", dem.metadata(opt.dem().name()));
    }
    if (observer != null) {
      observer.built(grid, lc, country, roads);
    }
    progress.begin("writing region pack", -1);
    AtomicOutput.writeDirectory(
        opt.outDir(),
        tmp -> {
          if (dem != null) {
            GeoTiff.writeFloat32(tmp.resolve(PackDem.FILE), new FloatRaster(grid, dem.ground_m()));
          }
          buildings.buildings().write(tmp.resolve(Buildings.FILE));
          PackWriter.write(
              tmp, grid, lc, country, roads, countries, read, settlements, issues, meta, t0);
          def.write(tmp.resolve(Region.DEFINITION_FILE));
        });
    progress.end();
    return new RegionBuildReport(
        opt.outDir(),
        grid.width(),
        grid.height(),
        grid.cellSize(),
        roads.nodeCount(),
        roads.edgeCount(),
        settlements.size(),
        issues.size(),
        issues.summary(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** Layer names tried for buildings in the layers folder, in order. */
  static final String[] BUILDING_LAYERS = {"buildings", "buildings_border_zone"};

  private static Path buildingsFile(RegionBuildOptions opt, Layers layers) {
    if (opt.buildings() != null) {
      if (!Files.isRegularFile(opt.buildings())) {
        throw new SkydasProblem(
            ProblemCode.NOT_FOUND,
            opt.buildings() + ": buildings layer not found",
            Map.of("file", opt.buildings().toString()));
      }
      return opt.buildings();
    }
    for (String name : BUILDING_LAYERS) {
      Path p = layers.find(name);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static BuildingsImport.Result readBuildings(
      Path file,
      RegionDefinition def,
      Map<Country, Geometry> countries,
      Envelope keep,
      Progress progress) {
    if (file == null) {
      return new BuildingsImport.Result(Buildings.NONE, 0);
    }
    progress.begin("reading buildings " + file.getFileName(), -1);
    Map<String, Geometry> home = new LinkedHashMap<>();
    for (String iso : def.home()) {
      home.put(iso, countries.get(Country.fromIso(iso)));
    }
    BuildingsImport.Result r = BuildingsImport.read(file, def.epsg(), keep, home);
    progress.end();
    progress.info(
        String.format(
            Locale.ROOT,
            "buildings: %,d in the region (%,d outside its grid left out)",
            r.buildings().size(),
            r.outsideGrid()));
    return r;
  }

  /** Largest overlap of two home countries' polygons taken as a digitising sliver, m². */
  static final double MAX_HOME_OVERLAP_M2 = 1e6;

  /**
   * Refuses home countries whose polygons overlap by more than a sliver: each cell has one country,
   * and two homes claiming the same ground is a data error to fix, not to guess.
   */
  private static void checkHomesApart(
      RegionDefinition def, Map<Country, Geometry> countries, String file) {
    List<String> home = def.home();
    for (int i = 0; i < home.size(); i++) {
      for (int j = i + 1; j < home.size(); j++) {
        Geometry a = countries.get(Country.fromIso(home.get(i)));
        Geometry b = countries.get(Country.fromIso(home.get(j)));
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
          continue;
        }
        Geometry both = a.intersection(b);
        if (both.getArea() > MAX_HOME_OVERLAP_M2) {
          Coordinate at =
              Crs.of(def.epsg())
                  .toWgs84(both.getCentroid().getX(), both.getCentroid().getY(), new Coordinate());
          throw SkydasProblem.badInput(
              file,
              null,
              String.format(
                  Locale.ROOT,
                  "home countries %s and %s of region %s overlap by %.1f km² (around %.4f E"
                      + " %.4f N); each place belongs to one country",
                  home.get(i),
                  home.get(j),
                  def.id(),
                  both.getArea() / 1e6,
                  at.x,
                  at.y));
        }
      }
    }
  }

  /** The map-CRS envelope of a lon/lat box, its edges sampled (projected edges curve). */
  static Envelope metricEnvelope(Envelope lonLat, int epsg) {
    Envelope out = new Envelope();
    Coordinate c = new Coordinate();
    var crs = Crs.of(epsg);
    int n = 32;
    for (int i = 0; i <= n; i++) {
      double lon = lonLat.getMinX() + lonLat.getWidth() * i / n;
      double lat = lonLat.getMinY() + lonLat.getHeight() * i / n;
      out.expandToInclude(crs.toMetric(lon, lonLat.getMinY(), c));
      out.expandToInclude(crs.toMetric(lon, lonLat.getMaxY(), c));
      out.expandToInclude(crs.toMetric(lonLat.getMinX(), lat, c));
      out.expandToInclude(crs.toMetric(lonLat.getMaxX(), lat, c));
    }
    return out;
  }

  private static float[] resampleDem(DemSource dem, GridSpec grid, Progress progress) {
    progress.begin("resampling the DEM " + dem.name(), -1);
    float[] z = dem.onto(grid);
    progress.end();
    return z;
  }

  /**
   * Every hostile border pair of the region is in the borders layer and crosses the region's grid.
   *
   * @throws SkydasProblem BAD_INPUT naming the pair and the region
   */
  static void checkHostileBorders(
      RegionDefinition def, List<Layers.Item> borders, Envelope grid, String file) {
    for (String pair : def.hostileBorders()) {
      boolean found = false;
      boolean inside = false;
      for (Layers.Item it : borders) {
        if (pair.equals(it.feature().string("pair"))) {
          found = true;
          inside |= it.metric().getEnvelopeInternal().intersects(grid);
        }
      }
      if (!found || !inside) {
        throw SkydasProblem.badInput(
            file,
            null,
            "hostile border "
                + pair
                + " of region "
                + def.id()
                + (found ? " lies outside the region's grid" : " is not in the borders layer"));
      }
    }
  }

  private static Map<String, List<Layers.Item>> readAll(
      Layers layers, Envelope keep, Progress progress) {
    String[] rest = Arrays.copyOfRange(LAYERS, 1, LAYERS.length);
    progress.begin("reading layers", rest.length);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Map<String, Future<List<Layers.Item>>> futures = new LinkedHashMap<>();
      for (String name : rest) {
        Envelope k = name.equals("borders") ? null : keep;
        futures.put(name, pool.submit(() -> layers.read(name, REQUIRED.contains(name), k)));
      }
      Map<String, List<Layers.Item>> out = new LinkedHashMap<>();
      int done = 0;
      for (var e : futures.entrySet()) {
        out.put(e.getKey(), e.getValue().get());
        progress.advance(++done);
      }
      progress.end();
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RoadGraph roads(
      RoadGraphBuilder b,
      Map<String, List<Layers.Item>> read,
      Envelope keep,
      ImportIssues issues,
      Layers layers,
      Progress progress) {
    GeometryFactory gf = new GeometryFactory();
    Geometry box = gf.toGeometry(keep);
    for (String layer : ROAD_LAYERS) {
      String file = layers.fileName(layer);
      for (Layers.Item it : read.get(layer)) {
        Feature f = it.feature();
        RoadClass cls = RoadClass.fromOsm(f.string("class"));
        if (cls == null) {
          Coordinate c = f.geometry().getCoordinate();
          issues.add(
              file,
              f.label(),
              "unknown road class \"" + f.string("class") + "\"",
              "skipped",
              c.x,
              c.y);
          continue;
        }
        Geometry m = it.metric();
        if (!keep.contains(m.getEnvelopeInternal())) {
          m = m.intersection(box); // clip to the grid
        }
        for (int i = 0; i < m.getNumGeometries(); i++) {
          if (m.getGeometryN(i) instanceof LineString ls && !ls.isEmpty()) {
            b.addRoad(xy(ls), cls);
          }
        }
      }
    }
    for (Layers.Item it : read.get("bridges")) {
      Feature f = it.feature();
      if (!"road".equals(f.string("carries"))) {
        continue;
      }
      byte flag =
          switch (String.valueOf(f.string("type"))) {
            case "bridge" -> RoadGraph.BRIDGE;
            case "ford" -> RoadGraph.FORD;
            case "tunnel" -> RoadGraph.TUNNEL;
            default -> 0;
          };
      if (flag == 0) {
        Coordinate c = f.geometry().getCoordinate();
        issues.add(
            layers.fileName("bridges"),
            f.label(),
            "unknown structure type \"" + f.string("type") + "\"",
            "skipped",
            c.x,
            c.y);
        continue;
      }
      RoadClass cls = RoadClass.fromOsm(f.string("class"));
      for (int i = 0; i < it.metric().getNumGeometries(); i++) {
        if (it.metric().getGeometryN(i) instanceof LineString ls) {
          b.addStructure(xy(ls), flag, cls);
        }
      }
    }
    return b.build(progress);
  }

  private static double[] xy(LineString ls) {
    var seq = ls.getCoordinateSequence();
    double[] xy = new double[seq.size() * 2];
    for (int i = 0; i < seq.size(); i++) {
      xy[2 * i] = seq.getX(i);
      xy[2 * i + 1] = seq.getY(i);
    }
    return xy;
  }

  private static List<Settlement> settlements(List<Layers.Item> items) {
    List<Settlement> out = new ArrayList<>();
    for (Layers.Item it : items) {
      Feature f = it.feature();
      Coordinate ll = f.geometry().getCoordinate();
      Coordinate m = it.metric().getCoordinate();
      if (ll == null || m == null) {
        continue;
      }
      Object pop = f.properties().get("population");
      out.add(
          new Settlement(
              f.string("name"),
              f.string("name_ascii"),
              f.string("place"),
              pop instanceof Number n ? n.longValue() : null,
              f.string("country"),
              m.x,
              m.y,
              ll.x,
              ll.y));
    }
    return out;
  }

  /** Splits polygonal geometries into their polygons. */
  static List<Polygon> polygons(Geometry g) {
    List<Polygon> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry p = g.getGeometryN(i);
      if (p instanceof Polygon poly) {
        out.add(poly);
      } else if (p != g && p.getDimension() == 2) {
        out.addAll(polygons(p));
      }
    }
    return out;
  }
}
