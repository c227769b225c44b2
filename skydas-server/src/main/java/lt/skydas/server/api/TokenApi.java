package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.registry.Role;
import lt.skydas.server.auth.ApiTokens;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;

/**
 * API tokens for GIS clients (admin): issue ({@code POST /api/tokens} with a name and days; the
 * secret is in this response only), list, revoke. The bearer of a token reads as a viewer and may
 * change nothing.
 */
public final class TokenApi {
  static final int DEFAULT_DAYS = 90;

  private final ApiTokens tokens;
  private final Requests requests;
  private final Responses responses;

  public TokenApi(ApiTokens tokens, Requests requests, Responses responses) {
    this.tokens = tokens;
    this.requests = requests;
    this.responses = responses;
  }

  /** Declares the routes. */
  public void routes(RouteTable s) {
    Access admin = Access.roles(Role.ADMIN);
    s.add(HandlerType.GET, "/api/tokens", admin, "users", "List API tokens", this::list);
    s.add(
        HandlerType.POST,
        "/api/tokens",
        admin,
        "users",
        "Issue a read-only API token for a GIS client",
        this::issue);
    s.add(
        HandlerType.DELETE,
        "/api/tokens/{id}",
        admin,
        "users",
        "Revoke an API token",
        this::revoke);
  }

  private void list(Context ctx) {
    java.time.Instant now = java.time.Instant.now();
    List<Map<String, Object>> out = tokens.list().stream().map(t -> json(t, now)).toList();
    responses.json(ctx, 200, Map.of("tokens", out));
  }

  private void issue(Context ctx) {
    JsonNode b = requests.json(ctx);
    for (var it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("name") && !f.equals("days")) {
        throw Requests.invalid(f, "unknown field '" + Requests.clip(f) + "' (name, days)");
      }
    }
    String name = Requests.text(b, "name", true);
    int days = DEFAULT_DAYS;
    if (b.hasNonNull("days")) {
      JsonNode d = b.get("days");
      if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1 || d.asInt() > 366) {
        throw Requests.invalid("days", "days must be a whole number from 1 to 366");
      }
      days = d.asInt();
    }
    ApiTokens.Issued i = tokens.issue(Requests.principal(ctx).actor(), name, Duration.ofDays(days));
    Map<String, Object> m = json(i.token(), java.time.Instant.now());
    m.put("token", i.secret());
    m.put("note", "shown once: give it to the GIS client as the header Authorization: Bearer …");
    responses.json(ctx, 201, m);
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("tok-[0-9a-f]{12}")) {
      throw Requests.invalid("id", "'" + Requests.clip(id) + "' is not a token id");
    }
    responses.json(
        ctx,
        200,
        json(tokens.revoke(Requests.principal(ctx).actor(), id), java.time.Instant.now()));
  }

  private static Map<String, Object> json(ApiTokens.Token t, java.time.Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("scope", t.scope());
    m.put("created_by", t.createdBy());
    m.put("created_at", t.createdAt().toString());
    m.put("expires_at", t.expiresAt().toString());
    m.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
    m.put("live", t.live(now));
    return m;
  }
}
