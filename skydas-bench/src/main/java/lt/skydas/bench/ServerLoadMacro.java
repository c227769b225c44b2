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
import java.util.concurrent.Executors;
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

  /** One logged-in client: its session cookie and CSRF token. */
  record Session(String cookie, String csrfToken) {}

  /** What every client thread adds to; thread-safe. */
  static final class Tally {
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    final Map<String, String> firstError = new ConcurrentHashMap<>();

    void add(String kind, int status, int expect, String body) {
      if (status == 201) {
        acknowledged.incrementAndGet();
      }
      if (status != expect) {
        unexpected.incrementAndGet();
        firstError.putIfAbsent(kind + " " + status, body);
      }
    }
  }

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
    // the writes place bunkers at random in Lithuania: the benchmark's policy lets fortifications
    // into protected areas (the built-in one refuses them there), so no write is refused for it
    reg.policy()
        .set(
            new lt.skydas.registry.Actor("bench", Role.ADMIN),
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    "{\"ap_mines_enabled\": false, \"civilian_buffer_m\": 1000,"
                        + " \"protected_areas\": {\"fortifications\": \"allowed\"}}"),
            "load benchmark: writes at random places",
            "ServerLoadMacro");
    Accounts accounts = new Accounts(reg.store(), Clock.systemUTC(), Duration.ofHours(2));
    for (int i = 0; i < clients; i++) {
      accounts.create("load" + i, PASSWORD, Role.PLANNER);
    }
    Path work = Files.createTempDirectory("skydas-load-work");
    SkydasServer server =
        new SkydasServer(
                ServerConfig.defaults(work)
                    .withLayers(layers)
                    // every client comes from this machine: room for all of them on one address
                    .withLimits(
                        new ServerConfig.Limits(
                            200, 1024, java.time.Duration.ofSeconds(30), clients + 50)),
                reg,
                accounts,
                Clock.systemUTC())
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
            .executor(Executors.newFixedThreadPool(Math.max(4, clients / 4)))
            .build();
    String base = server.baseUrl();
    // log every client in first (Argon2 is deliberately slow; not part of the measured mix)
    Session[] sessions = new Session[clients];
    for (int i = 0; i < clients; i++) {
      sessions[i] = login(http, base, "load" + i);
    }
    Tally tally = new Tally();
    List<Sample> all = runClients(http, base, lt, sessions, seconds, tally);
    boolean ok = report(all, seconds, reg, tally);
    server.close();
    reg.close();
    http.close();
    System.exit(ok ? 0 : 1);
  }

  private static Session login(HttpClient http, String base, String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode b = JSON.readTree(r.body());
    return new Session(
        r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
        b.get("csrf_token").asText());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs one thread per client until {@code seconds} have passed; returns every sample. */
  private static List<Sample> runClients(
      HttpClient http, String base, Territory lt, Session[] sessions, int seconds, Tally tally)
      throws InterruptedException {
    List<List<Sample>> perClient = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(sessions.length);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    for (int i = 0; i < sessions.length; i++) {
      List<Sample> samples = new ArrayList<>();
      perClient.add(samples);
      Client client = new Client(i, http, base, lt, sessions[i]);
      Thread t =
          new Thread(
              () -> {
                try {
                  client.run(end, samples, tally);
                } catch (Exception e) {
                  tally.unexpected.incrementAndGet();
                  tally.firstError.putIfAbsent("exception", e.toString());
                } finally {
                  done.countDown();
                }
              },
              "client-" + i);
      t.start();
    }
    done.await();
    List<Sample> all = new ArrayList<>();
    perClient.forEach(all::addAll);
    return all;
  }

  /**
   * One client's request mix: 30 % writes (a bunker at a random place in Lithuania), 35 % records
   * in a bounding box, 25 % OGC items in a bounding box, 10 % its own first record. Seeded by its
   * index (1000 + index) so runs repeat their mix.
   */
  private static final class Client {
    private static final GeometryFactory GF = new GeometryFactory();
    private final int index;
    private final HttpClient http;
    private final String base;
    private final Territory lt;
    private final Session session;
    private final SplittableRandom rnd;
    private int seq;

    Client(int index, HttpClient http, String base, Territory lt, Session session) {
      this.index = index;
      this.http = http;
      this.base = base;
      this.lt = lt;
      this.session = session;
      this.rnd = new SplittableRandom(1000 + index);
    }

    void run(long end_ns, List<Sample> samples, Tally tally) throws Exception {
      while (System.nanoTime() < end_ns) {
        double p = rnd.nextDouble();
        HttpRequest.Builder b;
        String kind;
        int expect = 200;
        if (p < 0.3) {
          b = write();
          kind = "write";
          expect = 201;
        } else {
          double lon = 21.5 + rnd.nextDouble() * 5;
          double lat = 54 + rnd.nextDouble() * 2;
          String bbox =
              String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.3, lat + 0.2);
          if (p < 0.65) {
            b = HttpRequest.newBuilder(URI.create(base + "/api/records?limit=200&bbox=" + bbox));
            kind = "records-bbox";
          } else if (p < 0.9) {
            b =
                HttpRequest.newBuilder(
                    URI.create(base + "/ogc/collections/obstacles/items?limit=100&bbox=" + bbox));
            kind = "ogc-items";
          } else {
            b = HttpRequest.newBuilder(URI.create(base + "/api/records/c" + index + "-0"));
            kind = "record";
            expect = seq > 0 ? 200 : 404;
          }
        }
        b.header("Cookie", session.cookie()).timeout(Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        samples.add(new Sample(kind, System.nanoTime() - t0, r.statusCode()));
        tally.add(kind, r.statusCode(), expect, r.body());
      }
    }

    /** A new bunker at a random place inside Lithuania. */
    private HttpRequest.Builder write() {
      double lon;
      double lat;
      do {
        lon = 21.0 + rnd.nextDouble() * 5.9;
        lat = 53.9 + rnd.nextDouble() * 2.5;
      } while (lt.placementProblem(GF.createPoint(new Coordinate(lon, lat))) != null);
      String body =
          String.format(
              Locale.ROOT,
              "{\"type\":\"Feature\",\"id\":\"c%d-%d\",\"properties\":{\"type\":\"bunker\","
                  + "\"name\":\"Bunkeris %d\"},\"geometry\":{\"type\":\"Point\","
                  + "\"coordinates\":[%.6f,%.6f]}}",
              index,
              seq++,
              seq,
              lon,
              lat);
      return HttpRequest.newBuilder(URI.create(base + "/api/records"))
          .header("Content-Type", "application/geo+json")
          .header(SkydasServer.CSRF_HEADER, session.csrfToken())
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
  }

  /** Prints throughput, latency per kind and the checks; true when every check holds. */
  private static boolean report(List<Sample> all, int seconds, Registry reg, Tally tally) {
    System.out.printf(
        Locale.ROOT,
        "%,d requests in %d s: %.0f requests/s%n",
        all.size(),
        seconds,
        all.size() / (double) seconds);
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
    long acknowledged = tally.acknowledged.get();
    System.out.printf(
        Locale.ROOT,
        "writes acknowledged %,d, records stored %,d (%s); unexpected responses %d; audit chain %s%n",
        acknowledged,
        stored,
        stored == acknowledged ? "equal" : "LOST OR EXTRA",
        tally.unexpected.get(),
        chain ? "verified" : "BROKEN");
    tally.firstError.forEach((k, v) -> System.out.println("  first " + k + ": " + v));
    return stored == acknowledged && tally.unexpected.get() == 0 && chain;
  }
}
