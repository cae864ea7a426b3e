package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import java.util.Map;
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
   * The last-synced snapshot, the base of the three-way merge: rule name to the normalised value both sides
   * agreed on; a rule with no value is absent. A field the two sides were left disagreeing on (a value the other
   * side could not take, such as a tiny+ assignee linked with no staff member, or a change of a tiny+ project held
   * back in a locked status) also keeps each side's own base under the rule name followed by {@code @synergy} and
   * {@code @tinyplus} (an empty value as the single character U+0000; a held-back tiny+ change as U+0000 followed
   * by {@code pending}, which no value equals), so that neither reads as changed until it is.
   *
   * @return the snapshot
   */
  Map<String, String> snapshot();

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
