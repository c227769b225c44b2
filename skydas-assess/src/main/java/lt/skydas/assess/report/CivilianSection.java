package lt.skydas.assess.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.civil.Evacuation;
import lt.skydas.assess.civil.Exposure;
import lt.skydas.assess.civil.MineNeighbours;

/**
 * The civilians of an assessment in the report, {@code summary.json} ({@code civilians}) and the
 * CLI: the home countries' people the attacker reaches within 6, 12, 24 and 48 h per case, with and
 * without the plan; the people living within 1 and 5 km of a mine; the clearance liability per
 * settlement; evacuation; shelter places ({@link ShelterSection}); and the policy the plan was held
 * to (docs/civilians.md).
 */
public final class CivilianSection {
  /** Settlements listed in the liability table and {@code summary.json}. */
  static final int LIABILITIES_LISTED = 25;

  private CivilianSection() {}

  /** The case that exposes the most people within 24 h with the plan (the worst), or null. */
  public static Case worst(AssessmentResult r) {
    Case worst = null;
    for (Case c : r.cases()) {
      if (worst == null || c.exposure().planPeople()[2] > worst.exposure().planPeople()[2]) {
        worst = c;
      }
    }
    return worst;
  }

  /** {@code civilians} of summary.json. */
  static Map<String, Object> summary(AssessmentResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", r.plan().policy().summary());
    Map<String, Object> check = new LinkedHashMap<>(r.plan().policy().describe());
    check.put("violations", r.violations().size());
    m.put("humanitarian_check", check);
    List<Object> cases = new ArrayList<>();
    for (Case c : r.cases()) {
      Exposure e = c.exposure();
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("vehicle", c.vehicle().id());
      x.put("season", c.season().id());
      List<Object> rows = new ArrayList<>();
      for (int k = 0; k < e.hours().length; k++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("within_h", e.hours()[k]);
        row.put("people_baseline", e.baselinePeople()[k]);
        row.put("people_plan", e.planPeople()[k]);
        row.put("settlements_baseline", e.baselineSettlements()[k]);
        row.put("settlements_plan", e.planSettlements()[k]);
        rows.add(row);
      }
      x.put("exposure", rows);
      cases.add(x);
    }
    m.put("exposure", cases);
    MineNeighbours n = r.mineNeighbours();
    Map<String, Object> near = new LinkedHashMap<>();
    near.put("people_within_1km", n.within1km_people());
    near.put("settlements_within_1km", n.within1km_settlements());
    near.put("people_within_5km", n.within5km_people());
    near.put("settlements_within_5km", n.within5km_settlements());
    m.put("near_mines", near);
    List<Object> liab = new ArrayList<>();
    for (MineNeighbours.Liability l :
        n.liabilities().subList(0, Math.min(LIABILITIES_LISTED, n.liabilities().size()))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("settlement", l.name());
      row.put("place", l.place());
      row.put("population", l.population());
      row.put("mines", l.mines());
      row.put("clearance_cost_eur", Math.round(l.clearanceCost_eur()));
      row.put("clearance_effort_h", Math.round(l.clearanceEffort_h()));
      row.put("nearest_mine_m", Math.round(l.nearest_m()));
      liab.add(row);
    }
    m.put("clearance_liability", liab);
    m.put("settlements_with_liability", n.liabilities().size());
    List<Object> evac = new ArrayList<>();
    for (Evacuation e : r.evacuations()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("season", e.season().id());
      x.put("rear", e.rear());
      x.put("settlements_in_48h_reach", e.rows().size());
      List<Object> risk = new ArrayList<>();
      for (int k = 0; k < e.warnings_h().length; k++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("warning_h", e.warnings_h()[k]);
        row.put("people_at_risk", e.peopleAtRisk()[k]);
        risk.add(row);
      }
      x.put("at_risk", risk);
      x.put("people_without_road", e.peopleWithoutRoad());
      List<Object> cut = new ArrayList<>();
      for (Evacuation.Row row : e.rows()) {
        if (row.cutOff() || row.unlessOpened()) {
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("settlement", row.name());
          c.put("population", row.population());
          c.put("cut_off", row.cutOff());
          c.put("unless_opened", row.unlessOpened());
          c.put("nearest_closure", row.nearestClosure());
          c.put("nearest_closure_m", Math.round(row.nearestClosure_m()));
          cut.add(c);
        }
      }
      x.put("cut_off", cut);
      evac.add(x);
    }
    m.put("evacuation", evac);
    Map<String, Object> shelters = ShelterSection.summary(r);
    if (shelters != null) {
      m.put("shelters", shelters);
    }
    return m;
  }

  /** The console lines: the worst case's exposure, and the people near mines. */
  public static List<String> lines(AssessmentResult r) {
    List<String> out = new ArrayList<>();
    out.add(humanitarianLine(r));
    Case w = worst(r);
    if (w != null) {
      Exposure e = w.exposure();
      StringBuilder b =
          new StringBuilder(
              "Civilians in the attacker's reach (" + w.id() + ", without → with the plan):");
      for (int k = 0; k < e.hours().length; k++) {
        b.append(
            String.format(
                Locale.ROOT,
                " %.0f h %,d → %,d;",
                e.hours()[k],
                e.baselinePeople()[k],
                e.planPeople()[k]));
      }
      out.add(b.substring(0, b.length() - 1));
    }
    MineNeighbours n = r.mineNeighbours();
    out.add(
        String.format(
            Locale.ROOT,
            "Civilians near mines: %,d people within 1 km, %,d within 5 km; clearance liability on"
                + " %d settlement(s)",
            n.within1km_people(),
            n.within5km_people(),
            n.liabilities().size()));
    for (Evacuation e : r.evacuations()) {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "Evacuation (%s, %d settlements in 48 h reach, rear: %s): people at risk at"
                      + " warning",
                  e.season().id(),
                  e.rows().size(),
                  String.join(", ", e.rear())));
      for (int k = 0; k < e.warnings_h().length; k++) {
        b.append(
            String.format(Locale.ROOT, " %.0f h %,d;", e.warnings_h()[k], e.peopleAtRisk()[k]));
      }
      b.setLength(b.length() - 1);
      long cut = e.rows().stream().filter(Evacuation.Row::cutOff).count();
      b.append(
          String.format(
              Locale.ROOT,
              "; %d cut off by the plan; %,d people without a road out in the data",
              cut,
              e.peopleWithoutRoad()));
      out.add(b.toString());
    }
    out.addAll(ShelterSection.lines(r));
    return out;
  }

  /**
   * "Humanitarian check: 0 violations under the policy AP mines off, … (registry version 3)": the
   * rules the plan was held to and what broke them, first of the civilians' lines (console, job
   * result, web panel).
   */
  static String humanitarianLine(AssessmentResult r) {
    int n = r.violations().size();
    return String.format(
        Locale.ROOT,
        "Humanitarian check: %d violation%s under the policy %s",
        n,
        n == 1 ? "" : "s",
        r.plan().policy().summary());
  }

  /** Settlements listed in the report's table of evacuation times against the attacker. */
  static final int TIGHTEST_LISTED = 15;

  /**
   * The settlements that need the most warning to get out (evacuation time minus the attacker's
   * arrival), most people first among equals: their evacuation time against the attacker's, per
   * settlement.
   */
  private static void tightest(StringBuilder h, Evacuation e) {
    List<Evacuation.Row> rows =
        e.rows().stream()
            .filter(x -> !x.noRoad() && Double.isFinite(x.evac_h()))
            .sorted(
                java.util.Comparator.comparingDouble(
                        (Evacuation.Row x) -> x.arrival_h() - x.evac_h())
                    .thenComparing(x -> -x.population()))
            .limit(TIGHTEST_LISTED)
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    h.append("<p class=\"note\">The settlements that need the most warning: leaving at warning,")
        .append(" they reach the rear in the evacuation time; the attacker arrives after the")
        .append(" arrival time, so they need the difference as warning.</p>")
        .append("<table><thead><tr><th>Settlement</th><th>People</th><th>Attacker arrives (h)")
        .append("</th><th>Evacuation (h)</th><th>Warning needed (h)</th></tr></thead><tbody>");
    for (Evacuation.Row x : rows) {
      h.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%,d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>",
              ReportHtml.esc(x.name()),
              x.population(),
              x.arrival_h(),
              x.evac_h(),
              Math.max(0, x.evac_h() - x.arrival_h())));
    }
    h.append("</tbody></table>");
  }

  /** The official totals the populations are scaled to, e.g. "LT 2,890,664 (source, date)". */
  private static String officials() {
    StringBuilder b = new StringBuilder();
    for (var o : lt.skydas.assess.civil.NationalPopulation.officials().values()) {
      b.append(b.length() > 0 ? "; " : "")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s %,d (%s, %s)",
                  o.country(),
                  o.population(),
                  o.source(),
                  o.asOf()));
    }
    return b.length() == 0 ? "none known" : b.toString();
  }

  /** The report's civilians section. */
  static void html(StringBuilder h, AssessmentResult r) {
    h.append("<section><h2>Civilians</h2>")
        .append("<p class=\"note\">People of the home countries' settlements (the data's")
        .append(" population, or the documented fallback of the place class, scaled to the")
        .append(" country's official total where the data covers the whole country: ")
        .append(ReportHtml.esc(officials()))
        .append(") whose settlement the attacker reaches within the time, per vehicle class and")
        .append(" season.</p>")
        .append("<table><thead><tr><th>Case</th>");
    for (double hrs : Exposure.HOURS) {
      h.append(String.format(Locale.ROOT, "<th>%.0f h: without → with</th>", hrs));
    }
    h.append("</tr></thead><tbody>");
    for (Case c : r.cases()) {
      Exposure e = c.exposure();
      h.append("<tr><td>").append(ReportHtml.esc(c.id())).append("</td>");
      for (int k = 0; k < e.hours().length; k++) {
        h.append(
            String.format(
                Locale.ROOT, "<td>%,d → %,d</td>", e.baselinePeople()[k], e.planPeople()[k]));
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
    MineNeighbours n = r.mineNeighbours();
    h.append(
        String.format(
            Locale.ROOT,
            "<p>%,d people in %d settlement(s) live within 1 km of a mine of the plan, %,d in %d"
                + " within 5 km.</p>",
            n.within1km_people(),
            n.within1km_settlements(),
            n.within5km_people(),
            n.within5km_settlements()));
    if (!n.liabilities().isEmpty()) {
      h.append("<h3>Clearance liability by settlement</h3>")
          .append("<table><thead><tr><th>Settlement</th><th>People</th><th>Mines</th>")
          .append("<th>Clearance (EUR)</th><th>Team-hours</th><th>Nearest (m)</th></tr>")
          .append("</thead><tbody>");
      for (MineNeighbours.Liability l :
          n.liabilities().subList(0, Math.min(LIABILITIES_LISTED, n.liabilities().size()))) {
        h.append(
            String.format(
                Locale.ROOT,
                "<tr><td>%s (%s)</td><td>%,d</td><td>%d</td><td>%,.0f</td><td>%,.0f</td>"
                    + "<td>%,.0f</td></tr>",
                ReportHtml.esc(l.name()),
                ReportHtml.esc(String.valueOf(l.place())),
                l.population(),
                l.mines(),
                l.clearanceCost_eur(),
                l.clearanceEffort_h(),
                l.nearest_m()));
      }
      h.append("</tbody></table>");
    }
    for (Evacuation e : r.evacuations()) {
      h.append("<h3>Evacuation, ")
          .append(ReportHtml.esc(e.season().id()))
          .append(" season</h3><p class=\"note\">")
          .append(e.rows().size())
          .append(" settlements the attacker reaches within 48 h leave by road at warning for the")
          .append(" nearest assembly point (")
          .append(ReportHtml.esc(String.join(", ", e.rear())))
          .append("), with the plan's closures in place; at risk: not there before the attacker")
          .append(" reaches their settlement.</p><table><thead><tr><th>Warning</th>")
          .append("<th>People at risk</th></tr></thead><tbody>");
      for (int k = 0; k < e.warnings_h().length; k++) {
        h.append(
            String.format(
                Locale.ROOT,
                "<tr><td>%.0f h</td><td>%,d</td></tr>",
                e.warnings_h()[k],
                e.peopleAtRisk()[k]));
      }
      h.append("</tbody></table>");
      tightest(h, e);
      h.append(
          String.format(
              Locale.ROOT,
              "<p class=\"note\">%,d people live where the data gives no road to the rear"
                  + " even without the plan (no road within 3 km, or a road piece of its own);"
                  + " they are not counted above.</p>",
              e.peopleWithoutRoad()));
      List<Evacuation.Row> cut =
          e.rows().stream().filter(x -> x.cutOff() || x.unlessOpened()).toList();
      if (!cut.isEmpty()) {
        h.append("<table><thead><tr><th>Settlement</th><th>People</th><th>Finding</th>")
            .append("<th>Nearest closure</th></tr></thead><tbody>");
        for (Evacuation.Row x : cut) {
          h.append(x.cutOff() ? "<tr class=\"bad\">" : "<tr>")
              .append("<td>")
              .append(ReportHtml.esc(x.name()))
              .append("</td><td>")
              .append(String.format(Locale.ROOT, "%,d", x.population()))
              .append("</td><td>")
              .append(
                  x.cutOff()
                      ? "cut off (violation)"
                      : "a way out only through an openable obstacle")
              .append("</td><td>")
              .append(ReportHtml.esc(String.valueOf(x.nearestClosure())))
              .append(String.format(Locale.ROOT, " (%,.0f m)", x.nearestClosure_m()))
              .append("</td></tr>");
        }
        h.append("</tbody></table>");
      }
    }
    ShelterSection.html(h, r);
    h.append("<p>").append(ReportHtml.esc(humanitarianLine(r))).append("</p>");
    h.append("</section>");
  }
}
