package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 9: links not built from a forged Host, Jetty's own errors as problem details,
 * unpaired surrogates refused instead of stored as '?' and echoed as invalid JSON.
 */
class RequestEdgesTest {
  static TestServer ts;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  /** A raw HTTP/1.1 exchange: the status line, headers and body as text. */
  static String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", ts.server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aForgedHostIsNotEchoedIntoLinks() throws Exception {
    String token = ts.as(Role.VIEWER).token();
    String forged =
        raw(
            "GET /ogc/collections HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(forged).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
    assertThat(forged).contains("\"href\":\"http://127.0.0.1:" + ts.server.port() + "/ogc/");
    // the server's own name is kept
    String own =
        raw(
            "GET /ogc/collections HTTP/1.1\r\nHost: localhost:"
                + ts.server.port()
                + "\r\nAuthorization: Bearer "
                + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(own).contains("\"href\":\"http://localhost:" + ts.server.port() + "/ogc/");
  }

  @Test
  void aConfiguredPublicUrlStartsEveryLink() throws Exception {
    try (TestServer own =
        new TestServer(
            TestServer.tempDir(),
            Map.of(),
            c -> c.withPublicUrl(java.net.URI.create("https://skydas.example.lt/")))) {
      HttpResponse<String> r = own.as(Role.VIEWER).get("/ogc/collections");
      assertThat(r.body()).contains("\"href\":\"https://skydas.example.lt/ogc/collections");
    }
  }

  @Test
  void errorsJettyAnswersItselfAreProblemDetails() throws Exception {
    String r = raw("GET /api/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(r).startsWith("HTTP/1.1 400");
    assertThat(r).containsIgnoringCase("content-type: application/problem+json");
    String body = r.substring(r.indexOf("\r\n\r\n") + 4);
    JsonNode p = TestServer.JSON.readTree(body);
    assertThat(p.get("status").asInt()).isEqualTo(400);
    assertThat(p.get("detail").asText()).startsWith("the request could not be read");
    assertThat(body).doesNotContain("<html");
  }

  /** Issue 19: the OpenAPI document in the media type the landing page announces. */
  @Test
  void theOpenApiDocumentHasTheMediaTypeTheLandingPageAnnounces() throws Exception {
    JsonNode landing = TestServer.JSON.readTree(ts.as(Role.VIEWER).get("/ogc?f=json").body());
    String announced = null;
    for (JsonNode l : landing.get("links")) {
      if (l.get("rel").asText().equals("service-desc")) {
        announced = l.get("type").asText();
      }
    }
    assertThat(announced).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
    HttpResponse<String> doc = ts.anonymous().get("/api/openapi.json");
    assertThat(doc.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
        .isEqualTo(announced);
  }

  /**
   * Issue 19: registry collections say how many match and give no next link to an empty page; an
   * unknown query parameter is a 400 naming it, not ignored.
   */
  @Test
  void registryPagesAreCountedAndUnknownParametersRefused() throws Exception {
    try (TestServer own = new TestServer(TestServer.tempDir(), Map.of())) {
      TestServer.Client planner = own.as(Role.PLANNER);
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> made =
            planner.send(
                "POST",
                "/api/records",
                "{\"type\":\"Feature\",\"id\":\"pg-"
                    + i
                    + "\",\"properties\":{\"type\":\"bunker\"},\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[24.3,"
                    + (55.3 + i * 0.01)
                    + "]}}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      }
      TestServer.Client v = own.as(Role.VIEWER);
      JsonNode all = v.json(v.get("/ogc/collections/obstacles/items?f=json&limit=3"));
      assertThat(all.get("numberMatched").asInt()).isEqualTo(3);
      assertThat(all.get("links").toString()).doesNotContain("\"next\"");
      JsonNode first = v.json(v.get("/ogc/collections/obstacles/items?f=json&limit=2"));
      assertThat(first.get("numberMatched").asInt()).isEqualTo(3);
      assertThat(first.get("links").toString()).contains("\"next\"", "offset=2");
      HttpResponse<String> unknown = v.get("/ogc/collections/obstacles/items?f=json&status=x");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(v.json(unknown).get("detail").asText())
          .isEqualTo(
              "unknown query parameter 'status' (this operation takes bbox, bbox-crs, crs, f,"
                  + " filter, filter-crs, filter-lang, limit, offset)");
      assertThat(v.get("/ogc/collections/obstacles/items/pg-1?f=json&x=1").statusCode())
          .isEqualTo(400);
    }
  }

  /** Issue 19: a 401 says how to authenticate; a busy port is one clear line. */
  @Test
  void a401SaysHowToAuthenticateAndABusyPortIsNamed() throws Exception {
    HttpResponse<String> r = ts.anonymous().get("/api/records");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"skydas\"");
    ServerConfig busy =
        ServerConfig.defaults(TestServer.tempDir())
            .withPort(ts.server.port())
            .withJobTypes(Map.of());
    SkydasServer second =
        new SkydasServer(busy, ts.registry, ts.accounts, java.time.Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
        .isInstanceOf(lt.skydas.core.problem.SkydasProblem.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + ts.server.port())
        .hasMessageContaining("choose another --port");
  }

  @Test
  void anUnpairedSurrogateIsRefusedNamingTheField() throws Exception {
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> r =
        planner.send(
            "POST",
            "/api/records",
            "{\"type\":\"Feature\",\"id\":\"sur-1\",\"properties\":{\"type\":\"bunker\","
                + "\"name\":\"Bunkeris \\ud800\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[24.3,55.3]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode p = TestServer.JSON.readTree(r.body());
    assertThat(p.get("detail").asText())
        .isEqualTo(
            "properties.name: an unpaired UTF-16 surrogate (U+D800) at character 9; send valid"
                + " Unicode text");
    assertThat(ts.registry.find("sur-1")).isEmpty();
    // a pair (an emoji) is text like any other
    HttpResponse<String> ok =
        planner.send(
            "POST",
            "/api/records",
            "{\"type\":\"Feature\",\"id\":\"sur-2\",\"properties\":{\"type\":\"bunker\","
                + "\"name\":\"Bunkeris \\ud83d\\udee1\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[24.3,55.31]}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(ts.registry.find("sur-2").orElseThrow().name()).isEqualTo("Bunkeris \ud83d\udee1");
  }
}
