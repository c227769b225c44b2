package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import lt.skydas.registry.Actor;
import lt.skydas.registry.Role;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: API tokens an admin issues for a GIS client: named, read-only, revocable, expiring,
 * their rows authenticated, every issue and revocation in the audit chain.
 */
class ApiTokenTest {
  static TestServer ts;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  private static TestServer.Client withToken(String secret) {
    return new TestServer.Client(ts, null, null, secret);
  }

  @Test
  void anAdminIssuesAReadOnlyTokenAndRevokesIt() {
    TestServer.Client admin = ts.as(Role.ADMIN);
    assertThat(ts.as(Role.PLANNER).send("POST", "/api/tokens", "{\"name\": \"qgis\"}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> made =
        admin.send("POST", "/api/tokens", "{\"name\": \"QGIS štabas\", \"days\": 30}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode t = admin.json(made);
    String secret = t.get("token").asText();
    assertThat(secret).startsWith("skt_").hasSize(47);
    assertThat(t.get("scope").asText()).isEqualTo("read");
    assertThat(Instant.parse(t.get("expires_at").asText()))
        .isBetween(
            Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

    TestServer.Client gis = withToken(secret);
    assertThat(gis.get("/ogc/collections/obstacles/items").statusCode()).isEqualTo(200);
    assertThat(gis.json(gis.get("/api/me")).get("role").asText()).isEqualTo("viewer");
    HttpResponse<String> write =
        gis.send(
            "POST",
            "/api/records",
            "{\"type\": \"Feature\", \"properties\": {\"type\": \"bunker\"}, \"geometry\":"
                + " {\"type\": \"Point\", \"coordinates\": [24.9, 54.3]}}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.body()).contains("a read-only API token may not");
    assertThat(gis.get("/api/tokens").statusCode()).isEqualTo(403);
    // even what any user may do, when it changes state (here: ending a session)
    assertThat(gis.send("POST", "/api/logout", "{}").body())
        .contains("a read-only API token may not");

    JsonNode list = admin.json(admin.get("/api/tokens"));
    assertThat(list.toString()).contains("QGIS štabas").doesNotContain(secret);
    String id = t.get("id").asText();
    HttpResponse<String> revoked = admin.send("DELETE", "/api/tokens/" + id, null);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(admin.json(revoked).get("live").asBoolean()).isFalse();
    HttpResponse<String> after = gis.get("/ogc/collections/obstacles/items");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"skydas\"");

    assertThat(ts.registry.history("api-token:" + id))
        .extracting(e -> e.action())
        .containsExactly("issue", "revoke");
    assertThat(ts.registry.verify().problems())
        .as("this token's rows and events agree")
        .noneMatch(p -> p.contains(id));
  }

  @Test
  void aTokenExpiresAndARowChangedOutsideSkydasIsRefused() {
    byte[] key = new byte[32];
    Instant t0 = Instant.parse("2027-01-01T00:00:00Z");
    Accounts day0 =
        new Accounts(
            ts.registry.store(), Clock.fixed(t0, ZoneOffset.UTC), Duration.ofHours(1), key);
    Accounts day2 =
        new Accounts(
            ts.registry.store(),
            Clock.fixed(t0.plus(Duration.ofDays(2)), ZoneOffset.UTC),
            Duration.ofHours(1),
            key);
    Actor admin = new Actor("admin", Role.ADMIN);
    ApiTokens.Issued i = day0.tokens().issue(admin, "one day", Duration.ofDays(1));
    assertThat(day0.tokens().principal(i.secret())).isPresent();
    assertThat(day2.tokens().principal(i.secret())).as("expired").isEmpty();

    ApiTokens.Issued j = day0.tokens().issue(admin, "tampered", Duration.ofDays(30));
    day0.tokens().revoke(admin, j.token().id());
    assertThat(day0.tokens().principal(j.secret())).isEmpty();
    ts.registry
        .store()
        .executeRaw(
            "UPDATE skydas_api_token SET revoked_at = NULL WHERE id = '" + j.token().id() + "'");
    assertThat(day0.tokens().principal(j.secret())).as("un-revoked outside Skydas").isEmpty();
    assertThat(ts.registry.verify().problems())
        .contains(
            "API token "
                + j.token().id()
                + ": differs from its audit event (changed outside Skydas)");
    assertThatThrownBy(
            () -> day0.tokens().issue(new Actor("p", Role.PLANNER), "x", Duration.ofDays(5)))
        .hasMessageContaining("only an admin");
    assertThatThrownBy(() -> day0.tokens().issue(admin, "x", Duration.ofDays(400)))
        .hasMessageContaining("1 to 366 days");
  }
}
