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

  /**
   * A listener that logs through slf4j (logger {@code dev.synergylink.sync}): created, linked, updated, orphaned
   * records and conflicts at INFO (a conflict's field and winner only: its losing value, often personal data such as an
   * email or a phone number, at DEBUG, and not at all when {@code SyncSettings.valuesInReports()} is off), skipped and failed records at WARN, unchanged ones at DEBUG, each run's counts
   * at INFO as {@link SyncReport#summary()}. Opt-in: the engine itself logs only at DEBUG.
   *
   * @return the listener
   */
  static SyncListener logging() {
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("dev.synergylink.sync");
    return new SyncListener() {
      @Override
      public void onRecord(RecordEvent event) {
        switch (event.outcome()) {
          case UNCHANGED:
            log.debug("{} {} {}: unchanged (Synergy {}, tiny+ {})", event.recordType(), event.flow(),
                event.outcome(), event.synergyId(), event.tinyPlusId());
            break;
          case SKIPPED:
          case FAILED:
            log.warn("{} {} {} (Synergy {}, tiny+ {}): {}{}", event.recordType(), event.flow(), event.outcome(),
                event.synergyId(), event.tinyPlusId(), event.field() == null ? "" : event.field() + ": ",
                event.message());
            break;
          default:
            log.info("{} {} {} (Synergy {}, tiny+ {}) {}", event.recordType(), event.flow(), event.outcome(),
                event.synergyId(), event.tinyPlusId(), event.fields());
        }
      }

      @Override
      public void onConflict(ResolvedConflict conflict) {
        // values are often personal data (emails, phone numbers): INFO names the field only
        log.info("{} conflict on {} (Synergy {}, tiny+ {}): {} wins", conflict.conflict().recordType(),
            conflict.conflict().field(), conflict.conflict().synergyId(), conflict.conflict().tinyPlusId(),
            conflict.winner());
        if (log.isDebugEnabled() && !withheld(conflict)) {
          log.debug("{} conflict on {} (Synergy {}, tiny+ {}): '{}' lost", conflict.conflict().recordType(),
              conflict.conflict().field(), conflict.conflict().synergyId(), conflict.conflict().tinyPlusId(),
              conflict.losingValue());
        }
      }

      /** Both values null: the host kept values out of the report (two null values never conflict). */
      private boolean withheld(ResolvedConflict conflict) {
        return conflict.conflict().synergyValue() == null && conflict.conflict().tinyPlusValue() == null;
      }

      @Override
      public void onRunFinished(SyncReport report) {
        log.info("{}", report.summary());
      }
    };
  }
}
