package lt.skydas.region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Finds and reads the layer files of a region, reporting import problems. */
final class Layers {
  private final Path dir;
  private final ImportIssues issues;
  private final int epsg;
  private final Map<String, Integer> featuresRead = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Envelope regionLonLat;

  /** Layers of {@code dir}, read into map CRS {@code epsg} (one of {@link Crs#METRIC}). */
  Layers(Path dir, ImportIssues issues, int epsg) {
    this.dir = dir;
    this.issues = issues;
    this.epsg = epsg;
  }

  /**
   * Sets the region's lon/lat bounding box (of the country polygons): features of later reads that
   * lie wholly outside it are reported and skipped.
   */
  void setRegion(Envelope lonLat) {
    this.regionLonLat = new Envelope(lonLat);
  }

  /** Features seen per layer name (valid and invalid), for the layers read so far. */
  Map<String, Integer> featuresRead() {
    return new java.util.TreeMap<>(featuresRead);
  }

  /** The file of layer {@code name}, or null when absent. */
  Path find(String name) {
    for (String ext : new String[] {".geojson", ".geojson.gz"}) {
      Path p = dir.resolve(name + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** The file name of layer {@code name} as found, or {@code name.geojson} when absent. */
  String fileName(String name) {
    Path p = find(name);
    return p == null ? name + ".geojson" : p.getFileName().toString();
  }

  Path require(String name) {
    Path p = find(name);
    if (p == null) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          dir + ": required layer " + name + ".geojson (or .geojson.gz) is missing",
          Map.of("file", dir.resolve(name + ".geojson").toString()));
    }
    return p;
  }

  /** A feature transformed to the map CRS, with its lon/lat original. */
  record Item(Feature feature, Geometry metric) {}

  /**
   * Reads layer {@code name}: features whose map-CRS envelope misses {@code keep} are skipped
   * silently, unless they lie wholly outside the region (reported); invalid polygons are fixed
   * (reported). Missing optional layers are reported and give an empty list.
   */
  List<Item> read(String name, boolean required, Envelope keep) {
    Path file = required ? require(name) : find(name);
    List<Item> out = new ArrayList<>();
    if (file == null) {
      issues.add(
          dir.resolve(name + ".geojson").toString(),
          "layer",
          "optional layer is missing",
          "skipped layer",
          Double.NaN,
          Double.NaN);
      return out;
    }
    String fname = file.getFileName().toString();
    Envelope region = regionLonLat;
    int seen =
        GeoJsonReader.read(
            file,
            f -> {
              Geometry g = f.geometry();
              Envelope ll = g.getEnvelopeInternal();
              if (region != null && !region.intersects(ll)) {
                Coordinate c = g.getCoordinate();
                issues.add(
                    fname,
                    f.label(),
                    "feature lies wholly outside the region",
                    "skipped",
                    c.x,
                    c.y);
                return;
              }
              if (g instanceof Polygonal && g.getNumPoints() < 200_000) {
                IsValidOp v = new IsValidOp(g);
                if (!v.isValid()) {
                  Coordinate c = v.getValidationError().getCoordinate();
                  issues.add(
                      fname,
                      f.label(),
                      "invalid geometry: " + v.getValidationError().getMessage(),
                      "fixed",
                      c == null ? Double.NaN : c.x,
                      c == null ? Double.NaN : c.y);
                  g = GeometryFixer.fix(g);
                }
              }
              Geometry m = Crs.of(epsg).toMetric(g);
              if (keep == null || keep.intersects(m.getEnvelopeInternal())) {
                out.add(new Item(new Feature(f.id(), f.index(), g, f.properties()), m));
              }
            },
            (index, id, reason, raw) ->
                issues.add(
                    fname, Feature.label(index, id), reason, "skipped", Double.NaN, Double.NaN));
    featuresRead.put(name, seen);
    return out;
  }
}
