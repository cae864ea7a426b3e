package dev.synergylink.sync.spi;

import dev.synergylink.sync.SyncException;

/**
 * Thrown by a {@link StateStore} when a state change carries a lease that is no longer the connection's current
 * lease (it expired and another worker took the connection). The run stops; nothing more is written, and its
 * report says {@link dev.synergylink.sync.StopCause.Kind#LEASE_LOST}.
 */
public class LeaseLostException extends SyncException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its message.
   *
   * @param message what happened, naming the connection and the holders
   */
  public LeaseLostException(String message) {
    super(message);
  }
}
