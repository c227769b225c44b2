package lt.skydas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.jobs.JobType;

/**
 * A real server on a free loopback port over a fresh GeoPackage, with one user per role (password
 * {@link #PASSWORD}), and a small HTTP client that logs in and keeps the cookie and CSRF token.
 */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";
  static final Path LAYERS = Path.of(System.getProperty("skydas.layers", "../data/baltic"));
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final Registry registry;
  final Accounts accounts;
  final SkydasServer server;

  TestServer(Path dir, Map<String, JobType> jobs) {
    this(dir, jobs, JdbcStore.open(dir.resolve("reg.gpkg").toString(), true));
  }

  TestServer(Path dir, Map<String, JobType> jobs, JdbcStore store) {
    this(dir, jobs, store, null);
  }

  /** With the configuration changed by {@code tune} (limits, trusted proxies). */
  TestServer(
      Path dir, Map<String, JobType> jobs, java.util.function.UnaryOperator<ServerConfig> tune) {
    this(dir, jobs, JdbcStore.open(dir.resolve("reg.gpkg").toString(), true), null, tune);
  }

  TestServer(
      Path dir,
      Map<String, JobType> jobs,
      JdbcStore store,
      lt.skydas.server.api.CoverageSource coverage) {
    this(dir, jobs, store, coverage, c -> c);
  }

  TestServer(
      Path dir,
      Map<String, JobType> jobs,
      JdbcStore store,
      lt.skydas.server.api.CoverageSource coverage,
      java.util.function.UnaryOperator<ServerConfig> tune) {
    this.dir = dir;
    this.registry =
        new Registry(
            store,
            ObstacleCatalog.defaults(),
            Territory.load(LAYERS.resolve("countries.geojson.gz"), "LT"),
            Clock.systemUTC());
    this.accounts = new Accounts(registry.store(), Clock.systemUTC(), Duration.ofHours(1));
    for (Role r : Role.values()) {
      if (accounts.list().stream().noneMatch(u -> u.username().equals(r.id()))) {
        accounts.create(r.id(), PASSWORD, r);
      }
    }
    ServerConfig cfg =
        ServerConfig.defaults(dir.resolve("work"))
            .withLayers(LAYERS)
            .withMaxBody(1L << 20)
            .withJobTypes(jobs);
    this.server =
        new SkydasServer(tune.apply(cfg), registry, accounts, Clock.systemUTC(), coverage).start();
  }

  String url(String path) {
    return server.baseUrl() + path;
  }

  Client anonymous() {
    return new Client(this, null, null, null);
  }

  /** Logs in as the user named after the role; keeps cookie and CSRF token. */
  Client as(Role r) {
    return anonymous().login(r.id());
  }

  /** Logs in as {@code user} (password {@link #PASSWORD}); keeps cookie and CSRF token. */
  Client loginAs(String user) {
    Client c = anonymous();
    HttpResponse<String> res =
        c.send(
            "POST",
            "/api/login",
            "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
    if (res.statusCode() != 200) {
      throw new AssertionError("login as " + user + ": " + res.statusCode() + " " + res.body());
    }
    String cookie = res.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    JsonNode b = c.json(res);
    return new Client(this, cookie, b.get("csrf_token").asText(), b.get("token").asText());
  }

  @Override
  public void close() {
    server.close();
    registry.close();
  }

  /** An HTTP client of the test server. */
  record Client(TestServer s, String cookie, String csrf, String token) {
    static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> send(String method, String path, String body) {
      return send(method, path, body, "application/json", true, Map.of());
    }

    /** Logs in as {@code user} (password {@link #PASSWORD}). */
    Client login(String user) {
      return s.loginAs(user);
    }

    /** Bearer token instead of the cookie (no CSRF token needed). */
    Client bearer() {
      return new Client(s, null, null, token);
    }

    Client withoutCsrf() {
      return new Client(s, cookie, null, null);
    }

    HttpResponse<String> send(
        String method,
        String path,
        String body,
        String contentType,
        boolean sendCsrf,
        Map<String, String> headers) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(s.url(path))).timeout(Duration.ofSeconds(120));
      if (cookie != null) {
        b.header("Cookie", cookie);
      } else if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      if (sendCsrf && csrf != null) {
        b.header(SkydasServer.CSRF_HEADER, csrf);
      }
      if (body != null && contentType != null) {
        b.header("Content-Type", contentType);
      }
      headers.forEach(b::header);
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      try {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String path) {
      return send("GET", path, null);
    }

    JsonNode json(HttpResponse<String> r) {
      try {
        return JSON.readTree(r.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body());
      }
    }
  }

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("skydas-server-test");
  }
}
