package dev.synergylink.synergy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;

/** Reads {@code Retry-After} (RFC 9110, section 10.2.3) in every form a server may send, without throwing. */
final class RetryAfter {
  /**
   * The longest wait read, in seconds (2^31 - 1, about 68 years): a longer number of seconds, of any length, is read
   * as this, as RFC 9111 (section 1.2.2) has caches read an overflowing delta.
   */
  static final long MAX_SECONDS = Integer.MAX_VALUE;

  private RetryAfter() {}

  /**
   * The wait a {@code Retry-After} value asks for: seconds of any size (cut to {@link #MAX_SECONDS}), or an HTTP
   * date in any of the three formats RFC 9110 makes recipients accept (a date in the past means no wait).
   *
   * @param header the value, or {@code null}
   * @param clock the clock a date is measured from
   * @return the wait, or {@code null} when absent or neither seconds nor a date
   */
  static Duration parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (isDigits(value)) {
      return Duration.ofSeconds(seconds(value));
    }
    Instant at;
    try {
      at = Headers.of(SynergyContract.RETRY_AFTER, value).getInstant(SynergyContract.RETRY_AFTER);
    } catch (IllegalArgumentException notAHeaderValue) {
      return null;
    }
    if (at == null) {
      return null;
    }
    Instant now = clock.instant();
    if (!at.isAfter(now)) {
      return Duration.ZERO;
    }
    Duration wait = Duration.between(now, at);
    return wait.getSeconds() >= MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : wait;
  }

  static boolean isDigits(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A run of digits as seconds, cut to {@link #MAX_SECONDS}. */
  static long seconds(String digits) {
    long seconds = 0;
    for (int i = 0; i < digits.length(); i++) {
      seconds = seconds * 10 + (digits.charAt(i) - '0');
      if (seconds >= MAX_SECONDS) {
        return MAX_SECONDS;
      }
    }
    return seconds;
  }
}
