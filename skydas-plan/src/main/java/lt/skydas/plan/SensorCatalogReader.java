package lt.skydas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleType.GeometryKind;

/**
 * Parses and validates one sensor catalog document. Every problem is a {@link SkydasProblem} naming
 * the file, the entry ({@code type "id"} or {@code types[i]}) and the field. One instance per
 * document; not thread-safe.
 */
final class SensorCatalogReader {
  /** Friendly system kinds a jammer may deny, beside categories and type ids. */
  static final Set<String> SYSTEM_KINDS = Set.of("gnss", "uas_link", "radio");

  /** The figures every type must source, in the order the CLI prints them. */
  static final List<String> FIGURES =
      List.of("range", "height", "arc", "power", "cost", "upkeep", "crew");

  static final double MAX_HEIGHT_M = 3000;
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern SIDC = Pattern.compile("[A-Z0-9*-]{15}");
  private static final int MIN_REASONING_CHARS = 10;

  private final String file;
  private Map<String, String> references = Map.of();

  SensorCatalogReader(String file) {
    this.file = file;
  }

  SensorCatalog read(JsonNode root) {
    references = readReferences(root);
    JsonNode arr = root.get("types");
    if (arr == null || !arr.isArray() || arr.isEmpty()) {
      throw SkydasProblem.badInput(file, null, "no \"types\" array");
    }
    Map<String, SensorType> out = new LinkedHashMap<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode n = arr.get(i);
      String id = n.path("id").asText("");
      String where = id.isEmpty() ? "types[" + i + "]" : "type \"" + id + "\"";
      SensorType t = readType(n, id, where);
      if (out.put(id, t) != null) {
        throw SkydasProblem.badInput(file, where, "duplicate type id");
      }
    }
    checkDenials(out);
    return new SensorCatalog(out, references, file);
  }

  private Map<String, String> readReferences(JsonNode root) {
    JsonNode refs = root.get("references");
    if (refs == null || refs.isNull()) {
      return Map.of();
    }
    if (!refs.isObject()) {
      throw SkydasProblem.badInput(file, "references", "must be an object of id: citation");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : refs.properties()) {
      String where = "reference \"" + e.getKey() + "\"";
      if (!ID.matcher(e.getKey()).matches()) {
        throw SkydasProblem.badInput(file, where, "id must be lower_snake_case, 1-64 chars");
      }
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw SkydasProblem.badInput(file, where, "citation must be a non-empty string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private SensorType readType(JsonNode n, String id, String where) {
    if (!ID.matcher(id).matches()) {
      throw SkydasProblem.badInput(file, where, "id must be lower_snake_case, 1-64 chars");
    }
    SensorType.Builder b =
        SensorType.builder()
            .withId(id)
            .withName(text(n, "name", where))
            .withCategory(category(n, where))
            .withSidc(sidc(n, where));
    readGeometry(n, where, b);
    readRanges(n, where, b);
    readSiting(n, where, b);
    b.withPower_w(number(n, "power_w", where))
        .withComms(text(n, "comms", where))
        .withCostEur_perUnit(number(n, "cost_eur_per_unit", where))
        .withUpkeepEur_perYear(number(n, "upkeep_eur_per_year", where))
        .withCrew(number(n, "crew", where))
        .withNotes(n.path("notes").asText(""));
    SensorType.Jamming jamming = jamming(n, where);
    b.withJamming(jamming);
    readSources(n, where, jamming != null, b);
    return b.build();
  }

  private SensorCategory category(JsonNode n, String where) {
    String s = text(n, "category", where);
    for (SensorCategory c : SensorCategory.values()) {
      if (c.id().equals(s)) {
        return c;
      }
    }
    throw SkydasProblem.badInput(
        file,
        where,
        "category \""
            + s
            + "\" is not one of "
            + Arrays.stream(SensorCategory.values()).map(SensorCategory::id).toList());
  }

  private String sidc(JsonNode n, String where) {
    String s = text(n, "sidc", where);
    if (!SIDC.matcher(s).matches()) {
      throw SkydasProblem.badInput(
          file,
          where,
          "sidc must be a 15-character MIL-STD-2525C letter SIDC (A-Z, 0-9, '-', '*'), not \""
              + s
              + "\" ("
              + s.length()
              + " characters)");
    }
    return s;
  }

  private void readGeometry(JsonNode n, String where, SensorType.Builder b) {
    String geom = text(n, "geometry", where);
    String unit = text(n, "unit", where);
    GeometryKind kind;
    String expected;
    switch (geom) {
      case "point" -> {
        kind = GeometryKind.POINT;
        expected = "each";
      }
      case "line" -> {
        kind = GeometryKind.LINE;
        expected = "km";
      }
      default ->
          throw SkydasProblem.badInput(
              file, where, "geometry \"" + geom + "\" is not one of [point, line]");
    }
    if (!unit.equals(expected)) {
      throw SkydasProblem.badInput(
          file, where, "unit must be " + expected + " for " + geom + " sensors, not " + unit);
    }
    b.withGeometry(kind, unit);
  }

  private void readRanges(JsonNode n, String where, SensorType.Builder b) {
    JsonNode o = n.get("range_m");
    if (o == null || !o.isObject()) {
      throw SkydasProblem.badInput(
          file, where, "range_m must be an object per target class (vehicle, person, small_uas)");
    }
    boolean any = false;
    for (TargetClass t : TargetClass.values()) {
      double r = number(o, t.id(), where, "range_m." + t.id());
      any |= r > 0;
      b.withRange_m(t, r);
    }
    if (!any) {
      throw SkydasProblem.badInput(
          file, where, "range_m must be > 0 for at least one target class");
    }
  }

  private void readSiting(JsonNode n, String where, SensorType.Builder b) {
    double height = finite(n, "height_m", where, "height_m");
    if (height < 0 || height > MAX_HEIGHT_M) {
      throw SkydasProblem.badInput(
          file, where, "height_m must be between 0 and 3000 m, not " + n.get("height_m"));
    }
    double arc = finite(n, "arc_deg", where, "arc_deg");
    if (arc <= 0 || arc > 360) {
      throw SkydasProblem.badInput(
          file, where, "arc_deg must be > 0 and <= 360 degrees, not " + n.get("arc_deg"));
    }
    b.withHeight_m(height).withArc_deg(arc);
  }

  private SensorType.Jamming jamming(JsonNode n, String where) {
    JsonNode ew = n.get("ew");
    boolean isEw = "ew".equals(n.path("category").asText());
    if (ew == null || ew.isNull()) {
      if (isEw) {
        throw SkydasProblem.badInput(
            file, where, "ew must give radius_m and denies for an ew-category type");
      }
      return null;
    }
    if (!ew.isObject()) {
      throw SkydasProblem.badInput(file, where, "ew must be an object or null");
    }
    double radius = number(ew, "radius_m", where, "ew.radius_m");
    if (radius <= 0) {
      throw SkydasProblem.badInput(file, where, "ew.radius_m must be > 0");
    }
    JsonNode denies = ew.get("denies");
    if (denies == null || !denies.isArray()) {
      throw SkydasProblem.badInput(
          file, where, "ew.denies must be a list of the friendly systems it would also deny");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode d : denies) {
      if (!d.isTextual() || d.asText().isBlank()) {
        throw SkydasProblem.badInput(file, where, "ew.denies entries must be non-empty strings");
      }
      out.add(d.asText());
    }
    return new SensorType.Jamming(radius, out);
  }

  private void readSources(JsonNode n, String where, boolean jams, SensorType.Builder b) {
    JsonNode src = n.path("sources");
    List<String> figures = new ArrayList<>(FIGURES);
    if (jams) {
      figures.add("ew");
    }
    for (String k : figures) {
      String s = src.path(k).asText("").strip();
      if (s.isEmpty()) {
        throw SkydasProblem.badInput(
            file,
            where,
            "sources." + k + " is missing: cite a reference as [id] or write \"estimate: how\"");
      }
      checkSource(s, where, "sources." + k);
      b.withSource(k, s);
    }
  }

  /** A source cites known references, or is an estimate with its reasoning, or both. */
  private void checkSource(String s, String where, String field) {
    List<String> cited = SensorType.citedIn(s);
    for (String ref : cited) {
      if (!references.containsKey(ref)) {
        throw SkydasProblem.badInput(
            file, where, field + " cites [" + ref + "], which is not in the file's references");
      }
    }
    if (!cited.isEmpty()) {
      return;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("estimate:")) {
      throw SkydasProblem.badInput(
          file, where, field + " neither cites a reference as [id] nor starts with \"estimate:\"");
    }
    if (s.substring("estimate:".length()).strip().length() < MIN_REASONING_CHARS) {
      throw SkydasProblem.badInput(
          file, where, field + " is an estimate without its reasoning: say how it was made");
    }
  }

  /** Each denied system is a system kind, a category id or a type id of this catalog. */
  private void checkDenials(Map<String, SensorType> types) {
    for (SensorType t : types.values()) {
      if (t.jamming() == null) {
        continue;
      }
      for (String d : t.jamming().denies()) {
        boolean known =
            SYSTEM_KINDS.contains(d)
                || types.containsKey(d)
                || Arrays.stream(SensorCategory.values()).anyMatch(c -> c.id().equals(d));
        if (!known) {
          throw SkydasProblem.badInput(
              file,
              "type \"" + t.id() + "\"",
              "ew.denies \""
                  + d
                  + "\" is not a system kind "
                  + SYSTEM_KINDS.stream().sorted().toList()
                  + ", a category or a type id of this catalog");
        }
      }
    }
  }

  private String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw SkydasProblem.badInput(file, where, field + " must be a non-empty string");
    }
    return v.asText();
  }

  private double number(JsonNode n, String field, String where) {
    return number(n, field, where, field);
  }

  /** A finite number >= 0 at {@code n.field}, reported as {@code label}. */
  private double number(JsonNode n, String field, String where, String label) {
    double d = finite(n, field, where, label);
    if (d < 0) {
      throw SkydasProblem.badInput(file, where, label + " must be >= 0, not " + n.get(field));
    }
    return d;
  }

  /** A finite number at {@code n.field}, reported as {@code label}. */
  private double finite(JsonNode n, String field, String where, String label) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw SkydasProblem.badInput(file, where, label + " must be a finite number");
    }
    return v.asDouble();
  }
}
