package dev.synergylink.synergy;

import java.time.Duration;

/**
 * Waits. The client waits through it for the time a server asks for ({@code Retry-After}), so a test can record
 * the wait instead of sleeping. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Blocks the calling thread for {@code duration}.
   *
   * @param duration how long, not negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real thing: {@link Thread#sleep(long)}.
   *
   * @return a sleeper that blocks the thread
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
