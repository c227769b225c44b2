package lt.skydas.server.http;

import io.javalin.http.Context;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client's address as login throttling sees it. {@code X-Forwarded-For} (or the standard {@code
 * Forwarded}'s {@code for}, RFC 7239) is believed only from a configured proxy: then the client is
 * the rightmost address in it that is not itself a trusted proxy (the entries left of it were
 * written by the client and prove nothing). Without trusted proxies, the connection's peer.
 * Immutable; thread-safe.
 */
public final class ClientAddress {
  /** IPv4 or IPv6 literals only (anything else in the header is ignored). */
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final Set<String> trustedProxies;

  /**
   * @param trustedProxies peer addresses whose {@code X-Forwarded-For} is believed
   */
  public ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /**
   * Whether the client reached us over HTTPS: served by TLS here, or a trusted proxy says so in
   * {@code X-Forwarded-Proto}. Then the session cookie is {@code Secure} and HSTS is sent.
   */
  public boolean secure(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) {
      return true;
    }
    String proto = ctx.header("X-Forwarded-Proto");
    if (proto == null) {
      proto = ForwardedHeader.proto(ctx.header("Forwarded"));
    }
    return proto != null
        && trustedProxies.contains(ctx.req().getRemoteAddr())
        && proto.split(",")[0].strip().equalsIgnoreCase("https");
  }

  /** The host the client asked for: a trusted proxy's {@code X-Forwarded-Host}, else Host. */
  public String host(Context ctx) {
    String fh = ctx.header("X-Forwarded-Host");
    if (fh == null) {
      fh = ForwardedHeader.host(ctx.header("Forwarded"));
    }
    if (fh != null && trustedProxies.contains(ctx.req().getRemoteAddr())) {
      return fh.split(",")[0].strip();
    }
    return ctx.header("Host");
  }

  /** The client address of a request. */
  public String of(Context ctx) {
    String xff = ctx.header("X-Forwarded-For");
    return of(
        ctx.req().getRemoteAddr(),
        xff != null ? xff : ForwardedHeader.asForwardedFor(ctx.header("Forwarded")));
  }

  /** The client address given the connection's peer and its {@code X-Forwarded-For} (nullable). */
  public String of(String peer, String forwardedFor) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String h = hops[i].strip();
      if (!LITERAL.matcher(h).matches()) {
        return peer; // a hop we cannot read: do not guess past it
      }
      if (!trustedProxies.contains(h)) {
        return h;
      }
    }
    return peer;
  }
}
