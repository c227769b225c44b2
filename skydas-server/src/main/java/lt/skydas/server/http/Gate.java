package lt.skydas.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.Principal;

/**
 * What every request passes before its handler: the security headers and the body-size limit
 * ({@link #headers}), then, per route, the session (cookie or bearer token), the role the route
 * needs and, for unsafe methods, the Origin and the CSRF token. The caller is then available to the
 * handler as {@link Requests#principal}. Thread-safe.
 */
public final class Gate {
  /** The session cookie's name. */
  public static final String SESSION_COOKIE = "skydas_session";

  /** The header carrying the CSRF token on unsafe requests with a cookie session. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final String PRINCIPAL = "skydas.principal";

  private final Accounts accounts;
  private final lt.skydas.server.auth.ApiTokens tokens;
  private final long maxBody_bytes;

  private final ClientAddress forwarded;

  public Gate(Accounts accounts, long maxBody_bytes) {
    this(accounts, maxBody_bytes, new ClientAddress(java.util.Set.of()));
  }

  /**
   * @param forwarded what trusted proxies say about the client (scheme, host)
   */
  public Gate(Accounts accounts, long maxBody_bytes, ClientAddress forwarded) {
    this.forwarded = forwarded;
    this.accounts = accounts;
    this.tokens = accounts.tokens();
    this.maxBody_bytes = maxBody_bytes;
  }

  /** The route's handler behind the access checks. */
  Handler guard(RouteSpec spec, Handler h) {
    return ctx -> {
      Principal p = authenticate(ctx).orElse(null);
      if (p != null && p.readOnly() && spec.unsafe()) {
        throw new SkydasProblem(
            ProblemCode.FORBIDDEN,
            "a read-only API token may not "
                + spec.summary().toLowerCase(Locale.ROOT)
                + "; log in as a user to change anything");
      }
      if (spec.access().login()) {
        checkRole(spec, p);
      }
      if (spec.unsafe()) {
        checkOrigin(ctx);
        if (p != null && p.viaCookie() && !Accounts.same(ctx.header(CSRF_HEADER), p.csrf())) {
          throw new SkydasProblem(
              ProblemCode.FORBIDDEN,
              "missing or wrong " + CSRF_HEADER + " header (it comes with the login response)");
        }
      }
      ctx.attribute(PRINCIPAL, p);
      h.handle(ctx);
    };
  }

  private static void checkRole(RouteSpec spec, Principal p) {
    if (p == null) {
      throw new SkydasProblem(
          ProblemCode.UNAUTHENTICATED,
          "log in first: " + spec.method() + " " + spec.path() + " needs a session");
    }
    if (!spec.access().allows(p.role())) {
      throw new SkydasProblem(
          ProblemCode.FORBIDDEN,
          "role "
              + p.role().id()
              + " may not: "
              + spec.summary().toLowerCase(Locale.ROOT)
              + " (needs "
              + spec.access().describe()
              + ")");
    }
  }

  /** The session token the request carries (bearer header first, then the cookie), or null. */
  public static String sessionToken(Context ctx) {
    String bearer = bearer(ctx);
    return bearer != null ? bearer : ctx.cookie(SESSION_COOKIE);
  }

  private static String bearer(Context ctx) {
    String auth = ctx.header("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
        ? auth.substring(7).strip()
        : null;
  }

  private Optional<Principal> authenticate(Context ctx) {
    String bearer = bearer(ctx);
    if (bearer != null) {
      return bearer.startsWith(lt.skydas.server.auth.ApiTokens.PREFIX)
          ? tokens.principal(bearer)
          : accounts.session(bearer, false);
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    return cookie == null ? Optional.empty() : accounts.session(cookie, true);
  }

  /** Unsafe requests from a browser must come from this origin (a second CSRF defence). */
  private void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    String host = forwarded.host(ctx);
    try {
      URI o = URI.create(origin);
      String oh = o.getHost() + (o.getPort() >= 0 ? ":" + o.getPort() : "");
      if (host != null && oh.equalsIgnoreCase(host)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // fall through: an unparseable Origin is refused
    }
    throw new SkydasProblem(
        ProblemCode.FORBIDDEN, "cross-origin request refused (Origin " + origin + ")");
  }

  /** Security headers on every response, and 413 for a declared body over the limit. */
  public void headers(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    if (forwarded.secure(ctx)) {
      // served over HTTPS (here or by a trusted proxy): browsers keep to HTTPS for a year
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    if (ctx.path().startsWith("/api") || ctx.path().startsWith("/ogc")) {
      // registry data and job results are not for shared caches (issue 18, finding 9)
      ctx.header("Cache-Control", "no-store");
    }
    String len = ctx.header("Content-Length");
    if (len != null) {
      try {
        if (Long.parseLong(len.strip()) > maxBody_bytes) {
          throw new SkydasProblem(
              ProblemCode.TOO_LARGE,
              "request body of "
                  + len.strip()
                  + " bytes is over the limit of "
                  + maxBody_bytes
                  + " bytes",
              Map.of("limit_bytes", maxBody_bytes));
        }
      } catch (NumberFormatException e) {
        throw new SkydasProblem(ProblemCode.USAGE, "bad Content-Length header");
      }
    }
  }
}
