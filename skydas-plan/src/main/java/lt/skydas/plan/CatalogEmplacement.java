package lt.skydas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.Emplacement.Employment;

/**
 * Reads a catalog type's {@code employment} and {@code emplacement} fields (issue 15). A type
 * without {@code employment} is permanent (built in peacetime), so older catalogs still load.
 */
final class CatalogEmplacement {
  private CatalogEmplacement() {}

  /**
   * The type's emplacement; for reserved and crisis-laid types also requires {@code
   * sources.emplacement} and copies it into {@code sources}.
   */
  static Emplacement parse(JsonNode n, String name, String where, Map<String, String> sources) {
    String employment = n.path("employment").asText("permanent");
    Employment e =
        switch (employment) {
          case "permanent" -> Employment.PERMANENT;
          case "reserved" -> Employment.RESERVED;
          case "crisis_laid" -> Employment.CRISIS_LAID;
          default ->
              throw SkydasProblem.badInput(
                  name,
                  where,
                  "employment must be permanent, reserved or crisis_laid, not \""
                      + employment
                      + "\"");
        };
    JsonNode em = n.path("emplacement");
    if (e == Employment.PERMANENT) {
      if (!em.isMissingNode() && !em.isNull()) {
        throw SkydasProblem.badInput(
            name, where, "a permanent type has no emplacement block (it is built in peacetime)");
      }
      return Emplacement.permanent();
    }
    if (!em.isObject()) {
      throw SkydasProblem.badInput(
          name, where, e.id() + " types need an emplacement block (stock, costs, team work rates)");
    }
    String src = n.path("sources").path("emplacement").asText("");
    if (src.isBlank()) {
      throw SkydasProblem.badInput(
          name, where, "sources.emplacement is missing: give a reference or \"estimate: how\"");
    }
    sources.put("emplacement", src);
    Map<String, Double> work = new LinkedHashMap<>();
    JsonNode w = em.path("work_h_per_unit");
    if (!w.isObject() || w.isEmpty()) {
      throw SkydasProblem.badInput(
          name, where, "emplacement.work_h_per_unit must name at least one team type");
    }
    positives(w, "work_h_per_unit", work, name, where);
    Map<String, Double> stock = new LinkedHashMap<>();
    JsonNode s = em.path("stock_per_unit");
    if (!s.isMissingNode() && !s.isNull()) {
      if (!s.isObject()) {
        throw SkydasProblem.badInput(
            name, where, "emplacement.stock_per_unit must be an object: items by stock kind");
      }
      positives(s, "stock_per_unit", stock, name, where);
    }
    try {
      return new Emplacement(
          e,
          stock,
          number(em, "preparation_cost_eur_per_unit", Double.NaN, name, where),
          number(em, "stock_cost_eur_per_unit", stock.isEmpty() ? 0 : Double.NaN, name, where),
          work,
          em.path("storage").asText(""));
    } catch (IllegalArgumentException ex) {
      throw SkydasProblem.badInput(name, where, "emplacement: " + ex.getMessage());
    }
  }

  private static void positives(
      JsonNode obj, String field, Map<String, Double> out, String name, String where) {
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      double v = f.getValue().asDouble(Double.NaN);
      if (!f.getValue().isNumber() || !(v > 0) || !Double.isFinite(v)) {
        throw SkydasProblem.badInput(
            name,
            where,
            "emplacement."
                + field
                + "."
                + f.getKey()
                + " must be a number > 0, not "
                + f.getValue());
      }
      out.put(f.getKey(), v);
    }
  }

  /** Preparation plus stock must be the type's cost per unit (one figure the budget spends). */
  static void checkCosts(ObstacleType t, String name, String where) {
    Emplacement e = t.emplacement();
    if (!e.onWarning()) {
      return;
    }
    double sum = e.preparationCostEur_perUnit() + e.stockCostEur_perUnit();
    if (Math.abs(sum - t.costEur_perUnit()) > 0.5) {
      throw SkydasProblem.badInput(
          name,
          where,
          String.format(
              java.util.Locale.ROOT,
              "emplacement: preparation %.0f + stock %.0f EUR per %s must equal cost_eur_per_unit"
                  + " %.0f",
              e.preparationCostEur_perUnit(),
              e.stockCostEur_perUnit(),
              t.unit(),
              t.costEur_perUnit()));
    }
  }

  private static double number(
      JsonNode n, String field, double fallback, String name, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (Double.isNaN(fallback)) {
        throw SkydasProblem.badInput(name, where, "emplacement." + field + " must be a number");
      }
      return fallback;
    }
    double d = v.asDouble(Double.NaN);
    if (!v.isNumber() || !Double.isFinite(d) || d < 0) {
      throw SkydasProblem.badInput(
          name, where, "emplacement." + field + " must be a finite number >= 0, not " + v);
    }
    return d;
  }
}
