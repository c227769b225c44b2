package lt.skydas.emplace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads a forces file (depots and engineer units, see {@code forces-lithuania.json}, the shipped
 * default): positions as WGS84 {@code lon}/{@code lat}, stock by kind, teams by type. Every error
 * names the file, the depot or unit and the field; a depot or unit home outside the friendly
 * territory is refused.
 */
public final class ForcesReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DEFAULT = "/lt/skydas/emplace/forces-lithuania.json";

  private final Set<String> teamTypes;
  private final BiPredicate<Double, Double> friendly;
  private final int epsg;

  /** A reader for a region in LKS-94. */
  public ForcesReader(Set<String> teamTypes, BiPredicate<Double, Double> friendly) {
    this(teamTypes, friendly, Crs.LKS94);
  }

  /**
   * @param teamTypes the team types the catalog knows (a unit's other types are refused)
   * @param friendly whether a point (x, y) of the map CRS lies in the friendly territory of the
   *     region
   * @param epsg the region's map CRS, positions are read into (one of {@link Crs#METRIC})
   */
  public ForcesReader(Set<String> teamTypes, BiPredicate<Double, Double> friendly, int epsg) {
    this.teamTypes = Set.copyOf(teamTypes);
    this.friendly = friendly;
    this.epsg = epsg;
  }

  /** The shipped Lithuanian defaults. */
  public Forces defaults() {
    try (InputStream in = ForcesReader.class.getResourceAsStream(DEFAULT)) {
      return parse(MAPPER.readTree(in), "shipped forces-lithuania.json");
    } catch (IOException e) {
      throw new IllegalStateException("shipped forces file unreadable", e);
    }
  }

  /** Reads {@code file}. */
  public Forces read(Path file) {
    String name = file.toString();
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, name + ": no such forces file");
    } catch (JsonProcessingException e) {
      throw SkydasProblem.badInput(
          name, "line " + e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "unreadable: " + e.getMessage());
    }
    return parse(root, name);
  }

  /** Registry statuses of a depot that holds stock on the ground. */
  public static final Set<String> DEPOT_IN_SERVICE = Set.of("prepared", "stocked");

  /**
   * The depots among registry records, as GeoJSON (a FeatureCollection of {@code skydas registry
   * export --kind depot}, or the server's {@code /api/records}): features of kind {@code depot} in
   * service ({@link #DEPOT_IN_SERVICE}; planned, approved and closed ones hold nothing), each a
   * point in the friendly territory with its stock ({@code depot.stock}, items by kind); other
   * records are passed over.
   *
   * @param name what to call the source in errors (a file name, or a request field)
   * @throws SkydasProblem (bad input) naming the record and what is wrong, or when no depot is in
   *     service
   */
  public List<Forces.Depot> depotsFromRecords(JsonNode collection, String name) {
    if (collection == null
        || !collection.isObject()
        || !"FeatureCollection".equals(collection.path("type").asText())
        || !collection.path("features").isArray()) {
      throw SkydasProblem.badInput(name, null, "not a GeoJSON FeatureCollection of records");
    }
    Set<String> ids = new HashSet<>();
    List<Forces.Depot> out = new ArrayList<>();
    int seen = 0;
    JsonNode fs = collection.path("features");
    for (int i = 0; i < fs.size(); i++) {
      JsonNode f = fs.get(i);
      JsonNode p = f.path("properties");
      if (!"depot".equals(p.path("kind").asText())) {
        continue;
      }
      seen++;
      String id = p.path("id").asText(f.path("id").asText(""));
      String where = id.isEmpty() ? "features[" + i + "]" : "depot record \"" + id + "\"";
      if (!DEPOT_IN_SERVICE.contains(p.path("status").asText())) {
        continue;
      }
      JsonNode g = f.path("geometry");
      JsonNode c = g.path("coordinates");
      if (!"Point".equals(g.path("type").asText()) || !c.isArray() || c.size() < 2) {
        throw SkydasProblem.badInput(name, where, "a depot must be a Point");
      }
      com.fasterxml.jackson.databind.node.ObjectNode d = MAPPER.createObjectNode();
      d.put("id", id);
      d.set("name", p.path("name"));
      d.set("lon", c.get(0));
      d.set("lat", c.get(1));
      d.set("stock", p.path("depot").path("stock"));
      Coordinate at = position(d, name, where, "depot");
      Map<String, Double> stock = stock(d, name, where);
      out.add(
          new Forces.Depot(
              id(d, name, where, ids), text(d, "name", where, name), at.x, at.y, stock));
    }
    if (out.isEmpty()) {
      throw SkydasProblem.badInput(
          name,
          null,
          seen + " depot record(s), none in service (prepared or stocked): no depot to load from");
    }
    return out;
  }

  private static Map<String, Double> stock(JsonNode d, String name, String where) {
    return items(d, "stock", name, where);
  }

  /** Items by kind in object {@code field} of {@code d}: each a number >= 0. */
  private static Map<String, Double> items(JsonNode d, String field, String name, String where) {
    Map<String, Double> stock = new LinkedHashMap<>();
    JsonNode st = d.path(field);
    if (!st.isObject()) {
      throw SkydasProblem.badInput(name, where, field + " must be an object: items by kind");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      double v = f.getValue().asDouble(Double.NaN);
      if (!f.getValue().isNumber() || !(v >= 0) || !Double.isFinite(v)) {
        throw SkydasProblem.badInput(
            name, where, field + "." + f.getKey() + " must be a number >= 0, not " + f.getValue());
      }
      stock.put(f.getKey(), v);
    }
    return stock;
  }

  Forces parse(JsonNode root, String name) {
    if (root == null || !root.isObject()) {
      throw SkydasProblem.badInput(name, null, "not a JSON object");
    }
    JsonNode ds = root.path("depots");
    JsonNode us = root.path("units");
    if (!ds.isArray() || !us.isArray() || us.isEmpty()) {
      throw SkydasProblem.badInput(
          name, null, "needs a \"depots\" array and a non-empty \"units\" array");
    }
    Set<String> ids = new HashSet<>();
    List<Forces.Depot> depots = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      JsonNode d = ds.get(i);
      String where = label("depot", d, i);
      Coordinate p = position(d, name, where, "depot");
      Map<String, Double> stock = stock(d, name, where);
      depots.add(
          new Forces.Depot(id(d, name, where, ids), text(d, "name", where, name), p.x, p.y, stock));
    }
    List<Forces.Unit> units = new ArrayList<>();
    for (int i = 0; i < us.size(); i++) {
      JsonNode u = us.get(i);
      String where = label("unit", u, i);
      Coordinate p = position(u, name, where, "unit home");
      double readiness = u.path("readiness_h").asDouble(Double.NaN);
      if (!u.path("readiness_h").isNumber() || !(readiness >= 0) || readiness > 24 * 30) {
        throw SkydasProblem.badInput(
            name,
            where,
            "readiness_h must be a number of hours within 0..720, not " + u.path("readiness_h"));
      }
      Map<String, Integer> teams = new LinkedHashMap<>();
      JsonNode ts = u.path("teams");
      if (!ts.isObject() || ts.isEmpty()) {
        throw SkydasProblem.badInput(name, where, "teams must name at least one team type");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = ts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!teamTypes.contains(f.getKey())) {
          throw SkydasProblem.badInput(
              name,
              where,
              "unknown team type \""
                  + f.getKey()
                  + "\"; the catalog knows "
                  + new java.util.TreeSet<>(teamTypes));
        }
        if (!f.getValue().canConvertToInt()
            || f.getValue().asInt() < 0
            || f.getValue().asInt() > 1000) {
          throw SkydasProblem.badInput(
              name,
              where,
              "teams."
                  + f.getKey()
                  + " must be a whole number within 0..1000, not "
                  + f.getValue());
        }
        teams.put(f.getKey(), f.getValue().asInt());
      }
      units.add(
          new Forces.Unit(
              id(u, name, where, ids), text(u, "name", where, name), p.x, p.y, readiness, teams));
    }
    List<Forces.DepotSite> sites = new ArrayList<>();
    JsonNode ss = root.path("depot_sites");
    if (!ss.isMissingNode() && !ss.isArray()) {
      throw SkydasProblem.badInput(name, null, "\"depot_sites\" must be an array");
    }
    for (int i = 0; i < ss.size(); i++) {
      JsonNode d = ss.get(i);
      String where = label("depot_site", d, i);
      Coordinate p = position(d, name, where, "depot site");
      double cost = d.path("build_cost_eur").asDouble(Double.NaN);
      if (!d.path("build_cost_eur").isNumber() || !(cost >= 0) || cost > 1e10) {
        throw SkydasProblem.badInput(
            name,
            where,
            "build_cost_eur must be a number of euros within 0..1e10, not "
                + d.path("build_cost_eur"));
      }
      Map<String, Double> capacity = items(d, "capacity", name, where);
      sites.add(
          new Forces.DepotSite(
              id(d, name, where, ids), text(d, "name", where, name), p.x, p.y, cost, capacity));
    }
    return new Forces(name, depots, units, sites, epsg);
  }

  private static String label(String kind, JsonNode n, int i) {
    String id = n.path("id").asText("");
    return id.isEmpty() ? kind + "s[" + i + "]" : kind + " \"" + id + "\"";
  }

  private static String id(JsonNode n, String name, String where, Set<String> seen) {
    String id = n.path("id").asText("");
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw SkydasProblem.badInput(name, where, "id must be 1-64 letters, digits, _ . -");
    }
    if (!seen.add(id)) {
      throw SkydasProblem.badInput(name, where, "duplicate id");
    }
    return id;
  }

  private static String text(JsonNode n, String field, String where, String name) {
    String s = n.path(field).asText("");
    if (s.isBlank() || s.length() > 200) {
      throw SkydasProblem.badInput(
          name, where, field + " must be a non-empty string of at most 200 characters");
    }
    return s;
  }

  private Coordinate position(JsonNode n, String name, String where, String what) {
    JsonNode lon = n.path("lon");
    JsonNode lat = n.path("lat");
    if (!lon.isNumber()
        || !lat.isNumber()
        || !(Math.abs(lon.asDouble()) <= 180)
        || !(Math.abs(lat.asDouble()) <= 90)) {
      throw SkydasProblem.badInput(name, where, "lon and lat must be WGS84 degrees");
    }
    Coordinate p = Crs.of(epsg).toMetric(lon.asDouble(), lat.asDouble(), new Coordinate());
    if (!friendly.test(p.x, p.y)) {
      throw SkydasProblem.badInput(
          name,
          where,
          String.format(
              java.util.Locale.ROOT,
              "%s at %.5f, %.5f lies outside the friendly territory of the region",
              what,
              lon.asDouble(),
              lat.asDouble()));
    }
    return p;
  }
}
