package dev.synergylink.tinyplus;

/**
 * A response's body was larger than the client reads ({@link TinyPlusClientBuilder#maxResponseBytes(long)}, by
 * default {@value TinyPlusClientBuilder#DEFAULT_MAX_RESPONSE_BYTES} bytes): the client stopped reading at that limit
 * rather than run out of memory. Not retried. A page of 100 records is far below the default, so this points at a
 * server in trouble or one that is not tiny+; check the base URL. After a create answered 2xx ({@link #status()})
 * the record exists.
 */
public class TinyPlusResponseTooLargeException extends TinyPlusUnreadableResponseException {
  private final long maxResponseBytes;

  /**
   * A response past the limit.
   *
   * @param detail what was too large
   * @param status the HTTP status of the response
   * @param requestId the server's {@code X-Request-Id}, or null
   * @param method the HTTP method
   * @param path the path without query
   * @param maxResponseBytes the limit that was passed
   */
  public TinyPlusResponseTooLargeException(String detail, int status, @Nullable String requestId, String method,
      String path, long maxResponseBytes) {
    super(detail, status, requestId, method, path, null, null);
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * The limit the response passed.
   *
   * @return the most bytes of a body the client reads
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }
}
