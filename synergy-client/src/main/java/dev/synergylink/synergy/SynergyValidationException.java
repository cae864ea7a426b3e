package dev.synergylink.synergy;

import java.util.List;
import java.util.Map;

/** The server rejected the request (400); {@link #fieldErrors()} names each field and what is wrong. */
public class SynergyValidationException extends SynergyApiException {
  /**
   * A validation failure (status 400).
   *
   * @param reason the server's message
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param fieldErrors field name to messages, empty when none
   */
  public SynergyValidationException(String reason, @Nullable String requestId, String method, String path,
      Map<String, List<String>> fieldErrors) {
    super(reason, 400, requestId, method, path, fieldErrors, null);
  }
}
