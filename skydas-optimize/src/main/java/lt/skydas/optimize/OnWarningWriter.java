package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.text.HtmlEscape;

/**
 * {@link OnWarning} as the {@code emplacement} member of {@code optimization.json}, a console line
 * and the report's "Emplacement at the planning warning" section. Stateless.
 */
final class OnWarningWriter {
  private OnWarningWriter() {}

  static Map<String, Object> json(OnWarning w, lt.skydas.core.geo.Crs crs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", w.enabled());
    if (!w.enabled()) {
      return m;
    }
    m.put("planning_warning_h", w.warning_h());
    m.put("warning_floor_h", w.floor_h());
    m.put("planning_warning_source", w.warningGiven() ? "given" : "floor");
    m.put("forces", w.forcesOrigin());
    m.put("on_warning_cost_eur", Math.round(w.onWarningCost_eur()));
    m.put("on_warning_share", Math.round(w.onWarningShare() * 10000) / 10000.0);
    List<Map<String, Object>> dropped = new ArrayList<>();
    for (EmplacementStep.Dropped d : w.dropped()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("type", d.type());
      x.put("count", d.count());
      x.put("reason", d.reason());
      dropped.add(x);
    }
    m.put("dropped", dropped);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OnWarning.RowUse r : w.rows()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", r.name());
      x.put("team_types", r.teamTypes());
      x.put("by_h", Math.round(r.threshold_h() * 100) / 100.0);
      x.put("used_min", r.used_min());
      x.put("limit_min", r.limit_min());
      x.put("binds", r.binds());
      rows.add(x);
    }
    m.put("capacity_rows", rows);
    List<Map<String, Object>> stock = new ArrayList<>();
    for (OnWarning.DepotStock s : w.stock()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("depot", s.depot());
      x.put("kind", s.kind());
      x.put("drawn", Math.round(s.drawn()));
      x.put("held", Math.round(s.held()));
      x.put("short", s.drawn() > s.held() + 1e-9);
      stock.add(x);
    }
    m.put("stock", stock);
    List<Map<String, Object>> storage = new ArrayList<>();
    for (OnWarning.StorageUse u : w.storage().kinds()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("kind", u.kind());
      x.put("stored", u.stored());
      x.put("standing_depots", u.standing());
      x.put("built_depots", u.built());
      x.put("binds", u.binds());
      storage.add(x);
    }
    m.put("storage", storage);
    if (!w.robust().isEmpty()) {
      List<Map<String, Object>> robust = new ArrayList<>();
      for (OnWarning.AtWarning a : w.robust()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("warning_h", a.warning_h());
        x.put("planning", a.planning());
        x.put("model_objective", Math.round(a.objective() * 1e6) / 1e6);
        x.put("model_empty_objective", Math.round(a.emptyObjective() * 1e6) / 1e6);
        robust.add(x);
      }
      m.put("robust_over_warnings", robust);
    }
    Map<String, Object> sites = new LinkedHashMap<>();
    sites.put("offered", w.storage().offered());
    sites.put("built_cost_eur", Math.round(w.storage().built_eur()));
    List<Map<String, Object>> built = new ArrayList<>();
    for (lt.skydas.emplace.Forces.DepotSite d : w.storage().built()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", d.id());
      x.put("name", d.name());
      org.locationtech.jts.geom.Coordinate c =
          crs.toWgs84(d.x(), d.y(), new org.locationtech.jts.geom.Coordinate());
      x.put("lon", Math.round(c.x * 1e6) / 1e6);
      x.put("lat", Math.round(c.y * 1e6) / 1e6);
      x.put("build_cost_eur", Math.round(d.build_eur()));
      x.put("capacity", new java.util.TreeMap<>(d.capacity()));
      built.add(x);
    }
    sites.put("built", built);
    m.put("depot_sites", sites);
    m.put("notes", w.notes());
    m.put("curve", WarningCurveWriter.json(w.curve()));
    if (w.check() != null) {
      m.put("verification", check(w.check()));
    }
    return m;
  }

  /** The storage rows and the depot sites built, as HTML (empty without storage rows). */
  private static String storageHtml(OnWarning.Storage st) {
    if (st.kinds().isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder();
    h.append("<p>Storage of the plan's stock (the model keeps it within the depots' room; a depot")
        .append(" site is built when its room is worth its cost):</p>")
        .append("<table><thead><tr><th>Stock</th><th>The plan's</th><th>Standing depots</th>")
        .append("<th>Depot sites built</th></tr></thead><tbody>");
    for (OnWarning.StorageUse u : st.kinds()) {
      h.append("<tr><td>")
          .append(HtmlEscape.text(u.kind()))
          .append(
              String.format(
                  Locale.ROOT,
                  "</td><td>%,d%s</td><td>%,d</td><td>%,d</td></tr>",
                  u.stored(),
                  u.binds() ? " (binds)" : "",
                  u.standing(),
                  u.built()));
    }
    h.append("</tbody></table>");
    if (st.built().isEmpty()) {
      h.append(
          String.format(
              Locale.ROOT,
              "<p>No depot site built (%d offered): the standing depots store the plan's stock.</p>",
              st.offered()));
    } else {
      h.append(
          String.format(
              Locale.ROOT,
              "<p>Depot sites built (%d of %d offered, EUR %,.0f):</p><ul>",
              st.built().size(),
              st.offered(),
              st.built_eur()));
      for (lt.skydas.emplace.Forces.DepotSite d : st.built()) {
        h.append("<li>")
            .append(HtmlEscape.text(d.name()))
            .append(" (")
            .append(HtmlEscape.text(d.id()))
            .append(String.format(Locale.ROOT, ", EUR %,.0f): stores ", d.build_eur()))
            .append(HtmlEscape.text(new java.util.TreeMap<>(d.capacity()).toString()))
            .append("</li>");
      }
      h.append("</ul>");
    }
    return h.toString();
  }

  private static Map<String, Object> check(EmplacementCheck.Result c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("warning_h", c.warning_h());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EmplacementCheck.ClassRow r : c.rows()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("class", r.vehicleClass());
      x.put("model_delay_h", round(r.model_h()));
      x.put("verified_delay_h", round(r.verified_h()));
      x.put("race_delay_h", round(r.race_h()));
      x.put("in_place", r.inPlace());
      x.put("on_warning", r.onWarning());
      rows.add(x);
    }
    m.put("classes", rows);
    m.put("binding", c.binding());
    m.put("run_s", round(c.run_s()));
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** One sentence for the console and the report. */
  static String line(OnWarning w) {
    if (!w.enabled()) {
      return "Emplacement not modelled (--no-emplacement): every obstacle type counts in full.";
    }
    long binding = w.rows().stream().filter(OnWarning.RowUse::binds).count();
    return String.format(
            Locale.ROOT,
            "Planned at %.1f h of warning (%s): %.1f %% of the obstacle money (EUR %,.0f) on obstacles"
                + " put in place on warning; %d on-warning options left out (the forces cannot put"
                + " them in place before the attacker comes); %d of %d engineer capacity rows bind.",
            w.warning_h(),
            w.warningGiven() ? "given" : "the floor",
            100 * w.onWarningShare(),
            w.onWarningCost_eur(),
            w.droppedCount(),
            binding,
            w.rows().size())
        + robustLine(w.robust())
        + depotLine(w.storage())
        + (w.curve().isEmpty() ? "" : " " + WarningCurveWriter.line(w.curve()))
        + (w.check() == null ? "" : " " + checkLine(w.check()));
  }

  /** The objective at each warning planned for, in one sentence (empty for one warning). */
  static String robustLine(List<OnWarning.AtWarning> robust) {
    if (robust.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (OnWarning.AtWarning a : robust) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s h %.4f (+%.2f %%)",
              new java.text.DecimalFormat("0.##").format(a.warning_h()),
              a.objective(),
              a.emptyObjective() > 0
                  ? 100 * (a.objective() - a.emptyObjective()) / a.emptyObjective()
                  : 0));
    }
    return " Planned for the mean over warnings of "
        + String.join(", ", parts)
        + " (model objective, delay against the empty plan).";
  }

  /** The depot sites built, in one sentence (empty when the forces offer none). */
  static String depotLine(OnWarning.Storage st) {
    if (st.offered() == 0) {
      return "";
    }
    if (st.built().isEmpty()) {
      return String.format(
          Locale.ROOT,
          " No depot site built (%d offered): the standing depots store the plan's stock.",
          st.offered());
    }
    return String.format(
        Locale.ROOT,
        " Depot sites built for the plan's stock: %s (EUR %,.0f).",
        String.join(", ", st.built().stream().map(lt.skydas.emplace.Forces.DepotSite::id).toList()),
        st.built_eur());
  }

  /** The race beside the model, per class, in one sentence. */
  static String checkLine(EmplacementCheck.Result c) {
    List<String> parts = new ArrayList<>();
    for (EmplacementCheck.ClassRow r : c.rows()) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %+.2f h (model %+.2f h, all in place %+.2f h; %d of %d in place)",
              r.vehicleClass(),
              r.race_h(),
              r.model_h(),
              r.verified_h(),
              r.inPlace(),
              r.onWarning()));
    }
    return String.format(
        Locale.ROOT,
        "The timeline and the race on the plan at %.1f h (worst season, nearest objective): %s.",
        c.warning_h(),
        String.join("; ", parts));
  }

  static String html(OnWarning w) {
    StringBuilder h = new StringBuilder("<h3>Emplacement at the planning warning</h3><p>");
    h.append(HtmlEscape.text(line(w)));
    if (!w.enabled()) {
      return h.append("</p>").toString();
    }
    h.append(" Forces: ")
        .append(HtmlEscape.text(w.forcesOrigin()))
        .append(
            ". Capacity rows count work alone, travel left out: the model is optimistic on team"
                + " capacity; <code>skydas emplace</code> on the plan gives the timeline.</p>");
    if (!w.dropped().isEmpty()) {
      h.append("<table><thead><tr><th>Type left out</th><th>Options</th><th>Why (nearest to in")
          .append(" time)</th></tr></thead><tbody>");
      for (EmplacementStep.Dropped d : w.dropped()) {
        h.append("<tr><td>")
            .append(HtmlEscape.text(d.type()))
            .append("</td><td>")
            .append(d.count())
            .append("</td><td>")
            .append(HtmlEscape.text(d.reason()))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append(storageHtml(w.storage()));
    h.append("<table><thead><tr><th>Depot</th><th>Stock</th><th>Drawn by the plan (each")
        .append(" obstacle from the depot of its earliest finish)</th><th>Stores</th></tr></thead>")
        .append("<tbody>");
    for (OnWarning.DepotStock s : w.stock()) {
      if (s.drawn() <= 0) {
        continue;
      }
      h.append("<tr><td>")
          .append(HtmlEscape.text(s.depot()))
          .append("</td><td>")
          .append(HtmlEscape.text(s.kind()))
          .append(String.format(Locale.ROOT, "</td><td>%,.0f</td><td>%,.0f", s.drawn(), s.held()))
          .append(
              s.drawn() > s.held()
                  ? String.format(
                      Locale.ROOT,
                      " (%,.0f over: stored at other depots, where the timeline loads it)",
                      s.drawn() - s.held())
                  : "")
          .append("</td></tr>");
    }
    h.append(
            "</tbody></table><p>The plan buys its stock with its obstacles (an option's cost includes")
        .append(
            " the catalog's stock cost) and keeps it in the depots: a depot's figure is what it"
                + " stores.</p>");
    h.append(WarningCurveWriter.html(w.curve(), w.warning_h()));
    if (w.check() != null) {
      h.append(
              String.format(
                  Locale.ROOT,
                  "<p>The timeline and the race on the final plan at %.1f h of warning (<code>skydas"
                      + " emplace</code>), delay toward the nearest objective, worst season:</p>",
                  w.check().warning_h()))
          .append("<table><thead><tr><th>Class</th><th>Model (h)</th><th>Full model, all in")
          .append(" place (h)</th><th>Race (h)</th><th>On-warning in place</th></tr></thead>")
          .append("<tbody>");
      for (EmplacementCheck.ClassRow r : w.check().rows()) {
        h.append("<tr><td>")
            .append(HtmlEscape.text(r.vehicleClass()))
            .append(
                String.format(
                    Locale.ROOT,
                    "</td><td>%+.2f</td><td>%+.2f</td><td>%+.2f</td><td>%d of %d</td></tr>",
                    r.model_h(),
                    r.verified_h(),
                    r.race_h(),
                    r.inPlace(),
                    r.onWarning()));
      }
      h.append("</tbody></table><ul>");
      for (String b : w.check().binding()) {
        h.append("<li>").append(HtmlEscape.text(b)).append("</li>");
      }
      h.append("</ul>");
    }
    return h.toString();
  }
}
