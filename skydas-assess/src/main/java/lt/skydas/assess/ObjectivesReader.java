package lt.skydas.assess;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.region.RegionDefinition;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Reads objectives from GeoJSON: Points, MultiPoints, lines or polygons with a {@code name} and an
 * optional {@code radius_m} (default 1000 m): the objective is reached on land within that radius
 * on its own shore ({@link ObjectiveNodes}). A region's come from its region file ({@link
 * #of(RegionDefinition)}); Lithuania's are key cities and the Suwałki corridor crossings.
 */
public final class ObjectivesReader {
  /** Default reach of an objective when the file gives none. */
  public static final double DEFAULT_RADIUS_M = 1000;

  private ObjectivesReader() {}

  /** The built-in Lithuania region's objectives (the default). */
  public static List<Objective> defaults() {
    return of(RegionDefinition.lithuania());
  }

  /** The objectives of {@code region} (its region file's). */
  public static List<Objective> of(RegionDefinition region) {
    String name = "objectives of region " + region.id();
    try {
      byte[] json = new ObjectMapper().writeValueAsBytes(region.objectives());
      List<Feature> fs = new ArrayList<>();
      GeoJsonReader.read(name, new java.io.ByteArrayInputStream(json), fs::add, null, null);
      return convert(name, fs, null, region.epsg());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A user's objectives, in map CRS {@code epsg}; each must lie inside {@code extent_map} (null: no
   * check).
   */
  public static List<Objective> read(Path file, Envelope extent_map, int epsg) {
    if (!Files.isRegularFile(file)) {
      GeoJsonReader.readAll(file); // throws the standard not-found problem
    }
    List<Feature> fs = GeoJsonReader.readAll(file);
    if (fs.isEmpty()) {
      throw SkydasProblem.badInput(file.toString(), null, "contains no objectives");
    }
    return convert(file.toString(), fs, extent_map, epsg);
  }

  private static List<Objective> convert(String name, List<Feature> fs, Envelope extent, int epsg) {
    List<Objective> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Feature f : fs) {
      String where = f.label();
      String nm = f.string("name");
      if (nm == null || nm.isBlank() || nm.length() > 200) {
        throw SkydasProblem.badInput(
            name, where, "property \"name\" (1..200 characters) is required");
      }
      double radius = DEFAULT_RADIUS_M;
      Object r = f.properties().get("radius_m");
      if (r != null) {
        radius = r instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!Double.isFinite(radius) || radius < 0 || radius > 50_000) {
          throw SkydasProblem.badInput(
              name, where, "radius_m must be a number within 0..50000, not " + r);
        }
      }
      Geometry g = f.geometry();
      if (!new IsValidOp(g).isValid()) {
        throw SkydasProblem.badInput(
            name, where, "invalid geometry: " + new IsValidOp(g).getValidationError().getMessage());
      }
      Geometry m = Crs.of(epsg).toMetric(g);
      if (extent != null && !extent.contains(m.getEnvelopeInternal())) {
        throw SkydasProblem.badInput(
            name, where, "objective \"" + nm + "\" lies outside the region model");
      }
      String id = f.id() != null ? f.id() : slug(nm);
      if (!ids.add(id)) {
        throw SkydasProblem.badInput(name, where, "duplicate objective id \"" + id + "\"");
      }
      out.add(new Objective(id, nm, m, radius));
    }
    return List.copyOf(out);
  }

  static String slug(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return n.isEmpty() ? "objective" : n;
  }
}
