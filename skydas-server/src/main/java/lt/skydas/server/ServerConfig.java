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
 */
public record ServerConfig(
    String host,
    int port,
    long maxBody_bytes,
    boolean secureCookies,
    Duration sessionTtl,
    Path layers,
    Path workDir,
    Map<String, JobType> jobTypes) {
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535");
    }
    if (maxBody_bytes < 1024) {
      throw new IllegalArgumentException("maxBody_bytes must be at least 1024");
    }
    jobTypes = Map.copyOf(jobTypes);
  }

  /** Loopback, any free port, 8 MiB bodies, 12 h sessions, no layers, no jobs. */
  public static ServerConfig defaults(Path workDir) {
    return new ServerConfig(
        "127.0.0.1", 0, 8L << 20, false, Duration.ofHours(12), null, workDir, Map.of());
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host, p, maxBody_bytes, secureCookies, sessionTtl, layers, workDir, jobTypes);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(
        h, port, maxBody_bytes, secureCookies, sessionTtl, layers, workDir, jobTypes);
  }

  public ServerConfig withLayers(Path l) {
    return new ServerConfig(
        host, port, maxBody_bytes, secureCookies, sessionTtl, l, workDir, jobTypes);
  }

  public ServerConfig withMaxBody(long b) {
    return new ServerConfig(host, port, b, secureCookies, sessionTtl, layers, workDir, jobTypes);
  }

  public ServerConfig withSecureCookies(boolean s) {
    return new ServerConfig(host, port, maxBody_bytes, s, sessionTtl, layers, workDir, jobTypes);
  }

  public ServerConfig withJobTypes(Map<String, JobType> j) {
    return new ServerConfig(
        host, port, maxBody_bytes, secureCookies, sessionTtl, layers, workDir, j);
  }
}
