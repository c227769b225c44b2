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
   */
  public record Limits(int maxThreads, long minRequestDataRate_Bps, Duration idleTimeout) {
    public Limits {
      if (maxThreads < 8) {
        throw new IllegalArgumentException("maxThreads must be at least 8");
      }
      if (minRequestDataRate_Bps < 0) {
        throw new IllegalArgumentException("minRequestDataRate_Bps must be at least 0");
      }
    }

    /** 200 threads, bodies at 1 KiB/s at least, 30 s idle. */
    public static Limits defaults() {
      return new Limits(200, 1024, Duration.ofSeconds(30));
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

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host,
        p,
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

  public ServerConfig withHost(String h) {
    return new ServerConfig(
        h,
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

  public ServerConfig withLayers(Path l) {
    return new ServerConfig(
        host,
        port,
        maxBody_bytes,
        secureCookies,
        sessionTtl,
        l,
        workDir,
        jobTypes,
        limits,
        trustedProxies,
        publicUrl,
        tls);
  }

  public ServerConfig withMaxBody(long b) {
    return new ServerConfig(
        host,
        port,
        b,
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

  public ServerConfig withSecureCookies(boolean s) {
    return new ServerConfig(
        host,
        port,
        maxBody_bytes,
        s,
        sessionTtl,
        layers,
        workDir,
        jobTypes,
        limits,
        trustedProxies,
        publicUrl,
        tls);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(
        host,
        port,
        maxBody_bytes,
        secureCookies,
        sessionTtl,
        layers,
        workDir,
        jobTypes,
        l,
        trustedProxies,
        publicUrl,
        tls);
  }

  public ServerConfig withTrustedProxies(java.util.Set<String> p) {
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
        p,
        publicUrl,
        tls);
  }

  public ServerConfig withPublicUrl(java.net.URI u) {
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
        u,
        tls);
  }

  /**
   * PEM files of the server's certificate (chain) and its private key (PKCS #8).
   *
   * @param certificate the certificate, then any intermediates
   * @param privateKey {@code -----BEGIN PRIVATE KEY-----} (RSA or EC)
   */
  public record Tls(java.nio.file.Path certificate, java.nio.file.Path privateKey) {}

  public ServerConfig withTls(Tls t) {
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
        t);
  }

  public ServerConfig withJobTypes(Map<String, JobType> j) {
    return new ServerConfig(
        host,
        port,
        maxBody_bytes,
        secureCookies,
        sessionTtl,
        layers,
        workDir,
        j,
        limits,
        trustedProxies,
        publicUrl,
        tls);
  }
}
