package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.PolicyFile;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.StoredPolicy;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;

/**
 * The humanitarian policy the registry owns (docs/policy.md): {@code GET /api/policy} (any user:
 * the policy in force, its version and why), {@code GET /api/policy/history}, and {@code PUT
 * /api/policy} (admin: {@code {"policy": {…}, "reason": "…"}}; a refused change is a problem naming
 * the member and leaves the old policy in force).
 */
public final class PolicyApi {
  private final Registry registry;
  private final Requests requests;
  private final Responses responses;

  public PolicyApi(Registry registry, Requests requests, Responses responses) {
    this.registry = registry;
    this.requests = requests;
    this.responses = responses;
  }

  /** Declares the policy routes. */
  public void routes(RouteTable s) {
    s.add(
        HandlerType.GET,
        "/api/policy",
        Access.ANY_USER,
        "policy",
        "The humanitarian policy in force",
        this::current);
    s.add(
        HandlerType.GET,
        "/api/policy/history",
        Access.ANY_USER,
        "policy",
        "Every version of the humanitarian policy",
        this::history);
    s.add(
        HandlerType.PUT,
        "/api/policy",
        Access.roles(Role.ADMIN),
        "policy",
        "Set a new version of the humanitarian policy (admin, with a reason)",
        this::set);
  }

  private void current(Context ctx) {
    responses.json(
        ctx, 200, view(registry.policy().current(), registry.policy().stored().orElse(null)));
  }

  private void history(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoredPolicy s : registry.policy().history()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", s.version());
      m.put("set_at", s.setAt().toString());
      m.put("set_by", s.setBy());
      m.put("reason", s.reason());
      out.add(m);
    }
    responses.json(ctx, 200, Map.of("versions", out));
  }

  private void set(Context ctx) {
    JsonNode b = requests.json(ctx, 1 << 20);
    JsonNode policy = b.get("policy");
    if (policy == null || !policy.isObject()) {
      throw Requests.invalid("policy", "give the policy as an object (docs/policy.md)");
    }
    String reason = Requests.text(b, "reason", true);
    StoredPolicy s =
        registry.policy().set(Requests.principal(ctx).actor(), policy, reason, "policy");
    responses.json(ctx, 200, view(registry.policy().current(), s));
  }

  private Map<String, Object> view(PlanPolicy p, StoredPolicy s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", responses.mapper().convertValue(PolicyFile.toJson(p), Map.class));
    m.put("summary", p.summary());
    m.put("version", s == null ? 0 : s.version());
    m.put("set_at", s == null ? null : s.setAt().toString());
    m.put("set_by", s == null ? null : s.setBy());
    m.put("reason", s == null ? null : s.reason());
    m.put("buffer_floor_m", PlanPolicy.BUFFER_FLOOR_M);
    return m;
  }
}
