package lt.skydas.core.text;

/** Escaping of untrusted text for HTML pages (the reports and the server's OGC API pages). */
public final class HtmlEscape {
  private HtmlEscape() {}

  /**
   * Escapes {@code s} for HTML element content and quoted attribute values: {@code < > & " '}
   * become entities; null becomes the empty string.
   */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
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
