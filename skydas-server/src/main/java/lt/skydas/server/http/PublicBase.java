package lt.skydas.server.http;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scheme, host and port that links in responses (OGC API {@code self}, {@code next},
 * collections) start with, never taken blindly from the request (issue 18, finding 9: {@code Host:
 * evil.example} was echoed into every link). In order:
 *
 * <ol>
 *   <li>the configured public URL ({@code serve --public-url}), when given;
 *   <li>from a trusted proxy, its {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}, or the
 *       {@code proto} and {@code host} of the standard {@code Forwarded} header (RFC 7239);
 *   <li>the request's {@code Host} if it names this server: a loopback name or address, the bound
 *       address, or the public URL's host;
 *   <li>otherwise the address and port the connection came in on, which the client cannot choose.
 * </ol>
 *
 * Immutable; thread-safe.
 */
public final class PublicBase {
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?");

  private final String publicUrl;
  private final Set<String> ownNames;
  private final Set<String> trustedProxies;

  /**
   * @param publicUrl the public URL (scheme, host, optional port; null: none)
   * @param boundHost the address the server binds
   * @param trustedProxies peers whose {@code X-Forwarded-*} headers are believed
   */
  public PublicBase(URI publicUrl, String boundHost, Set<String> trustedProxies) {
    this.publicUrl = publicUrl == null ? null : strip(publicUrl.toString());
    java.util.HashSet<String> names =
        new java.util.HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    if (boundHost != null && !boundHost.equals("0.0.0.0") && !boundHost.equals("::")) {
      names.add(
          boundHost.contains(":") ? "[" + boundHost + "]" : boundHost.toLowerCase(Locale.ROOT));
    }
    if (publicUrl != null && publicUrl.getHost() != null) {
      names.add(publicUrl.getHost().toLowerCase(Locale.ROOT));
    }
    this.ownNames = Set.copyOf(names);
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  private static String strip(String u) {
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** The base of links in the answer to this request, without a trailing slash. */
  public String of(Context ctx) {
    String fp = ctx.header("X-Forwarded-Proto");
    String fh = ctx.header("X-Forwarded-Host");
    if (fh == null) {
      // the standard Forwarded header (RFC 7239) when the X- ones are absent
      fh = ForwardedHeader.host(ctx.header("Forwarded"));
      fp = ForwardedHeader.proto(ctx.header("Forwarded"));
    }
    return of(
        ctx.scheme(),
        ctx.header("Host"),
        ctx.req().getRemoteAddr(),
        fp,
        fh,
        ctx.req().getLocalAddr(),
        ctx.req().getLocalPort());
  }

  /** As {@link #of(Context)}, from the request's parts. */
  public String of(
      String scheme,
      String host,
      String peer,
      String forwardedProto,
      String forwardedHost,
      String localAddr,
      int localPort) {
    if (publicUrl != null) {
      return publicUrl;
    }
    if (trustedProxies.contains(peer) && forwardedHost != null) {
      String h = forwardedHost.split(",")[0].strip();
      String p = forwardedProto == null ? "" : forwardedProto.split(",")[0].strip();
      if (HOST.matcher(h).matches() && (p.equals("http") || p.equals("https"))) {
        return p + "://" + h;
      }
    }
    if (host != null && HOST.matcher(host).matches()) {
      String name = host.replaceFirst(":[0-9]{1,5}$", "").toLowerCase(Locale.ROOT);
      if (ownNames.contains(name) || name.startsWith("127.")) {
        return scheme + "://" + host;
      }
    }
    String a = localAddr.contains(":") ? "[" + localAddr + "]" : localAddr;
    return scheme + "://" + a + ":" + localPort;
  }
}
