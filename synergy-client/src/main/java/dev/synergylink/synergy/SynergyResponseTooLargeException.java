package dev.synergylink.synergy;

/**
 * An answer's body was larger than the client reads ({@link SynergyClientBuilder#maxResponseBytes(long)}, by
 * default {@value SynergyClientBuilder#DEFAULT_MAX_RESPONSE_BYTES} bytes): the client stopped reading at that
 * limit rather than run out of memory. Not retried. A page of 100 records is far below the default, so this
 * points at a server in trouble or one that is not Synergy; check {@code baseUrl}. After a create answered 2xx
 * ({@link #status()}) the record exists.
 */
public class SynergyResponseTooLargeException extends SynergyUnreadableResponseException {
  private final long maxResponseBytes;

  /**
   * An answer past the limit.
   *
   * @param reason what was too large
   * @param status the HTTP status of the answer
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param maxResponseBytes the limit that was passed
   */
  public SynergyResponseTooLargeException(String reason, int status, @Nullable String requestId, String method,
      String path, long maxResponseBytes) {
    super(reason, status, requestId, method, path, null);
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * The limit the answer passed.
   *
   * @return the most bytes of a body the client reads
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }
}
