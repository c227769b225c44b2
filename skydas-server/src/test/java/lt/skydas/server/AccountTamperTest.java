package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import lt.skydas.registry.AccountAudit;
import lt.skydas.registry.AuditEvent;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 5: with write access to the database, {@code UPDATE skydas_user SET
 * role='admin'} raised a viewer's live token to admin, and inserting a chosen token's hash into the
 * session table logged in as an admin. Account changes are now audited events, rows that differ
 * from them are refused, and session rows carry an HMAC under a key outside the database.
 */
class AccountTamperTest {
  @Test
  void accountChangesAreAuditedAndARoleRaisedBySqlIsRefused() throws Exception {
    try (TestServer ts = new TestServer(TestServer.tempDir(), Map.of())) {
      assertThat(ts.registry.verify().problems()).isEmpty();
      assertThat(ts.registry.history(AccountAudit.entityId("viewer")))
          .extracting(AuditEvent::action)
          .containsExactly("create");
      TestServer.Client admin = ts.as(Role.ADMIN);
      assertThat(admin.send("POST", "/api/users/viewer/disable", "{}").statusCode()).isEqualTo(204);
      assertThat(admin.send("POST", "/api/users/viewer/enable", "{}").statusCode()).isEqualTo(204);
      assertThat(ts.registry.history(AccountAudit.entityId("viewer")))
          .extracting(e -> e.action() + " by " + e.actor())
          .containsExactly("create by skydas", "disable by admin", "enable by admin");

      TestServer.Client viewer = ts.as(Role.VIEWER);
      assertThat(viewer.bearer().get("/api/users").statusCode()).isEqualTo(403);
      ts.registry
          .store()
          .executeRaw("UPDATE skydas_user SET role = 'admin' WHERE username = 'viewer'");
      HttpResponse<String> raised = viewer.bearer().get("/api/users");
      assertThat(raised.statusCode()).as("the live token is not raised to admin").isEqualTo(401);
      assertThat(ts.registry.verify().problems())
          .containsExactly(
              "account viewer: role admin in its table, viewer audited (changed outside Skydas)");
      HttpResponse<String> login =
          ts.anonymous()
              .send(
                  "POST",
                  "/api/login",
                  "{\"username\":\"viewer\",\"password\":\"" + TestServer.PASSWORD + "\"}");
      assertThat(login.statusCode()).isEqualTo(409);
      assertThat(login.body()).contains("was changed outside Skydas");
    }
  }

  @Test
  void aSessionRowInsertedOutsideSkydasOpensNothing() throws Exception {
    try (TestServer ts = new TestServer(TestServer.tempDir(), Map.of())) {
      String chosen = "A".repeat(43);
      String hash =
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(chosen.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      String later = Instant.now().plusSeconds(3600).toString();
      ts.registry
          .store()
          .executeRaw(
              "INSERT INTO skydas_session (token_hash, username, csrf, created_at, expires_at, mac)"
                  + " VALUES ('"
                  + hash
                  + "', 'admin', 'x', '"
                  + Instant.now()
                  + "', '"
                  + later
                  + "', '"
                  + "0".repeat(64)
                  + "')");
      TestServer.Client forged = new TestServer.Client(ts, null, null, chosen);
      assertThat(forged.get("/api/me").statusCode()).isEqualTo(401);
      // a real session of the same user still works
      assertThat(ts.as(Role.ADMIN).bearer().get("/api/me").statusCode()).isEqualTo(200);
    }
  }
}
