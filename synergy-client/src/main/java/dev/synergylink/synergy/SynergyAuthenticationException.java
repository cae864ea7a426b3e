package dev.synergylink.synergy;

import java.util.Map;

/**
 * The credentials were refused (401), or the OAuth connection is dead (the refresh token expired or was
 * revoked): the user must reconnect to Synergy through the authorize URL, or the host must supply a new API key.
 */
public class SynergyAuthenticationException extends SynergyApiException {
  /**
   * An authentication failure.
   *
   * @param reason what went wrong and how to reconnect, without any secret
   * @param status the HTTP status (401, or 400 from the token endpoint), or 0 when no call was made
   * @param requestId the request id, or {@code null}
   * @param method the HTTP method
   * @param path the request path
   * @param cause the underlying failure, or {@code null}
   */
  public SynergyAuthenticationException(String reason, int status, @Nullable String requestId, String method,
      String path, @Nullable Throwable cause) {
    super(reason, status, requestId, method, path, Map.of(), cause);
  }
}
