package dev.synergylink.tinyplus;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * No response came: a timeout, a reset connection, a refused connection. Reads and patches were retried before this
 * was thrown. When {@link #mayHaveReachedServer()} is {@code true} the outcome of a write is unknown: a POST is never
 * resent by the client; look the record up by the {@code remote_id} it was created with before creating it again.
 */
public class TinyPlusTransportException extends TinyPlusApiException {
  private final boolean mayHaveReachedServer;

  /**
   * A call that got no response. Whether it may have reached the server follows from {@code cause}: not when the
   * connection was refused or the host is unknown or unreachable; otherwise it may have.
   *
   * @param detail what went wrong
   * @param method the HTTP method, or null
   * @param path the path without query, or null
   * @param cause the I/O failure, or null
   */
  public TinyPlusTransportException(
      String detail, @Nullable String method, @Nullable String path, @Nullable Throwable cause) {
    this(detail, method, path, !(cause instanceof ConnectException || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException), cause);
  }

  /**
   * A call that got no response.
   *
   * @param detail what went wrong
   * @param method the HTTP method, or null
   * @param path the path without query, or null
   * @param mayHaveReachedServer {@code false} only when the request certainly was not sent
   * @param cause the failure, or null
   */
  public TinyPlusTransportException(String detail, @Nullable String method, @Nullable String path,
      boolean mayHaveReachedServer, @Nullable Throwable cause) {
    super(detail, 0, null, method, path, null, cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /**
   * Whether the server may have received (and acted on) the request. When {@code true} the outcome of a write is
   * unknown: look a created record up by its {@code remote_id} before creating it again.
   *
   * @return {@code false} only when the request certainly was not sent (no connection was made, or the call was
   *     interrupted before it was sent)
   */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
