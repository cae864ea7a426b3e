package dev.synergylink.synergy;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  /**
   * An opt-in listener that logs each exchange at INFO to the slf4j logger {@code dev.synergylink.synergy.calls}:
   * method, path, status and time; never a header or a body.
   *
   * @return the listener
   */
  static SynergyCallListener logging() {
    Logger log = LoggerFactory.getLogger("dev.synergylink.synergy.calls");
    return (method, path, status, elapsed) ->
        log.info("{} {} -> {} in {} ms", method, path, status == 0 ? "no answer" : status, elapsed.toMillis());
  }
}
