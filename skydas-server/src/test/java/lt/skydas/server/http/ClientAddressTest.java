package lt.skydas.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void forwardedForIsBelievedOnlyFromATrustedProxy() {
    ClientAddress none = new ClientAddress(Set.of());
    assertThat(none.of("203.0.113.9", "10.0.0.1")).as("no proxy trusted").isEqualTo("203.0.113.9");
    ClientAddress proxied = new ClientAddress(Set.of("127.0.0.1", "10.9.0.1"));
    assertThat(proxied.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
    assertThat(proxied.of("127.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(proxied.of("203.0.113.9", "198.51.100.7"))
        .as("a client that is no proxy")
        .isEqualTo("203.0.113.9");
    assertThat(proxied.of("127.0.0.1", "1.2.3.4, 198.51.100.7"))
        .as("what the client wrote itself, left of the proxy's entry, is not believed")
        .isEqualTo("198.51.100.7");
    assertThat(proxied.of("127.0.0.1", "198.51.100.7, 10.9.0.1"))
        .as("a chain of trusted proxies")
        .isEqualTo("198.51.100.7");
    assertThat(proxied.of("127.0.0.1", "2001:db8::7")).isEqualTo("2001:db8::7");
    assertThat(proxied.of("127.0.0.1", "evil<script>")).isEqualTo("127.0.0.1");
  }
}
