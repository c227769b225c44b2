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
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.LoginThrottle;
import lt.skydas.server.auth.Principal;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Gate;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;

/** Login, logout, who am I, and user management (admin). */
public final class AccountApi {
  private final Accounts accounts;
  private final LoginThrottle throttle;
  private final lt.skydas.server.http.ClientAddress clientAddress;
  private final boolean secureCookies;
  private final Requests requests;
  private final Responses responses;

  /**
   * @param secureCookies mark the session cookie {@code Secure} (behind HTTPS)
   * @param clientAddress who the client is, behind trusted proxies
   */
  public AccountApi(
      Accounts accounts,
      LoginThrottle throttle,
      lt.skydas.server.http.ClientAddress clientAddress,
      boolean secureCookies,
      Requests requests,
      Responses responses) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.clientAddress = clientAddress;
    this.secureCookies = secureCookies;
    this.requests = requests;
    this.responses = responses;
  }

  /** Declares the routes of sessions and users. */
  public void routes(RouteTable s) {
    s.add(HandlerType.POST, "/api/login", Access.PUBLIC, "auth", "Log in", this::login);
    s.add(HandlerType.POST, "/api/logout", Access.ANY_USER, "auth", "Log out", this::logout);
    s.add(HandlerType.GET, "/api/me", Access.ANY_USER, "auth", "Who is logged in", this::me);
    s.add(
        HandlerType.GET,
        "/api/users",
        Access.roles(Role.ADMIN),
        "users",
        "List users",
        ctx -> responses.json(ctx, 200, Map.of("users", accounts.list())));
    s.add(
        HandlerType.POST,
        "/api/users",
        Access.roles(Role.ADMIN),
        "users",
        "Create a user",
        this::createUser);
    s.add(
        HandlerType.POST,
        "/api/users/{name}/disable",
        Access.roles(Role.ADMIN),
        "users",
        "Disable a user",
        ctx -> setDisabled(ctx, true));
    s.add(
        HandlerType.POST,
        "/api/users/{name}/enable",
        Access.roles(Role.ADMIN),
        "users",
        "Enable a user",
        ctx -> setDisabled(ctx, false));
  }

  private void login(Context ctx) {
    JsonNode b = requests.json(ctx, 16 * 1024);
    String user = Requests.text(b, "username", true).strip();
    String pass = Requests.text(b, "password", true);
    String ip = clientAddress.of(ctx);
    Accounts.Session session;
    // counted before the password is checked: parallel guesses cannot pass the count
    try (LoginThrottle.Attempt attempt = throttle.begin(user, ip)) {
      if (!attempt.allowed()) {
        long wait = attempt.waitSeconds();
        ctx.header("Retry-After", Long.toString(wait));
        throw new SkydasProblem(
            ProblemCode.TOO_MANY_REQUESTS,
            "too many failed logins; try again in " + wait + " s",
            Map.of("retry_after_s", wait));
      }
      session = accounts.login(user, pass).orElse(null);
      if (session == null) {
        attempt.failed();
        throw new SkydasProblem(ProblemCode.UNAUTHENTICATED, "wrong user name or password");
      }
      attempt.succeeded();
    }
    long maxAge = Duration.between(Instant.now(), session.expiresAt()).toSeconds();
    ctx.header(
        "Set-Cookie",
        Gate.SESSION_COOKIE
            + "="
            + session.token()
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + Math.max(0, maxAge)
            + (secureCookies || clientAddress.secure(ctx) ? "; Secure" : ""));
    Map<String, Object> out = me(session.principal());
    out.put("csrf_token", session.csrf());
    out.put("token", session.token());
    out.put("expires_at", session.expiresAt().toString());
    responses.json(ctx, 200, out);
  }

  private void logout(Context ctx) {
    accounts.logout(Gate.sessionToken(ctx));
    ctx.header(
        "Set-Cookie", Gate.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.status(204);
  }

  private void me(Context ctx) {
    Principal p = Requests.principal(ctx);
    Map<String, Object> out = me(p);
    out.put("csrf_token", p.csrf());
    responses.json(ctx, 200, out);
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
    JsonNode b = requests.json(ctx, 16 * 1024);
    Role role = Role.parse(Requests.text(b, "role", true));
    Accounts.User u =
        accounts.create(
            Requests.principal(ctx).actor(),
            Requests.text(b, "username", true),
            Requests.text(b, "password", true),
            role);
    responses.json(ctx, 201, u);
  }

  private void setDisabled(Context ctx, boolean disabled) {
    String name = ctx.pathParam("name");
    if (disabled && name.equals(Requests.principal(ctx).username())) {
      throw new SkydasProblem(ProblemCode.CONFLICT, "you cannot disable your own account");
    }
    accounts.setDisabled(Requests.principal(ctx).actor(), name, disabled);
    ctx.status(204);
  }
}
