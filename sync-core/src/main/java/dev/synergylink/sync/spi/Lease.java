package dev.synergylink.sync.spi;

import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * The right to run one connection, held by one engine at a time until it is released or expires. Every state
 * change carries it: a store refuses a change whose {@link #fencingToken()} is not the current one, so a worker
 * that lost its lease (paused past the expiry) cannot overwrite the newer worker's state.
 */
@SyncStyle
@Value.Immutable
public interface Lease {
  /**
   * The connection.
   *
   * @return the connection id
   */
  String connectionId();

  /**
   * Who holds it (for messages).
   *
   * @return the holder
   */
  String holder();

  /**
   * Grows with every grant for the connection: a higher token is a newer lease.
   *
   * @return the token
   */
  long fencingToken();

  /**
   * When the lease runs out unless renewed.
   *
   * @return the expiry
   */
  Instant expiresAt();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableLease.Builder builder() {
    return ImmutableLease.builder();
  }
}
