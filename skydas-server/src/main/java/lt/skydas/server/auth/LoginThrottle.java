package lt.skydas.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Login throttling (issue 18, finding 2). Every attempt is counted <i>before</i> its password is
 * checked ({@link #begin}), so parallel guesses cannot slip past the count, and failures back off
 * on three counters, each with its own free failures in a window of {@link #WINDOW}:
 *
 * <ul>
 *   <li>the user at one client address: {@value #FREE_PER_USER_AND_ADDRESS} free, then waits
 *       doubling from 2 s up to 15 min — a guesser at one address slows down only there;
 *   <li>the user over all addresses: {@value #FREE_PER_USER} free, then waits doubling up to
 *       {@value #MAX_WAIT_USER_S} s — distributed guessing slows down, but nobody can lock the user
 *       out for long from elsewhere;
 *   <li>one address over all users: {@value #FREE_PER_ADDRESS} free, then waits doubling up to 15
 *       min (the address is the client's as the trusted proxies report it, not the proxy's).
 * </ul>
 *
 * Within the free failures, at most as many attempts as are left may be in flight; beyond them, one
 * at a time after its wait. A success clears the user's counters (not the address's). In memory: a
 * restart forgets, which only helps a user. Thread-safe (one lock; logins are rare).
 */
public final class LoginThrottle {
  static final int FREE_PER_USER_AND_ADDRESS = 5;
  static final int FREE_PER_USER = 50;
  static final int FREE_PER_ADDRESS = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final long MAX_WAIT_S = 900;
  static final long MAX_WAIT_USER_S = 60;

  /** Counters of one key; guarded by the throttle's lock. */
  private static final class Entry {
    int failures;
    int inFlight;
    long lastFailure_ms;
  }

  private final Map<String, Entry> entries = new HashMap<>();
  private final Clock clock;
  private final lt.skydas.registry.RegistryStore store;

  /** Counters in memory only. */
  public LoginThrottle(Clock clock) {
    this(clock, null);
  }

  /** Counters kept in {@code store} (null: memory only), loaded now. */
  public LoginThrottle(Clock clock, lt.skydas.registry.RegistryStore store) {
    this.clock = clock;
    this.store = store;
    if (store != null) {
      long since = clock.millis() - WINDOW.toMillis();
      store.read(
          c -> {
            try (java.sql.PreparedStatement p =
                c.prepareStatement(
                    "SELECT key, failures, last_failure_ms FROM skydas_login_failure"
                        + " WHERE last_failure_ms > ?")) {
              p.setLong(1, since);
              try (java.sql.ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  Entry e = new Entry();
                  e.failures = rs.getInt(2);
                  e.lastFailure_ms = rs.getLong(3);
                  entries.put(rs.getString(1), e);
                }
              }
            }
            return null;
          });
    }
  }

  /** Writes the keys' counters through to the store (removing those at zero). */
  private void persist(String... keys) {
    if (store == null) {
      return;
    }
    try {
      store.write(
          c -> {
            try (java.sql.PreparedStatement d =
                    c.prepareStatement("DELETE FROM skydas_login_failure WHERE key = ?");
                java.sql.PreparedStatement i =
                    c.prepareStatement(
                        "INSERT INTO skydas_login_failure (key, failures, last_failure_ms)"
                            + " VALUES (?, ?, ?)")) {
              for (String k : keys) {
                d.setString(1, k);
                d.executeUpdate();
                Entry e = entries.get(k);
                if (e != null && e.failures > 0) {
                  i.setString(1, k);
                  i.setInt(2, e.failures);
                  i.setLong(3, e.lastFailure_ms);
                  i.executeUpdate();
                }
              }
              // counters past the window are of no use
              try (java.sql.PreparedStatement old =
                  c.prepareStatement(
                      "DELETE FROM skydas_login_failure WHERE last_failure_ms < ?")) {
                old.setLong(1, clock.millis() - WINDOW.toMillis());
                old.executeUpdate();
              }
            }
            return null;
          });
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(LoginThrottle.class)
          .error("login failures could not be stored: {}", e.toString());
    }
  }

  /**
   * One login attempt, counted from {@link #begin} on: if {@link #allowed()}, check the password
   * and report {@link #failed()} or {@link #succeeded()}; {@link #close()} in any case (a finally).
   */
  public final class Attempt implements AutoCloseable {
    private final String[] keys;
    private final long wait_s;
    private boolean open;

    private Attempt(String[] keys, long wait_s) {
      this.keys = keys;
      this.wait_s = wait_s;
      this.open = wait_s == 0;
    }

    public boolean allowed() {
      return wait_s == 0;
    }

    /** Seconds to wait before trying again (0 when allowed). */
    public long waitSeconds() {
      return wait_s;
    }

    /** A wrong password: every counter counts it. */
    public void failed() {
      synchronized (LoginThrottle.this) {
        if (!open) {
          return;
        }
        long now = clock.millis();
        for (String k : keys) {
          Entry e = entries.computeIfAbsent(k, x -> new Entry());
          e.inFlight = Math.max(0, e.inFlight - 1);
          if (now - e.lastFailure_ms > WINDOW.toMillis()) {
            e.failures = 0;
          }
          e.failures++;
          e.lastFailure_ms = now;
        }
        open = false;
        persist(keys);
      }
    }

    /** The right password: the user's counters are cleared, the address's stays. */
    public void succeeded() {
      synchronized (LoginThrottle.this) {
        if (!open) {
          return;
        }
        entries.remove(keys[0]);
        entries.remove(keys[1]);
        release(keys[2]);
        open = false;
        persist(keys[0], keys[1]);
      }
    }

    @Override
    public void close() {
      synchronized (LoginThrottle.this) {
        if (open) {
          for (String k : keys) {
            release(k);
          }
          open = false;
        }
      }
    }
  }

  /** Counts an attempt for this user from this address, or says how long to wait. */
  public synchronized Attempt begin(String username, String address) {
    String user = norm(username);
    String[] keys = {"p:" + user + "\u001f" + address, "u:" + user, "a:" + address};
    int[] free = {FREE_PER_USER_AND_ADDRESS, FREE_PER_USER, FREE_PER_ADDRESS};
    long[] maxWait = {MAX_WAIT_S, MAX_WAIT_USER_S, MAX_WAIT_S};
    long now = clock.millis();
    long wait = 0;
    for (int i = 0; i < keys.length; i++) {
      wait = Math.max(wait, wait(keys[i], free[i], maxWait[i], now));
    }
    if (wait > 0) {
      return new Attempt(keys, wait);
    }
    for (String k : keys) {
      entries.computeIfAbsent(k, x -> new Entry()).inFlight++;
    }
    if (entries.size() > 100_000) {
      entries
          .entrySet()
          .removeIf(
              x ->
                  x.getValue().inFlight == 0
                      && now - x.getValue().lastFailure_ms > WINDOW.toMillis());
    }
    return new Attempt(keys, 0);
  }

  /**
   * Seconds until an attempt on this key may start: the back-off after the free failures, or 1 s
   * while the attempts in flight could use up what is left.
   */
  private long wait(String key, int free, long maxWait_s, long now) {
    Entry e = entries.get(key);
    if (e == null) {
      return 0;
    }
    int failures = now - e.lastFailure_ms > WINDOW.toMillis() ? 0 : e.failures;
    if (failures >= free) {
      long delay_s = Math.min(maxWait_s, 1L << Math.min(20, failures - free + 1));
      long until = e.lastFailure_ms + delay_s * 1000;
      if (until > now) {
        return (until - now + 999) / 1000;
      }
    }
    int mayBeInFlight = failures < free ? free - failures : 1;
    return e.inFlight >= mayBeInFlight ? 1 : 0;
  }

  private void release(String key) {
    Entry e = entries.get(key);
    if (e != null) {
      e.inFlight = Math.max(0, e.inFlight - 1);
      if (e.inFlight == 0 && e.failures == 0) {
        entries.remove(key);
      }
    }
  }

  private static String norm(String u) {
    // no control characters (a NUL cannot be stored), at most 100 characters
    String n = u == null ? "" : u.strip().toLowerCase(java.util.Locale.ROOT);
    n = n.replaceAll("\\p{Cntrl}", "?");
    return n.length() > 100 ? n.substring(0, 100) : n;
  }
}
