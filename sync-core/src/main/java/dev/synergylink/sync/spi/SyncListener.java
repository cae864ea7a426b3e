package dev.synergylink.sync.spi;

import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.SyncReport;

/**
 * Hears what a run does, record by record: for audit logs and live views. Called on the engine's calling thread;
 * must be quick and must not throw (an exception is caught and logged at DEBUG). Every method does nothing by
 * default.
 */
public interface SyncListener {
  /**
   * A record was created, linked, updated, found unchanged, skipped, failed or orphaned.
   *
   * @param event what happened
   */
  default void onRecord(RecordEvent event) {}

  /**
   * A field conflict was settled.
   *
   * @param conflict the conflict, the winner and the losing value
   */
  default void onConflict(ResolvedConflict conflict) {}

  /**
   * A run finished.
   *
   * @param report its report
   */
  default void onRunFinished(SyncReport report) {}
}
