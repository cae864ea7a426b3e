package dev.synergylink.tinyplus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.tinyplus.TinyPlusNotFoundException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The retry rules and delays, without a server. */
class TinyPlusContractTest {
  private static final Instant NOW = Instant.parse("2026-10-21T07:27:00Z");
  private static final Duration HALF_SECOND = Duration.ofMillis(500);
  private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);
  private static final Duration MINUTE = Duration.ofSeconds(60);

  private static TinyPlusRateLimitedException rateLimited(Duration retryAfter) {
    return new TinyPlusRateLimitedException("slow down", null, "GET", "/projects", retryAfter, null);
  }

  private static TinyPlusServerException server(int status) {
    return new TinyPlusServerException("failed", status, null, "GET", "/projects", null, null);
  }

  @Test
  void retryAfter_isHonouredExactly_atLeast_andAtMostTenPercentMore() {
    assertThat(TinyPlusContract.delay(rateLimited(Duration.ofSeconds(7)), 1, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(TinyPlusContract.delay(rateLimited(Duration.ofSeconds(7)), 3, HALF_SECOND, THIRTY_SECONDS, MINUTE,
        0.999)).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700));
  }

  @Test
  void retryAfter_isCapped() {
    assertThat(TinyPlusContract.delay(rateLimited(Duration.ofHours(1)), 1, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0))
        .isEqualTo(MINUTE);
  }

  @Test
  void backoff_doublesWithJitter_upToTheMaximum() {
    Throwable failure = server(503);
    assertThat(TinyPlusContract.delay(failure, 1, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0.5)).isEqualTo(HALF_SECOND);
    assertThat(TinyPlusContract.delay(failure, 2, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0.5))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(TinyPlusContract.delay(failure, 3, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0))
        .isEqualTo(Duration.ofMillis(1500));   // 2 s - 25 %
    assertThat(TinyPlusContract.delay(failure, 4, HALF_SECOND, THIRTY_SECONDS, MINUTE, 1))
        .isEqualTo(Duration.ofSeconds(5));     // 4 s + 25 %
    assertThat(TinyPlusContract.delay(failure, 20, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0.5))
        .isEqualTo(THIRTY_SECONDS);
    // a 429 without Retry-After backs off like any other failure
    assertThat(TinyPlusContract.delay(rateLimited(null), 1, HALF_SECOND, THIRTY_SECONDS, MINUTE, 0.5))
        .isEqualTo(HALF_SECOND);
  }

  @Test
  void retryable_are429_502_503_504_andTransport() {
    assertThat(TinyPlusContract.isRetryable(rateLimited(null))).isTrue();
    assertThat(TinyPlusContract.isRetryable(server(502))).isTrue();
    assertThat(TinyPlusContract.isRetryable(server(503))).isTrue();
    assertThat(TinyPlusContract.isRetryable(server(504))).isTrue();
    assertThat(TinyPlusContract.isRetryable(new TinyPlusTransportException("reset", "GET", "/x", new IOException())))
        .isTrue();
    assertThat(TinyPlusContract.isRetryable(server(500))).isFalse();
    assertThat(TinyPlusContract.isRetryable(
        new TinyPlusNotFoundException("gone", 404, null, "GET", "/x", null, null))).isFalse();
  }

  @Test
  void post_isAmbiguousUnlessNothingCanHaveBeenWritten() {
    assertThat(TinyPlusContract.isAmbiguousForPost(rateLimited(null))).isFalse();
    assertThat(TinyPlusContract.isAmbiguousForPost(
        new TinyPlusTransportException("refused", "POST", "/x", new ConnectException()))).isFalse();
    assertThat(TinyPlusContract.isAmbiguousForPost(
        new TinyPlusTransportException("reset", "POST", "/x", new IOException()))).isTrue();
    assertThat(TinyPlusContract.isAmbiguousForPost(server(503))).isTrue();
  }

  @Test
  void retryAfterHeader_isWholeSeconds() {
    assertThat(TinyPlusContract.parseRetryAfter("12", NOW)).isEqualTo(Duration.ofSeconds(12));
    assertThat(TinyPlusContract.parseRetryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    assertThat(TinyPlusContract.parseRetryAfter("-1", NOW)).isNull();
    assertThat(TinyPlusContract.parseRetryAfter("soon", NOW)).isNull();
    assertThat(TinyPlusContract.parseRetryAfter("", NOW)).isNull();
    assertThat(TinyPlusContract.parseRetryAfter(null, NOW)).isNull();
  }

  @Test
  void retryAfterHeader_asAnHttpDate_isTheWaitUntilThen_inEveryRfc9110Format() {
    // NOW is 2026-10-21T07:27:00Z
    assertThat(TinyPlusContract.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(60));
    assertThat(TinyPlusContract.parseRetryAfter("Wednesday, 21-Oct-26 07:28:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(TinyPlusContract.parseRetryAfter("Wed Oct 21 07:29:00 2026", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(TinyPlusContract.parseRetryAfter("Wed, 21 Oct 2026 07:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }
}
