package dev.synergylink.sync;

import org.immutables.value.Value;

/** The counts of one record type in one direction of one run. */
@SyncStyle
@Value.Immutable
public interface FlowCounts {
  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * The direction.
   *
   * @return the flow
   */
  Flow flow();

  /**
   * Records created on the target side.
   *
   * @return the count
   */
  @Value.Default
  default int created() {
    return 0;
  }

  /**
   * Records linked to an existing record found on the target side.
   *
   * @return the count
   */
  @Value.Default
  default int linked() {
    return 0;
  }

  /**
   * Records whose changed fields were written to the target side.
   *
   * @return the count
   */
  @Value.Default
  default int updated() {
    return 0;
  }

  /**
   * Records seen with nothing to write (echoes, no-op edits, stale list entries).
   *
   * @return the count
   */
  @Value.Default
  default int unchanged() {
    return 0;
  }

  /**
   * Records not sent, for a reason in the report.
   *
   * @return the count
   */
  @Value.Default
  default int skipped() {
    return 0;
  }

  /**
   * Records that failed and are quarantined.
   *
   * @return the count
   */
  @Value.Default
  default int failed() {
    return 0;
  }

  /**
   * Field conflicts settled while writing in this direction.
   *
   * @return the count
   */
  @Value.Default
  default int conflicts() {
    return 0;
  }

  /**
   * Links marked orphaned because a record was deleted.
   *
   * @return the count
   */
  @Value.Default
  default int orphaned() {
    return 0;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableFlowCounts.Builder builder() {
    return ImmutableFlowCounts.builder();
  }
}
