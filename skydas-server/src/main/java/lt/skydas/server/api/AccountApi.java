package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Role;
import lt.skydas.server.Access;
import lt.skydas.server.ServerConfig;
import lt.skydas.server.SkydasServer;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.LoginThrottle;
import lt.skydas.server.auth.Principal;

/** Login, logout, who am I, and user management (admin). */
public final class AccountApi {
  private final SkydasServer s;
  private final Accounts accounts;
  private final LoginThrottle throttle;
  private final ServerConfig config;

  public AccountApi(SkydasServer s, Accounts accounts, LoginThrottle throttle, ServerConfig c) {
    this.s = s;
    this.accounts = accounts;
    this.throttle = throttle;
    this.config = c;
  }

  public void register() {
    s.route(HandlerType.POST, "/api/login", Access.PUBLIC, "auth", "Log in", this::login);
    s.route(HandlerType.POST, "/api/logout", Access.ANY_USER, "auth", "Log out", this::logout);
    s.route(HandlerType.GET, "/api/me", Access.ANY_USER, "auth", "Who is logged in", this::me);
    s.route(
        HandlerType.GET,
        "/api/users",
        Access.roles(Role.ADMIN),
        "users",
        "List users",
        ctx -> s.send(ctx, 200, Map.of("users", accounts.list())));
    s.route(
        HandlerType.POST,
        "/api/users",
        Access.roles(Role.ADMIN),
        "users",
        "Create a user",
        this::createUser);
    s.route(
        HandlerType.POST,
        "/api/users/{name}/disable",
        Access.roles(Role.ADMIN),
        "users",
        "Disable a user",
        ctx -> setDisabled(ctx, true));
    s.route(
        HandlerType.POST,
        "/api/users/{name}/enable",
        Access.roles(Role.ADMIN),
        "users",
        "Enable a user",
        ctx -> setDisabled(ctx, false));
  }

  private void login(Context ctx) {
    JsonNode b = Bodies.json(ctx, s.json(), 16 * 1024);
    String user = Bodies.text(b, "username", true).strip();
    String pass = Bodies.text(b, "password", true);
    String ip = ctx.ip();
    long wait = throttle.waitSeconds(user, ip);
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw new SkydasProblem(
          ProblemCode.TOO_MANY_REQUESTS,
          "too many failed logins; try again in " + wait + " s",
          Map.of("retry_after_s", wait));
    }
    Accounts.Session session = accounts.login(user, pass).orElse(null);
    if (session == null) {
      throttle.failed(user, ip);
      throw new SkydasProblem(ProblemCode.UNAUTHENTICATED, "wrong user name or password");
    }
    throttle.succeeded(user);
    long maxAge = Duration.between(Instant.now(), session.expiresAt()).toSeconds();
    ctx.header(
        "Set-Cookie",
        SkydasServer.SESSION_COOKIE
            + "="
            + session.token()
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + Math.max(0, maxAge)
            + (config.secureCookies() ? "; Secure" : ""));
    Map<String, Object> out = me(session.principal());
    out.put("csrf_token", session.csrf());
    out.put("token", session.token());
    out.put("expires_at", session.expiresAt().toString());
    s.send(ctx, 200, out);
  }

  private void logout(Context ctx) {
    String auth = ctx.header("Authorization");
    accounts.logout(
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).strip()
            : ctx.cookie(SkydasServer.SESSION_COOKIE));
    ctx.header(
        "Set-Cookie",
        SkydasServer.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.status(204);
  }

  private void me(Context ctx) {
    Principal p = SkydasServer.principal(ctx);
    Map<String, Object> out = me(p);
    out.put("csrf_token", p.csrf());
    s.send(ctx, 200, out);
  }

  private static Map<String, Object> me(Principal p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", p.username());
    out.put("role", p.role().id());
    out.put("may", List.of(Role.values()).contains(p.role()) ? capabilities(p.role()) : List.of());
    return out;
  }

  /** What the UI should offer this role (the server checks again on every call). */
  static List<String> capabilities(Role r) {
    return switch (r) {
      case VIEWER -> List.of("read");
      case PLANNER -> List.of("read", "plan", "run-jobs");
      case ENGINEER -> List.of("read", "build", "record-activities");
      case INSPECTOR -> List.of("read", "inspect", "record-activities");
      case ADMIN -> List.of("read", "plan", "run-jobs", "approve", "manage-users");
    };
  }

  private void createUser(Context ctx) {
    JsonNode b = Bodies.json(ctx, s.json(), 16 * 1024);
    Role role = Role.parse(Bodies.text(b, "role", true));
    Accounts.User u =
        accounts.create(Bodies.text(b, "username", true), Bodies.text(b, "password", true), role);
    s.send(ctx, 201, u);
  }

  private void setDisabled(Context ctx, boolean disabled) {
    String name = ctx.pathParam("name");
    if (disabled && name.equals(SkydasServer.principal(ctx).username())) {
      throw new SkydasProblem(ProblemCode.CONFLICT, "you cannot disable your own account");
    }
    accounts.setDisabled(name, disabled);
    ctx.status(204);
  }
}
