package dev.synergylink.tinyplus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 429: more than the token's rate limit (300 requests per minute). Reads, patches and POSTs (a 429 means nothing
 * was written) were retried after {@code Retry-After} before this was thrown: wait {@link #retryAfter()} and try
 * again later.
 */
public class TinyPlusRateLimitedException extends TinyPlusApiException {
  private final Duration retryAfter;

  /**
   * A rate-limited call.
   *
   * @param detail what went wrong
   * @param requestId the server's {@code X-Request-Id}, or null
   * @param method the HTTP method, or null
   * @param path the path without query, or null
   * @param retryAfter how long the server asked to wait ({@code Retry-After}); null when it did not say
   * @param cause the underlying failure, or null
   */
  public TinyPlusRateLimitedException(
      String detail,
      @Nullable String requestId,
      @Nullable String method,
      @Nullable String path,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(detail + (retryAfter == null ? "" : "; retry after " + retryAfter.toSeconds() + " s"),
        429, requestId, method, path, (Map<String, List<String>>) null, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait.
   *
   * @return the {@code Retry-After} duration, or null when the server did not send one
   */
  @Nullable
  public Duration retryAfter() {
    return retryAfter;
  }
}
