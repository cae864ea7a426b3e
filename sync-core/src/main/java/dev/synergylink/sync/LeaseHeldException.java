package dev.synergylink.sync;

/**
 * Thrown when another engine (another worker, or another thread) is running the same connection: only one may run
 * at a time. Try again after the other run ends or its lease expires.
 */
public class LeaseHeldException extends SyncException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its message.
   *
   * @param message names the connection, the holder and when the lease expires
   */
  public LeaseHeldException(String message) {
    super(message);
  }
}
