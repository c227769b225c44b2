package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.registry.ChainSigner;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.VerifyReport;
import lt.skydas.server.ServerConfig;
import lt.skydas.server.SkydasServer;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.jobs.JobType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skydas serve}: the web application, JSON API and OGC API Features. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web application, the JSON API (/api, OpenAPI at /api/openapi.json) and",
      "OGC API - Features (/ogc) for the region, the registry and the newest assessment.",
      "Create the first admin with: skydas user add NAME --role admin"
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin RegistryOptions.Db db = new RegistryOptions.Db();

  @Mixin RegionOptions region = new RegionOptions();

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(
      names = "--work-dir",
      defaultValue = "skydas-work",
      paramLabel = "DIR",
      description = "Folder for job outputs and uploads (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--max-body-mb",
      defaultValue = "8",
      description = "Largest request body in MiB; larger ones get 413 (default ${DEFAULT-VALUE}).")
  int maxBodyMb;

  @Mixin RegistrySigning.Signing signing = new RegistrySigning.Signing();

  @Option(
      names = "--checkpoint-every",
      defaultValue = "PT10M",
      paramLabel = "DURATION",
      description =
          "With --signing-key: sign the audit chain's head this often when it moved, and at shutdown (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration checkpointEvery;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      split = ",",
      description =
          "A reverse proxy in front (IP literal, repeatable): its X-Forwarded-For names the client for login throttling. Without it the header is ignored.")
  java.util.List<String> trustedProxies = new java.util.ArrayList<>();

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Serve HTTPS only, with this certificate (then any intermediates), PEM.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "The certificate's private key: unencrypted PKCS #8 PEM (BEGIN PRIVATE KEY).")
  Path tlsKey;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The URL clients reach the server at (https://skydas.example.lt behind a proxy): links in OGC answers start with it. Without it, a Host header naming this server is used, else the address the connection came in on.")
  java.net.URI publicUrl;

  @Option(
      names = "--assessment",
      paramLabel = "DIR",
      description =
          "An assessment output (skydas assess/optimize/demo) to show on the map until a run on the server is published (default: out/demo when it holds one).")
  Path assessment;

  @Option(
      names = "--secure-cookies",
      description = "Mark the session cookie Secure (when served behind HTTPS).")
  boolean secureCookies;

  @Override
  public Integer call() throws Exception {
    if (maxBodyMb < 1 || maxBodyMb > 1024) {
      throw new SkydasProblem(ProblemCode.USAGE, "--max-body-mb must be within 1..1024");
    }
    if (checkpointEvery.compareTo(Duration.ofSeconds(10)) < 0
        || checkpointEvery.compareTo(Duration.ofDays(1)) > 0) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--checkpoint-every must be within 10 s and a day (e.g. PT10M)");
    }
    if (publicUrl != null
        && (publicUrl.getHost() == null
            || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))
            || publicUrl.getQuery() != null
            || publicUrl.getFragment() != null)) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--public-url " + publicUrl + ": give http(s)://host[:port][/path]");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new SkydasProblem(ProblemCode.USAGE, "give both --tls-cert and --tls-key, or neither");
    }
    ChainSigner signer = signing.signerIfGiven();
    Registry reg = db.open(true);
    // the key session rows are authenticated with lives beside the job outputs, not in the
    // database (created 0600 on first start)
    java.nio.file.Files.createDirectories(workDir.toAbsolutePath());
    Accounts accounts =
        new Accounts(
            reg.store(),
            Clock.systemUTC(),
            Duration.ofHours(12),
            Accounts.sessionKey(workDir.toAbsolutePath().resolve("session.key")));
    Map<String, JobType> types = new LinkedHashMap<>();
    AssessJob assess =
        new AssessJob(
            region,
            () -> reg.policy().current(),
            () ->
                reg.list(
                    null,
                    lt.skydas.registry.Status.READY,
                    lt.skydas.registry.RecordKind.SHELTER,
                    Integer.MAX_VALUE,
                    0));
    types.put("assess", assess);
    types.put("optimize", new OptimizeJob(region, () -> reg.policy().current()));
    types.put("emplace", new EmplaceJob(assess));
    types.put("verify", verifyJob(reg, signer));
    ServerConfig cfg =
        ServerConfig.defaults(workDir.toAbsolutePath())
            .withHost(host)
            .withPort(port)
            .withMaxBody((long) maxBodyMb << 20)
            .withSecureCookies(secureCookies)
            .withTrustedProxies(java.util.Set.copyOf(trustedProxies))
            .withPublicUrl(publicUrl)
            .withTls(tlsCert == null ? null : new ServerConfig.Tls(tlsCert, tlsKey))
            .withLayers(RegionStore.shippedLayers())
            .withJobTypes(types);
    RegistryCoverage coverage =
        new RegistryCoverage(
            assess::pack, reg.catalogs().sensors(), Runtime.getRuntime().availableProcessors());
    SkydasServer server = new SkydasServer(cfg, reg, accounts, Clock.systemUTC(), coverage).start();
    System.out.println(
        "Skydas is serving " + reg.store().describe() + " at " + server.baseUrl() + "/");
    firstRun(server);
    if (accounts.countAdmins() == 0) {
      System.out.println(
          "No admin account yet: create one with `skydas user add NAME --role admin --db "
              + db.location()
              + "`");
    }
    java.util.concurrent.ScheduledExecutorService signing =
        signer == null ? null : startSigning(signer, reg);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  if (signing != null) {
                    signing.shutdownNow();
                    sign(signer, reg); // what the last minutes changed
                  }
                  reg.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }

  /**
   * Shows {@code --assessment} (or the demo's {@code out/demo}) on the map while no assessment is
   * published: a bad default folder is a warning, a bad given one an error.
   */
  private void firstRun(SkydasServer server) throws java.io.IOException {
    Path dir = assessment != null ? assessment : Path.of("out", "demo");
    if (assessment != null && !java.nio.file.Files.isRegularFile(dir.resolve("summary.json"))) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--assessment "
              + dir
              + ": no summary.json there (give an assess, optimize or demo output)");
    }
    try {
      FirstRun.adopt(dir, server.jobs(), System.out);
    } catch (java.io.IOException | RuntimeException e) {
      if (assessment != null) {
        throw e;
      }
      System.err.println("Not showing " + dir + " on the map: " + e.getMessage());
    }
  }

  /** Signs the chain's head now and every {@code --checkpoint-every}, when it moved. */
  private java.util.concurrent.ScheduledExecutorService startSigning(
      ChainSigner signer, Registry reg) {
    sign(signer, reg);
    System.out.println(
        "Signing the audit chain with key "
            + signer.keyId()
            + " into "
            + signer.log()
            + " every "
            + checkpointEvery.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
    java.util.concurrent.ScheduledExecutorService ex =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "skydas-chain-signer");
              t.setDaemon(true);
              return t;
            });
    long ms = checkpointEvery.toMillis();
    ex.scheduleWithFixedDelay(
        () -> sign(signer, reg), ms, ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    return ex;
  }

  /** One checkpoint; a chain that does not verify is reported loudly, never signed. */
  private static void sign(ChainSigner signer, Registry reg) {
    try {
      signer.checkpointIfMoved(reg);
    } catch (SkydasProblem e) {
      System.err.println("skydas serve: audit chain NOT signed: " + e.getMessage());
    } catch (RuntimeException e) {
      System.err.println("skydas serve: audit chain not signed: " + e);
    }
  }

  static JobType verifyJob(Registry reg) {
    return verifyJob(reg, null);
  }

  /** The {@code verify} job: against the signer's checkpoints when the server signs. */
  static JobType verifyJob(Registry reg, ChainSigner signer) {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER, Role.ADMIN);
      }

      @Override
      public void validate(JsonNode params) {}

      @Override
      public JsonNode run(JsonNode params, Path dir, Progress progress) {
        progress.begin("verifying the audit chain", -1);
        VerifyReport r = signer == null ? reg.verify() : reg.verify(signer.trust());
        progress.end();
        com.fasterxml.jackson.databind.node.ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("ok", r.ok());
        out.put("events", r.events());
        out.put("records", r.records());
        out.put("activities", r.activities());
        out.put("head_hash", r.headHash());
        r.problems().forEach(out.withArray("problems")::add);
        out.put("signed", signer != null);
        if (signer != null) {
          out.put("checkpoints", r.checkpoints());
          out.put("unsigned_events", r.unsignedEvents());
          if (r.lastCheckpoint() != null) {
            out.put("last_checkpoint_seq", r.lastCheckpoint().seq());
            out.put("last_checkpoint_at", r.lastCheckpoint().at().toString());
          }
        }
        return out;
      }
    };
  }
}
