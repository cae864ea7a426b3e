package dev.synergylink.sync;

import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The state of a connection for a UI: per record type how many linked pairs are in sync, how many records are
 * failing or excluded, how many links are orphaned; each failure with its error and next retry.
 */
@SyncStyle
@Value.Immutable
public interface SyncHealth {
  /** The counts of one record type. */
  @SyncStyle
  @Value.Immutable
  interface Counts {
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
  }

  /**
   * The counts per record type (every type appears).
   *
   * @return the counts
   */
  Map<RecordType, Counts> counts();

  /**
   * Every failing or excluded record with its error and next retry.
   *
   * @return the failures
   */
  List<RecordFailure> failures();

  /**
   * The orphaned links.
   *
   * @return the links
   */
  List<Link> orphanedLinks();

  /**
   * The counts of a record type.
   *
   * @param type the type
   * @return the counts
   */
  default Counts counts(RecordType type) {
    return counts().get(type);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSyncHealth.Builder builder() {
    return ImmutableSyncHealth.builder();
  }
}
