package lt.skydas.optimize.clearance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The clearance asset catalog: {@code clearance-assets.json} beside this class, or a file of the
 * same shape. Every figure carries its unit in its name ({@code productivity_m2_per_day}, {@code
 * cost_eur_per_day}, {@code depth_cm}, {@code mobilisation_days}); a figure without one ({@code
 * productivity}, {@code cost}) is refused by name, as are an unknown vegetation class, a category
 * other than AP, AT or UXO, a month outside 1 to 12, a negative figure and a duplicate id. The
 * optional {@code soil_factor} and {@code category_factor} multiply the vegetation's productivity
 * by the area's soil and the devices it holds (unknown keys and multipliers outside 0 to 5
 * refused). Every error names the file, the asset and the field. Immutable.
 *
 * @param assets the asset kinds, in file order
 * @param workingDaysPerMonth working days in an active month
 */
public record ClearanceAssets(List<ClearanceAsset> assets, int workingDaysPerMonth) {
  public static final Set<String> VEGETATION = Set.of("open", "scrub", "forest", "wetland");
  public static final Set<String> CATEGORIES = Set.of("AP", "AT", "UXO");

  /**
   * Soil classes an area may have: mineral (loam, the default), sandy, clay, stony, peat (organic,
   * wet ground).
   */
  public static final Set<String> SOILS = Set.of("mineral", "sandy", "clay", "stony", "peat");

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "name",
          "kind",
          "productivity_m2_per_day",
          "cost_eur_per_day",
          "clears",
          "depth_cm",
          "months",
          "mobilisation_days",
          "sources",
          "release_share",
          "soil_factor",
          "category_factor");
  private static final ObjectMapper JSON = new ObjectMapper();

  public ClearanceAssets {
    assets = List.copyOf(assets);
  }

  /** The shipped catalog. */
  public static ClearanceAssets defaults() {
    try (InputStream in = ClearanceAssets.class.getResourceAsStream("clearance-assets.json")) {
      return parse(JSON.readTree(in), "clearance-assets.json (shipped)");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A catalog file. */
  public static ClearanceAssets load(Path file) {
    JsonNode n;
    try {
      n = JSON.readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such asset catalog");
    } catch (IOException e) {
      throw SkydasProblem.badInput(file.toString(), null, "not JSON: " + e.getMessage());
    }
    return parse(n, file.toString());
  }

  /** The asset of this id, or a problem listing the ids. */
  public ClearanceAsset get(String id) {
    for (ClearanceAsset a : assets) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new SkydasProblem(
        ProblemCode.USAGE,
        "no clearance asset '"
            + id
            + "' (the catalog has "
            + assets.stream().map(ClearanceAsset::id).toList()
            + ")");
  }

  static ClearanceAssets parse(JsonNode root, String file) {
    if (root == null || !root.path("assets").isArray() || root.path("assets").isEmpty()) {
      throw SkydasProblem.badInput(file, null, "no 'assets' array");
    }
    int wd = root.path("working_days_per_month").asInt(20);
    if (wd < 1 || wd > 31) {
      throw SkydasProblem.badInput(file, null, "working_days_per_month must be 1 to 31, is " + wd);
    }
    List<ClearanceAsset> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode a : root.path("assets")) {
      String where = "asset " + (a.hasNonNull("id") ? "'" + a.get("id").asText() + "'" : "#" + i);
      i++;
      for (var it = a.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) {
          throw SkydasProblem.badInput(
              file,
              where,
              f.equals("productivity") || f.equals("cost") || f.equals("depth")
                  ? "'" + f + "' has no unit: use " + unitName(f)
                  : "unknown field '" + f + "'");
        }
      }
      String id = text(a, "id", file, where);
      if (!ids.add(id)) {
        throw SkydasProblem.badInput(file, where, "duplicate id");
      }
      Map<String, Double> prod = new LinkedHashMap<>();
      JsonNode p = a.path("productivity_m2_per_day");
      if (!p.isObject() || p.isEmpty()) {
        throw SkydasProblem.badInput(
            file, where, "productivity_m2_per_day: an object of m2 per day by vegetation");
      }
      for (var it = p.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!VEGETATION.contains(e.getKey())) {
          throw SkydasProblem.badInput(
              file,
              where,
              "productivity_m2_per_day: unknown vegetation '"
                  + e.getKey()
                  + "' (open, scrub, forest, wetland)");
        }
        prod.put(
            e.getKey(), number(e.getValue(), "productivity_m2_per_day." + e.getKey(), file, where));
      }
      String kind = a.path("kind").asText(ClearanceAsset.CLEARANCE);
      if (!Set.of(ClearanceAsset.CLEARANCE, ClearanceAsset.NTS, ClearanceAsset.TS).contains(kind)) {
        throw SkydasProblem.badInput(
            file,
            where,
            "kind: '" + kind + "' is not clearance, non_technical_survey or technical_survey");
      }
      boolean survey = !kind.equals(ClearanceAsset.CLEARANCE);
      double share = 0;
      if (survey) {
        share = number(a.get("release_share"), "release_share", file, where);
        if (share > 1) {
          throw SkydasProblem.badInput(
              file,
              where,
              "release_share: a share of the surveyed area, 0 to 1 (is " + share + ")");
        }
      }
      Set<String> clears = new HashSet<>();
      for (JsonNode c : a.path("clears")) {
        if (!CATEGORIES.contains(c.asText())) {
          throw SkydasProblem.badInput(
              file, where, "clears: unknown category '" + c.asText() + "' (AP, AT, UXO)");
        }
        clears.add(c.asText());
      }
      if (clears.isEmpty() && !survey) {
        throw SkydasProblem.badInput(file, where, "clears: name AP, AT and/or UXO");
      }
      Set<Integer> months = new HashSet<>();
      for (JsonNode m : a.path("months")) {
        if (!m.canConvertToInt() || m.asInt() < 1 || m.asInt() > 12) {
          throw SkydasProblem.badInput(file, where, "months: " + m + " is not a month 1 to 12");
        }
        months.add(m.asInt());
      }
      if (months.isEmpty()) {
        throw SkydasProblem.badInput(file, where, "months: the months it works in, 1 to 12");
      }
      Map<String, String> sources = new LinkedHashMap<>();
      a.path("sources")
          .fields()
          .forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
      out.add(
          new ClearanceAsset(
              id,
              a.path("name").asText(id),
              kind,
              prod,
              number(a.get("cost_eur_per_day"), "cost_eur_per_day", file, where),
              clears,
              number(a.get("depth_cm"), "depth_cm", file, where),
              months,
              a.has("mobilisation_days")
                  ? number(a.get("mobilisation_days"), "mobilisation_days", file, where)
                  : 0,
              sources,
              share,
              new ClearanceAsset.Factors(
                  factors(a, "soil_factor", SOILS, file, where),
                  factors(a, "category_factor", CATEGORIES, file, where))));
    }
    return new ClearanceAssets(out, wd);
  }

  /**
   * An optional object of unitless multipliers, 0 to 5, by a known key (a soil class or a device
   * category).
   */
  private static Map<String, Double> factors(
      JsonNode a, String field, Set<String> keys, String file, String where) {
    Map<String, Double> out = new LinkedHashMap<>();
    JsonNode f = a.get(field);
    if (f == null || f.isNull()) {
      return out;
    }
    if (!f.isObject()) {
      throw SkydasProblem.badInput(
          file, where, field + ": an object of multipliers by " + new java.util.TreeSet<>(keys));
    }
    for (var it = f.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!keys.contains(e.getKey())) {
        throw SkydasProblem.badInput(
            file,
            where,
            field
                + ": unknown key '"
                + e.getKey()
                + "' ("
                + String.join(", ", new java.util.TreeSet<>(keys))
                + ")");
      }
      double v = number(e.getValue(), field + "." + e.getKey(), file, where);
      if (v > 5) {
        throw SkydasProblem.badInput(
            file,
            where,
            field + "." + e.getKey() + ": a multiplier of the productivity, 0 to 5 (is " + v + ")");
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  private static String unitName(String f) {
    return switch (f) {
      case "productivity" -> "productivity_m2_per_day";
      case "cost" -> "cost_eur_per_day";
      default -> "depth_cm";
    };
  }

  private static String text(JsonNode a, String f, String file, String where) {
    if (!a.hasNonNull(f) || a.get(f).asText().isBlank()) {
      throw SkydasProblem.badInput(file, where, f + ": missing");
    }
    return a.get(f).asText();
  }

  private static double number(JsonNode v, String f, String file, String where) {
    if (v == null || !v.isNumber()) {
      throw SkydasProblem.badInput(
          file, where, f + ": " + (v == null ? "missing" : "'" + v.asText() + "' is not a number"));
    }
    double d = v.asDouble();
    if (!(d >= 0) || !Double.isFinite(d)) {
      throw SkydasProblem.badInput(file, where, f + ": must be 0 or more (is " + d + ")");
    }
    return d;
  }
}
