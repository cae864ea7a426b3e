package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A Synergy record and a tiny+ record kept in sync, with what they agreed on at the last sync. Unique per record
 * type on each side: one Synergy id has at most one link, and so has one tiny+ id.
 */
@SyncStyle
@Value.Immutable
public interface Link {
  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * The Synergy id.
   *
   * @return the id
   */
  long synergyId();

  /**
   * The tiny+ id.
   *
   * @return the id
   */
  long tinyPlusId();

  /**
   * The pair's merge base: what both sides agreed on at the last sync, field by field, and what each side was last
   * seen holding where they were left apart. Written and read by the engine only; a store keeps it as it is.
   *
   * @return the encoded state
   */
  EncodedState state();

  /**
   * The Synergy record's {@code modifiedDate} after the engine's last write or read of it: a listed version older
   * than this is stale (Synergy lists lag behind writes) and is ignored. Null on a link saved before the first write
   * to its pair that did not complete: the engine reads that record before it next merges the pair.
   *
   * @return the instant, or null when unknown
   */
  @Nullable
  Instant synergyModified();

  /**
   * The tiny+ record's {@code modified_date} after the engine's last write or read of it. Null on a link saved before
   * the first write to its pair that did not complete, and on one whose write of the markers to the tiny+ record did
   * not complete: the engine reads that record before it next merges the pair.
   *
   * @return the instant, or null when unknown
   */
  @Nullable
  Instant tinyPlusModified();

  /**
   * Whether one of the records was deleted: the pair is no longer synced, nothing is recreated, nothing is deleted.
   *
   * @return true when orphaned
   */
  @Value.Default
  default boolean orphaned() {
    return false;
  }

  /**
   * When the link was made or last synced.
   *
   * @return the instant
   */
  Instant syncedAt();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableLink.Builder builder() {
    return ImmutableLink.builder();
  }
}
