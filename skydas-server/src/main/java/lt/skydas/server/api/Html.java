package lt.skydas.server.api;

import java.util.List;
import java.util.Map;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.text.HtmlEscape;

/** The HTML encodings of the OGC API documents: plain, escaped, no scripts. */
final class Html {
  private Html() {}

  static String esc(Object o) {
    return HtmlEscape.text(o == null ? null : String.valueOf(o));
  }

  private static String head(String title) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>body{font-family:sans-serif;margin:1.5rem;max-width:70rem}"
        + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .5rem;"
        + "text-align:left;vertical-align:top}</style></head><body><h1>"
        + esc(title)
        + "</h1>";
  }

  static String document(String title, Map<String, Object> doc) {
    StringBuilder b = new StringBuilder(head(title));
    value(b, doc);
    return b.append("</body></html>").toString();
  }

  @SuppressWarnings("unchecked")
  private static void value(StringBuilder b, Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.containsKey("href") && m.containsKey("rel")) {
        b.append("<a href=\"")
            .append(esc(m.get("href")))
            .append("\">")
            .append(esc(m.containsKey("title") ? m.get("title") : m.get("rel")))
            .append("</a>");
        return;
      }
      b.append("<table>");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append("<tr><th>").append(esc(e.getKey())).append("</th><td>");
        value(b, e.getValue());
        b.append("</td></tr>");
      }
      b.append("</table>");
    } else if (v instanceof List<?> l) {
      b.append("<ul>");
      for (Object x : l) {
        b.append("<li>");
        value(b, x);
        b.append("</li>");
      }
      b.append("</ul>");
    } else {
      b.append(esc(v));
    }
  }

  static String items(
      String title, List<Map.Entry<String, Feature>> features, List<Map<String, Object>> links) {
    StringBuilder b = new StringBuilder(head(title));
    b.append("<p>");
    for (Map<String, Object> l : links) {
      value(b, l);
      b.append(" ");
    }
    b.append("</p><table><tr><th>id</th><th>geometry</th><th>properties</th></tr>");
    for (Map.Entry<String, Feature> f : features) {
      b.append("<tr><td>")
          .append(esc(f.getKey()))
          .append("</td><td>")
          .append(esc(f.getValue().geometry().getGeometryType()))
          .append("</td><td>");
      value(b, f.getValue().properties());
      b.append("</td></tr>");
    }
    return b.append("</table></body></html>").toString();
  }
}
