package dev.synergylink.tinyplus;

import java.util.List;
import java.util.Map;

/**
 * 409: the record duplicates an existing one, e.g. a project type whose name exists (compared case-insensitively).
 * Not retried: use the existing record.
 */
public class TinyPlusConflictException extends TinyPlusApiException {
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
  public TinyPlusConflictException(
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
