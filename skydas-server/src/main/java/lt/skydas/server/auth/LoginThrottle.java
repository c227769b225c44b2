package lt.skydas.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login throttling per user name and per client address: after {@value #FREE} failures within the
 * window, each further attempt must wait, doubling from 2 s up to 15 min. A success clears the
 * user's counter (not the address's). In memory: a restart forgets, which only helps a user.
 * Thread-safe.
 */
public final class LoginThrottle {
  static final int FREE = 5;
  static final int FREE_PER_ADDRESS = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final long MAX_WAIT_S = 900;

  private record Entry(int failures, long firstFailure_ms, long lastFailure_ms) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds to wait before an attempt for this user from this address is allowed (0: now). */
  public long waitSeconds(String username, String address) {
    return Math.max(wait("u:" + norm(username), FREE), wait("a:" + address, FREE_PER_ADDRESS));
  }

  public void failed(String username, String address) {
    bump("u:" + norm(username));
    bump("a:" + address);
  }

  public void succeeded(String username) {
    entries.remove("u:" + norm(username));
  }

  private static String norm(String u) {
    return u == null ? "" : u.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private long wait(String key, int free) {
    Entry e = entries.get(key);
    long now = clock.millis();
    if (e == null || e.failures() < free) {
      return 0;
    }
    long delay_s = Math.min(MAX_WAIT_S, 1L << Math.min(20, e.failures() - free + 1));
    long until = e.lastFailure_ms() + delay_s * 1000;
    if (now - e.lastFailure_ms() > WINDOW.toMillis()) {
      entries.remove(key, e);
      return 0;
    }
    return Math.max(0, (until - now + 999) / 1000);
  }

  private void bump(String key) {
    long now = clock.millis();
    entries.compute(
        key,
        (k, e) ->
            e == null || now - e.lastFailure_ms() > WINDOW.toMillis()
                ? new Entry(1, now, now)
                : new Entry(e.failures() + 1, e.firstFailure_ms(), now));
    if (entries.size() > 100_000) {
      entries.entrySet().removeIf(x -> now - x.getValue().lastFailure_ms() > WINDOW.toMillis());
    }
  }
}
