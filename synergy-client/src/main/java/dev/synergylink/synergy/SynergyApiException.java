package dev.synergylink.synergy;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Synergy call failed. The root of every exception of this client; unchecked. Subclasses say what the caller
 * does next: {@link SynergyAuthenticationException} (reconnect), {@link SynergyPermissionException} (use an
 * Administrator), {@link SynergyNotFoundException}, {@link SynergyValidationException} (fix the fields),
 * {@link SynergyRateLimitedException} (wait), {@link SynergyServerException} and
 * {@link SynergyTransportException} (try later; a write may or may not have happened) and
 * {@link SynergyUnreadableResponseException}. An answer that fits none of them (an unexpected redirect or
 * status) is this class itself.
 *
 * <p>The message holds the status, request id, method, path and field errors; never a token or secret.
 * In-process implementations of {@link SynergyClient} may throw these too, see {@link #forStatus}.
 */
public class SynergyApiException extends RuntimeException {
  private final int status;
  private final String requestId;
  private final String method;
  private final String path;
  private final Map<String, List<String>> fieldErrors;
  private final String reason;

  /**
   * An exception for a failed call.
   *
   * @param reason what went wrong and how to fix it, without any secret
   * @param status the HTTP status, or 0 when no answer was received
   * @param requestId the server's {@code X-Request-Id}, or {@code null}
   * @param method the HTTP method, such as {@code "GET"}
   * @param path the request path, such as {@code "/api/v2/Organisation/acme/Projects/7"}
   * @param fieldErrors field name to messages, empty when none
   * @param cause the underlying failure, or {@code null}
   */
  public SynergyApiException(String reason, int status, @Nullable String requestId, String method, String path,
      Map<String, List<String>> fieldErrors, @Nullable Throwable cause) {
    super(describe(reason, status, requestId, method, path, fieldErrors), cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.status = status;
    this.requestId = requestId;
    this.method = Objects.requireNonNull(method, "method == null");
    this.path = Objects.requireNonNull(path, "path == null");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(fieldErrors, "fieldErrors == null").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.fieldErrors = Collections.unmodifiableMap(copy);
  }

  /**
   * The exception that fits an error answer with this status: 400 {@link SynergyValidationException}, 401
   * {@link SynergyAuthenticationException}, 403 {@link SynergyPermissionException}, 404
   * {@link SynergyNotFoundException}, 429 {@link SynergyRateLimitedException}, 5xx
   * {@link SynergyServerException}, anything else this class.
   *
   * @param status the HTTP status
   * @param reason what went wrong, without any secret
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param fieldErrors field name to messages, empty when none
   * @param retryAfter how long to wait (429 and 503), or {@code null}
   * @return the exception, not thrown
   */
  public static SynergyApiException forStatus(int status, String reason, @Nullable String requestId,
      String method, String path, Map<String, List<String>> fieldErrors, @Nullable Duration retryAfter) {
    switch (status) {
      case 400:
        return new SynergyValidationException(reason, requestId, method, path, fieldErrors);
      case 401:
        return new SynergyAuthenticationException(reason, status, requestId, method, path, null);
      case 403:
        return new SynergyPermissionException(reason, requestId, method, path);
      case 404:
        return new SynergyNotFoundException(reason, requestId, method, path);
      case 429:
        return new SynergyRateLimitedException(reason, status, requestId, method, path, retryAfter, null);
      default:
        if (status >= 500 && status <= 599) {
          return new SynergyServerException(reason, status, requestId, method, path, retryAfter);
        }
        return new SynergyApiException(reason, status, requestId, method, path, fieldErrors, null);
    }
  }

  private static String describe(String reason, int status, @Nullable String requestId, String method,
      String path, Map<String, List<String>> fieldErrors) {
    StringBuilder text = new StringBuilder(reason).append(" (").append(method).append(' ').append(path);
    text.append(status == 0 ? ", no response" : ", status " + status);
    if (requestId != null) {
      text.append(", request id ").append(requestId);
    }
    text.append(')');
    if (!fieldErrors.isEmpty()) {
      text.append(" field errors: ").append(fieldErrors);
    }
    return text.toString();
  }

  /**
   * The HTTP status of the answer.
   *
   * @return the status, or 0 when no answer was received
   */
  public int status() {
    return status;
  }

  /**
   * The server's request id, to quote to Synergy support.
   *
   * @return the id, or {@code null} when there was none
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The HTTP method of the failed call.
   *
   * @return the method, such as {@code "PATCH"}
   */
  public String method() {
    return method;
  }

  /**
   * The path of the failed call, without the query.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The server's complaints per field (400 answers).
   *
   * @return field name to messages; empty when none
   */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /**
   * What went wrong, without the call details that {@link #getMessage()} adds.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
