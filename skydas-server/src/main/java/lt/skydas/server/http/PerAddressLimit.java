package lt.skydas.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * At most {@code max} open connections from one client address (issue 18, finding 1: about 250
 * connections from one attacker held every worker thread). A connection over the limit is closed as
 * soon as it opens. Trusted proxies are exempt (every client behind them shares their address;
 * limit there). Thread-safe.
 */
public final class PerAddressLimit implements Connection.Listener {
  private final int max;
  private final Set<String> exempt;
  private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

  /** Each counted connection's address (at close the socket no longer knows it). */
  private final ConcurrentHashMap<Connection, String> counted = new ConcurrentHashMap<>();

  public PerAddressLimit(int max, Set<String> exempt) {
    this.max = max;
    this.exempt = Set.copyOf(exempt);
  }

  private static String address(Connection c) {
    SocketAddress a = c.getEndPoint().getRemoteSocketAddress();
    return a instanceof InetSocketAddress i && i.getAddress() != null
        ? i.getAddress().getHostAddress()
        : String.valueOf(a);
  }

  @Override
  public void onOpened(Connection c) {
    String a = address(c);
    if (exempt.contains(a)) {
      return;
    }
    counted.put(c, a);
    int n = open.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet();
    if (n > max) {
      org.slf4j.LoggerFactory.getLogger(PerAddressLimit.class)
          .warn("{}: more than {} connections at once; the new one is closed", a, max);
      c.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection c) {
    String a = counted.remove(c);
    if (a == null) {
      return; // exempt, or never counted
    }
    open.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  /** Open connections from {@code address} now (for tests). */
  int openFrom(String address) {
    AtomicInteger n = open.get(address);
    return n == null ? 0 : n.get();
  }
}
