package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.registry.Role;
import lt.skydas.server.http.RouteSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security properties enumerated from the route table: every route that needs a login refuses
 * anonymous callers, every role-restricted route refuses the other roles, unsafe routes refuse a
 * cookie session without the CSRF token and cross-origin requests; injection strings, oversized
 * bodies and path traversal get clear refusals and change nothing.
 */
class SecurityTest {
  static TestServer ts;

  @BeforeAll
  static void start() throws Exception {
    ts =
        new TestServer(
            TestServer.tempDir(), Map.of("verify", lt.skydas.server.JobTestTypes.verify(null)));
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  static String concrete(String path) {
    return path.replaceAll("\\{[a-z]+}", "x1");
  }

  @Test
  void everyRouteNeedingALoginRefusesAnonymousCallers() {
    int checked = 0;
    for (RouteSpec r : ts.server.routes()) {
      if (!r.access().login()) {
        continue;
      }
      HttpResponse<String> res =
          ts.anonymous().send(r.method(), concrete(r.path()), r.unsafe() ? "{}" : null);
      assertThat(res.statusCode())
          .as(r.method() + " " + r.path() + ": " + res.body())
          .isEqualTo(401);
      if (!r.method().equals("HEAD")) { // a HEAD answer has no body
        assertThat(res.body()).contains("\"type\":\"https://skydas.lt/problems/unauthenticated\"");
      }
      checked++;
    }
    assertThat(checked).as("routes needing a login").isGreaterThan(20);
  }

  @Test
  void everyRoleRestrictedRouteRefusesTheOtherRoles() {
    Map<Role, TestServer.Client> clients = new java.util.EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      clients.put(r, ts.as(r));
    }
    List<String> checked = new ArrayList<>();
    for (RouteSpec r : ts.server.routes()) {
      if (!r.access().login()) {
        continue;
      }
      for (Role role : Role.values()) {
        if (r.access().allows(role)) {
          continue;
        }
        HttpResponse<String> res =
            clients.get(role).send(r.method(), concrete(r.path()), r.unsafe() ? "{}" : null);
        assertThat(res.statusCode())
            .as(role.id() + " on " + r.method() + " " + r.path() + ": " + res.body())
            .isEqualTo(403);
        checked.add(role.id() + " " + r.path());
      }
    }
    assertThat(checked).as("role/route pairs refused").hasSizeGreaterThan(20);
    assertThat(ts.registry.count()).as("nothing was written").isZero();
  }

  @Test
  void unsafeRoutesRefuseACookieSessionWithoutTheCsrfTokenAndForeignOrigins() {
    Map<Role, TestServer.Client> clients = new java.util.EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      clients.put(r, ts.as(r));
    }
    int checked = 0;
    for (RouteSpec r : ts.server.routes()) {
      if (!r.unsafe() || !r.access().login()) {
        continue;
      }
      TestServer.Client admin =
          clients.get(
              java.util.Arrays.stream(Role.values())
                  .filter(r.access()::allows)
                  .findFirst()
                  .orElseThrow());
      HttpResponse<String> res = admin.withoutCsrf().send(r.method(), concrete(r.path()), "{}");
      assertThat(res.statusCode()).as(r.method() + " " + r.path()).isEqualTo(403);
      assertThat(res.body()).contains("X-CSRF-Token");
      HttpResponse<String> foreign =
          admin.send(
              r.method(),
              concrete(r.path()),
              "{}",
              "application/json",
              true,
              Map.of("Origin", "https://evil.example"));
      assertThat(foreign.statusCode()).as("cross-origin " + r.path()).isEqualTo(403);
      assertThat(foreign.body()).contains("cross-origin");
      checked++;
    }
    assertThat(checked).isGreaterThan(8);
  }

  @Test
  void injectionStringsAreRefusedAsBadInputAndChangeNothing() {
    TestServer.Client admin = ts.as(Role.ADMIN);
    long before = ts.registry.count();
    for (String path :
        List.of(
            "/api/records/x'%20OR%20'1'='1",
            "/api/records?status=planned'%20OR%201=1--",
            "/api/records?kind=obstacle;DROP%20TABLE%20registry_record",
            "/api/records?bbox=1,2,3,4);DELETE%20FROM%20skydas_user;--",
            "/ogc/collections/obstacles/items?limit=1;DROP",
            "/ogc/collections/..%2F..%2Fetc%2Fpasswd/items")) {
      HttpResponse<String> r = admin.get(path);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isIn(400, 404);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
    }
    HttpResponse<String> login =
        ts.anonymous()
            .send(
                "POST", "/api/login", "{\"username\":\"admin' --\",\"password\":\"x' OR '1'='1\"}");
    assertThat(login.statusCode()).isEqualTo(401);
    assertThat(ts.registry.count()).isEqualTo(before);
    assertThat(ts.accounts.list()).hasSize(Role.values().length);
  }

  @Test
  void oversizedBodiesGet413WithOrWithoutAContentLength() throws Exception {
    TestServer.Client planner = ts.as(Role.PLANNER);
    String big =
        "{\"type\":\"FeatureCollection\",\"features\":[],\"pad\":\"" + "x".repeat(2 << 20) + "\"}";
    HttpResponse<String> r = planner.send("POST", "/api/records", big);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(planner.json(r).get("code").asText()).isEqualTo("too-large");
    // chunked: no Content-Length, the server must count
    try (Socket sock = new Socket("127.0.0.1", ts.server.port())) {
      OutputStream out = sock.getOutputStream();
      String head =
          "POST /api/records HTTP/1.1\r\nHost: 127.0.0.1:"
              + ts.server.port()
              + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nCookie: "
              + planner.cookie()
              + "\r\n"
              + SkydasServer.CSRF_HEADER
              + ": "
              + planner.csrf()
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "y".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      try {
        for (int i = 0; i < 40; i++) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (java.io.IOException closedEarly) {
        // the server may stop reading once over the limit
      }
      InputStream in = sock.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
    assertThat(ts.registry.count()).isZero();
  }

  @Test
  void noPathTraversalInFileServingRoutes() {
    TestServer.Client admin = ts.as(Role.ADMIN);
    for (String path :
        List.of(
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/web/../../pom.xml",
            "/api/jobs/x1/files/..%2F..%2Freg.gpkg",
            "/api/jobs/x1/files/%2e%2e")) {
      HttpResponse<String> r = admin.get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(r.body()).doesNotContain("root:x:0:0").doesNotContain("<modelVersion>");
    }
    // a real job's folder: only its own files by exact name
    HttpResponse<String> job = admin.send("POST", "/api/jobs/verify", "{}");
    assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
    String id = admin.json(job).get("id").asText();
    for (String name : List.of("..%2F..%2Freg.gpkg", "%2E%2E%2Freg.gpkg", "..")) {
      HttpResponse<String> r = admin.get("/api/jobs/" + id + "/files/" + name);
      assertThat(r.statusCode()).as(name).isEqualTo(404);
    }
  }

  @Test
  void repeatedWrongPasswordsAreThrottled() throws Exception {
    try (TestServer own = new TestServer(TestServer.tempDir(), Map.of())) {
      HttpResponse<String> last = null;
      for (int i = 0; i < 7; i++) {
        last =
            own.anonymous()
                .send(
                    "POST",
                    "/api/login",
                    "{\"username\":\"inspector\",\"password\":\"wrong wrong wrong\"}");
      }
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(last.headers().firstValue("Retry-After")).isPresent();
      // the right password is refused too while throttled: the lock is per user, not per guess
      HttpResponse<String> right =
          own.anonymous()
              .send(
                  "POST",
                  "/api/login",
                  "{\"username\":\"inspector\",\"password\":\"" + TestServer.PASSWORD + "\"}");
      assertThat(right.statusCode()).isEqualTo(429);
      // other users from the same address are not locked out
      assertThat(own.as(Role.VIEWER).get("/api/me").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Issue 18, finding 2: 60 parallel wrong guesses had 57 passwords checked (the count came after
   * the check); now every attempt is counted before, so at most the five free ones are checked.
   */
  @Test
  void parallelGuessesAreCountedBeforeThePasswordIsChecked() throws Exception {
    try (TestServer own = new TestServer(TestServer.tempDir(), Map.of())) {
      int n = 60;
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(n);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        codes.add(
            pool.submit(
                () -> {
                  go.await();
                  return own.anonymous()
                      .send(
                          "POST",
                          "/api/login",
                          "{\"username\":\"engineer\",\"password\":\"guess guess guess\"}")
                      .statusCode();
                }));
      }
      go.countDown();
      int checked = 0;
      int throttled = 0;
      for (var f : codes) {
        int c = f.get();
        if (c == 401) {
          checked++;
        } else if (c == 429) {
          throttled++;
        }
      }
      pool.shutdown();
      assertThat(checked).as("passwords checked").isBetween(1, 5);
      assertThat(checked + throttled).isEqualTo(n);
    }
  }

  /**
   * Behind a trusted reverse proxy, the client is the address the proxy reports: a guesser there is
   * throttled, the real user at another address logs in, and a client's own forged X-Forwarded-For
   * is not believed.
   */
  @Test
  void behindATrustedProxyEachClientIsThrottledOnItsOwn() throws Exception {
    try (TestServer own =
        new TestServer(
            TestServer.tempDir(),
            Map.of(),
            c -> c.withTrustedProxies(java.util.Set.of("127.0.0.1")))) {
      HttpResponse<String> last = null;
      for (int i = 0; i < 7; i++) {
        last =
            own.anonymous()
                .send(
                    "POST",
                    "/api/login",
                    "{\"username\":\"inspector\",\"password\":\"wrong wrong wrong\"}",
                    "application/json",
                    true,
                    Map.of("X-Forwarded-For", "198.51.100.66, 203.0.113.9"));
      }
      assertThat(last.statusCode()).isEqualTo(429);
      HttpResponse<String> real =
          own.anonymous()
              .send(
                  "POST",
                  "/api/login",
                  "{\"username\":\"inspector\",\"password\":\"" + TestServer.PASSWORD + "\"}",
                  "application/json",
                  true,
                  Map.of("X-Forwarded-For", "198.51.100.66, 192.0.2.10"));
      assertThat(real.statusCode()).as("the real user, at another address").isEqualTo(200);
    }
  }

  /** Beyond a user's share of the job queue: 429 with Retry-After, naming the limit. */
  @Test
  void oneUserCannotFillTheJobQueue() throws Exception {
    try (TestServer own =
        new TestServer(
            TestServer.tempDir(),
            Map.of("count", JobTestTypes.counter(new java.util.concurrent.CountDownLatch(1))))) {
      TestServer.Client planner = own.as(Role.PLANNER);
      List<String> ids = new java.util.ArrayList<>();
      HttpResponse<String> last = null;
      for (int i = 0; i < 5; i++) {
        last = planner.send("POST", "/api/jobs/count", "{\"steps\": 100000}");
        if (last.statusCode() == 202) {
          ids.add(planner.json(last).get("id").asText());
        }
      }
      assertThat(ids).hasSize(4);
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(last.headers().firstValue("Retry-After")).contains("30");
      assertThat(planner.json(last).get("detail").asText())
          .contains("4 of your jobs are queued or running (at most 4)");
      for (String id : ids) {
        planner.send("POST", "/api/jobs/" + id + "/cancel", "{}");
      }
    }
  }

  /**
   * The standard {@code Forwarded} header (RFC 7239) of a trusted proxy counts like the X- ones
   * (issue 19): Secure cookie, HSTS, and OGC links on the public https host; from anyone else it is
   * ignored.
   */
  @Test
  void theStandardForwardedHeaderOfATrustedProxyCounts() throws Exception {
    String body = "{\"username\":\"viewer\",\"password\":\"" + TestServer.PASSWORD + "\"}";
    Map<String, String> fwd =
        Map.of("Forwarded", "for=192.0.2.60;proto=https;host=skydas.example.lt, for=10.0.0.2");
    try (TestServer own =
        new TestServer(
            TestServer.tempDir(),
            Map.of(),
            c -> c.withTrustedProxies(java.util.Set.of("127.0.0.1")))) {
      HttpResponse<String> login =
          own.anonymous().send("POST", "/api/login", body, "application/json", true, fwd);
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
      String token = own.anonymous().json(login).get("token").asText();
      HttpResponse<String> landing =
          new TestServer.Client(own, null, null, token).send("GET", "/ogc", null, null, true, fwd);
      assertThat(landing.body()).contains("https://skydas.example.lt/ogc/collections");
    }
    try (TestServer own = new TestServer(TestServer.tempDir(), Map.of())) {
      HttpResponse<String> login =
          own.anonymous().send("POST", "/api/login", body, "application/json", true, fwd);
      assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }
  }

  /**
   * Behind a TLS proxy: a trusted proxy's {@code X-Forwarded-Proto: https} makes the session cookie
   * Secure and sends HSTS; the same header from anyone else changes nothing.
   */
  @Test
  void httpsBehindATrustedProxyGivesSecureCookiesAndHsts() throws Exception {
    String body = "{\"username\":\"viewer\",\"password\":\"" + TestServer.PASSWORD + "\"}";
    Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
    try (TestServer own =
        new TestServer(
            TestServer.tempDir(),
            Map.of(),
            c -> c.withTrustedProxies(java.util.Set.of("127.0.0.1")))) {
      HttpResponse<String> viaTls =
          own.anonymous().send("POST", "/api/login", body, "application/json", true, https);
      assertThat(viaTls.statusCode()).isEqualTo(200);
      assertThat(viaTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
      assertThat(viaTls.headers().firstValue("Strict-Transport-Security"))
          .contains("max-age=31536000");
      HttpResponse<String> plain = own.anonymous().send("POST", "/api/login", body);
      assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
    try (TestServer untrusting = new TestServer(TestServer.tempDir(), Map.of())) {
      HttpResponse<String> forged =
          untrusting.anonymous().send("POST", "/api/login", body, "application/json", true, https);
      assertThat(forged.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(forged.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }
  }

  @Test
  void hostileStringsAreEscapedInTheHtmlPagesAndKeptAsTextInJson() {
    try (TestServer own = new TestServer(TestServer.tempDir(), Map.of())) {
      TestServer.Client planner = own.as(Role.PLANNER);
      String evil = "<script>alert(1)</script>\" onmouseover=\"x";
      HttpResponse<String> made =
          planner.send(
              "POST",
              "/api/records",
              "{\"type\":\"Feature\",\"id\":\"x-1\",\"properties\":{\"type\":\"bunker\",\"name\":"
                  + TestServer.JSON.valueToTree(evil)
                  + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":[24.5,55.5]}}");
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      HttpResponse<String> html = planner.get("/ogc/collections/obstacles/items?f=html");
      assertThat(html.body())
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x")
          .doesNotContain("<script>alert(1)");
      HttpResponse<String> json = planner.get("/api/records/x-1");
      assertThat(planner.json(json).get("properties").get("name").asText()).isEqualTo(evil);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
