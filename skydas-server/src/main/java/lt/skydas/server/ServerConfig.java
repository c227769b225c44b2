package lt.skydas.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lt.skydas.server.jobs.JobType;

/**
 * How {@code skydas serve} runs.
 *
 * @param host address to bind (default loopback; a reverse proxy terminates TLS in front)
 * @param port TCP port, 0 for any free one
 * @param maxBody_bytes largest request body accepted; larger ones get 413
 * @param secureCookies mark the session cookie {@code Secure} (set it behind HTTPS)
 * @param sessionTtl how long a session lives
 * @param layers folder of the region's GeoJSON layers served by OGC API Features (null: none)
 * @param workDir where background jobs write their outputs
 * @param jobTypes the long jobs clients may start, by name
 * @param limits what one slow or greedy client may hold
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-*} headers are
 *     believed
 * @param publicUrl the URL clients reach the server at (links start with it; null: see {@link
 *     lt.skydas.server.http.PublicBase})
 * @param tls the certificate chain and private key to serve HTTPS with (null: plain HTTP, e.g.
 *     behind a TLS proxy)
 */
public record ServerConfig(
    String host,
    int port,
    long maxBody_bytes,
    boolean secureCookies,
    Duration sessionTtl,
    Path layers,
    Path workDir,
    Map<String, JobType> jobTypes,
    Limits limits,
    java.util.Set<String> trustedProxies,
    java.net.URI publicUrl,
    Tls tls) {
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535");
    }
    if (maxBody_bytes < 1024) {
      throw new IllegalArgumentException("maxBody_bytes must be at least 1024");
    }
    jobTypes = Map.copyOf(jobTypes);
    trustedProxies = java.util.Set.copyOf(trustedProxies);
    if (publicUrl != null
        && (publicUrl.getHost() == null
            || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))
            || publicUrl.getQuery() != null
            || publicUrl.getFragment() != null)) {
      throw new IllegalArgumentException(
          "the public URL must be http(s)://host[:port][/path], not " + publicUrl);
    }
  }

  /**
   * What a slow or greedy client may hold of the server.
   *
   * @param maxThreads worker threads (Jetty's pool; requests beyond them wait in its queue)
   * @param minRequestDataRate_Bps a request body arriving slower than this, on average since its
   *     first byte, is cut off with 408 (slow-upload attacks hold a thread per connection)
   * @param idleTimeout how long a read or write may wait without any data
   * @param maxConnectionsPerAddress open connections one client address may hold (trusted proxies
   *     exempt)
   */
  public record Limits(
      int maxThreads,
      long minRequestDataRate_Bps,
      Duration idleTimeout,
      int maxConnectionsPerAddress) {
    /** With the default of 100 connections per address. */
    public Limits(int maxThreads, long minRequestDataRate_Bps, Duration idleTimeout) {
      this(maxThreads, minRequestDataRate_Bps, idleTimeout, 100);
    }

    public Limits {
      if (maxConnectionsPerAddress < 1) {
        throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1");
      }
      if (maxThreads < 8) {
        throw new IllegalArgumentException("maxThreads must be at least 8");
      }
      if (minRequestDataRate_Bps < 0) {
        throw new IllegalArgumentException("minRequestDataRate_Bps must be at least 0");
      }
    }

    /** 200 threads, bodies at 1 KiB/s at least, 30 s idle, 100 connections per address. */
    public static Limits defaults() {
      return new Limits(200, 1024, Duration.ofSeconds(30), 100);
    }
  }

  /** Loopback, any free port, 8 MiB bodies, 12 h sessions, no layers, no jobs. */
  public static ServerConfig defaults(Path workDir) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        8L << 20,
        false,
        Duration.ofHours(12),
        null,
        workDir,
        Map.of(),
        Limits.defaults(),
        java.util.Set.of(),
        null,
        null);
  }

  /**
   * PEM files of the server's certificate (chain) and its private key (PKCS #8).
   *
   * @param certificate the certificate, then any intermediates
   * @param privateKey {@code -----BEGIN PRIVATE KEY-----} (RSA or EC)
   */
  public record Tls(java.nio.file.Path certificate, java.nio.file.Path privateKey) {}

  /** A copy to change, field by field ({@code cfg.with(b -> b.port = 8443)}). */
  public ServerConfig with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** The fields of a config, to change before {@link #build}. Not thread-safe. */
  public static final class Builder {
    public String host;
    public int port;
    public long maxBody_bytes;
    public boolean secureCookies;
    public Duration sessionTtl;
    public Path layers;
    public Path workDir;
    public Map<String, JobType> jobTypes;
    public Limits limits;
    public java.util.Set<String> trustedProxies;
    public java.net.URI publicUrl;
    public Tls tls;

    Builder(ServerConfig c) {
      host = c.host;
      port = c.port;
      maxBody_bytes = c.maxBody_bytes;
      secureCookies = c.secureCookies;
      sessionTtl = c.sessionTtl;
      layers = c.layers;
      workDir = c.workDir;
      jobTypes = c.jobTypes;
      limits = c.limits;
      trustedProxies = c.trustedProxies;
      publicUrl = c.publicUrl;
      tls = c.tls;
    }

    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          maxBody_bytes,
          secureCookies,
          sessionTtl,
          layers,
          workDir,
          jobTypes,
          limits,
          trustedProxies,
          publicUrl,
          tls);
    }
  }

  public ServerConfig withPort(int p) {
    return with(b -> b.port = p);
  }

  public ServerConfig withHost(String h) {
    return with(b -> b.host = h);
  }

  public ServerConfig withLayers(Path l) {
    return with(b -> b.layers = l);
  }

  public ServerConfig withMaxBody(long bytes) {
    return with(b -> b.maxBody_bytes = bytes);
  }

  public ServerConfig withSecureCookies(boolean s) {
    return with(b -> b.secureCookies = s);
  }

  public ServerConfig withLimits(Limits l) {
    return with(b -> b.limits = l);
  }

  public ServerConfig withTrustedProxies(java.util.Set<String> p) {
    return with(b -> b.trustedProxies = p);
  }

  public ServerConfig withPublicUrl(java.net.URI u) {
    return with(b -> b.publicUrl = u);
  }

  public ServerConfig withTls(Tls t) {
    return with(b -> b.tls = t);
  }

  public ServerConfig withJobTypes(Map<String, JobType> j) {
    return with(b -> b.jobTypes = j);
  }
}
