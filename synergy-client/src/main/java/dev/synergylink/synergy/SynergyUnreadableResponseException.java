package dev.synergylink.synergy;

import java.util.Map;

/**
 * Synergy answered with a body this client cannot read (malformed JSON, a missing required member). The message
 * names the endpoint and what was expected; the write, if any, did happen.
 */
public class SynergyUnreadableResponseException extends SynergyApiException {
  /**
   * An unreadable answer.
   *
   * @param reason what was expected and what was wrong
   * @param status the HTTP status of the answer
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param cause the parser's failure, or {@code null}
   */
  public SynergyUnreadableResponseException(String reason, int status, @Nullable String requestId, String method,
      String path, @Nullable Throwable cause) {
    super(reason, status, requestId, method, path, Map.of(), cause);
  }
}
