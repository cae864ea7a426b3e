package dev.synergylink.synergy;

import java.util.Map;

/** There is no such record (404): it never existed or was deleted in the Synergy web app. */
public class SynergyNotFoundException extends SynergyApiException {
  /**
   * A missing record (status 404).
   *
   * @param reason what was not found
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   */
  public SynergyNotFoundException(String reason, @Nullable String requestId, String method, String path) {
    super(reason, 404, requestId, method, path, Map.of(), null);
  }
}
