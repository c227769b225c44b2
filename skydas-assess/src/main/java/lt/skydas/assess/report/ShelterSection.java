package lt.skydas.assess.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.civil.ShelterCoverage;

/**
 * Shelter coverage in the civilians section (issue 17): of the people the attacker reaches within
 * 48 h in the worst case, how many have a place in a shelter within the access time, and the
 * settlements with the most people without one. Absent when the run was given no shelters.
 */
final class ShelterSection {
  private ShelterSection() {}

  /** {@code civilians.shelters} of summary.json, or null. */
  static Map<String, Object> summary(AssessmentResult r) {
    ShelterCoverage c = r.shelters();
    if (c == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scope", "people the attacker reaches within 48 h with the plan (worst case)");
    m.putAll(c.toJson());
    return m;
  }

  /** The console line, or none. */
  static List<String> lines(AssessmentResult r) {
    ShelterCoverage c = r.shelters();
    if (c == null) {
      return List.of();
    }
    return List.of(
        String.format(
            Locale.ROOT,
            "Shelters: %,d of the %,d people in 48 h reach (%.1f %%) have a place within %s;"
                + " %,d places in %d shelters",
            c.covered(),
            c.people(),
            c.coveredPct(),
            c.access(),
            c.capacity(),
            c.shelters()));
  }

  static void html(StringBuilder h, AssessmentResult r) {
    ShelterCoverage c = r.shelters();
    if (c == null) {
      h.append("<p class=\"note\">Shelters: none given (assess --shelters FILE, or a registry")
          .append(" with shelter records).</p>");
      return;
    }
    h.append("<h3>Shelters</h3>")
        .append(
            String.format(
                Locale.ROOT,
                "<p>%,d of the %,d people the attacker reaches within 48 h (%.1f %%) have a place"
                    + " in a shelter within %s; %,d are within reach of one. %,d places in %d"
                    + " shelters.</p>",
                c.covered(),
                c.people(),
                c.coveredPct(),
                ReportHtml.esc(c.access()),
                c.reachable(),
                c.capacity(),
                c.shelters()));
    if (!c.gaps().isEmpty()) {
      h.append("<table><thead><tr><th>Settlement</th><th>People</th><th>Without a place</th>")
          .append("</tr></thead><tbody>");
      for (ShelterCoverage.Gap g : c.gaps()) {
        h.append(
            String.format(
                Locale.ROOT,
                "<tr><td>%s</td><td>%,d</td><td>%,d</td></tr>",
                ReportHtml.esc(g.name()),
                g.people(),
                g.uncovered()));
      }
      h.append("</tbody></table>");
    }
  }
}
