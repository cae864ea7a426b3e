package dev.synergylink.tinyplus;

import java.util.List;
import java.util.Map;

/**
 * 5xx: the server failed. Reads and patches were retried before this was thrown; a POST is never resent, because
 * the record may have been created: look it up by {@code remote_id} before creating it again.
 */
public class TinyPlusServerException extends TinyPlusApiException {
  /**
   * A failure of one call.
   *
   * @param detail what went wrong and how to fix it
   * @param status the HTTP status, or 0 when no response came
   * @param requestId the server's {@code X-Request-Id}, or null
   * @param method the HTTP method, or null
   * @param path the path without query, or null
   * @param fieldErrors the server's messages per field, or null
   * @param cause the underlying failure, or null
   */
  public TinyPlusServerException(
      String detail,
      int status,
      @Nullable String requestId,
      @Nullable String method,
      @Nullable String path,
      @Nullable Map<String, List<String>> fieldErrors,
      @Nullable Throwable cause) {
    super(detail, status, requestId, method, path, fieldErrors, cause);
  }
}
