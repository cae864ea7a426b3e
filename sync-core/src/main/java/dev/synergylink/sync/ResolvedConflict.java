package dev.synergylink.sync;

import dev.synergylink.sync.spi.FieldConflict;
import org.immutables.value.Value;

/** A field conflict, how it was settled and the value that lost (kept so that no edit is silently lost). */
@SyncStyle
@Value.Immutable
public interface ResolvedConflict {
  /**
   * The conflict.
   *
   * @return the field, both values and the base
   */
  FieldConflict conflict();

  /**
   * The side whose value was kept.
   *
   * @return the winner
   */
  Side winner();

  /**
   * The value that was overwritten.
   *
   * @return the losing value, or null when the loser had cleared the field
   */
  @Nullable
  default String losingValue() {
    return winner() == Side.SYNERGY ? conflict().tinyPlusValue() : conflict().synergyValue();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableResolvedConflict.Builder builder() {
    return ImmutableResolvedConflict.builder();
  }
}
