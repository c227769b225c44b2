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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.GeoTiff;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Writes the files of a region pack into a (temporary) directory. Stateless. */
final class PackWriter {
  static final String ATTRIBUTION =
      "© OpenStreetMap contributors (ODbL 1.0); © OpenMapTiles (CC BY 4.0); GeoNames (CC BY 4.0)";

  private PackWriter() {}

  static void write(
      Path dir,
      GridSpec grid,
      byte[] lc,
      byte[] country,
      RoadGraph roads,
      Map<Country, Geometry> countries,
      Map<String, List<Layers.Item>> read,
      List<Settlement> settlements,
      ImportIssues issues,
      Map<String, Object> meta,
      long t0)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // the two rasters compress in parallel; vectors are written meanwhile on this thread
      Future<?> a =
          pool.submit(
              () -> GeoTiff.writeByte(dir.resolve("landcover.tif"), new ByteRaster(grid, lc), 0));
      Future<?> b =
          pool.submit(
              () ->
                  GeoTiff.writeByte(dir.resolve("country.tif"), new ByteRaster(grid, country), 0));
      try (OutputStream out = out(dir.resolve("roads.bin"))) {
        roads.write(out);
      }
      writeVectors(dir, grid.epsg(), countries, read, settlements);
      try (OutputStream out = out(dir.resolve("issues.geojson"))) {
        issues.write(out);
      }
      a.get();
      b.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    meta.put("build_seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    Files.writeString(
        dir.resolve("region.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta));
  }

  private static OutputStream out(Path p) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
  }

  private static GeoJsonWriter writer(Path p) throws IOException {
    return new GeoJsonWriter(out(p), 6);
  }

  private static void writeVectors(
      Path dir,
      int epsg,
      Map<Country, Geometry> countries,
      Map<String, List<Layers.Item>> read,
      List<Settlement> settlements)
      throws IOException {
    Crs crs = Crs.of(epsg);
    try (GeoJsonWriter w = writer(dir.resolve("countries.geojson"))) {
      for (var e : countries.entrySet()) {
        w.feature(
            e.getKey().name(), crs.toWgs84(e.getValue()), Map.of("iso_a2", e.getKey().name()));
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("borders.geojson"))) {
      for (Layers.Item it : read.get("borders")) {
        Feature f = it.feature();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pair", f.string("pair"));
        p.put("country_a", f.string("country_a"));
        p.put("country_b", f.string("country_b"));
        p.put("name", f.string("name"));
        p.put("length_km", Math.round(it.metric().getLength() / 100.0) / 10.0);
        w.feature(f.id(), f.geometry(), p);
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("settlements.geojson"))) {
      GeometryFactory gf = new GeometryFactory();
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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("country", it.feature().string("country"));
        w.feature(null, it.feature().geometry(), p);
      }
    }
    try (GeoJsonWriter w = writer(dir.resolve("protected.geojson"))) {
      for (Layers.Item it : read.get("protected_areas")) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", it.feature().string("name"));
        p.put("class", it.feature().string("class"));
        p.put("country", it.feature().string("country"));
        w.feature(null, it.feature().geometry(), p);
      }
    }
  }

  static Map<String, Object> metadata(
      RegionBuildOptions opt,
      GridSpec grid,
      byte[] lc,
      RoadGraph roads,
      RoadGraphBuilder.Stats noding,
      List<Settlement> settlements,
      ImportIssues issues,
      Map<String, List<Layers.Item>> read,
      Layers layers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format_version", RegionBuilder.FORMAT_VERSION);
    m.put("built_at", Instant.now().toString());
    m.put("region", opt.definition().id());
    m.put("home", String.join(",", opt.definition().home()));
    m.put("epsg", grid.epsg());
    m.put("cell_size_m", grid.cellSize());
    m.put("min_x", grid.minX());
    m.put("max_y", grid.maxY());
    m.put("width", grid.width());
    m.put("height", grid.height());
    m.put("margin_km", opt.margin_km());
    long[] counts = new long[256];
    for (byte b : lc) {
      counts[b & 0xff]++;
    }
    Map<String, Long> cells = new LinkedHashMap<>();
    for (LandCover c : LandCover.values()) {
      cells.put(c.name(), counts[c.code() & 0xff]);
    }
    m.put("cells_by_land_cover", cells);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("nodes", roads.nodeCount());
    r.put("edges", roads.edgeCount());
    r.put("bridge_edges", roads.countFlagged(RoadGraph.BRIDGE));
    r.put("ford_edges", roads.countFlagged(RoadGraph.FORD));
    r.put("tunnel_edges", roads.countFlagged(RoadGraph.TUNNEL));
    r.put("snapped_ends", noding.snappedEnds());
    r.put("crossings_noded", noding.crossingsNoded());
    r.put("overpasses", noding.overpasses());
    r.put("structures_matched", noding.structuresMatched());
    r.put("structures_unmatched", noding.structuresUnmatched());
    r.put("main_road_structures_unmatched", noding.mainRoadStructuresUnmatched());
    Map<String, Double> km = new LinkedHashMap<>();
    double[] byClass = roads.lengthByClass_km();
    for (RoadClass c : RoadClass.values()) {
      km.put(c.name(), Math.round(byClass[c.ordinal()] * 10) / 10.0);
    }
    r.put("km_by_class", km);
    m.put("roads", r);
    m.put("road_nodes", roads.nodeCount());
    m.put("road_edges", roads.edgeCount());
    m.put("settlements", settlements.size());
    Map<String, Object> files = new LinkedHashMap<>();
    Map<String, Integer> seen = layers.featuresRead();
    for (String name : RegionBuilder.LAYERS) {
      Path p = layers.find(name);
      if (p != null) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("layer", name);
        f.put("sha256", sha256(p));
        f.put("features", seen.getOrDefault(name, -1));
        f.put("features_in_grid", read.containsKey(name) ? read.get(name).size() : -1);
        files.put(p.getFileName().toString(), f);
      }
    }
    m.put("sources", files);
    m.put("attribution", ATTRIBUTION);
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
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
