package dev.synergylink.sync.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A fixed-window request counter per key (an organisation, a token). Windows are aligned to the epoch, so a daily
 * window resets at 00:00 UTC and a per-second window at each whole second. Not thread-safe: its fake locks.
 */
final class RateLimiter {
  private final Duration window;
  private int limit;
  private boolean enforced;
  private final Map<String, long[]> used = new HashMap<>();

  /** A counter that reports against {@code limit} but enforces nothing until {@link #enforce(int)}. */
  RateLimiter(Duration window, int limit) {
    this.window = window;
    this.limit = limit;
  }

  int limit() {
    return limit;
  }

  /** Enforces {@code limit} from now on; 0 or less switches enforcement off (counting goes on). */
  void enforce(int limit) {
    this.enforced = limit > 0;
    if (limit > 0) {
      this.limit = limit;
    }
  }

  boolean enforced() {
    return enforced;
  }

  /** Whether one more request for {@code key} fits in the current window (always when not enforced). */
  boolean hasRoom(String key, Instant now) {
    return !enforced || slot(key, now)[1] < limit;
  }

  /** Counts one request for {@code key} at {@code now}. */
  void acquire(String key, Instant now) {
    slot(key, now)[1]++;
  }

  /** Requests left in the current window; the limit when nothing was sent. */
  int remaining(String key, Instant now) {
    long[] slot = slot(key, now);
    return (int) Math.max(0, limit - slot[1]);
  }

  /** Start of the next window. */
  Instant nextReset(Instant now) {
    long w = window.toMillis();
    long start = Math.floorDiv(now.toEpochMilli(), w) * w;
    return Instant.ofEpochMilli(start + w);
  }

  /** Whole seconds from now to the next window, at least 1. */
  Duration retryAfter(Instant now) {
    long millis = Duration.between(now, nextReset(now)).toMillis();
    return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
  }

  private long[] slot(String key, Instant now) {
    long w = window.toMillis();
    long start = Math.floorDiv(now.toEpochMilli(), w);
    long[] slot = used.computeIfAbsent(key, k -> new long[] {start, 0});
    if (slot[0] != start) {
      slot[0] = start;
      slot[1] = 0;
    }
    return slot;
  }
}
