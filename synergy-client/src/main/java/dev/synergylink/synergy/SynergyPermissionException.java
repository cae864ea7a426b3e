package dev.synergylink.synergy;

import java.util.Map;

/**
 * The user's security level does not allow this (403): connect with a user of a higher level, such as an
 * Administrator.
 */
public class SynergyPermissionException extends SynergyApiException {
  /**
   * A permission failure (status 403).
   *
   * @param reason what was refused, without any secret
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   */
  public SynergyPermissionException(String reason, @Nullable String requestId, String method, String path) {
    super(reason, 403, requestId, method, path, Map.of(), null);
  }
}
