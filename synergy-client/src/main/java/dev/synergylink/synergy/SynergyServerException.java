package dev.synergylink.synergy;

import java.time.Duration;
import java.util.Map;

/**
 * Synergy had trouble (5xx). Reads and patches were retried already (502, 503, 504); try again later. After a
 * create this is ambiguous: the record may exist, reconcile by {@code externalReference} before creating again.
 */
public class SynergyServerException extends SynergyApiException {
  private final Duration retryAfter;

  /**
   * A server failure.
   *
   * @param reason what the server said
   * @param status the HTTP status, 500 to 599
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param retryAfter the server's {@code Retry-After} (503), or {@code null}
   */
  public SynergyServerException(String reason, int status, @Nullable String requestId, String method,
      String path, @Nullable Duration retryAfter) {
    super(reason, status, requestId, method, path, Map.of(), null);
    this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
  }

  /**
   * How long the server asked to wait.
   *
   * @return the wait; {@link Duration#ZERO} when the server did not say
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
