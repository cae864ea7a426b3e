package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void aDailyWindowResetsAtMidnightUtc() {
    RateLimiter daily = new RateLimiter(Duration.ofDays(1), 300);
    daily.enforce(2);
    Instant evening = Instant.parse("2026-11-28T23:59:58.500Z");

    daily.acquire("org", evening);
    daily.acquire("org", evening);

    assertThat(daily.hasRoom("org", evening)).isFalse();
    assertThat(daily.remaining("org", evening)).isZero();
    assertThat(daily.nextReset(evening)).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(daily.retryAfter(evening)).isEqualTo(Duration.ofSeconds(2));
    assertThat(daily.hasRoom("org", Instant.parse("2026-11-29T00:00:00Z"))).isTrue();
    assertThat(daily.hasRoom("other-org", evening)).isTrue();
  }

  @Test
  void anUnenforcedLimiterCountsButNeverRefuses() {
    RateLimiter perSecond = new RateLimiter(Duration.ofSeconds(1), 10);
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    for (int i = 0; i < 20; i++) {
      assertThat(perSecond.hasRoom("token", now)).isTrue();
      perSecond.acquire("token", now);
    }
    assertThat(perSecond.remaining("token", now)).isZero();
    perSecond.enforce(10);
    assertThat(perSecond.hasRoom("token", now)).isFalse();
    assertThat(perSecond.hasRoom("token", now.plusSeconds(1))).isTrue();
  }
}
