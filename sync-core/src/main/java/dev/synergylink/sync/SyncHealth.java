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
  /**
   * The counts per record type (every type appears).
   *
   * @return the counts
   */
  Map<RecordType, HealthCounts> counts();

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
  default HealthCounts counts(RecordType type) {
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
