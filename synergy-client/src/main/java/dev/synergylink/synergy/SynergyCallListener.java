package dev.synergylink.synergy;

import java.time.Duration;

/**
 * Hears of every HTTP exchange a {@link SynergyClient} makes: each attempt of each call, retries and token
 * calls included, so a host can count what the daily quota is spent on. Called on the calling thread after the
 * answer's head arrived (or the attempt failed); must be quick and thread-safe. An exception it throws is logged
 * and otherwise ignored.
 *
 * <pre>{@code
 * LongAdder calls = new LongAdder();
 * SynergyClient synergy = SynergyClient.builder()...callListener((method, path, status, elapsed) -> calls.increment())
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface SynergyCallListener {
  /**
   * One exchange ended.
   *
   * @param method the HTTP method
   * @param path the request path, without the query
   * @param status the HTTP status, or 0 when no answer arrived
   * @param elapsed how long the exchange took
   */
  void exchanged(String method, String path, int status, Duration elapsed);

  /**
   * A listener that does nothing: the default.
   *
   * @return the listener
   */
  static SynergyCallListener none() {
    return (method, path, status, elapsed) -> { };
  }
}
