package lt.skydas.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * A region as data, not code (issue 16): its home countries, the border pairs attackers cross, the
 * grid's CRS, its objectives and its friendly routes. Read from a small JSON region file ({@link
 * #read}) or built in ({@link #builtIn}); a region pack keeps the definition it was built from
 * ({@code definition.json}). Immutable.
 *
 * <p>The region file:
 *
 * <pre>
 * {"format": "skydas-region/1", "id": "lithuania", "name": "Lithuania",
 *  "home": ["LT"], "crs": "EPSG:3346", "hostile_borders": ["LT-BY", "LT-RU"],
 *  "objectives": "lithuania-objectives.geojson",
 *  "friendly_routes": [{"id": "pl-kaunas", "name": "…", "from": "suwalki-corridor", "to": "kaunas"}]}
 * </pre>
 *
 * {@code objectives} is a GeoJSON FeatureCollection, inline or the name of a file beside the region
 * file (features with {@code name} and {@code radius_m}; read by skydas-assess). A route runs from
 * one objective to another, by id.
 *
 * @param id lower-case id (letters, digits, dashes)
 * @param home ISO alpha-2 codes of the home countries, at least one, no repeats
 * @param epsg the CRS of the region's grid, one of {@link Crs#METRIC}
 * @param hostileBorders border pairs ({@code "LT-BY"}) whose far side the attacker starts from: one
 *     side home, the other not
 * @param objectives the objectives' GeoJSON FeatureCollection
 * @param friendlyRoutes reinforcement routes between objectives
 * @param extent the lon/lat box the grid is clipped to (a border zone of large home countries), or
 *     null for the home countries' whole extent
 */
public record RegionDefinition(
    String id,
    String name,
    List<String> home,
    int epsg,
    List<String> hostileBorders,
    JsonNode objectives,
    List<Route> friendlyRoutes,
    Extent extent) {

  /** The format tag of a region file. */
  public static final String FORMAT = "skydas-region/1";

  /** The built-in regions, by id. */
  public static final List<String> BUILT_IN = List.of("lithuania", "suwalki-gap", "baltic-south");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern PAIR = Pattern.compile("([A-Z]{2})-([A-Z]{2})");

  /** A friendly reinforcement route from one objective to another (ids of the objectives). */
  public record Route(String id, String name, String from, String to) {}

  /** A lon/lat box, degrees (WGS84). */
  public record Extent(double minLon, double minLat, double maxLon, double maxLat) {}

  public RegionDefinition {
    home = List.copyOf(home);
    hostileBorders = List.copyOf(hostileBorders);
    friendlyRoutes = List.copyOf(friendlyRoutes);
    objectives = objectives.deepCopy();
  }

  @Override
  public JsonNode objectives() {
    return objectives.deepCopy();
  }

  /** The home countries. */
  public Set<Country> homeCountries() {
    Set<Country> out = new LinkedHashSet<>();
    home.forEach(c -> out.add(Country.fromIso(c)));
    return out;
  }

  /** Per unsigned country code (a cell of the country raster), whether it is a home country. */
  public boolean[] homeCodes() {
    boolean[] out = new boolean[256];
    homeCountries().forEach(c -> out[c.code() & 0xff] = true);
    return out;
  }

  /** The countries on the far side of the hostile borders (where attackers start). */
  public Set<Country> hostileCountries() {
    Set<Country> out = new LinkedHashSet<>();
    for (String pair : hostileBorders) {
      var m = PAIR.matcher(pair);
      if (m.matches()) {
        out.add(Country.fromIso(home.contains(m.group(1)) ? m.group(2) : m.group(1)));
      }
    }
    return out;
  }

  /**
   * The built-in region {@code id}.
   *
   * @throws SkydasProblem NOT_FOUND naming the built-in ids
   */
  public static RegionDefinition builtIn(String id) {
    if (!BUILT_IN.contains(id)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "no built-in region \"" + id + "\" (built in: " + String.join(", ", BUILT_IN) + ")",
          Map.of("region", id));
    }
    // immutable: parsed once per JVM
    return LOADED.computeIfAbsent(id, RegionDefinition::loadBuiltIn);
  }

  private static final Map<String, RegionDefinition> LOADED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static RegionDefinition loadBuiltIn(String id) {
    String res = "regions/" + id + ".json";
    try (InputStream in = RegionDefinition.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException(res + " missing from the classpath");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return parse(
          "built-in " + res,
          root,
          name -> {
            try (InputStream o = RegionDefinition.class.getResourceAsStream("regions/" + name)) {
              if (o == null) {
                throw new IllegalStateException("regions/" + name + " missing from the classpath");
              }
              return new ObjectMapper().readTree(o);
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The built-in Lithuania region (the default). */
  public static RegionDefinition lithuania() {
    return builtIn("lithuania");
  }

  /**
   * A built-in region by id, or a region file by path (anything with a slash or ending in {@code
   * .json}).
   */
  public static RegionDefinition resolve(String idOrFile) {
    if (idOrFile.endsWith(".json") || idOrFile.contains("/") || idOrFile.contains("\\")) {
      return read(Path.of(idOrFile));
    }
    return builtIn(idOrFile);
  }

  /**
   * Reads a region file; {@code objectives} given as a file name is read beside it.
   *
   * @throws SkydasProblem NOT_FOUND for a missing file, BAD_INPUT naming the file and field
   */
  public static RegionDefinition read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, file + ": region file not found", Map.of("file", file.toString()));
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw SkydasProblem.badInput(
          file.toString(), null, "not a JSON region file (" + firstLine(e.getMessage()) + ")");
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    try {
      return read(file, root, dir);
    } catch (IOException e) {
      throw SkydasProblem.badInput(file.toString(), null, firstLine(e.getMessage()));
    }
  }

  private static RegionDefinition read(Path file, JsonNode root, Path dir) throws IOException {
    return parse(
        file.toString(),
        root,
        name -> {
          Path p = dir.resolve(name).normalize();
          if (!p.startsWith(dir)) {
            throw SkydasProblem.badInput(
                file.toString(), "objectives", "must name a file beside the region file");
          }
          if (!Files.isRegularFile(p)) {
            throw SkydasProblem.badInput(
                file.toString(), "objectives", "file \"" + name + "\" not found beside it");
          }
          try {
            return new ObjectMapper().readTree(p.toFile());
          } catch (IOException e) {
            throw SkydasProblem.badInput(
                p.toString(), null, "not JSON (" + firstLine(e.getMessage()) + ")");
          }
        });
  }

  /** Writes this definition as a region file with its objectives inline. */
  public void write(Path file) throws IOException {
    Files.writeString(file, toJson());
  }

  /**
   * The SHA-256 (hex) of this definition as written ({@link #write}): equal definitions, equal
   * hashes (a cached pack built from another definition is rebuilt).
   */
  public String sha256() {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String toJson() throws IOException {
    ObjectMapper om = new ObjectMapper();
    ObjectNode o = om.createObjectNode();
    o.put("format", FORMAT);
    o.put("id", id);
    o.put("name", name);
    ArrayNode h = o.putArray("home");
    home.forEach(h::add);
    o.put("crs", "EPSG:" + epsg);
    ArrayNode b = o.putArray("hostile_borders");
    hostileBorders.forEach(b::add);
    if (extent != null) {
      ArrayNode e = o.putArray("extent");
      e.add(extent.minLon()).add(extent.minLat()).add(extent.maxLon()).add(extent.maxLat());
    }
    o.set("objectives", objectives);
    ArrayNode r = o.putArray("friendly_routes");
    for (Route x : friendlyRoutes) {
      ObjectNode n = r.addObject();
      n.put("id", x.id());
      n.put("name", x.name());
      n.put("from", x.from());
      n.put("to", x.to());
    }
    return om.writerWithDefaultPrettyPrinter().writeValueAsString(o);
  }

  interface Loader {
    JsonNode load(String name) throws IOException;
  }

  static RegionDefinition parse(String file, JsonNode root, Loader loader) throws IOException {
    if (!root.isObject()) {
      throw SkydasProblem.badInput(file, null, "a region file is a JSON object");
    }
    String format = text(file, root, "format");
    if (!FORMAT.equals(format)) {
      throw SkydasProblem.badInput(
          file, "format", "\"" + clip(format) + "\" is not \"" + FORMAT + "\"");
    }
    String id = text(file, root, "id");
    if (!ID.matcher(id).matches()) {
      throw SkydasProblem.badInput(
          file, "id", "\"" + clip(id) + "\" is not a lower-case id (letters, digits, dashes)");
    }
    String name = text(file, root, "name");
    if (name.isBlank() || name.length() > 200) {
      throw SkydasProblem.badInput(file, "name", "must be 1..200 characters");
    }
    List<String> home = new ArrayList<>();
    for (String c : strings(file, root, "home")) {
      if (Country.fromIso(c) == null || Country.fromIso(c) == Country.NONE) {
        throw SkydasProblem.badInput(file, "home", "unknown country \"" + clip(c) + "\"");
      }
      if (home.contains(c)) {
        throw SkydasProblem.badInput(file, "home", "country " + c + " is listed twice");
      }
      home.add(c);
    }
    if (home.isEmpty()) {
      throw SkydasProblem.badInput(file, "home", "needs at least one home country");
    }
    int epsg = epsg(file, text(file, root, "crs"));
    List<String> hostile = new ArrayList<>();
    for (String pair : strings(file, root, "hostile_borders")) {
      var m = PAIR.matcher(pair);
      if (!m.matches()) {
        throw SkydasProblem.badInput(
            file, "hostile_borders", "\"" + clip(pair) + "\" is not a pair like \"LT-BY\"");
      }
      for (int g = 1; g <= 2; g++) {
        if (Country.fromIso(m.group(g)) == null) {
          throw SkydasProblem.badInput(
              file, "hostile_borders", "unknown country \"" + m.group(g) + "\" in " + pair);
        }
      }
      if (home.contains(m.group(1)) == home.contains(m.group(2))) {
        throw SkydasProblem.badInput(
            file,
            "hostile_borders",
            pair + " must join a home country (" + String.join(", ", home) + ") to another");
      }
      if (hostile.contains(pair)) {
        throw SkydasProblem.badInput(file, "hostile_borders", pair + " is listed twice");
      }
      hostile.add(pair);
    }
    if (hostile.isEmpty()) {
      throw SkydasProblem.badInput(file, "hostile_borders", "needs at least one border pair");
    }
    JsonNode objectives = root.get("objectives");
    if (objectives != null && objectives.isTextual()) {
      objectives = loader.load(objectives.asText());
    }
    if (objectives == null
        || !objectives.isObject()
        || !"FeatureCollection".equals(objectives.path("type").asText())
        || !objectives.path("features").isArray()
        || objectives.path("features").isEmpty()) {
      throw SkydasProblem.badInput(
          file,
          "objectives",
          "must be a GeoJSON FeatureCollection with at least one feature, or a file holding one");
    }
    Set<String> objectiveIds = new HashSet<>();
    for (JsonNode f : objectives.path("features")) {
      if (f.path("id").isTextual()) {
        objectiveIds.add(f.path("id").asText());
      }
    }
    List<Route> routes = new ArrayList<>();
    JsonNode rs = root.path("friendly_routes");
    if (!rs.isMissingNode() && !rs.isArray()) {
      throw SkydasProblem.badInput(file, "friendly_routes", "must be a list");
    }
    Set<String> routeIds = new HashSet<>();
    for (int i = 0; i < rs.size(); i++) {
      JsonNode r = rs.get(i);
      String where = "friendly_routes[" + i + "]";
      Route route =
          new Route(
              text(file, r, "id", where),
              text(file, r, "name", where),
              text(file, r, "from", where),
              text(file, r, "to", where));
      for (String end : List.of(route.from(), route.to())) {
        if (!objectiveIds.contains(end)) {
          throw SkydasProblem.badInput(
              file, where, "\"" + clip(end) + "\" is not the id of an objective of the region");
        }
      }
      if (!routeIds.add(route.id())) {
        throw SkydasProblem.badInput(file, where, "route id \"" + route.id() + "\" repeats");
      }
      routes.add(route);
    }
    return new RegionDefinition(
        id, name, home, epsg, hostile, objectives, routes, extent(file, root.get("extent")));
  }

  private static Extent extent(String file, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    String form = "must be [min lon, min lat, max lon, max lat] in degrees";
    if (!v.isArray() || v.size() != 4) {
      throw SkydasProblem.badInput(file, "extent", form);
    }
    double[] d = new double[4];
    for (int i = 0; i < 4; i++) {
      if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
        throw SkydasProblem.badInput(file, "extent", form);
      }
      d[i] = v.get(i).asDouble();
    }
    if (d[0] < -180 || d[2] > 180 || d[1] < -90 || d[3] > 90 || d[0] >= d[2] || d[1] >= d[3]) {
      throw SkydasProblem.badInput(
          file,
          "extent",
          String.format(
              Locale.ROOT,
              "[%s, %s, %s, %s] is not a box: %s, min below max",
              d[0],
              d[1],
              d[2],
              d[3],
              form));
    }
    return new Extent(d[0], d[1], d[2], d[3]);
  }

  private static int epsg(String file, String crs) {
    var m = Pattern.compile("EPSG:(\\d{4,6})").matcher(crs);
    if (!m.matches()) {
      throw SkydasProblem.badInput(file, "crs", "\"" + clip(crs) + "\" is not like \"EPSG:3346\"");
    }
    int code = Integer.parseInt(m.group(1));
    if (!Crs.METRIC.containsKey(code)) {
      throw SkydasProblem.badInput(
          file,
          "crs",
          "EPSG:"
              + code
              + " is not supported: a region grid is built in a metric CRS, one of "
              + Crs.supported());
    }
    return code;
  }

  private static String text(String file, JsonNode node, String field) {
    return text(file, node, field, null);
  }

  private static String text(String file, JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    String at = where == null ? field : where + "." + field;
    if (v == null || !v.isTextual()) {
      throw SkydasProblem.badInput(file, at, "a text value is required");
    }
    return v.asText();
  }

  private static List<String> strings(String file, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw SkydasProblem.badInput(file, field, "a list of text values is required");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isTextual()) {
        throw SkydasProblem.badInput(file, field, "a list of text values is required");
      }
      out.add(x.asText());
    }
    return out;
  }

  private static String clip(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
