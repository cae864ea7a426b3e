package dev.synergylink.tinyplus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root of every failure of a tiny+ call. It carries the HTTP status (0 when no response came), the server's
 * {@code X-Request-Id}, the method and path of the call and the server's field errors, all of them in
 * {@link #getMessage()}. Subclasses say what the caller does next. A message never holds a token.
 *
 * <p>Constructors are public so that in-process implementations of {@link TinyPlusClient} can throw the same
 * exceptions as the HTTP client.
 */
public class TinyPlusApiException extends RuntimeException {
  private final int status;
  private final String requestId;
  private final String method;
  private final String path;
  private final String detail;
  private final Map<String, List<String>> fieldErrors;

  /**
   * A failure of one call.
   *
   * @param detail what went wrong and, where known, how to fix it (the server's {@code message})
   * @param status the HTTP status, or 0 when no response came
   * @param requestId the server's {@code X-Request-Id}, or null
   * @param method the HTTP method, e.g. {@code GET}, or null when no call was made
   * @param path the path of the call without query, e.g. {@code /projects/12}, or null when no call was made
   * @param fieldErrors the server's {@code errors}: messages per field; null or empty when none
   * @param cause the underlying failure, or null
   */
  public TinyPlusApiException(
      String detail,
      int status,
      @Nullable String requestId,
      @Nullable String method,
      @Nullable String path,
      @Nullable Map<String, List<String>> fieldErrors,
      @Nullable Throwable cause) {
    super(compose(detail, status, requestId, method, path, fieldErrors), cause);
    this.detail = detail;
    this.status = status;
    this.requestId = requestId;
    this.method = method;
    this.path = path;
    this.fieldErrors = copy(fieldErrors);
  }

  /**
   * The HTTP status.
   *
   * @return the status, or 0 when no response came
   */
  public int status() {
    return status;
  }

  /**
   * The server's {@code X-Request-Id}, to quote to tiny+ support.
   *
   * @return the id, or null
   */
  @Nullable
  public String requestId() {
    return requestId;
  }

  /**
   * The HTTP method of the failed call.
   *
   * @return e.g. {@code PATCH}, or null
   */
  @Nullable
  public String method() {
    return method;
  }

  /**
   * The path of the failed call, without query.
   *
   * @return e.g. {@code /contacts/7}, or null
   */
  @Nullable
  public String path() {
    return path;
  }

  /**
   * What went wrong, without the call's details.
   *
   * @return e.g. {@code Project not found.}
   */
  public String detail() {
    return detail;
  }

  /**
   * The server's validation messages per field ({@code errors}).
   *
   * @return an unmodifiable map in the server's order, empty when none
   */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> fieldErrors) {
    if (fieldErrors == null || fieldErrors.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fieldErrors.forEach((k, v) -> copy.put(k, v == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  private static String compose(
      String detail, int status, String requestId, String method, String path, Map<String, List<String>> fieldErrors) {
    StringBuilder sb = new StringBuilder(detail == null ? "tiny+ call failed" : detail);
    if (method != null || status != 0 || requestId != null) {
      sb.append(" (");
      String sep = "";
      if (status != 0) {
        sb.append("HTTP ").append(status);
        sep = " ";
      }
      if (method != null) {
        sb.append(sep).append(status != 0 ? "from " : "").append(method).append(' ').append(path);
        sep = ", ";
      }
      if (requestId != null) {
        sb.append(sep).append("request id ").append(requestId);
      }
      sb.append(')');
    }
    if (fieldErrors != null && !fieldErrors.isEmpty()) {
      sb.append("; field errors: ");
      String sep = "";
      for (Map.Entry<String, List<String>> e : fieldErrors.entrySet()) {
        sb.append(sep).append(e.getKey()).append(": ").append(e.getValue() == null ? "" : String.join(", ", e.getValue()));
        sep = "; ";
      }
    }
    return sb.toString();
  }
}
