package lt.skydas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.server.ServerConfig;
import lt.skydas.server.SkydasServer;
import lt.skydas.server.auth.Accounts;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Load benchmark of {@code skydas serve} on loopback: C clients, each logged in with its own
 * session, for S seconds mix reads (70 %: records in a bounding box, OGC items, one record) and
 * writes (30 %: a new bunker at a random place in Lithuania, through every registry check and the
 * audit chain). At the end the records in the database must equal the writes acknowledged with 201,
 * every response must be the expected status, and the audit chain must verify. Prints p50 / p99
 * latency per kind and the throughput.
 *
 * <pre>
 * java -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.ServerLoadMacro \
 *     jdbc:postgresql://127.0.0.1:5432/DB?user=U [clients=50] [seconds=60]
 * </pre>
 *
 * The database must be empty (a fresh one); without a URL a temporary GeoPackage is used. Run from
 * the repository root (it reads data/baltic).
 */
public final class ServerLoadMacro {
  private ServerLoadMacro() {}

  static final String PASSWORD = "load benchmark password 2026";

  record Sample(String kind, long nanos, int status) {}

  public static void main(String[] args) throws Exception {
    String db =
        args.length > 0 && !args[0].isBlank()
            ? args[0]
            : Files.createTempDirectory("skydas-load").resolve("registry.gpkg").toString();
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Path layers = Path.of("data/baltic");
    Territory lt = Territory.load(layers.resolve("countries.geojson.gz"), "LT");
    Registry reg =
        new Registry(JdbcStore.open(db, true), ObstacleCatalog.defaults(), lt, Clock.systemUTC());
    if (reg.count() != 0) {
      throw new IllegalStateException(
          "the benchmark needs an empty registry; it has " + reg.count());
    }
    Accounts accounts = new Accounts(reg.store(), Clock.systemUTC(), Duration.ofHours(2));
    for (int i = 0; i < clients; i++) {
      accounts.create("load" + i, PASSWORD, Role.PLANNER);
    }
    Path work = Files.createTempDirectory("skydas-load-work");
    SkydasServer server =
        new SkydasServer(
                ServerConfig.defaults(work).withLayers(layers), reg, accounts, Clock.systemUTC())
            .start();
    System.out.printf(
        Locale.ROOT,
        "server load: %d clients, %d s, %s, %d CPUs, %s%n",
        clients,
        seconds,
        reg.store().describe(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"));
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(4, clients / 4)))
            .build();
    ObjectMapper json = new ObjectMapper();
    String base = server.baseUrl();
    // log every client in first (Argon2 is deliberately slow; not part of the measured mix)
    String[][] sessions = new String[clients][];
    for (int i = 0; i < clients; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/login"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"load" + i + "\",\"password\":\"" + PASSWORD + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode b = json.readTree(r.body());
      sessions[i] =
          new String[] {
            r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
            b.get("csrf_token").asText()
          };
    }
    GeometryFactory gf = new GeometryFactory();
    List<List<Sample>> perClient = new ArrayList<>();
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong unexpected = new AtomicLong();
    Map<String, String> firstError = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    for (int i = 0; i < clients; i++) {
      List<Sample> samples = new ArrayList<>();
      perClient.add(samples);
      int c = i;
      Thread t =
          new Thread(
              () -> {
                SplittableRandom rnd = new SplittableRandom(1000 + c);
                int seq = 0;
                try {
                  while (System.nanoTime() < end) {
                    double p = rnd.nextDouble();
                    HttpRequest.Builder b;
                    String kind;
                    int expect = 200;
                    if (p < 0.3) {
                      double lon, lat;
                      do {
                        lon = 21.0 + rnd.nextDouble() * 5.9;
                        lat = 53.9 + rnd.nextDouble() * 2.5;
                      } while (lt.placementProblem(gf.createPoint(new Coordinate(lon, lat)))
                          != null);
                      String body =
                          String.format(
                              Locale.ROOT,
                              "{\"type\":\"Feature\",\"id\":\"c%d-%d\",\"properties\":{\"type\":\"bunker\","
                                  + "\"name\":\"Bunkeris %d\"},\"geometry\":{\"type\":\"Point\","
                                  + "\"coordinates\":[%.6f,%.6f]}}",
                              c,
                              seq++,
                              seq,
                              lon,
                              lat);
                      b =
                          HttpRequest.newBuilder(URI.create(base + "/api/records"))
                              .header("Content-Type", "application/geo+json")
                              .header(SkydasServer.CSRF_HEADER, sessions[c][1])
                              .POST(HttpRequest.BodyPublishers.ofString(body));
                      kind = "write";
                      expect = 201;
                    } else {
                      double lon = 21.5 + rnd.nextDouble() * 5;
                      double lat = 54 + rnd.nextDouble() * 2;
                      String bbox =
                          String.format(
                              Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.3, lat + 0.2);
                      if (p < 0.65) {
                        b =
                            HttpRequest.newBuilder(
                                URI.create(base + "/api/records?limit=200&bbox=" + bbox));
                        kind = "records-bbox";
                      } else if (p < 0.9) {
                        b =
                            HttpRequest.newBuilder(
                                URI.create(
                                    base
                                        + "/ogc/collections/obstacles/items?limit=100&bbox="
                                        + bbox));
                        kind = "ogc-items";
                      } else {
                        b = HttpRequest.newBuilder(URI.create(base + "/api/records/c" + c + "-0"));
                        kind = "record";
                        expect = seq > 0 ? 200 : 404;
                      }
                    }
                    b.header("Cookie", sessions[c][0]).timeout(Duration.ofSeconds(30));
                    long t0 = System.nanoTime();
                    HttpResponse<String> r =
                        http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    long dt = System.nanoTime() - t0;
                    samples.add(new Sample(kind, dt, r.statusCode()));
                    if (r.statusCode() == 201) {
                      acknowledged.incrementAndGet();
                    }
                    if (r.statusCode() != expect) {
                      unexpected.incrementAndGet();
                      firstError.putIfAbsent(kind + " " + r.statusCode(), r.body());
                    }
                  }
                } catch (Exception e) {
                  unexpected.incrementAndGet();
                  firstError.putIfAbsent("exception", e.toString());
                } finally {
                  done.countDown();
                }
              },
              "client-" + c);
      t.start();
    }
    done.await();
    double wall_s = seconds;
    List<Sample> all = new ArrayList<>();
    perClient.forEach(all::addAll);
    System.out.printf(
        Locale.ROOT,
        "%,d requests in %d s: %.0f requests/s%n",
        all.size(),
        seconds,
        all.size() / wall_s);
    for (String kind : List.of("write", "records-bbox", "ogc-items", "record")) {
      long[] ns =
          all.stream().filter(s -> s.kind().equals(kind)).mapToLong(Sample::nanos).toArray();
      if (ns.length == 0) {
        continue;
      }
      Arrays.sort(ns);
      System.out.printf(
          Locale.ROOT,
          "  %-13s %,7d   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n",
          kind,
          ns.length,
          ns[ns.length / 2] / 1e6,
          ns[(int) Math.min(ns.length - 1, Math.ceil(ns.length * 0.99) - 1)] / 1e6,
          ns[ns.length - 1] / 1e6);
    }
    long stored = reg.count();
    boolean chain = reg.verify().ok();
    System.out.printf(
        Locale.ROOT,
        "writes acknowledged %,d, records stored %,d (%s); unexpected responses %d; audit chain %s%n",
        acknowledged.get(),
        stored,
        stored == acknowledged.get() ? "equal" : "LOST OR EXTRA",
        unexpected.get(),
        chain ? "verified" : "BROKEN");
    firstError.forEach((k, v) -> System.out.println("  first " + k + ": " + v));
    server.close();
    reg.close();
    http.close();
    if (stored != acknowledged.get() || unexpected.get() > 0 || !chain) {
      System.exit(1);
    }
    System.exit(0);
  }
}
