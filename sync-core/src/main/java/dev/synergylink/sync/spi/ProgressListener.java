package dev.synergylink.sync.spi;

import dev.synergylink.sync.RecordType;

/**
 * Hears how far a manual download or upload has come, for a progress bar. Called on the engine's calling thread
 * after each record; must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * Progress so far.
   *
   * @param type the record type being sent
   * @param done how many records are done (created, linked, updated, unchanged, skipped or failed)
   * @param total how many records the source side listed at the start (it may change while the run goes)
   */
  void onProgress(RecordType type, long done, long total);

  /**
   * A listener that ignores progress.
   *
   * @return the listener
   */
  static ProgressListener none() {
    return (type, done, total) -> {};
  }
}
