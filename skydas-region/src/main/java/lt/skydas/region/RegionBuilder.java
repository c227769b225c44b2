package lt.skydas.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.GeoTiff;
import lt.skydas.raster.Rasterizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a region pack from OpenMapTiles-schema layers (the shipped {@code data/baltic} or a user's
 * own in the same schema): land-cover and country rasters in LKS-94, the road graph, settlements,
 * borders, residential and protected areas, and {@code issues.geojson}. See {@code
 * skydas-region/package.md} for the pack format. The pack directory is written atomically.
 */
public final class RegionBuilder {
  /** Pack format version; {@link Region#load} refuses others. */
  public static final int FORMAT_VERSION = 1;

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

  private RegionBuilder() {}

  public static RegionBuildReport build(RegionBuildOptions opt, Progress progress) {
    long t0 = System.nanoTime();
    if (!Files.isDirectory(opt.layersDir())) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, opt.layersDir() + ": layers directory not found", Map.of());
    }
    ImportIssues issues = new ImportIssues();
    Layers layers = new Layers(opt.layersDir(), issues);
    progress.begin("reading countries", -1);
    Map<Country, Geometry> countries = new EnumMap<>(Country.class);
    for (Layers.Item it : layers.read("countries", true, null)) {
      Country c = Country.fromIso(it.feature().string("iso_a2"));
      if (c == null) {
        issues.add(
            "countries",
            it.feature().label(),
            "unknown country " + it.feature().string("iso_a2"),
            "skipped",
            Double.NaN,
            Double.NaN);
        continue;
      }
      countries.merge(c, it.metric(), Geometry::union);
    }
    progress.end();
    Country home = Country.fromIso(opt.home());
    if (home == null || !countries.containsKey(home)) {
      throw SkydasProblem.badInput(
          layers.require("countries").toString(),
          null,
          "no polygon for the home country " + opt.home());
    }
    Envelope env = new Envelope(countries.get(home).getEnvelopeInternal());
    env.expandBy(opt.margin_km() * 1000);
    GridSpec grid =
        GridSpec.covering(
            env.getMinX(),
            env.getMinY(),
            env.getMaxX(),
            env.getMaxY(),
            opt.cellSize_m(),
            Crs.LKS94);
    Envelope keep = new Envelope(grid.minX(), grid.maxX(), grid.minY(), grid.maxY());
    progress.info(
        String.format(
            Locale.ROOT,
            "region grid: %d x %d cells of %.0f m (EPSG:3346)",
            grid.width(),
            grid.height(),
            grid.cellSize()));

    // read the remaining layers, two at a time
    Map<String, List<Layers.Item>> read = readAll(layers, keep, progress);

    byte[] country = new byte[grid.cellCount()];
    byte[] lc = new byte[grid.cellCount()];
    progress.begin("rasterising land cover", 9);
    for (Map.Entry<Country, Geometry> e : countries.entrySet()) {
      byte code = e.getKey().code();
      Rasterizer.fillPolygonal(
          grid,
          e.getValue(),
          c -> {
            country[c] = code;
            lc[c] = LandCover.OPEN.code();
          });
    }
    progress.advance(1);
    fill(grid, lc, read.get("landcover_forest"), f -> LandCover.FOREST);
    progress.advance(2);
    List<Layers.Item> wet = read.get("landcover_wetland");
    fill(
        grid,
        lc,
        wet,
        f -> wetland(f, issues) == LandCover.WETLAND_FIRM ? LandCover.WETLAND_FIRM : null);
    fill(
        grid,
        lc,
        wet,
        f -> wetland(f, null) == LandCover.WETLAND_SOFT ? LandCover.WETLAND_SOFT : null);
    progress.advance(3);
    fill(
        grid,
        lc,
        read.get("landuse"),
        f ->
            switch (String.valueOf(f.string("class"))) {
              case "industrial", "commercial", "retail", "railway" -> LandCover.INDUSTRIAL;
              default -> null;
            });
    fill(grid, lc, read.get("residential_areas"), f -> LandCover.BUILT_UP);
    progress.advance(5);
    burn(grid, lc, read.get("streams_border_zone"), LandCover.STREAM);
    for (Layers.Item it : read.get("waterways")) {
      Object inter = it.feature().properties().get("intermittent");
      boolean intermittent =
          inter instanceof Number n ? n.intValue() != 0 : Boolean.TRUE.equals(inter);
      LandCover cls = intermittent ? LandCover.STREAM : LandCover.RIVER;
      byte code = cls.code();
      Rasterizer.burnLines(
          grid,
          it.metric(),
          c -> {
            if (LandCover.fromCode(lc[c]).precedence() < cls.precedence()) {
              lc[c] = code;
            }
          });
    }
    progress.advance(7);
    fill(grid, lc, read.get("water_areas"), f -> LandCover.WATER);
    progress.advance(9);
    progress.end();

    RoadGraph roads = roads(read, issues, progress);
    List<Settlement> settlements = settlements(read.get("settlements"));
    progress.begin("writing region pack", -1);
    Map<String, Object> meta = metadata(opt, grid, lc, roads, settlements, issues, read, layers);
    AtomicOutput.writeDirectory(
        opt.outDir(),
        tmp -> {
          GeoTiff.writeByte(tmp.resolve("landcover.tif"), new ByteRaster(grid, lc), null);
          GeoTiff.writeByte(tmp.resolve("country.tif"), new ByteRaster(grid, country), null);
          try (OutputStream out =
              new BufferedOutputStream(Files.newOutputStream(tmp.resolve("roads.bin")), 1 << 16)) {
            roads.write(out);
          }
          writeVectors(tmp, countries, read, settlements);
          try (OutputStream out =
              new BufferedOutputStream(Files.newOutputStream(tmp.resolve("issues.geojson")))) {
            issues.write(out);
          }
          meta.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
          Files.writeString(
              tmp.resolve("region.json"),
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(meta));
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

  private static Map<String, List<Layers.Item>> readAll(
      Layers layers, Envelope keep, Progress progress) {
    String[] rest = java.util.Arrays.copyOfRange(LAYERS, 1, LAYERS.length);
    progress.begin("reading layers", rest.length);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Map<String, Future<List<Layers.Item>>> futures = new LinkedHashMap<>();
      for (String name : rest) {
        boolean required = name.equals("borders") || name.equals("roads_main");
        Envelope k = name.equals("borders") ? null : keep;
        futures.put(name, pool.submit(() -> layers.read(name, required, k)));
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

  private interface Classifier {
    LandCover of(lt.skydas.core.geojson.Feature f);
  }

  private static void fill(GridSpec g, byte[] lc, List<Layers.Item> items, Classifier cls) {
    for (Layers.Item it : items) {
      LandCover c = cls.of(it.feature());
      if (c == null) {
        continue;
      }
      byte code = c.code();
      int prec = c.precedence();
      Rasterizer.fillPolygonal(
          g,
          it.metric(),
          cell -> {
            if (LandCover.fromCode(lc[cell]).precedence() < prec) {
              lc[cell] = code;
            }
          });
    }
  }

  private static void burn(GridSpec g, byte[] lc, List<Layers.Item> items, LandCover cls) {
    byte code = cls.code();
    for (Layers.Item it : items) {
      Rasterizer.burnLines(
          g,
          it.metric(),
          cell -> {
            if (LandCover.fromCode(lc[cell]).precedence() < cls.precedence()) {
              lc[cell] = code;
            }
          });
    }
  }

  static LandCover wetland(lt.skydas.core.geojson.Feature f, ImportIssues issues) {
    String s = f.string("subclass");
    if (s == null) {
      return LandCover.WETLAND_SOFT;
    }
    return switch (s) {
      case "marsh", "reedbed", "wet_meadow", "saltmarsh" -> LandCover.WETLAND_FIRM;
      case "bog", "swamp", "fen", "tidalflat" -> LandCover.WETLAND_SOFT;
      default -> {
        if (issues != null) {
          Coordinate c = f.geometry().getCoordinate();
          issues.add(
              "landcover_wetland",
              f.label(),
              "unknown wetland subclass \"" + s + "\"",
              "treated as soft wetland (bog)",
              c.x,
              c.y);
        }
        yield LandCover.WETLAND_SOFT;
      }
    };
  }

  private static RoadGraph roads(
      Map<String, List<Layers.Item>> read, ImportIssues issues, Progress progress) {
    RoadGraphBuilder b = new RoadGraphBuilder();
    for (String layer :
        new String[] {"roads_main", "roads_minor_border_zone", "tracks_border_zone"}) {
      for (Layers.Item it : read.get(layer)) {
        RoadClass cls = RoadClass.fromOsm(it.feature().string("class"));
        if (cls == null) {
          Coordinate c = it.feature().geometry().getCoordinate();
          issues.add(
              layer,
              it.feature().label(),
              "unknown road class \"" + it.feature().string("class") + "\"",
              "skipped",
              c.x,
              c.y);
          continue;
        }
        for (int i = 0; i < it.metric().getNumGeometries(); i++) {
          if (it.metric().getGeometryN(i) instanceof LineString ls) {
            b.addRoad(xy(ls), cls);
          }
        }
      }
    }
    for (Layers.Item it : read.get("bridges")) {
      if (!"road".equals(it.feature().string("carries"))) {
        continue;
      }
      byte flag =
          switch (String.valueOf(it.feature().string("type"))) {
            case "bridge" -> RoadGraph.BRIDGE;
            case "ford" -> RoadGraph.FORD;
            case "tunnel" -> RoadGraph.TUNNEL;
            default -> 0;
          };
      if (flag == 0) {
        continue;
      }
      RoadClass cls = RoadClass.fromOsm(it.feature().string("class"));
      for (int i = 0; i < it.metric().getNumGeometries(); i++) {
        if (it.metric().getGeometryN(i) instanceof LineString ls) {
          b.addStructure(xy(ls), flag, cls);
        }
      }
    }
    return b.build(progress);
  }

  private static double[] xy(LineString ls) {
    Coordinate[] cs = ls.getCoordinates();
    double[] xy = new double[cs.length * 2];
    for (int i = 0; i < cs.length; i++) {
      xy[2 * i] = cs[i].x;
      xy[2 * i + 1] = cs[i].y;
    }
    return xy;
  }

  private static List<Settlement> settlements(List<Layers.Item> items) {
    List<Settlement> out = new ArrayList<>();
    for (Layers.Item it : items) {
      var f = it.feature();
      Coordinate ll = f.geometry().getCoordinate();
      Coordinate m = it.metric().getCoordinate();
      Object pop = f.properties().get("population");
      out.add(
          new Settlement(
              f.string("name"),
              f.string("name_ascii"),
              f.string("place"),
              pop instanceof Number n ? n.longValue() : null,
              f.string("country"),
              ll.x,
              ll.y,
              m.x,
              m.y));
    }
    return out;
  }

  private static void writeVectors(
      Path dir,
      Map<Country, Geometry> countries,
      Map<String, List<Layers.Item>> read,
      List<Settlement> settlements)
      throws IOException {
    Crs crs = Crs.lks94();
    try (GeoJsonWriter w = writer(dir.resolve("countries.geojson"))) {
      for (var e : countries.entrySet()) {
        w.feature(
            e.getKey().name(), crs.toWgs84(e.getValue()), Map.of("iso_a2", e.getKey().name()));
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("borders.geojson"))) {
      for (Layers.Item it : read.get("borders")) {
        w.feature(
            it.feature().id(),
            it.feature().geometry(),
            Map.of("pair", String.valueOf(it.feature().string("pair"))));
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("settlements.geojson"))) {
      org.locationtech.jts.geom.GeometryFactory gf =
          new org.locationtech.jts.geom.GeometryFactory();
      for (Settlement s : settlements) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("name_ascii", s.nameAscii());
        p.put("place", s.place());
        p.put("population", s.population());
        p.put("country", s.country());
        w.feature(null, gf.createPoint(new Coordinate(s.lon(), s.lat())), p);
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("residential.geojson"))) {
      for (Layers.Item it : read.get("residential_areas")) {
        w.feature(null, it.feature().geometry(), Map.of());
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("protected.geojson"))) {
      for (Layers.Item it : read.get("protected_areas")) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", it.feature().string("name"));
        w.feature(null, it.feature().geometry(), p);
      }
    }
  }

  private static GeoJsonWriter writer(Path p) throws IOException {
    return new GeoJsonWriter(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16), 6);
  }

  private static Map<String, Object> metadata(
      RegionBuildOptions opt,
      GridSpec grid,
      byte[] lc,
      RoadGraph roads,
      List<Settlement> settlements,
      ImportIssues issues,
      Map<String, List<Layers.Item>> read,
      Layers layers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format_version", FORMAT_VERSION);
    m.put("built_at", Instant.now().toString());
    m.put("home", opt.home());
    m.put("epsg", grid.epsg());
    m.put("cell_size_m", grid.cellSize());
    m.put("min_x", grid.minX());
    m.put("max_y", grid.maxY());
    m.put("width", grid.width());
    m.put("height", grid.height());
    m.put("margin_km", opt.margin_km());
    long[] counts = new long[LandCover.values().length];
    for (byte b : lc) {
      counts[b]++;
    }
    Map<String, Long> cells = new LinkedHashMap<>();
    for (LandCover c : LandCover.values()) {
      cells.put(c.name(), counts[c.code()]);
    }
    m.put("cells_by_land_cover", cells);
    m.put("road_nodes", roads.nodeCount());
    m.put("road_edges", roads.edgeCount());
    Map<String, Double> km = new LinkedHashMap<>();
    double[] byClass = roads.lengthByClass_km();
    for (RoadClass c : RoadClass.values()) {
      km.put(c.name(), Math.round(byClass[c.ordinal()] * 10) / 10.0);
    }
    m.put("road_km_by_class", km);
    m.put("settlements", settlements.size());
    Map<String, Object> files = new LinkedHashMap<>();
    for (String name : LAYERS) {
      Path p = layers.find(name);
      if (p != null) {
        files.put(
            p.getFileName().toString(),
            Map.of(
                "sha256",
                sha256(p),
                "features_kept",
                read.containsKey(name) ? read.get(name).size() : -1));
      }
    }
    m.put("sources", files);
    m.put(
        "attribution",
        "© OpenStreetMap contributors (ODbL 1.0); © OpenMapTiles; GeoNames (CC BY 4.0)");
    m.put("issues", issues.size());
    m.put("issue_summary", issues.summary());
    return m;
  }

  static String sha256(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Splits polygonal geometries into their polygons (for indexing). */
  static List<Polygon> polygons(Geometry g) {
    List<Polygon> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) {
        out.add(p);
      }
    }
    return out;
  }
}
