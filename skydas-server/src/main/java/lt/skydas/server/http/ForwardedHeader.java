package lt.skydas.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standard {@code Forwarded} header (RFC 7239): {@code
 * for=192.0.2.60;proto=https;host=a.example, for="[2001:db8::1]:4711"}. Read only from trusted
 * proxies (the callers check), as the {@code X-Forwarded-*} headers are when those are absent.
 * Quoted values are unquoted; a port or the brackets of an IPv6 {@code for} are dropped. Stateless.
 */
final class ForwardedHeader {
  private ForwardedHeader() {}

  /** One hop: who it was for, and the scheme and host the client asked for (nulls if absent). */
  record Hop(String forAddress, String proto, String host) {}

  static List<Hop> parse(String header) {
    List<Hop> out = new ArrayList<>();
    if (header == null) {
      return out;
    }
    for (String element : header.split(",")) {
      String forAddress = null, proto = null, host = null;
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String k = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String v = pair.substring(eq + 1).strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        switch (k) {
          case "for" -> forAddress = address(v);
          case "proto" -> proto = v.toLowerCase(Locale.ROOT);
          case "host" -> host = v;
          default -> {
            // by= and extensions are not used
          }
        }
      }
      out.add(new Hop(forAddress, proto, host));
    }
    return out;
  }

  /** The {@code for} addresses as an {@code X-Forwarded-For} list, or null if none. */
  static String asForwardedFor(String header) {
    List<String> fs = new ArrayList<>();
    for (Hop h : parse(header)) {
      fs.add(h.forAddress() == null ? "unknown" : h.forAddress());
    }
    return fs.isEmpty() ? null : String.join(", ", fs);
  }

  /** The first hop's proto (the client's scheme), or null. */
  static String proto(String header) {
    List<Hop> hs = parse(header);
    return hs.isEmpty() ? null : hs.get(0).proto();
  }

  /** The first hop's host (what the client asked for), or null. */
  static String host(String header) {
    List<Hop> hs = parse(header);
    return hs.isEmpty() ? null : hs.get(0).host();
  }

  private static String address(String v) {
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      return end > 0 ? v.substring(1, end) : v;
    }
    int colon = v.indexOf(':');
    // an IPv4 address with a port; an IPv6 literal without brackets has several colons
    return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
  }
}
