package dev.synergylink.sync;

import org.immutables.value.Value;

/**
 * The health of one record type (see {@link SyncHealth#counts()}): how many linked pairs are in sync, how many
 * records are failing, excluded or orphaned, how many fields of linked pairs are not synced and how many pairs hold
 * their tiny+ changes back.
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
   * Fields of linked pairs that are not synced: each side keeps its own value because the target would not take
   * it (for example tiny+ keeps an active team member's email). Each was reported once as
   * {@link RecordOutcome#FIELD_NOT_SYNCED}, with the reason and what to do; it stays counted until either side
   * changes it. Those pairs still count {@link #inSync()} for their other fields.
   *
   * @return the count, 0 by default
   */
  @Value.Default
  default int fieldsNotSynced() {
    return 0;
  }

  /**
   * Linked pairs whose tiny+ changes are held back: a project parked in a locked status sends nothing to Synergy
   * until it moves to an unlocked one (Synergy's changes still reach it), and a tiny+ change that won a conflict waits
   * for what it needs (a contact's company to be synced).
   *
   * @return the count, 0 by default
   */
  @Value.Default
  default int heldBack() {
    return 0;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableHealthCounts.Builder builder() {
    return ImmutableHealthCounts.builder();
  }
}
