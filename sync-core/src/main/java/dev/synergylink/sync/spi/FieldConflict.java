package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One field changed on both sides since the last sync, to different values: what a {@link ConflictPolicy} decides.
 */
@SyncStyle
@Value.Immutable
public interface FieldConflict {
  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * The rule's name.
   *
   * @return the field rule name
   */
  String field();

  /**
   * The rule's direction.
   *
   * @return the direction
   */
  Direction direction();

  /**
   * The Synergy record's id.
   *
   * @return the id
   */
  long synergyId();

  /**
   * The tiny+ record's id.
   *
   * @return the id
   */
  long tinyPlusId();

  /**
   * The value both sides agreed on at the last sync, raw (as a side held it; compared normalised).
   *
   * @return the base value, or null
   */
  @Nullable
  String base();

  /**
   * Synergy's value now.
   *
   * @return the value, or null
   */
  @Nullable
  String synergyValue();

  /**
   * tiny+'s value now.
   *
   * @return the value, or null
   */
  @Nullable
  String tinyPlusValue();

  /**
   * When the Synergy record last changed.
   *
   * @return the instant
   */
  Instant synergyModified();

  /**
   * When the tiny+ record last changed (whole seconds).
   *
   * @return the instant
   */
  Instant tinyPlusModified();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableFieldConflict.Builder builder() {
    return ImmutableFieldConflict.builder();
  }
}
