package dev.synergylink.tinyplus;

import java.util.List;
import java.util.Map;

/**
 * 404: no such record (or path). Not retried. tiny+ deletes are soft, so a deleted record still reads with
 * {@code record_status} deleted; a 404 means the record never existed or is gone for good.
 */
public class TinyPlusNotFoundException extends TinyPlusApiException {
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
  public TinyPlusNotFoundException(
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
