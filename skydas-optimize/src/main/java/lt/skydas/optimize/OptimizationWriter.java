package lt.skydas.optimize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.report.AssessmentWriter;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.SensorSite;

/**
 * Writes an optimisation: {@code plan.geojson} (readable by {@code skydas assess}), {@code
 * phasing.csv} (cost by year and category), {@code optimization.json} (objective, bound, gap, times
 * per case and per case and objective on the model and verified, delay by year, cost, clearance
 * liability), and the verification assessment of the plan (its {@code report.html} with an
 * optimisation section, summary, avenues, isochrones).
 */
public final class OptimizationWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OptimizationWriter() {}

  public static Path write(Path dir, OptimizationResult r, AssessmentRegion region) {
    return write(dir, r, region, null);
  }

  /**
   * As {@link #write(Path, OptimizationResult, AssessmentRegion)}, with what limits the plan
   * ({@code limits}, may be null) in {@code optimization.json} ({@code limits}) and the report.
   */
  public static Path write(Path dir, OptimizationResult r, AssessmentRegion region, Limits limits) {
    Map<String, Object> summary = summary(r);
    if (limits != null) {
      summary.put("limits", LimitsWriter.json(limits, r.modelPaths()));
    }
    if (r.protection().enabled()) {
      summary.put("protection", ProtectionWriter.json(r.protection()));
    }
    if (r.warning().enabled()) {
      summary.put("warning_minimum", WarningWriter.json(r.warning()));
    }
    summary.put("emplacement", OnWarningWriter.json(r.emplacement(), region.crs()));
    // the humanitarian policy the run held every candidate to (docs/policy.md)
    summary.put("policy", r.plan().policy().describe());
    if (!r.countries().isEmpty()) {
      summary.put("country_budgets", CountrySpendWriter.json(r.countries()));
    }
    if (r.margin().enabled()) {
      summary.put("corridor_margin", MarginWriter.json(r.margin(), r.verification()));
    }
    String section =
        section(
            r,
            OnWarningWriter.html(r.emplacement())
                + CountrySpendWriter.html(r.countries())
                + (r.margin().enabled() ? MarginWriter.html(r.margin(), r.verification()) : "")
                + (r.protection().enabled() ? ProtectionWriter.html(r.protection()) : "")
                + (r.warning().enabled() ? WarningWriter.html(r.warning()) : "")
                + (limits == null ? "" : LimitsWriter.html(limits)));
    return AssessmentWriter.write(
        dir,
        r.verification(),
        region,
        "Skydas optimised plan",
        section,
        tmp -> {
          writePlan(
              tmp.resolve("plan.geojson"),
              r.plan(),
              r.fixedStatus(),
              r.sensors().candidates() > 0 ? r.sensors().watched() : null);
          Files.writeString(
              tmp.resolve("phasing.csv"),
              phasingCsv(r.plan(), r.fixedStatus(), ProtectionWriter.ids(r.protection())));
          Files.writeString(tmp.resolve("optimization.json"), JSON.writeValueAsString(summary));
          if (r.protection().enabled()) {
            ProtectionWriter.writeSites(
                tmp.resolve("protect.geojson"), r.protection(), region.crs());
          }
        });
  }

  /**
   * The plan as a plan file: id, type, name, year, cost and clearance per obstacle, then each
   * sensor site with its plan properties, category, cost and upkeep (read back as the same sites).
   */
  public static void writePlan(Path file, BarrierPlan plan) throws IOException {
    writePlan(file, plan, Map.of());
  }

  /**
   * As {@link #writePlan(Path, BarrierPlan)}, with each obstacle's {@code status} ({@code chosen},
   * {@code pinned} or {@code existing}, from {@code fixedStatus}); an existing obstacle costs 0 and
   * takes no build effort (its clearance liability stays).
   */
  public static void writePlan(Path file, BarrierPlan plan, Map<String, String> fixedStatus)
      throws IOException {
    writePlan(file, plan, fixedStatus, null);
  }

  /**
   * As {@link #writePlan(Path, BarrierPlan, Map)}, with each obstacle's {@code watched} (its id in
   * {@code watched}: a chosen sensor covers it, its full delay counts) unless {@code watched} is
   * null (sensors off: no such property).
   */
  static void writePlan(
      Path file, BarrierPlan plan, Map<String, String> fixedStatus, Set<String> watched)
      throws IOException {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("name", plan.name());
    // the policy the plan was made under; read back, it is only a request (docs/policy.md)
    var policy = lt.skydas.plan.PolicyFile.toJson(plan.policy());
    policy.remove("source");
    members.put(
        "policy",
        new com.fasterxml.jackson.databind.ObjectMapper().convertValue(policy, Map.class));
    try (OutputStream out = Files.newOutputStream(file);
        GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(out), 6, members)) {
      for (Obstacle o : plan.obstacles()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", o.type().id());
        p.put("name", o.name());
        p.put("year", o.year());
        p.put("category", o.type().category());
        String status = fixedStatus.getOrDefault(o.id(), OptimizationResult.CHOSEN);
        boolean standing = status.equals(OptimizationResult.EXISTING);
        p.put("status", status);
        p.put("cost_eur", standing ? 0 : Math.round(o.cost_eur()));
        p.put("clearance_cost_eur", Math.round(o.clearanceCost_eur()));
        p.put("build_effort_h", standing ? 0 : Math.round(o.buildEffort_h()));
        if (watched != null) {
          p.put("watched", watched.contains(o.id()));
        }
        w.feature(o.id(), o.geometry_wgs84(), p);
      }
      for (SensorSite s : plan.sensors()) {
        Map<String, Object> p = s.planProperties();
        p.put("category", s.type().category().id());
        p.put("cost_eur", Math.round(s.cost_eur()));
        p.put("upkeep_eur_per_year", Math.round(s.upkeep_eur_per_year()));
        w.feature(s.id(), s.geometry_wgs84(), p);
      }
    }
  }

  /** The counter-drone protection in one sentence (console and report). */
  public static String protectionLine(OptimizationResult r) {
    return ProtectionWriter.line(r.protection());
  }

  /** The minimum corridor margin in one sentence, or empty when none was asked for. */
  public static String marginLine(OptimizationResult r) {
    return r.margin().enabled() ? MarginWriter.line(r.margin(), r.verification()) : "";
  }

  /** Per home country with a budget: what the plan spends there, one sentence each. */
  public static List<String> countryLines(OptimizationResult r) {
    return r.countries().stream().map(CountrySpendWriter::line).toList();
  }

  /** The emplacement at the planning warning in one sentence (console and report). */
  public static String emplacementLine(OptimizationResult r) {
    return OnWarningWriter.line(r.emplacement());
  }

  /** The minimum warning time in one sentence (console and report). */
  public static String warningLine(OptimizationResult r) {
    return WarningWriter.line(r.warning());
  }

  /** Category of the sensors' purchase in {@code phasing.csv}. */
  static final String SENSOR_CATEGORY = "sensors";

  /** Category of the counter-drone and EW sites' purchase in {@code phasing.csv}. */
  static final String CUAS_CATEGORY = "ew_counter_drone";

  static String phasingCsv(BarrierPlan plan, Map<String, String> fixedStatus) {
    return phasingCsv(plan, fixedStatus, Set.of());
  }

  /**
   * Construction cost by year and category, sensors' purchase as category {@value #SENSOR_CATEGORY}
   * (those of {@code cuasIds}, bought to protect named sites, as {@value #CUAS_CATEGORY});
   * obstacles that already stand are not in it.
   */
  static String phasingCsv(BarrierPlan plan, Map<String, String> fixedStatus, Set<String> cuasIds) {
    StringBuilder b = new StringBuilder("year,category,cost_eur\n");
    List<Obstacle> toBuild = new ArrayList<>();
    for (Obstacle o : plan.obstacles()) {
      if (!OptimizationResult.EXISTING.equals(fixedStatus.get(o.id()))) {
        toBuild.add(o);
      }
    }
    SortedMap<Integer, Map<String, Double>> t =
        new BarrierPlan(plan.source(), plan.name(), plan.policy(), toBuild).costByYearAndCategory();
    for (SensorSite ss : plan.sensors()) {
      t.computeIfAbsent(ss.year(), y -> new LinkedHashMap<>())
          .merge(
              cuasIds.contains(ss.id()) ? CUAS_CATEGORY : SENSOR_CATEGORY,
              ss.cost_eur(),
              Double::sum);
    }
    t.forEach(
        (y, m) ->
            m.forEach(
                (cat, eur) ->
                    b.append(y)
                        .append(',')
                        .append(cat)
                        .append(',')
                        .append(Math.round(eur))
                        .append('\n')));
    return b.toString();
  }

  /**
   * The sensor block: candidates offered, the chosen sites (purchase, upkeep, year), and how many
   * of the plan's obstacles are built watched.
   */
  private static Map<String, Object> sensors(OptimizationResult r) {
    List<SensorSite> own = r.barrierSensors();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("candidates", r.sensors().candidates());
    m.put("chosen", own.size());
    m.put("watched_obstacles", r.sensors().watched().size());
    m.put("unwatched_obstacles", r.plan().obstacles().size() - r.sensors().watched().size());
    m.put("purchase_eur", Math.round(own.stream().mapToDouble(SensorSite::cost_eur).sum()));
    m.put(
        "upkeep_eur_per_year",
        Math.round(own.stream().mapToDouble(SensorSite::upkeep_eur_per_year).sum()));
    List<Map<String, Object>> sites = new ArrayList<>();
    for (SensorSite ss : own) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", ss.id());
      x.put("type", ss.type().id());
      x.put("year", ss.year());
      x.put("cost_eur", Math.round(ss.cost_eur()));
      x.put("upkeep_eur_per_year", Math.round(ss.upkeep_eur_per_year()));
      sites.add(x);
    }
    m.put("sites", sites);
    m.put("candidates_s", r.sensors().candidates_s());
    return m;
  }

  static Map<String, Object> summary(OptimizationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    ModelSolver.Solved s = r.solved();
    m.put("status", s.status());
    m.put("method", s.method());
    m.put("objective_mode", r.objectiveMode().id());
    m.put("model_objective", r.modelObjective());
    m.put("model_bound", s.bound());
    m.put("gap", gap(r));
    m.put("gap_on_delay", delayGap(r));
    m.put("verified_objective", r.verifiedObjective());
    m.put("model_empty_objective", r.emptyObjective());
    m.put("verified_empty_objective", r.verifiedEmptyObjective());
    m.put("solver_rounds", s.rounds());
    m.put("obstacles", r.plan().obstacles().size());
    m.put("pinned", count(r, OptimizationResult.PINNED));
    m.put("existing", count(r, OptimizationResult.EXISTING));
    m.put("total_cost_eur", Math.round(r.spend_eur()));
    m.put("obstacle_cost_eur", Math.round(r.buildCost_eur()));
    m.put("sensor_cost_eur", Math.round(r.sensors().cost_eur()));
    m.put("ew_counter_drone_cost_eur", Math.round(r.protection().cost_eur()));
    m.put("warning_sensor_cost_eur", Math.round(r.warning().cost_eur()));
    m.put("sensors", sensors(r));
    m.put("clearance_liability_eur", Math.round(r.plan().clearanceCost_eur()));
    m.put("clearance_liability_h", Math.round(r.plan().clearanceEffort_h()));
    List<Map<String, Object>> cases = new ArrayList<>();
    for (OptimizationResult.CaseTimes c : r.cases()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("case", c.caseId());
      x.put("model_baseline_h", h(c.modelBaseline_s()));
      x.put("model_plan_h", h(c.modelPlan_s()));
      x.put("verified_baseline_h", h(c.verifiedBaseline_s()));
      x.put("verified_plan_h", h(c.verifiedPlan_s()));
      x.put("verified_delay_h", h(c.verifiedPlan_s() - c.verifiedBaseline_s()));
      cases.add(x);
    }
    m.put("cases", cases);
    List<Map<String, Object>> objectives = new ArrayList<>();
    for (OptimizationResult.ObjectiveTimes t : r.objectiveTimes()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("case", t.caseId());
      x.put("objective", t.objectiveId());
      x.put("modelled", t.modelled());
      x.put("model_baseline_h", t.modelled() ? h(t.modelBaseline_s()) : null);
      x.put("model_plan_h", t.modelled() ? h(t.modelPlan_s()) : null);
      x.put("model_delay_h", t.modelled() ? h(t.modelPlan_s() - t.modelBaseline_s()) : null);
      x.put("verified_baseline_h", h(t.verifiedBaseline_s()));
      x.put("verified_plan_h", h(t.verifiedPlan_s()));
      x.put("verified_delay_h", h(t.verifiedPlan_s() - t.verifiedBaseline_s()));
      objectives.add(x);
    }
    m.put("objectives", objectives);
    List<Map<String, Object>> years = new ArrayList<>();
    for (OptimizationResult.Year y : r.years()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("year", y.year());
      x.put("spent_eur", Math.round(y.spent_eur()));
      x.put("model_objective", y.modelObjective());
      years.add(x);
    }
    m.put("years", years);
    m.put("unscheduled", r.unscheduled());
    m.put("humanitarian_violations", r.verification().violations().size());
    List<Map<String, Object>> routes = new ArrayList<>();
    for (AssessmentResult.RouteTime t : r.verification().reinforcement()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("route", t.routeId());
      x.put("season", t.season().id());
      x.put("baseline_h", h(t.baseline_s()));
      x.put("plan_h", h(t.plan_s()));
      x.put("limit_pct", t.limitPct());
      routes.add(x);
    }
    m.put("reinforcement_routes", routes);
    OptimizationResult.Stats st = r.stats();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("candidates", st.candidates());
    stats.put("options", st.options());
    stats.put("gates", st.gates());
    stats.put("scenarios", st.scenarios());
    stats.put("graph_arcs", st.arcs());
    stats.put("candidates_s", st.candidates_s());
    stats.put("graphs_s", st.graphs_s());
    stats.put("solve_s", st.solve_s());
    stats.put("verify_s", st.verify_s());
    m.put("stats", stats);
    m.put("notes", r.notes());
    return m;
  }

  private static long count(OptimizationResult r, String status) {
    return r.fixedStatus().values().stream().filter(status::equals).count();
  }

  /** Relative gap between the proven bound and the plan's objective. */
  public static double gap(OptimizationResult r) {
    double o = r.modelObjective();
    return o > 0 ? Math.max(0, (r.solved().bound() - o) / o) : 0;
  }

  /** The gap measured on the delay bought: (bound − plan) / (plan − empty plan). */
  public static double delayGap(OptimizationResult r) {
    double bought = r.modelObjective() - r.emptyObjective();
    return bought > 0 ? Math.max(0, (r.solved().bound() - r.modelObjective()) / bought) : 0;
  }

  private static double h(double s) {
    return Double.isFinite(s) ? Math.round(s / 36.0) / 100.0 : Double.NaN;
  }

  /** The report's optimisation section, ending with {@code tail} (HTML, may be empty). */
  static String section(OptimizationResult r, String tail) {
    StringBuilder h = new StringBuilder();
    ModelSolver.Solved s = r.solved();
    h.append("<section><h2>Optimisation</h2><p>")
        .append(esc(s.method()))
        .append(", status <b>")
        .append(esc(s.status()))
        .append("</b>, proven gap ")
        .append(String.format(Locale.ROOT, "%.2f %%", 100 * gap(r)))
        .append(" on the objective (weighted attacker time relative to the unobstructed time, ")
        .append(
            r.objectiveMode() == ObjectiveMode.EACH
                ? "averaged over the objectives"
                : "to the nearest objective")
        .append(", worst season per class when robust). Model objective ")
        .append(String.format(Locale.ROOT, "%.4f", r.modelObjective()))
        .append(" (empty plan ")
        .append(String.format(Locale.ROOT, "%.4f", r.emptyObjective()))
        .append("), bound ")
        .append(String.format(Locale.ROOT, "%.4f", s.bound()))
        .append(", verified on the full model ")
        .append(String.format(Locale.ROOT, "%.4f", r.verifiedObjective()))
        .append(" (empty plan ")
        .append(String.format(Locale.ROOT, "%.4f", r.verifiedEmptyObjective()))
        .append(").</p>");
    if (r.sensors().candidates() > 0) {
      h.append("<p>")
          .append(
              esc(
                  String.format(
                      Locale.ROOT,
                      "Sensors chosen with the obstacles: %d of %d candidate sites, EUR %,.0f"
                          + " (purchase and upkeep over the programme); %d of %d obstacles watched"
                          + " (their full delay counts), the others at their unobserved delay.",
                      r.barrierSensors().size(),
                      r.sensors().candidates(),
                      r.sensors().cost_eur(),
                      r.sensors().watched().size(),
                      r.plan().obstacles().size())))
          .append("</p>");
    }
    h.append("<h3>Attacker time to the nearest objective</h3>")
        .append("<table><thead><tr><th>Case</th><th>Model: without → with plan (h)</th>")
        .append("<th>Verified: without → with plan (h)</th></tr></thead><tbody>");
    for (OptimizationResult.CaseTimes c : r.cases()) {
      h.append("<tr><td>")
          .append(esc(c.caseId()))
          .append("</td><td>")
          .append(
              String.format(
                  Locale.ROOT, "%.2f → %.2f", c.modelBaseline_s() / 3600, c.modelPlan_s() / 3600))
          .append("</td><td>")
          .append(
              String.format(
                  Locale.ROOT,
                  "%.2f → %.2f",
                  c.verifiedBaseline_s() / 3600,
                  c.verifiedPlan_s() / 3600))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    objectiveTable(h, r);
    // delay by year: a bar chart in plain SVG
    if (!r.years().isEmpty()) {
      double first = r.years().get(0).modelObjective();
      double max =
          r.years().stream().mapToDouble(OptimizationResult.Year::modelObjective).max().orElse(1);
      double min =
          Math.min(
              first,
              r.years().stream()
                  .mapToDouble(OptimizationResult.Year::modelObjective)
                  .min()
                  .orElse(0));
      int w = 40 * r.years().size() + 40;
      h.append(
              "<h3>Objective at the end of each year</h3><svg role=\"img\" aria-label=\"objective by year\" width=\"")
          .append(w)
          .append("\" height=\"160\" viewBox=\"0 0 ")
          .append(w)
          .append(" 160\">");
      for (int i = 0; i < r.years().size(); i++) {
        OptimizationResult.Year y = r.years().get(i);
        double frac = max > min ? (y.modelObjective() - min * 0.98) / (max - min * 0.98) : 1;
        int bh = (int) Math.round(120 * frac);
        h.append(
                String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"28\" height=\"%d\" fill=\"#2b6cb0\"><title>year %d: %.4f, EUR %,.0f spent</title></rect>",
                    20 + 40 * i,
                    130 - bh,
                    bh,
                    y.year(),
                    y.modelObjective(),
                    y.spent_eur()))
            .append(
                String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"150\" font-size=\"11\">%d</text>",
                    28 + 40 * i,
                    y.year()));
      }
      h.append("</svg>");
    }
    if (!r.unscheduled().isEmpty() || !r.notes().isEmpty()) {
      h.append("<ul>");
      for (String n : r.notes()) {
        h.append("<li>").append(esc(n)).append("</li>");
      }
      for (String u : r.unscheduled()) {
        h.append("<li>Fits no programme year (not built): ").append(esc(u)).append("</li>");
      }
      h.append("</ul>");
    }
    h.append(tail).append("</section>");
    return h.toString();
  }

  /** Delay bought per objective (rows) and case (columns): verified, the model's in brackets. */
  private static void objectiveTable(StringBuilder h, OptimizationResult r) {
    List<String> caseIds = r.cases().stream().map(OptimizationResult.CaseTimes::caseId).toList();
    Map<String, List<OptimizationResult.ObjectiveTimes>> byObjective = new LinkedHashMap<>();
    for (OptimizationResult.ObjectiveTimes t : r.objectiveTimes()) {
      byObjective.computeIfAbsent(t.objectiveId(), k -> new ArrayList<>()).add(t);
    }
    if (byObjective.isEmpty()) {
      return;
    }
    h.append("<h3>Delay per objective (h): verified on the full model")
        .append(r.objectiveMode() == ObjectiveMode.EACH ? " (model)" : "")
        .append("</h3><table><thead><tr><th>Objective</th>");
    for (String c : caseIds) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (List<OptimizationResult.ObjectiveTimes> row : byObjective.values()) {
      h.append("<tr><td>").append(esc(row.get(0).objectiveName())).append("</td>");
      for (String c : caseIds) {
        OptimizationResult.ObjectiveTimes t =
            row.stream().filter(x -> x.caseId().equals(c)).findFirst().orElse(null);
        h.append("<td>");
        if (t != null) {
          h.append(
                  String.format(
                      Locale.ROOT,
                      "<span title=\"%.2f → %.2f h\">%+.2f</span>",
                      t.verifiedBaseline_s() / 3600,
                      t.verifiedPlan_s() / 3600,
                      (t.verifiedPlan_s() - t.verifiedBaseline_s()) / 3600))
              .append(
                  t.modelled()
                      ? String.format(
                          Locale.ROOT, " (%+.2f)", (t.modelPlan_s() - t.modelBaseline_s()) / 3600)
                      : "");
        }
        h.append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
