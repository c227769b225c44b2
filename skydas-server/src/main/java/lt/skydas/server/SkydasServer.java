package lt.skydas.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lt.skydas.registry.Registry;
import lt.skydas.server.api.AccountApi;
import lt.skydas.server.api.CoverageSource;
import lt.skydas.server.api.JobApi;
import lt.skydas.server.api.MetaApi;
import lt.skydas.server.api.OgcApi;
import lt.skydas.server.api.ProgrammeApi;
import lt.skydas.server.api.RecordApi;
import lt.skydas.server.api.TokenApi;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.LoginThrottle;
import lt.skydas.server.http.Gate;
import lt.skydas.server.http.Problems;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteSpec;
import lt.skydas.server.http.RouteTable;
import lt.skydas.server.jobs.JobManager;

/**
 * The HTTP server of {@code skydas serve} (Javalin on Jetty): the JSON API under {@code /api}, OGC
 * API – Features under {@code /ogc}, the OpenAPI document at {@code /api/openapi.json} and the web
 * UI's bundled assets at {@code /}. This class only composes: the API classes declare their routes
 * with who may call them in one {@link RouteTable}, read requests through {@link Requests} and
 * answer through {@link Responses}; the {@link Gate} checks the session, the role and, for unsafe
 * methods, the CSRF token and the Origin before a handler runs; failures become RFC 9457 problem
 * details ({@link Problems}).
 */
public final class SkydasServer implements AutoCloseable {
  /** The session cookie's name. */
  public static final String SESSION_COOKIE = Gate.SESSION_COOKIE;

  /** The header carrying the CSRF token on unsafe requests with a cookie session. */
  public static final String CSRF_HEADER = Gate.CSRF_HEADER;

  private final ServerConfig config;
  private final JobManager jobs;
  private final RouteTable routes = new RouteTable();
  private final Javalin app;

  public SkydasServer(ServerConfig config, Registry registry, Accounts accounts, Clock clock) {
    this(config, registry, accounts, clock, null);
  }

  /**
   * @param coverage computes the OGC collection {@code coverage} from the registry's sensor records
   *     (null: no such collection)
   */
  public SkydasServer(
      ServerConfig config,
      Registry registry,
      Accounts accounts,
      Clock clock,
      CoverageSource coverage) {
    this.config = config;
    this.jobs =
        new JobManager(
            config.jobTypes(),
            config.workDir(),
            1,
            clock,
            new lt.skydas.server.jobs.JobStore(registry.store()));
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(
                new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));
    Requests requests = new Requests(json, config.maxBody_bytes());
    Responses responses = new Responses(json);
    lt.skydas.server.http.ClientAddress clients =
        new lt.skydas.server.http.ClientAddress(config.trustedProxies());
    new AccountApi(
            accounts,
            new LoginThrottle(clock, registry.store()),
            clients,
            config.secureCookies(),
            requests,
            responses)
        .routes(routes);
    new TokenApi(accounts.tokens(), requests, responses).routes(routes);
    new RecordApi(
            registry,
            requests,
            responses,
            config.workDir().resolve("uploads"),
            config.maxBody_bytes())
        .routes(routes);
    new OgcApi(
            registry,
            config.layers(),
            jobs,
            responses,
            coverage,
            new lt.skydas.server.http.PublicBase(
                config.publicUrl(), config.host(), config.trustedProxies()))
        .routes(routes);
    new JobApi(jobs, requests, responses).routes(routes);
    new ProgrammeApi(registry, responses).routes(routes);
    new lt.skydas.server.api.PolicyApi(registry, requests, responses).routes(routes);
    new MetaApi(registry, responses).routes(routes);
    Gate gate = new Gate(accounts, config.maxBody_bytes(), clients);
    this.app = Javalin.create(cfg -> configure(cfg, config));
    app.before(gate::headers);
    long minRate = config.limits().minRequestDataRate_Bps();
    app.before(ctx -> ctx.attribute(lt.skydas.server.http.Requests.MIN_RATE_ATTRIBUTE, minRate));
    Problems.install(app, json);
    routes.mount(app, gate);
  }

  private static void configure(io.javalin.config.JavalinConfig cfg, ServerConfig config) {
    cfg.showJavalinBanner = false;
    cfg.http.maxRequestSize = config.maxBody_bytes();
    // a slow client holds a worker thread while its body trickles in (issue 18, finding 1): bodies
    // slower than the minimum rate are cut off by Requests.body after a short grace (Jetty's own
    // check also failed small bodies read late on a busy server), reads wait at most the idle
    // timeout
    ServerConfig.Limits limits = config.limits();
    org.eclipse.jetty.util.thread.QueuedThreadPool pool =
        new org.eclipse.jetty.util.thread.QueuedThreadPool(limits.maxThreads(), 8, 60_000);
    pool.setName("skydas-http");
    cfg.jetty.threadPool = pool;
    cfg.jetty.modifyHttpConfiguration(
        http -> {
          http.setIdleTimeout(limits.idleTimeout().toMillis());
        });
    lt.skydas.server.http.JettyProblems jettyProblems = new lt.skydas.server.http.JettyProblems();
    cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(jettyProblems));
    // the one connector, ours (Javalin adds none beside it): HTTPS only with a certificate, else
    // plain HTTP; idle timeout and the per-address limit on it
    java.security.KeyStore ks;
    char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
    ks =
        config.tls() == null
            ? null
            : lt.skydas.server.http.TlsKeys.load(
                config.tls().certificate(), config.tls().privateKey(), pw);
    lt.skydas.server.http.PerAddressLimit perAddress =
        new lt.skydas.server.http.PerAddressLimit(
            limits.maxConnectionsPerAddress(), config.trustedProxies());
    cfg.jetty.addConnector(
        (server, http) -> {
          org.eclipse.jetty.server.ServerConnector c;
          if (ks == null) {
            c =
                new org.eclipse.jetty.server.ServerConnector(
                    server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
          } else {
            org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl =
                new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            ssl.setKeyStore(ks);
            ssl.setKeyStorePassword(new String(pw));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            org.eclipse.jetty.server.HttpConfiguration https =
                new org.eclipse.jetty.server.HttpConfiguration(http);
            https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer());
            c =
                new org.eclipse.jetty.server.ServerConnector(
                    server,
                    new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                    new org.eclipse.jetty.server.HttpConnectionFactory(https));
          }
          c.setHost(config.host());
          c.setPort(config.port());
          c.setIdleTimeout(limits.idleTimeout().toMillis());
          c.addBean(perAddress);
          return c;
        });
    cfg.jetty.modifyServer(
        server -> {
          server.setErrorHandler(jettyProblems);
        });
    cfg.router.ignoreTrailingSlashes = true;
    if (SkydasServer.class.getResource("/web/index.html") != null) {
      cfg.staticFiles.add(
          sf -> {
            sf.hostedPath = "/";
            sf.directory = "/web";
            sf.location = Location.CLASSPATH;
            sf.precompress = false;
          });
    }
  }

  /** Starts listening; returns this. */
  public SkydasServer start() {
    try {
      app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.net.BindException) {
          jobs.close();
          throw new lt.skydas.core.problem.SkydasProblem(
              lt.skydas.core.problem.ProblemCode.USAGE,
              "cannot listen on "
                  + config.host()
                  + ":"
                  + config.port()
                  + ": "
                  + t.getMessage()
                  + " (another server there? choose another --port)");
        }
      }
      throw e;
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return (config.tls() != null ? "https://" : "http://")
        + (config.host().contains(":") ? "[" + config.host() + "]" : config.host())
        + ":"
        + port();
  }

  /** The route table (read-only). */
  public List<RouteSpec> routes() {
    return routes.specs();
  }

  public JobManager jobs() {
    return jobs;
  }

  @Override
  public void close() {
    app.stop();
    jobs.close();
  }
}
