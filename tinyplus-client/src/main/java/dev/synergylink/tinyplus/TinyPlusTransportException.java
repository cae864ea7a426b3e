package dev.synergylink.tinyplus;

/**
 * No response came: a timeout, a reset connection, a refused connection. Reads and patches were retried before this
 * was thrown. The outcome of a write is unknown: a POST is never resent by the client; look the record up by the
 * {@code remote_id} it was created with before creating it again.
 */
public class TinyPlusTransportException extends TinyPlusApiException {
  /**
   * A call that got no response.
   *
   * @param detail what went wrong
   * @param method the HTTP method, or null
   * @param path the path without query, or null
   * @param cause the I/O failure, or null
   */
  public TinyPlusTransportException(
      String detail, @Nullable String method, @Nullable String path, @Nullable Throwable cause) {
    super(detail, 0, null, method, path, null, cause);
  }
}
