package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.server.auth.Accounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 1: anonymous connections trickling a login body one byte at a time held every
 * worker thread and {@code /api/health} stopped answering. Bodies slower than the minimum rate are
 * now cut off, so the threads come back.
 */
class SlowClientTest {
  @TempDir Path dir;

  @Test
  void bodiesTricklingInDoNotStopTheServer() throws Exception {
    int threads = 16;
    int slow = 3 * threads;
    Registry reg =
        new Registry(
            JdbcStore.open(dir.resolve("reg.gpkg").toString(), true),
            ObstacleCatalog.defaults(),
            Territory.load(TestServer.LAYERS.resolve("countries.geojson.gz"), "LT"),
            Clock.systemUTC());
    ServerConfig cfg =
        ServerConfig.defaults(dir.resolve("work"))
            .withJobTypes(Map.of())
            .withLimits(new ServerConfig.Limits(threads, 1024, Duration.ofSeconds(30)));
    List<Socket> sockets = new ArrayList<>();
    try (SkydasServer server =
        new SkydasServer(
                cfg,
                reg,
                new Accounts(reg.store(), Clock.systemUTC(), Duration.ofHours(1)),
                Clock.systemUTC())
            .start()) {
      for (int i = 0; i < slow; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(20);
        s.getOutputStream()
            .write(
                ("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 400\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
        sockets.add(s);
      }
      // one more byte a second on each: the attack as the review ran it (one every 5 s), faster.
      // A worker cuts each two seconds after it reads the headers; the queued ones follow a pool's
      // width at a time as threads come back (about 3 s a batch here), so a loaded machine gets up
      // to 20 rounds before the count must be complete
      int cutOff = 0;
      for (int second = 0; second < 20 && cutOff < slow; second++) {
        Thread.sleep(1000);
        cutOff = 0;
        for (Socket s : sockets) {
          if (!trickle(s)) {
            cutOff++;
          }
        }
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(cutOff).as("slow connections the server cut off").isEqualTo(slow);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
      reg.close();
    }
  }

  /** Beyond the per-address limit a new connection is closed at once; others are served. */
  @Test
  void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
    Registry reg =
        new Registry(
            JdbcStore.open(dir.resolve("reg2.gpkg").toString(), true),
            ObstacleCatalog.defaults(),
            Territory.load(TestServer.LAYERS.resolve("countries.geojson.gz"), "LT"),
            Clock.systemUTC());
    ServerConfig cfg =
        ServerConfig.defaults(dir.resolve("work2"))
            .withJobTypes(Map.of())
            .withLimits(new ServerConfig.Limits(16, 1024, Duration.ofSeconds(30), 10));
    List<Socket> sockets = new ArrayList<>();
    try (SkydasServer server =
        new SkydasServer(
                cfg,
                reg,
                new Accounts(reg.store(), Clock.systemUTC(), Duration.ofHours(1)),
                Clock.systemUTC())
            .start()) {
      for (int i = 0; i < 15; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(2000);
        sockets.add(s);
      }
      Thread.sleep(500);
      int closed = 0;
      for (Socket s : sockets) {
        s.setSoTimeout(300);
        try {
          if (s.getInputStream().read() == -1) {
            closed++;
          }
        } catch (java.net.SocketTimeoutException open) {
          // still open
        } catch (java.io.IOException reset) {
          closed++;
        }
      }
      assertThat(closed).as("connections over 10 from one address").isEqualTo(5);
      for (Socket s : sockets) {
        s.close();
      }
      Thread.sleep(500);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health"))
                          .timeout(Duration.ofSeconds(10))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    } finally {
      reg.close();
    }
  }

  /** Sends one byte; false once the server has answered or closed the connection. */
  private static boolean trickle(Socket s) {
    try {
      InputStream in = s.getInputStream();
      try {
        in.read();
        return false; // an answer (a 4xx) or the end of the stream: cut off
      } catch (java.net.SocketTimeoutException nothingYet) {
        // still waiting for the body
      }
      OutputStream out = s.getOutputStream();
      out.write(' ');
      out.flush();
      return true;
    } catch (java.io.IOException closed) {
      return false;
    }
  }
}
