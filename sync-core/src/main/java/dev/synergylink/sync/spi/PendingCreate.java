package dev.synergylink.sync.spi;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * An intent to create a record on one side for a record of the other, saved before the create and completed when
 * the link is saved. One found at the start of a later run means the run stopped in between: the engine looks the
 * marker up on the target side and links what it finds, so no second record is ever created.
 */
@SyncStyle
@Value.Immutable
public interface PendingCreate {
  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * The side the record is created on.
   *
   * @return the target side
   */
  Side target();

  /**
   * The id of the record on the other side that the new record copies.
   *
   * @return the source id
   */
  long sourceId();

  /**
   * The marker the new record carries (Synergy {@code externalReference}, tiny+ {@code remote_id}).
   *
   * @return the marker
   */
  String marker();

  /**
   * What the create sends, as the original held it then. When the copy is found and linked in a later run, after
   * someone edited it, this is the pair's merge base, so that an edit of either record since is merged instead of
   * overwritten. Written and read by the engine only; a store keeps it as it is.
   *
   * @return the encoded values sent
   */
  EncodedState sent();

  /**
   * When the intent was saved.
   *
   * @return the instant
   */
  Instant createdAt();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutablePendingCreate.Builder builder() {
    return ImmutablePendingCreate.builder();
  }
}
