package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.SynergyApiException;
import java.time.Duration;

/** Turns an error answer into the exception the caller gets. */
@FunctionalInterface
interface ErrorTranslator {
  SynergyApiException translate(ErrorAnswer answer);

  /**
   * An error answer.
   *
   * @param status the HTTP status
   * @param body the body text, possibly empty
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param retryAfter the {@code Retry-After} wait, or {@code null}
   */
  record ErrorAnswer(int status, String body, String requestId, String method, String path, Duration retryAfter) {}
}
