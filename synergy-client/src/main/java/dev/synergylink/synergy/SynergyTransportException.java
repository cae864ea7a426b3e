package dev.synergylink.synergy;

import java.util.Map;

/**
 * No usable answer arrived: a timeout, a reset or refused connection, an unknown host. When
 * {@link #mayHaveReachedServer()} is {@code true} the outcome of a write is unknown: reconcile a create by its
 * {@code externalReference} before creating again. Lists lag writes by up to 5 seconds (the API's read replica),
 * so a lookup by {@code externalReference} finds a record created just now only once that lag has passed: look
 * again after it before concluding that the create did not happen.
 */
public class SynergyTransportException extends SynergyApiException {
  private final boolean mayHaveReachedServer;

  /**
   * A transport failure (status 0).
   *
   * @param reason what failed
   * @param method the HTTP method
   * @param path the request path
   * @param mayHaveReachedServer {@code false} only when the request certainly was not sent (no connection)
   * @param cause the underlying failure
   */
  public SynergyTransportException(String reason, String method, String path, boolean mayHaveReachedServer,
      @Nullable Throwable cause) {
    super(reason, 0, null, method, path, Map.of(), cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /**
   * Whether the server may have received (and acted on) the request.
   *
   * @return {@code false} only when no connection was made
   */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
