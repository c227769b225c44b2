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

  /** One attempt that fails. */
  static void fail(LoginThrottle t, String user, String address) {
    try (LoginThrottle.Attempt a = t.begin(user, address)) {
      assertThat(a.allowed()).as(user + " at " + address).isTrue();
      a.failed();
    }
  }

  static long wait(LoginThrottle t, String user, String address) {
    try (LoginThrottle.Attempt a = t.begin(user, address)) {
      return a.waitSeconds();
    }
  }

  @Test
  void fiveFreeFailuresPerUserAndAddressThenDoublingWaitsThatExpire() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_PER_USER_AND_ADDRESS; i++) {
      fail(t, "ona", "10.0.0.1");
    }
    assertThat(wait(t, "ona", "10.0.0.1")).isEqualTo(2);
    assertThat(wait(t, "ONA ", "10.0.0.1")).as("names are normalised").isEqualTo(2);
    assertThat(wait(t, "ona", "10.0.0.9")).as("the real user, at another address").isZero();
    assertThat(wait(t, "jonas", "10.0.0.1")).as("another user, same address").isZero();
    clock.now = clock.now.plusSeconds(2);
    fail(t, "ona", "10.0.0.1");
    assertThat(wait(t, "ona", "10.0.0.1")).isEqualTo(4);
    clock.now = clock.now.plusSeconds(5);
    assertThat(wait(t, "ona", "10.0.0.1")).isZero();
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    fail(t, "ona", "10.0.0.1");
    assertThat(wait(t, "ona", "10.0.0.1")).as("the window has passed: counting anew").isZero();
  }

  /** Attempts in flight count: 60 begun at once, before any fails, let five through. */
  @Test
  void attemptsInFlightAreCountedBeforeTheirPasswordIsChecked() {
    LoginThrottle t = new LoginThrottle(new Manual());
    java.util.List<LoginThrottle.Attempt> open = new java.util.ArrayList<>();
    int allowed = 0;
    for (int i = 0; i < 60; i++) {
      LoginThrottle.Attempt a = t.begin("ona", "10.0.0.1");
      open.add(a);
      if (a.allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(LoginThrottle.FREE_PER_USER_AND_ADDRESS);
    open.forEach(
        a -> {
          a.failed();
          a.close();
        });
    assertThat(wait(t, "ona", "10.0.0.1")).isEqualTo(2);
    // an attempt abandoned without an answer (an exception) gives its place back
    LoginThrottle u = new LoginThrottle(new Manual());
    for (int i = 0; i < 10; i++) {
      u.begin("jonas", "10.0.0.2").close();
    }
    assertThat(wait(u, "jonas", "10.0.0.2")).isZero();
  }

  /** Guesses from many addresses slow the user everywhere, but for a minute at most. */
  @Test
  void distributedGuessingBacksOffTheUserBriefly() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_PER_USER + 20; i++) {
      fail(t, "ona", "10.1." + (i / 200) + "." + (i % 200));
      clock.now = clock.now.plusSeconds(61);
    }
    clock.now = clock.now.minusSeconds(61);
    assertThat(wait(t, "ona", "10.0.0.1")).isBetween(1L, LoginThrottle.MAX_WAIT_USER_S);
    clock.now = clock.now.plusSeconds(LoginThrottle.MAX_WAIT_USER_S);
    assertThat(wait(t, "ona", "10.0.0.1")).isZero();
  }

  @Test
  void oneAddressIsThrottledAfterManyFailuresOverManyUsersAndASuccessClearsOnlyTheUser() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      fail(t, "user" + i, "10.0.0.2");
    }
    assertThat(wait(t, "fresh", "10.0.0.2")).isPositive();
    assertThat(wait(t, "fresh", "10.0.0.3")).isZero();
    for (int i = 0; i < LoginThrottle.FREE_PER_USER_AND_ADDRESS - 1; i++) {
      fail(t, "ona", "10.0.0.4");
    }
    try (LoginThrottle.Attempt a = t.begin("ona", "10.0.0.4")) {
      a.succeeded();
    }
    for (int i = 0; i < LoginThrottle.FREE_PER_USER_AND_ADDRESS - 1; i++) {
      fail(t, "ona", "10.0.0.4");
    }
    assertThat(wait(t, "ona", "10.0.0.4")).as("counting anew after the success").isZero();
  }

  /** Issue 18: a restart reset login throttling; with a store the counters survive it. */
  @Test
  void countersSurviveARestartWithAStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Manual clock = new Manual();
    try (var store =
        lt.skydas.registry.store.JdbcStore.open(dir.resolve("r.gpkg").toString(), true)) {
      LoginThrottle t = new LoginThrottle(clock, store);
      for (int i = 0; i < LoginThrottle.FREE_PER_USER_AND_ADDRESS; i++) {
        fail(t, "ona", "10.0.0.1");
      }
      assertThat(wait(t, "ona", "10.0.0.1")).isEqualTo(2);
      LoginThrottle restarted = new LoginThrottle(clock, store);
      assertThat(wait(restarted, "ona", "10.0.0.1")).isEqualTo(2);
      clock.now = clock.now.plusSeconds(2);
      try (LoginThrottle.Attempt a = restarted.begin("ona", "10.0.0.1")) {
        assertThat(a.allowed()).isTrue();
        a.succeeded();
      }
      assertThat(wait(new LoginThrottle(clock, store), "ona", "10.0.0.1"))
          .as("a success cleared the user's counters in the store too")
          .isZero();
    }
  }
}
