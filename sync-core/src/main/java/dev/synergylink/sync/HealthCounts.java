package dev.synergylink.sync;

import org.immutables.value.Value;

/**
 * The health of one record type (see {@link SyncHealth#counts()}): how many linked pairs are in sync, and how many
 * records are failing, excluded or orphaned.
 */
@SyncStyle
@Value.Immutable
public interface HealthCounts {
  /**
   * Linked pairs with no failing record and no orphan.
   *
   * @return the count
   */
  int inSync();

  /**
   * Records in quarantine because a read or write failed.
   *
   * @return the count
   */
  int failing();

  /**
   * Records that cannot be sent until something else changes (for example an unsynced company).
   *
   * @return the count
   */
  int excluded();

  /**
   * Links whose record was deleted on one side.
   *
   * @return the count
   */
  int orphaned();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableHealthCounts.Builder builder() {
    return ImmutableHealthCounts.builder();
  }
}
