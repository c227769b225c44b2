package lt.skydas.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves. */
  static final class Manual extends Clock {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId z) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void fiveFreeFailuresPerUserThenDoublingWaitsThatExpire() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      assertThat(t.waitSeconds("ona", "10.0.0.1")).as("attempt %d", i).isZero();
      t.failed("ona", "10.0.0.1");
    }
    assertThat(t.waitSeconds("ona", "10.0.0.9")).isEqualTo(2);
    assertThat(t.waitSeconds("ONA ", "10.0.0.9")).as("names are normalised").isEqualTo(2);
    assertThat(t.waitSeconds("jonas", "10.0.0.1")).as("another user, same address").isZero();
    t.failed("ona", "10.0.0.1");
    assertThat(t.waitSeconds("ona", "10.0.0.1")).isEqualTo(4);
    clock.now = clock.now.plusSeconds(5);
    assertThat(t.waitSeconds("ona", "10.0.0.1")).isZero();
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    t.failed("ona", "10.0.0.1");
    assertThat(t.waitSeconds("ona", "10.0.0.1"))
        .as("the window has passed: counting anew")
        .isZero();
  }

  @Test
  void oneAddressIsThrottledAfterManyFailuresOverManyUsersAndASuccessClearsOnlyTheUser() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      t.failed("user" + i, "10.0.0.2");
    }
    assertThat(t.waitSeconds("fresh", "10.0.0.2")).isPositive();
    assertThat(t.waitSeconds("fresh", "10.0.0.3")).isZero();
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      t.failed("ona", "10.0.0.4");
    }
    t.succeeded("ona");
    assertThat(t.waitSeconds("ona", "10.0.0.4")).isZero();
  }
}
