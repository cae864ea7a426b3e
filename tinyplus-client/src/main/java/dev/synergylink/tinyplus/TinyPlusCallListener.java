package dev.synergylink.tinyplus;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every HTTP attempt the client makes (a retried call is several attempts), e.g. to count API calls or to
 * log. Called on the calling thread; implementations must be fast and thread-safe, and must not throw. The
 * client itself logs nothing above DEBUG; {@link #logging()} is the opt-in logger.
 */
public interface TinyPlusCallListener {
  /**
   * An attempt got a response.
   *
   * @param method the HTTP method
   * @param path the path without query
   * @param status the HTTP status
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   * @param elapsed the time the attempt took
   */
  default void onResponse(String method, String path, int status, int attempt, Duration elapsed) {}

  /**
   * An attempt failed (an error status, no response, or an unreadable body); it may still be retried.
   *
   * @param method the HTTP method
   * @param path the path without query
   * @param failure what went wrong
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   */
  default void onFailure(String method, String path, TinyPlusApiException failure, int attempt) {}

  /**
   * A listener that hears nothing.
   *
   * @return the listener
   */
  static TinyPlusCallListener none() {
    return new TinyPlusCallListener() {};
  }

  /**
   * A listener that logs each attempt and each failed attempt at DEBUG (a failed attempt is often retried, and the
   * caller gets an exception for the call that finally fails) to the logger {@code dev.synergylink.tinyplus.calls}.
   * It never logs tokens or bodies.
   *
   * @return the listener
   */
  static TinyPlusCallListener logging() {
    Logger log = LoggerFactory.getLogger("dev.synergylink.tinyplus.calls");
    return new TinyPlusCallListener() {
      @Override
      public void onResponse(String method, String path, int status, int attempt, Duration elapsed) {
        log.debug("tiny+ {} {} -> {} (attempt {}, {} ms)", method, path, status, attempt, elapsed.toMillis());
      }

      @Override
      public void onFailure(String method, String path, TinyPlusApiException failure, int attempt) {
        log.debug("tiny+ {} {} failed (attempt {}): {}", method, path, attempt, failure.getMessage());
      }
    };
  }
}
