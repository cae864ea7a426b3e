package dev.synergylink.synergy;

import java.time.Duration;
import java.util.Map;

/**
 * Too many calls (429): the per-token rate or the organisation's daily quota is spent, or this client's own
 * throttle could not get a permit in time (status 0). Wait {@link #retryAfter()} and try again; see
 * {@link SynergyClient#lastQuota()} for the daily budget.
 */
public class SynergyRateLimitedException extends SynergyApiException {
  private final Duration retryAfter;

  /**
   * A rate limit failure.
   *
   * @param reason what limit was hit
   * @param status 429, or 0 for this client's own throttle
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when it sent none
   * @param cause the underlying failure, or {@code null}
   */
  public SynergyRateLimitedException(String reason, int status, @Nullable String requestId, String method,
      String path, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(reason, status, requestId, method, path, Map.of(), cause);
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
