package lt.skydas.optimize;

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
import java.util.stream.Collectors;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.text.HtmlEscape;
import lt.skydas.observe.SiteProtection;
import lt.skydas.plan.SensorSite;

/**
 * {@link Protection} as the {@code protection} member of {@code optimization.json}, the report's
 * "Counter-drone protection" section and {@code protect.geojson} (each named site with whether the
 * final plan protects it). Stateless.
 */
final class ProtectionWriter {
  private ProtectionWriter() {}

  /** The ids of the sensor sites the protection step bought. */
  static Set<String> ids(Protection p) {
    return p.chosen().stream().map(SensorSite::id).collect(Collectors.toSet());
  }

  static Map<String, Object> json(Protection p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", p.source());
    m.put("sites", p.siteCount());
    m.put("required", p.required());
    m.put("candidates", p.candidates());
    m.put("protected_model", p.protectedCount());
    m.put("protected_verified", p.verifiedCount());
    m.put("bound", p.bound());
    m.put("optimal", p.optimal());
    m.put("cost_eur", Math.round(p.cost_eur()));
    m.put("conflicts_avoided", p.conflictsAvoided());
    List<Map<String, Object>> chosen = new ArrayList<>();
    for (SensorSite s : p.chosen()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", s.id());
      x.put("type", s.type().id());
      x.put("name", s.name());
      x.put("cost_eur", Math.round(s.cost_eur()));
      x.put("upkeep_eur_per_year", Math.round(s.upkeep_eur_per_year()));
      chosen.add(x);
    }
    m.put("chosen", chosen);
    List<Map<String, Object>> sites = new ArrayList<>();
    for (SiteProtection sp : p.verified()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", sp.id());
      x.put("name", sp.name());
      x.put("detected_by", sp.detectedBy());
      x.put("defended_by", sp.defendedBy());
      x.put("protected", sp.isProtected());
      sites.add(x);
    }
    m.put("verified", sites);
    m.put("notes", p.notes());
    return m;
  }

  /** One sentence for the console and the report. */
  static String line(Protection p) {
    return String.format(
        Locale.ROOT,
        "Counter-drone: %d of %d named sites (%s) protected against small UAS, verified (%d"
            + " asked, %d at most within the money%s); %d EW and counter-drone sites bought for"
            + " EUR %,.0f (purchase and upkeep over the programme), %d jammer conflict(s) avoided.",
        p.verifiedCount(),
        p.siteCount(),
        p.source(),
        p.required(),
        p.bound(),
        p.optimal() ? ", proven" : "",
        p.chosen().size(),
        p.cost_eur(),
        p.conflictsAvoided());
  }

  static String html(Protection p) {
    StringBuilder h = new StringBuilder("<h3>Counter-drone protection of named sites</h3><p>");
    h.append(HtmlEscape.text(line(p))).append("</p>");
    if (!p.notes().isEmpty()) {
      h.append("<ul>");
      for (String n : p.notes()) {
        h.append("<li>").append(HtmlEscape.text(n)).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<table><thead><tr><th>Site</th><th>Detected by</th><th>Defended by</th>")
        .append("<th>Protected</th></tr></thead><tbody>");
    for (SiteProtection sp : p.verified()) {
      h.append("<tr><td>")
          .append(HtmlEscape.text(sp.name()))
          .append("</td><td>")
          .append(sp.detectedBy())
          .append("</td><td>")
          .append(sp.defendedBy())
          .append("</td><td>")
          .append(sp.isProtected() ? "yes" : "<b>no</b>")
          .append("</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  /** The named sites as points (WGS84) with their verified protection. */
  static void writeSites(Path file, Protection p, Crs crs) throws IOException {
    Map<String, SiteProtection> byId = new LinkedHashMap<>();
    for (SiteProtection sp : p.verified()) {
      byId.put(sp.id(), sp);
    }
    try (OutputStream out = Files.newOutputStream(file);
        GeoJsonWriter w =
            new GeoJsonWriter(new BufferedOutputStream(out), 6, Map.of("name", "protect"))) {
      for (SiteProtection.NamedPoint np : p.points()) {
        SiteProtection sp = byId.get(np.id());
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", np.name());
        x.put("detected_by", sp == null ? 0 : sp.detectedBy());
        x.put("defended_by", sp == null ? 0 : sp.defendedBy());
        x.put("protected", sp != null && sp.isProtected());
        w.feature(np.id(), crs.toWgs84(np.point_lks94()), x);
      }
    }
  }
}
